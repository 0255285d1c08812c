package mail

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestWordLists keeps the plain lists of data/wording.json usable: none
// empty, no repeat, every entry written as the folded text it is matched
// against (they are read as they are).
func TestWordLists(t *testing.T) {
	for name, list := range map[string][]string{
		"health_words": words().Health, "not_health": words().NotHealth, "billing_words": words().Billing,
		"generic_greetings": words().Greetings, "action_words": words().Actions, "lure_affixes": words().LureAffixes,
	} {
		if len(list) == 0 {
			t.Errorf("data/wording.json: %s is empty", name)
		}
		seen := map[string]bool{}
		for _, w := range list {
			if seen[w] {
				t.Errorf("%s: %q is listed twice", name, w)
			}
			seen[w] = true
			if f := fold(w, len(w)+1); f != w {
				t.Errorf("%s: %q is not folded, write %q", name, w, f)
			}
		}
	}
}

// lexiconCases are lures written for this test, one or more per language,
// with the family each must fire. They check that the lexicons reach the
// families they name, through the same folding and matching as the text of
// a message (capitals and accents as the message writes them).
var lexiconCases = []struct {
	lang, text, family string
}{
	{"de", "Ihr Konto wurde gesperrt. Bestätigen Sie Ihre Identität innerhalb von 48 Stunden.", "pressure_wording"},
	{"de", "Bitte bestätigen Sie Ihre Identität.", "credential_request"},
	{"de", "Ihr Paket wartet: Zollgebühren offen.", "payment_lure"},
	{"de", "Glücklicher Gewinner! Sie wurden ausgewählt.", "prize_lure"},
	{"es", "Su cuenta ha sido suspendida: actividad sospechosa.", "pressure_wording"},
	{"es", "Introduzca su contraseña para verificar su identidad.", "credential_request"},
	{"es", "Su paquete: gastos de aduana pendientes.", "payment_lure"},
	{"it", "Il tuo account è stato sospeso, entro 24 ore.", "pressure_wording"},
	{"it", "Accedi al tuo account e conferma i tuoi dati.", "credential_request"},
	{"it", "Il tuo pacco: spese doganali da pagare.", "payment_lure"},
	{"it", "Sei stato selezionato per un premio in denaro.", "prize_lure"},
	{"pt", "A sua conta foi suspensa: atividade suspeita.", "pressure_wording"},
	{"pt", "Digite sua senha e confirme a sua identidade.", "credential_request"},
	{"pt", "A sua encomenda: taxas alfandegárias.", "payment_lure"},
	{"nl", "Uw account wordt geblokkeerd binnen 24 uur.", "pressure_wording"},
	{"nl", "Bevestig uw gegevens en voer uw wachtwoord in.", "credential_request"},
	{"nl", "Uw pakket: douanekosten en een openstaand bedrag.", "payment_lure"},
	{"nl", "Eenzame vrouwen en singles in de buurt.", "scam_adult"},
	{"de", "Privatkredit und Darlehen ohne Wartezeit.", "scam_money"},
}

// lureFamilies are the families every lexicon covers.
var lureFamilies = []string{"pressure_wording", "credential_request", "payment_lure", "prize_lure", "scam_money", "scam_adult"}

// TestLexicons keeps the per-language lure lists usable: every language
// covers each lure family, names families that exist, writes its phrases
// folded (as the text they meet) and lists none twice; and each case fires
// its family.
func TestLexicons(t *testing.T) {
	var f struct {
		Lexicons lexicons `json:"lexicons"`
	}
	if err := json.Unmarshal(wordingJSON, &f); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"de", "es", "it", "pt", "nl"} {
		lx := f.Lexicons[lang]
		for _, id := range lureFamilies {
			if len(lx[id]) == 0 {
				t.Errorf("lexicon %s has no %s phrases", lang, id)
			}
		}
		for id, list := range lx {
			seen := map[string]bool{}
			for _, p := range list {
				if seen[p] {
					t.Errorf("lexicon %s/%s: %q is listed twice", lang, id, p)
				}
				seen[p] = true
				if fp := fold(p, len(p)+1); fp != p {
					t.Errorf("lexicon %s/%s: %q is not folded, write %q", lang, id, p, fp)
				}
			}
		}
	}
	if err := (lexicons{"de": {"no_such_family": {"x"}}}).addTo(families()); err == nil {
		t.Error("addTo accepted a lexicon for a family that does not exist")
	}
	for _, c := range lexiconCases {
		if got := firedFamilies(c.text); !slices.Contains(got, c.family) {
			t.Errorf("%s %q fires %v, want %s", c.lang, c.text, got, c.family)
		}
	}
}

// firedFamilies returns the ids of the families text fires.
func firedFamilies(text string) []string {
	fams := families()
	hits := phrases().match(fold(text, len(text)+1), len(fams))
	var out []string
	for i := range fams {
		if fams[i].fired(hits[i]) != nil {
			out = append(out, fams[i].ID)
		}
	}
	return out
}
