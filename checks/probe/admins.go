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
	list := "aucun membre"
	if len(members) > 0 {
		list = listFR(members, 6)
	}
	if user == "" {
		return unknown(fmt.Sprintf("%s : %s", group, list), "Hygie n'a pas pu savoir sous quel compte il fonctionne.")
	}
	if isAdmin {
		return fail(fmt.Sprintf("Votre compte « %s » est administrateur (%s : %s)", user, group, list))
	}
	return pass(fmt.Sprintf("Votre compte « %s » n'est pas administrateur (%s : %s)", user, group, list))
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
		return unknown("getent group sudo wheel admin : aucun de ces groupes", "Hygie ne trouve pas le groupe des administrateurs de cet ordinateur.")
	}
	label := "groupe " + strings.Join(groups, "/")
	if user == "root" {
		return fail("Hygie fonctionne sous le compte root, qui a tous les droits (" + label + " : " + listFR(orNone(members), 6) + ")")
	}
	return adminVerdict(label, members, user, slices.Contains(members, user))
}

func orNone(members []string) []string {
	if len(members) == 0 {
		return []string{"aucun membre"}
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
		return unknown("Administrateurs : réponse illisible", "Hygie n'a pas pu lire le groupe Administrateurs.")
	}
	var names []string
	admin, _ := a.TokenAdmin.boolean()
	for _, m := range a.Members {
		names = append(names, m.Name.String())
		admin = admin || (m.SID.String() != "" && m.SID.String() == a.UserSID.String())
	}
	if len(names) == 0 && a.MembersError.String() != "" && !admin {
		return unknown("Get-LocalGroupMember : "+clip(a.MembersError.String(), 120), "Windows n'a pas donné la liste des administrateurs.")
	}
	return adminVerdict("groupe Administrateurs", names, a.User.String(), admin)
}

// parseDsclAdmin reads `dscl . -read /Groups/admin GroupMembership`:
// "GroupMembership: root alice".
func parseDsclAdmin(text, user string) Result {
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), "GroupMembership:")
	if !ok {
		return unknown("dscl : "+firstLine(text), "Hygie n'a pas pu lire le groupe admin de macOS.")
	}
	var members []string
	for _, m := range strings.Fields(rest) {
		if m != "root" { // root is always there and disabled by default
			members = append(members, m)
		}
	}
	return adminVerdict("groupe admin", members, user, slices.Contains(members, user))
}
