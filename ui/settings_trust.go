package ui

import (
	"context"
	"net/http"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/i18n"
	"hygie/mail/mailbox"
)

// trustListURL is the ANS address of the MSSanté list; tests point it at a
// local server.
var trustListURL = mailbox.TrustListURL

// trustCard lets the practitioner download, on request only, the ANS list
// of MSSanté domains that the mail analysis then uses.
type trustCard struct {
	store  *mailbox.Store
	button *button
	status *widget.Label
	// background runs the download off the UI goroutine; a test passes
	// one that tells it when the download and its display are over.
	background func(func())
}

func newTrustCard(env *Env, background func(func())) *trustCard {
	return &trustCard{store: env.mail.store, background: background}
}

// inBackground runs f on a goroutine of its own.
func inBackground(f func()) { go f() }

func (c *trustCard) content() fyne.CanvasObject {
	intro := wrapped(lang.X("settings.trust.body",
		"Hygie reconnaît les adresses MSSanté d'après leur domaine. Pour plus de précision, il peut télécharger la liste officielle des domaines de l'espace de confiance, publiée par l'Agence du numérique en santé sur espacedeconfiance.mssante.fr. Rien d'autre n'est envoyé ; le téléchargement n'a lieu que si vous cliquez."))
	c.status = wrapped("")
	c.button = newButton(lang.X("settings.trust.refresh", "Télécharger la liste MSSanté"), c.onRefresh)
	if c.store == nil {
		c.button.Disable()
	}
	c.refreshStatus()
	return widget.NewCard(lang.X("settings.trust.title", "Liste des domaines MSSanté"), "",
		container.NewVBox(intro, container.NewHBox(c.button), c.status))
}

func (c *trustCard) onRefresh() {
	c.button.Disable()
	c.status.SetText(lang.X("settings.trust.downloading", "Téléchargement en cours…"))
	c.background(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, err := c.store.RefreshTrustList(ctx, &http.Client{Timeout: 30 * time.Second}, trustListURL)
		fyne.Do(func() {
			c.button.Enable()
			if err != nil {
				fyne.LogError("refresh MSSanté trust list", err)
				c.status.SetText(lang.X("settings.trust.err", "La liste n'a pas pu être téléchargée (pas de connexion, ou le site ne répond pas). La liste précédente reste utilisée ; réessayez plus tard."))
				return
			}
			c.refreshStatus()
		})
	})
}

// refreshStatus says which list is in use and from when.
func (c *trustCard) refreshStatus() {
	if c.store == nil {
		c.status.SetText(lang.X("settings.trust.nodb", "Indisponible tant que les données d'Hygie ne peuvent pas être ouvertes."))
		return
	}
	list, at, err := c.store.TrustList()
	switch {
	case err != nil:
		fyne.LogError("read MSSanté trust list", err)
		c.status.SetText(lang.X("settings.trust.unreadable", "La liste enregistrée est illisible ; téléchargez-la à nouveau."))
	case list == nil:
		c.status.SetText(lang.X("settings.trust.none", "Aucune liste téléchargée : Hygie se fie au domaine mssante.fr."))
	default:
		c.status.SetText(lang.X("settings.trust.at", "Liste du {{.Date}} : {{.Count}} domaines.",
			map[string]any{"Date": i18n.Date(at.Local(), currentLang), "Count": list.Len()}))
	}
}
