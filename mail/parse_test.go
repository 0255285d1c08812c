package mail

import (
	netmail "net/mail"
	"strings"
	"testing"
)

// TestMultipartBoundaryPrefix reads a message whose inner boundary extends
// the outer one ("B" and "B-1"): mail programs show it, so must Hygie.
func TestMultipartBoundaryPrefix(t *testing.T) {
	raw := "From: Stockage <service@stockage.example>\nTo: marie@cabinet.example\nSubject: Alerte\n" +
		"Content-Type: multipart/mixed; boundary=\"B\"\n\n" +
		"--B\nContent-Type: multipart/alternative; boundary=\"B-1\"\n\n" +
		"--B-1\nContent-Type: text/plain; charset=utf-8\n\nVos photos seront supprimées.\n" +
		"--B-1\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable \n\n" +
		"<p>Vos photos seront supprim=C3=A9es. <a href=3D\"https://payer.example.net/\">Payer</a></p>\n" +
		"--B-1--\n\n--B\nContent-Type: image/png; name=\"logo.png\"\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--B--\n"
	m, err := Parse(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Problems) != 0 {
		t.Errorf("Problems = %q, want none", m.Problems)
	}
	if !strings.Contains(m.Text, "supprimées") || !strings.Contains(m.HTMLText, "supprimées") {
		t.Errorf("Text %q, HTMLText %q: want both alternatives read", m.Text, m.HTMLText)
	}
	if len(m.Links) != 1 || m.Links[0].Host != "payer.example.net" {
		t.Errorf("Links = %+v, want the one link of the HTML part", m.Links)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "logo.png" {
		t.Errorf("Attachments = %+v, want logo.png", m.Attachments)
	}
}

// TestBackgroundPictures counts pictures drawn by a style or a background
// attribute, as mail programs draw them.
func TestBackgroundPictures(t *testing.T) {
	html := `<table background="fond.jpg"><tr><td><a href="https://x.example/">` +
		`<div style="BACKGROUND: URL('https://cdn.example/a.png') NO-REPEAT; TEXT-INDENT:-9999PX"> </div></a>` +
		`<p style="background:#fff">texte</p></td></tr></table>`
	raw := "From: a@b.example\nTo: c@d.example\nSubject: s\nContent-Type: text/html\n\n" + html
	m, err := Parse(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if m.Images != 2 {
		t.Errorf("Images = %d, want 2 (the table's background attribute and the div's style)", m.Images)
	}
}

// TestOffscreenIsHidden reads what follows an element pushed several
// screens down as hidden: links and text the reader never sees.
func TestOffscreenIsHidden(t *testing.T) {
	html := `<a href="https://piege.example.net/"><img src="https://cdn.example/a.png"></a>` +
		`<style>.suite { margin-top: 250000px }</style>` +
		`<div class="intro suite"><p>La lettre de la librairie</p><a href="https://www.librairie.example/">Lire</a></div>`
	raw := "From: a@b.example\nTo: c@d.example\nSubject: s\nContent-Type: text/html\n\n" + html
	m, err := Parse(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if m.Offscreen != ".suite { margin-top:250000px }" {
		t.Errorf("Offscreen = %q", m.Offscreen)
	}
	if strings.Contains(m.HTMLText, "librairie") || !strings.Contains(m.HiddenWords, "librairie") {
		t.Errorf("HTMLText %q, HiddenWords %q: want the pushed text hidden", m.HTMLText, m.HiddenWords)
	}
	if len(m.Links) != 2 || m.Links[0].Hidden || !m.Links[1].Hidden {
		t.Errorf("Links = %+v, want the first visible and the pushed one hidden", m.Links)
	}
}

// TestParseDateMatchesNetMail checks that the fast path reads dates as
// net/mail does, the same instant and the same offset.
func TestParseDateMatchesNetMail(t *testing.T) {
	for _, v := range []string{
		"Wed, 22 Nov 2023 14:30:51 +0000", "Wed, 24 Dec 2025 16:23:40 +0000 (UTC)", "2 Dec 2025 07:40:00 +0100",
		"Tue, 2 Dec 2025 07:40:00 GMT", "Mon, 1 Jan 2001 1:2:3 -0500", "garbage", "",
		"Thu, 04 Dec 2025 06:15:00 +0100 (CET)", " Sun, 7 Dec 2025 05:10:00 +0100 ", "Sun, 7 Dec 2025 05:10 +0100",
	} {
		got, gerr := parseDate(v)
		want, werr := netmail.ParseDate(v)
		_, goff := got.Zone()
		_, woff := want.Zone()
		if !got.Equal(want) || goff != woff || (gerr == nil) != (werr == nil) {
			t.Errorf("parseDate(%q) = %v, %v; net/mail gives %v, %v", v, got, gerr, want, werr)
		}
	}
}
