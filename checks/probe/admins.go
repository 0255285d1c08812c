package probe

import (
	"fmt"
	"slices"
	"strings"
)

// The admin check follows ANSSI's hygiene guide (measures 8 and 29): the
// account used every day must not be an administrator; administration is
// done from a separate account. So the probe fails when Hygie, which runs
// in the daily session, runs as an administrator, and lists who is one.

// adminVerdict decides once the members and the current account are known.
func adminVerdict(group string, members []string, user string, isAdmin bool) Result {
	details := fmt.Sprintf("%s: %s; current account: %s", group, list(orNone(members), 8), orNone([]string{user})[0])
	switch {
	case user == "":
		return unknown(CodeAdminNoUser, Params{}, details)
	case isAdmin:
		return fail(CodeAdminIs, Params{Name: accountName(user)}, details)
	}
	return pass(CodeAdminNot, Params{Name: accountName(user)}, details)
}

// accountName is the account as the practitioner knows it: Windows'
// "CABINET-PC\Marie" or "AzureAD\MarieDupont" without the computer or
// directory part, which stays in the details.
func accountName(user string) string {
	if i := strings.LastIndex(user, `\`); i >= 0 && i < len(user)-1 {
		return user[i+1:]
	}
	return user
}

// parseGetentGroups reads `getent group sudo wheel admin`:
// "sudo:x:27:alice,bob" lines, one per group that exists.
func parseGetentGroups(text, user string) Result {
	var members, groups []string
	for _, l := range strings.Split(text, "\n") {
		f := strings.Split(strings.TrimSpace(l), ":")
		if len(f) != 4 {
			continue
		}
		groups = append(groups, f[0])
		for _, m := range strings.Split(f[3], ",") {
			if m = strings.TrimSpace(m); m != "" && !slices.Contains(members, m) {
				members = append(members, m)
			}
		}
	}
	if len(groups) == 0 {
		return unknown(CodeAdminNoGroup, Params{}, "getent group sudo wheel admin: none of these groups")
	}
	label := "group " + strings.Join(groups, "/")
	if user == "root" {
		return fail(CodeAdminRoot, Params{}, fmt.Sprintf("running as root; %s: %s", label, list(orNone(members), 8)))
	}
	return adminVerdict(label, members, user, slices.Contains(members, user))
}

func orNone(members []string) []string {
	if len(members) == 0 || (len(members) == 1 && members[0] == "") {
		return []string{"none"}
	}
	return members
}

// winAdmins is what the admin script prints: the members of the group
// with SID S-1-5-32-544 (named "Administrateurs" on French Windows) and
// whether the current account is in it, directly or through a group.
type winAdmins struct {
	User         flex
	UserSID      flex
	Members      many[winMember]
	MembersError flex
	TokenAdmin   flex // whoami /groups lists S-1-5-32-544, even when UAC filters it
}

type winMember struct {
	Name flex
	SID  flex
}

// parseWinAdmins reads the admin script's JSON.
func parseWinAdmins(text string) Result {
	var a winAdmins
	if err := decodePS(text, &a); err != nil {
		return unknown(CodeUnreadable, Params{}, "admin script: "+err.Error())
	}
	var names []string
	admin, _ := a.TokenAdmin.boolean()
	for _, m := range a.Members {
		names = append(names, m.Name.String())
		admin = admin || (m.SID.String() != "" && m.SID.String() == a.UserSID.String())
	}
	if len(names) == 0 && a.MembersError.String() != "" && !admin {
		return unknown(CodeAdminNoList, Params{}, "Get-LocalGroupMember: "+clip(a.MembersError.String(), 120))
	}
	return adminVerdict("group S-1-5-32-544 (Administrators)", names, a.User.String(), admin)
}

// parseDsclAdmin reads `dscl . -read /Groups/admin GroupMembership`:
// "GroupMembership: root alice".
func parseDsclAdmin(text, user string) Result {
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), "GroupMembership:")
	if !ok {
		return unknown(CodeUnreadable, Params{}, "dscl: "+firstLine(text))
	}
	var members []string
	for _, m := range strings.Fields(rest) {
		if m != "root" { // root is always there and disabled by default
			members = append(members, m)
		}
	}
	return adminVerdict("group admin", members, user, slices.Contains(members, user))
}
