package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/incident"
)

// practiceCard is « Le cabinet » in Réglages: the practice's and the
// practitioner's names, for the journal and the reports, and the IT
// provider and insurer that « En cas d'attaque » lists first.
type practiceCard struct {
	env                                        *Env
	cabinet, practitioner, itName, itPhone     *widget.Entry
	insurerName, insurerPhone, insurerContract *widget.Entry
	save                                       *button
	status                                     *widget.Label
}

func newPracticeCard(env *Env) *practiceCard {
	c := &practiceCard{env: env}
	for _, e := range []**widget.Entry{&c.cabinet, &c.practitioner, &c.itName, &c.itPhone, &c.insurerName, &c.insurerPhone, &c.insurerContract} {
		*e = widget.NewEntry()
	}
	c.itPhone.SetPlaceHolder("04 91 00 00 00")
	c.insurerPhone.SetPlaceHolder("01 00 00 00 00")
	c.status = wrapped("")
	c.save = newButton(lang.X("settings.practice.save", "Enregistrer"), c.onSave)
	c.save.Importance = widget.HighImportance
	return c
}

func (c *practiceCard) content() fyne.CanvasObject {
	intro := wrapped(lang.X("settings.practice.intro",
		"Notez ces numéros maintenant : le jour d'une attaque, « En cas d'attaque » les donne en premier, sans Internet. Les noms figurent sur le journal d'incident et sur le rapport d'hygiène."))
	form := widget.NewForm(
		widget.NewFormItem(lang.X("settings.practice.cabinet", "Nom du cabinet"), c.cabinet),
		widget.NewFormItem(lang.X("settings.practice.practitioner", "Praticien"), c.practitioner),
		widget.NewFormItem(lang.X("settings.practice.it.name", "Prestataire informatique"), c.itName),
		widget.NewFormItem(lang.X("settings.practice.it.phone", "Téléphone du prestataire"), c.itPhone),
		widget.NewFormItem(lang.X("settings.practice.insurer.name", "Assureur"), c.insurerName),
		widget.NewFormItem(lang.X("settings.practice.insurer.phone", "Téléphone de l'assureur"), c.insurerPhone),
		widget.NewFormItem(lang.X("settings.practice.insurer.contract", "N° de contrat"), c.insurerContract),
	)
	c.load()
	return widget.NewCard(lang.X("settings.practice.title", "Le cabinet"), "",
		container.NewVBox(intro, form, container.NewHBox(c.save), c.status))
}

// load shows what was saved; without the database nothing can be.
func (c *practiceCard) load() {
	if c.env.journal == nil {
		c.status.SetText(lang.X("settings.practice.unavailable", "Ces informations ne peuvent pas être enregistrées car les données d'Hygie sont indisponibles (voir l'accueil)."))
		c.save.Disable()
		return
	}
	p, err := c.env.journal.Practice()
	if err != nil {
		fyne.LogError("read practice contacts", err)
		c.status.SetText(lang.X("settings.practice.readerr", "Les informations du cabinet n'ont pas pu être lues. Rien n'a été effacé : réessayez dans un instant."))
		return
	}
	c.cabinet.SetText(p.Cabinet)
	c.practitioner.SetText(p.Practitioner)
	c.itName.SetText(p.ITName)
	c.itPhone.SetText(p.ITPhone)
	c.insurerName.SetText(p.InsurerName)
	c.insurerPhone.SetText(p.InsurerPhone)
	c.insurerContract.SetText(p.InsurerContract)
}

func (c *practiceCard) practice() incident.Practice {
	return incident.Practice{Cabinet: c.cabinet.Text, Practitioner: c.practitioner.Text, ITName: c.itName.Text, ITPhone: c.itPhone.Text,
		InsurerName: c.insurerName.Text, InsurerPhone: c.insurerPhone.Text, InsurerContract: c.insurerContract.Text}
}

func (c *practiceCard) onSave() {
	if c.env.journal == nil {
		return
	}
	if err := c.env.journal.SavePractice(c.practice()); err != nil {
		fyne.LogError("save practice contacts", err)
		c.status.Importance = widget.DangerImportance
		c.status.SetText(lang.X("settings.practice.saveerr", "Ces informations n'ont pas pu être enregistrées. Notez-les sur papier près du téléphone, et réessayez plus tard."))
		return
	}
	c.status.Importance = widget.SuccessImportance
	c.status.SetText(lang.X("settings.practice.saved", "Enregistré : ces numéros apparaissent en premier dans « En cas d'attaque »."))
}
