package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/password"
)

// breachChecker asks Have I Been Pwned; tests point it at a local server.
var breachChecker = password.BreachChecker{}

// passwordScreen tests a password against the CNIL 2022 rules as it is
// typed. The password lives only in the entry: it is never stored, logged
// or sent; the optional breach check sends 5 characters of its SHA-1.
type passwordScreen struct {
	env                          *Env
	entry                        *widget.Entry
	name, practice, city, profes *widget.Entry
	breachOpt                    *widget.Check
	breachNote                   *widget.Label
	breachBtn                    *button
	verdict                      *widget.Label
	rules                        *widget.Label
	breach                       *widget.Label
	// background runs the breach check off the UI goroutine; a test
	// passes one whose runs it can wait for.
	background func(func())
}

func newPasswordScreen(env *Env, background func(func())) *passwordScreen {
	s := &passwordScreen{env: env, background: background, entry: widget.NewPasswordEntry(), verdict: wrapped(""), rules: wrapped(""), breach: wrapped("")}
	s.entry.SetPlaceHolder(lang.X("hygiene.pw.placeholder", "Tapez un mot de passe à tester"))
	s.verdict.TextStyle.Bold = true
	s.name = s.prefEntry(prefPwName, lang.X("hygiene.pw.name", "Votre nom"))
	s.practice = s.prefEntry(prefPwPractice, lang.X("hygiene.pw.practice", "Nom du cabinet"))
	s.city = s.prefEntry(prefPwCity, lang.X("hygiene.pw.city", "Ville"))
	s.profes = s.prefEntry(prefPwProfession, lang.X("hygiene.pw.profession", "Profession"))
	// A check's text does not wrap: the short label names the service, the
	// wrapped note below says what leaves the machine.
	s.breachOpt = widget.NewCheck(lang.X("hygiene.pw.breach.opt", "Vérifier aussi dans les fuites connues (Have I Been Pwned)"), s.onBreachOpt)
	s.breachNote = wrapped(lang.X("hygiene.pw.breach.note",
		"Facultatif, désactivé par défaut. Seuls 5 caractères de l'empreinte du mot de passe sont envoyés à ce service, jamais le mot de passe ; il faut être connecté à Internet."))
	s.breachBtn = newButton(lang.X("hygiene.pw.breach.run", "Chercher dans les fuites"), s.onBreach)
	s.breachBtn.Disable()
	s.entry.OnChanged = func(string) { s.evaluate() }
	return s
}

// prefEntry is an entry whose text is kept in preferences.
func (s *passwordScreen) prefEntry(key, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.SetText(s.env.App.Preferences().String(key))
	e.OnChanged = func(v string) {
		s.env.App.Preferences().SetString(key, v)
		s.evaluate()
	}
	return e
}

func (s *passwordScreen) content() fyne.CanvasObject {
	intro := wrapped(lang.X("hygiene.pw.intro", "Hygie estime la solidité du mot de passe sur cet ordinateur, selon la recommandation de la CNIL de 2022. Le mot de passe n'est jamais enregistré, et rien n'est envoyé sauf si vous cochez la vérification des fuites ci-dessous."))
	details := widget.NewCard("", lang.X("hygiene.pw.details", "Vos informations, pour repérer un mot de passe facile à deviner (facultatif)"),
		container.NewGridWithColumns(2, s.name, s.practice, s.city, s.profes))
	how := newButton(lang.X("hygiene.pw.guide", "Conseils pour les mots de passe"), func() { showGuide(s.env, "mots-de-passe") })
	return container.NewVScroll(container.NewVBox(intro, s.entry, s.verdict, s.rules,
		s.breachOpt, s.breachNote, container.NewHBox(s.breachBtn, how), s.breach, details))
}

func (s *passwordScreen) inputs() password.Inputs {
	return password.Inputs{Name: s.name.Text, Practice: s.practice.Text, City: s.city.Text, Profession: s.profes.Text}
}

func (s *passwordScreen) evaluate() {
	s.breach.SetText("")
	if s.entry.Text == "" {
		s.verdict.SetText("")
		s.rules.SetText("")
		return
	}
	v := password.Evaluate(s.entry.Text, s.inputs())
	s.verdict.SetText(verdictText(v))
	s.verdict.Importance = map[password.Level]widget.Importance{password.Weak: widget.DangerImportance, password.Restricted: widget.WarningImportance, password.Strong: widget.SuccessImportance}[v.Level]
	s.verdict.Refresh()
	s.rules.SetText(rulesText(v))
}

func verdictText(v password.Verdict) string {
	bits := map[string]any{"Bits": fmt.Sprintf("%.0f", v.Bits)}
	switch v.Level {
	case password.Strong:
		return lang.X("hygiene.pw.strong", "Solide : il faudrait des siècles à un ordinateur pour le deviner. (La CNIL mesure cette difficulté en « bits » : chaque bit double le nombre d'essais ; celui-ci en vaut environ {{.Bits}}, au-delà des 80 demandés pour un mot de passe utilisé seul.)", bits)
	case password.Restricted:
		return lang.X("hygiene.pw.restricted", "Moyen : un ordinateur qui essaie sans limite pourrait le deviner. Il convient seulement si le compte se bloque après quelques essais ratés. (Environ {{.Bits}} bits ; chaque bit double le nombre d'essais, et la CNIL en demande 80 pour un mot de passe utilisé seul.)", bits)
	}
	return lang.X("hygiene.pw.weak", "Trop faible : il pourrait être deviné en peu de temps. Choisissez-en un autre. (Environ {{.Bits}} bits ; chaque bit double le nombre d'essais, et la CNIL en demande au moins 50.)", bits)
}

