package mail

import (
	"strings"
	"testing"
)

func TestHiddenStyle(t *testing.T) {
	tests := []struct {
		style string
		want  bool
	}{
		{"display: none", true},
		{"font-size:0px", true},
		{"color:#ffffff; background-color:#ffffff", true},
		{"background:#FFF;color:#fff !important", true},
		{"color:#333333; background-color:#ffffff", false},
		{"background-color:#ffffff", false},
		{"opacity:0.5", false},
		{"font-size:14px", false},
	}
	for _, tt := range tests {
		if got := hiddenStyle(tt.style); got != tt.want {
			t.Errorf("hiddenStyle(%q) = %v, want %v", tt.style, got, tt.want)
		}
	}
}

func TestCarriesRecipient(t *testing.T) {
	forms := recipientForms("marie@cabinet.fr")
	tests := []struct {
		url  string
		want bool
	}{
		{"https://evil.example/login#marie@cabinet.fr", true},
		{"https://evil.example/u/marie%40cabinet.fr/x", true},
		{"https://evil.example/p?id=bWFyaWVAY2FiaW5ldC5mcg", true},
		{"https://news.example/unsubscribe?email=marie@cabinet.fr", false},
		{"https://evil.example/login#jean@cabinet.fr", false},
	}
	for _, tt := range tests {
		if got := carriesRecipient(tt.url, forms); got != tt.want {
			t.Errorf("carriesRecipient(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestMachineHost(t *testing.T) {
	tests := []struct {
		domain string
		want   bool
	}{
		{"autk.vps-805069ea.vps.example.ca", true},
		{"mail.ip-10-0-0-7.example.net", true},
		{"static88.example.fr", true},
		{"hosting.example.fr", false},
		{"vps.example.fr", false},
		{"cabinet-martin.fr", false},
		{"mail.cabinet-martin.fr", false},
	}
	for _, tt := range tests {
		if got := machineHost(tt.domain); got != tt.want {
			t.Errorf("machineHost(%q) = %v, want %v", tt.domain, got, tt.want)
		}
	}
}

func TestHealthWord(t *testing.T) {
	cases := []struct {
		subject string
		want    string
	}{
		{"Bilan kiné de Mme Petit", "bilan"},
		{"Ordonnance pour M. Durand", "ordonnance"},
		{"Compte rendu d'IRM", "compte rendu"},
		{"Votre bilan 2025 - documents à signer", ""}, // the accountant
		{"Bilans 2024 et 2025", ""},
		{"Bilan comptable et liasse fiscale", ""},
		{"Bilan de compétences : inscription", ""},
		{"Réunion du réseau jeudi", ""},
	}
	for _, c := range cases {
		if got := healthWord(fold(c.subject, 1024)); got != c.want {
			t.Errorf("healthWord(%q) = %q, want %q", c.subject, got, c.want)
		}
	}
}

func TestStyleImage(t *testing.T) {
	tests := []struct {
		style string
		want  bool
	}{
		{"BACKGROUND: URL('https://cdn.example/a.png') NO-REPEAT CENTER", true},
		{"background-image:url(https://cdn.example/a.png)", true},
		{"width:453px; background-size:contain; background:url(a.png)", true},
		{"background:#ffffff", false},
		{"list-style-image:url(dot.png)", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := styleImage(tt.style); got != tt.want {
			t.Errorf("styleImage(%q) = %v, want %v", tt.style, got, tt.want)
		}
	}
}

func TestReadableRunes(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Cloud\n____________________\n-- -- --", 5},
		{"Réglez 20 €", 8},
		{"", 0},
		{string(make([]byte, 400)), 0},
	}
	for _, tt := range tests {
		if got := readableRunes(tt.text); got != tt.want {
			t.Errorf("readableRunes(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	if got := readableRunes(strings.Repeat("mot ", 100)); got != 150 {
		t.Errorf("readableRunes(400 letters) = %d, want the cap 150", got)
	}
}

func TestPushesOffscreen(t *testing.T) {
	tests := []struct {
		decls string
		want  bool
	}{
		{"margin-top: 470500px; /* Adjust value as needed */", true},
		{"display:flex; height: 2000vh;", true},
		{"padding-top:4000px", true},
		{"min-height:9000.5px", true},
		{"height: 600px; width: 100%", false},
		{"line-height: 40000px", false}, // not a height of the box
		{"height:100vh", false},
		{"margin-top:-9999px", false}, // upwards: handled as hidden text elsewhere, if at all
		{"top:50%", false},
		{"", false},
	}
	for _, tt := range tests {
		if _, got := pushesOffscreen(tt.decls); got != tt.want {
			t.Errorf("pushesOffscreen(%q) = %v, want %v", tt.decls, got, tt.want)
		}
	}
}

func TestOffscreenClasses(t *testing.T) {
	sheet := `
    .wrapper { display: flex; flex-direction: column; height: 2000vh; /* full */ }
    .spacer { flex-grow: 2000; }
    p.note, .belowView { margin-top: 470500px; }
    .header { height: 120px }`
	got := offscreenClasses(sheet)
	if len(got) != 2 || got["wrapper"] == "" || got["belowview"] == "" {
		t.Errorf("offscreenClasses = %v, want wrapper and belowview", got)
	}
	if got := offscreenClasses(".a { height: 9000px"); got["a"] == "" {
		t.Errorf("an unclosed rule still counts: %v", got)
	}
}
