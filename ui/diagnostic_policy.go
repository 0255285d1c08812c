package ui

import (
	"bytes"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/checks/diagnostic/policy"
)

// policyStatus is where the export says how it went, with « Ouvrir » and
// « Afficher le dossier » once the PDF is saved.
func (s *diagnosticScreen) policyStatus() fyne.CanvasObject {
	return container.NewVBox(s.policyMsg, s.policySaved)
}

// policyDraft is the policy Hygie proposes: the rules drafted from the
// latest answers (plan items done count as met) and the practice's
// details from Réglages.
func (s *diagnosticScreen) policyDraft() policy.Policy {
	var c policy.Contacts
	if j := s.env.journal; j != nil {
		if p, err := j.Practice(); err == nil {
			c = policy.Contacts{Practice: p.Cabinet, Practitioner: p.Practitioner, ITName: p.ITName, ITPhone: p.ITPhone,
				InsurerName: p.InsurerName, InsurerPhone: p.InsurerPhone, InsurerContract: p.InsurerContract}
		} else {
			fyne.LogError("read practice details for the policy", err)
		}
	}
	return policy.Draft(s.d.cat, s.d.cat.WithDone(s.latest.Answers, s.states), c)
}

// onPolicy opens the form of the policy: the responsible person and each
// rule, drafted, for the practitioner to edit before the export.
func (s *diagnosticScreen) onPolicy() {
	if s.env.Win == nil {
		return
	}
	if s.d.policy == nil {
		s.showError(s.d.err)
		return
	}
	p := s.policyDraft()
	responsible := newField()
	responsible.SetText(p.Responsible)
	objs := []fyne.CanvasObject{
		wrapped(lang.X("diagnostic.policy.intro", "Hygie a rédigé les règles à partir de vos réponses ; relisez-les et adaptez-les au cabinet. Les coordonnées du prestataire et de l'assureur viennent des Réglages. Chaque export porte un nouveau numéro de version.")),
		widget.NewLabelWithStyle(lang.X("diagnostic.policy.responsible", "Responsable de la sécurité informatique"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		responsible,
	}
	texts := make([]*textArea, len(p.Rules)) // Tab leaves them, to reach the buttons
	for i, r := range p.Rules {
		texts[i] = newTextArea()
		texts[i].Wrapping = fyne.TextWrapWord
		texts[i].SetText(r.Text)
		texts[i].SetMinRowsVisible(5)
		objs = append(objs, widget.NewLabelWithStyle(r.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), texts[i])
	}
	d := newCustomConfirm(lang.X("diagnostic.policy.title", "Politique de sécurité du cabinet"),
		lang.X("diagnostic.policy.export", "Exporter en PDF…"), lang.X("diagnostic.policy.cancel", "Annuler"),
		container.NewVScroll(container.NewVBox(objs...)), func(ok bool) {
			if !ok {
				return
			}
			p.Responsible = responsible.Text
			for i := range p.Rules {
				p.Rules[i].Text = texts[i].Text
			}
			savePolicy(s, p)
		}, s.env.Win)
	d.Resize(dialogSize(s.env.Win))
	d.Show()
}

// savePolicy follows the policy's form; a variable so the tests can see
// what the form hands on without a file dialog.
var savePolicy = (*diagnosticScreen).askPolicyFile

// askPolicyFile asks where to save the PDF, as the hygiene report does.
func (s *diagnosticScreen) askPolicyFile(p policy.Policy) {
	savePDF(s.env.Win, "politique-securite-"+s.env.hygiene.today()+".pdf", func(w fyne.URIWriteCloser) {
		msg, ok := s.exportPolicy(p, w, w.URI().Path())
		s.policyMsg.SetText(msg)
		if ok {
			s.showPolicySaved(w.URI())
		}
	})
}

// exportPolicy numbers p, writes it to w and keeps its version; it says in
// French how it went. The version is only kept once the PDF is made, so a
// failed export does not use a number.
func (s *diagnosticScreen) exportPolicy(p policy.Policy, w io.WriteCloser, path string) (msg string, ok bool) {
	err := s.writePolicy(&p, w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fyne.LogError("export security policy", err)
		return lang.X("diagnostic.policy.failed", "La politique de sécurité n'a pas pu être écrite. Choisissez un autre dossier (une clé USB pleine ou protégée en écriture peut en être la cause)."), false
	}
	return lang.X("diagnostic.policy.done", "Rapport enregistré : {{.Path}} (version {{.Version}})", map[string]any{"Path": path, "Version": p.Version}), true
}

func (s *diagnosticScreen) writePolicy(p *policy.Policy, w io.Writer) error {
	v, err := s.d.policy.Next()
	if err != nil {
		return err
	}
	p.Version, p.Date = v, hygieneNow()
	var b bytes.Buffer
	if err := policy.Write(&b, *p); err != nil {
		return err
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write security policy: %w", err)
	}
	return s.d.policy.Record(*p)
}

// showPolicySaved offers to open the saved PDF or the folder that holds it.
func (s *diagnosticScreen) showPolicySaved(u fyne.URI) {
	s.policySaved.Objects = savedActions(s.env.App, u)
	s.policySaved.Refresh()
}
