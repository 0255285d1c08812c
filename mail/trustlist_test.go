package mail

import (
	"os"
	"strings"
	"testing"
)

func loadTrustList(t *testing.T) *TrustList {
	t.Helper()
	f, err := os.Open("testdata/trustlist.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := ParseTrustList(f)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestParseTrustList(t *testing.T) {
	l := loadTrustList(t)
	if l.Len() != 3 {
		t.Errorf("Len() = %d, want 3 distinct domains", l.Len())
	}
	if l.Generated != "2025-11-17T06:00:00" {
		t.Errorf("Generated = %q", l.Generated)
	}
	d, ok := l.Lookup("Masseur-Kinesitherapeute.MSSante.fr")
	if !ok || d.Operator != "AGENCE DU NUMERIQUE EN SANTE" {
		t.Errorf("Lookup(masseur-kinesitherapeute) = %+v, %v", d, ok)
	}
	if _, ok := l.Lookup("formation.mssante.fr"); ok {
		t.Error("Lookup(formation.mssante.fr) found a domain that is not listed")
	}
}

func TestParseTrustListRejects(t *testing.T) {
	for _, in := range []string{"", "<html></html>", "<ListeBlancheMSSante><Domaine><Nom>x"} {
		if _, err := ParseTrustList(strings.NewReader(in)); err == nil {
			t.Errorf("ParseTrustList(%q) succeeded, want an error", in)
		}
	}
}

var trustSpaceCases = []struct {
	domain   string
	withList bool
	inSpace  bool
	imitates bool
}{
	{"masseur-kinesitherapeute.mssante.fr", false, true, false},
	{"masseur-kinesitherapeute.mssante.fr", true, true, false},
	{"unlisted.mssante.fr", false, true, false},
	{"unlisted.mssante.fr", true, false, false},
	{"mssante.apicrypt.org", true, true, false},
	{"mssante.apicrypt.org", false, true, false},
	{"apicrypt.org", false, false, false},
	{"apicrypt.org", true, false, false},
	{"secretariat.apicrypt.org", false, false, false},
	{"mssante-fr.com", false, false, true},
	{"mssante.fr.example.net", false, false, true},
	{"mssant3.fr", false, false, true},
	{"xn--mssant-gva.fr", false, false, true}, // mssanté.fr
	{"msante.fr", false, false, true},
	{"gmail.com", false, false, false},
}

func TestTrustSpace(t *testing.T) {
	l := loadTrustList(t)
	for _, c := range trustSpaceCases {
		list := (*TrustList)(nil)
		if c.withList {
			list = l
		}
		if got := inTrustSpace(c.domain, list); got != c.inSpace {
			t.Errorf("inTrustSpace(%s, list=%v) = %v, want %v", c.domain, c.withList, got, c.inSpace)
		}
		if got := imitatesMSSante(c.domain, list); got != c.imitates {
			t.Errorf("imitatesMSSante(%s) = %v, want %v", c.domain, got, c.imitates)
		}
	}
}

func TestUnlistedMSSanteSender(t *testing.T) {
	an := NewAnalyzer(Options{TrustList: loadTrustList(t)})
	rep, err := an.Analyze(strings.NewReader("From: x@inconnu.mssante.fr\r\nTo: y@chu-rivages.mssante.fr\r\nSubject: CR\r\n\r\nbonjour\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !hasFinding(rep, "mssante_unlisted") || rep.Channel != ChannelMixed {
		t.Errorf("Analyze(unlisted sender) = %s, %v; want mixed with mssante_unlisted", rep.Channel, ids(rep))
	}
}

// TestSpoofedMSSanteSender checks that a trust-space address that fails
// authentication does not make the message "mssante".
func TestSpoofedMSSanteSender(t *testing.T) {
	raw := "Authentication-Results: mx.cabinet.fr; dmarc=fail header.from=chu-rivages.mssante.fr\r\n" +
		"From: <secretariat@chu-rivages.mssante.fr>\r\nTo: <moi@cabinet.fr>\r\nSubject: Compte rendu\r\n\r\nci-joint\r\n"
	rep, err := NewAnalyzer(Options{}).Analyze(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Channel != ChannelOrdinary || !hasFinding(rep, "auth_dmarc_fail_brand") || !hasFinding(rep, "health_data_outside_mssante") {
		t.Errorf("Analyze(spoofed MSSanté) = %s %v, want ordinary with auth_dmarc_fail_brand and health_data_outside_mssante", rep.Channel, ids(rep))
	}
}

// operatorList is an ANS list naming an operator domain outside
// mssante.fr, as the real list does (Apicrypt's MSSanté sub-domains).
const operatorList = `<ListeBlancheMSSante>
<Domaine><Nom>mssante.operateur-exemple.org</Nom><DNCertificatOperateur>CN=mx.operateur-exemple.org, O=OPERATEUR EXEMPLE, C=FR</DNCertificatOperateur></Domaine>
<Domaine><Nom>mssante.apicrypt.org</Nom><DNCertificatOperateur>CN=mssante.apicrypt.org, O=APICEM, C=FR</DNCertificatOperateur></Domaine>
</ListeBlancheMSSante>`

// TestTrustSpaceBeyondSuffix: the list, not the .mssante.fr suffix, says
// what MSSanté is. A listed operator domain outside mssante.fr is neither
// a look-alike nor an impostor of the MSSanté name; apicrypt.org itself,
// and its other sub-domains, are not MSSanté.
func TestTrustSpaceBeyondSuffix(t *testing.T) {
	list, err := ParseTrustList(strings.NewReader(operatorList))
	if err != nil {
		t.Fatal(err)
	}
	an := NewAnalyzer(Options{TrustList: list})
	cases := []struct {
		from    string
		channel Channel
		want    []string // findings that must be present
		absent  []string // findings that must not be
	}{
		{"MSSanté Cabinet <cr@mssante.operateur-exemple.org>", ChannelMSSante, nil,
			[]string{"mssante_lookalike", "display_name_brand", "lookalike_domain"}},
		{"Messagerie MSSanté <cr@mssante.apicrypt.org>", ChannelMSSante, nil,
			[]string{"mssante_lookalike", "display_name_brand"}},
		{"MSSanté <cr@apicrypt.org>", ChannelOrdinary, []string{"display_name_brand"}, nil},
		{"MSSanté <cr@secretariat.apicrypt.org>", ChannelOrdinary, []string{"display_name_brand"}, nil},
		{"MSSanté <cr@mssante.operateur-exemple.net>", ChannelOrdinary, []string{"mssante_lookalike"}, nil},
	}
	for _, c := range cases {
		rep, err := an.Analyze(strings.NewReader("From: " + c.from + "\r\nTo: y@example.org\r\nSubject: CR\r\n\r\nbonjour\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Channel != c.channel {
			t.Errorf("Analyze(%s): channel %s, want %s", c.from, rep.Channel, c.channel)
		}
		for _, id := range c.want {
			if !hasFinding(rep, id) {
				t.Errorf("Analyze(%s) = %v, want %s", c.from, ids(rep), id)
			}
		}
		for _, id := range c.absent {
			if hasFinding(rep, id) {
				t.Errorf("Analyze(%s) = %v, want no %s", c.from, ids(rep), id)
			}
		}
	}
	if b := brandOf("apicrypt.org"); b != nil && b.Kind == "mssante" {
		t.Errorf("brandOf(apicrypt.org) = %s: only the listed sub-domains are MSSanté, not apicrypt.org", b.Name)
	}
}