// rulesText gives the CNIL's examples as alternatives (one is enough),
// marking those the password follows, then what makes it guessable.
func rulesText(v password.Verdict) string {
	var b strings.Builder
	b.WriteString(lang.X("hygiene.pw.rules.intro", "Exemples de la CNIL pour un mot de passe utilisé seul ; un seul suffit :") + "\n")
	for _, r := range v.Rules {
		switch r.ID {
		case password.RuleMixed12, password.RuleLong14, password.RulePassphrase7:
		default:
			continue // the verdict above already says the bits and the guessable parts
		}
		// Fyne's font has no check mark: the words say which rule is met.
		line := ruleText(r.ID)
		if r.Met {
			line = lang.X("hygiene.pw.rule.met", "{{.Rule}} : c'est le cas", map[string]any{"Rule": line})
		}
		b.WriteString("• " + line + "\n")
	}
	if len(v.Weaknesses) > 0 {
		b.WriteString(lang.X("hygiene.pw.weak.intro", "Ce qui le rend facile à deviner :") + "\n")
	}
	for _, w := range v.Weaknesses {
		b.WriteString("• " + weaknessText(w) + "\n")
	}
	return strings.TrimSpace(b.String())
}

func ruleText(id password.RuleID) string {
	switch id {
	case password.RuleMixed12:
		return lang.X("hygiene.pw.rule.12", "12 caractères ou plus, avec majuscules, minuscules, chiffres et caractères spéciaux")
	case password.RuleLong14:
		return lang.X("hygiene.pw.rule.14", "14 caractères ou plus, avec majuscules, minuscules et chiffres")
	}
	return lang.X("hygiene.pw.rule.phrase", "une phrase de passe d'au moins 7 mots")
}

func weaknessText(w password.Weakness) string {
	switch w {
	case password.WeakYours:
		return lang.X("hygiene.pw.weak.yours", "Il contient une de vos informations (nom, cabinet, ville, profession).")
	case password.WeakCommon:
		return lang.X("hygiene.pw.weak.common", "Il contient un mot de passe très courant.")
	case password.WeakFirstName:
		return lang.X("hygiene.pw.weak.firstname", "Il contient un prénom courant.")
	case password.WeakPractice:
		return lang.X("hygiene.pw.weak.practice", "Il contient un mot du métier (kiné, cabinet, patient…).")
	case password.WeakCity:
		return lang.X("hygiene.pw.weak.city", "Il contient un nom de ville.")
	case password.WeakKeyboard:
		return lang.X("hygiene.pw.weak.keyboard", "Il contient des touches voisines du clavier (azerty…).")
	case password.WeakSequence:
		return lang.X("hygiene.pw.weak.sequence", "Il contient une suite (abc, 1234…).")
	case password.WeakRepeat:
		return lang.X("hygiene.pw.weak.repeat", "Il répète un même caractère ou motif.")
	case password.WeakDate:
		return lang.X("hygiene.pw.weak.date", "Il contient une date ou une année.")
	}
	return lang.X("hygiene.pw.weak.word", "Il contient un mot du dictionnaire ou un nom de famille.")
}

func (s *passwordScreen) onBreachOpt(on bool) {
	if on {
		s.breachBtn.Enable()
		return
	}
	s.breachBtn.Disable()
	s.breach.SetText("")
}

// onBreach runs the range query off the Fyne goroutine.
func (s *passwordScreen) onBreach() {
	if !s.breachOpt.Checked || s.entry.Text == "" {
		return
	}
	pw := s.entry.Text
	s.breachBtn.Disable()
	s.breach.SetText(lang.X("hygiene.pw.breach.running", "Recherche en cours…"))
	s.background(func() {
		n, err := breachChecker.Count(context.Background(), pw)
		fyne.Do(func() {
			s.breachBtn.Enable()
			if s.entry.Text != pw {
				return // the password was changed meanwhile: this answer is about another one
			}
			s.breach.SetText(breachText(n, err))
		})
	})
}

func breachText(n int, err error) string {
	switch {
	case errors.Is(err, password.ErrTimeout):
		return lang.X("hygiene.pw.breach.timeout", "Le service des fuites connues n'a pas répondu à temps. Réessayez plus tard ; le test de solidité ci-dessus reste valable.")
	case errors.Is(err, password.ErrOffline):
		return lang.X("hygiene.pw.breach.offline", "Impossible de joindre le service des fuites connues : l'ordinateur semble hors ligne. Le test de solidité ci-dessus reste valable.")
	case err != nil:
		return lang.X("hygiene.pw.breach.error", "Le service des fuites connues a répondu de façon inattendue. Réessayez plus tard.")
	case n > 0:
		return lang.X("hygiene.pw.breach.found", "Ce mot de passe apparaît {{.N}} fois dans des fuites connues : ne l'utilisez plus, et changez-le partout où il sert.", map[string]any{"N": n})
	}
	return lang.X("hygiene.pw.breach.none", "Ce mot de passe n'apparaît dans aucune fuite connue du service.")
}
