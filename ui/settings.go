package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/version"
)

// settingsView holds the language choice, where the data lives and what
// Hygie promises about privacy.
func settingsView(env *Env) fyne.CanvasObject {
	return screen(lang.X("settings.title", "Réglages"), container.NewVBox(
		languageCard(env),
		dataCard(env),
		newTrustCard(env, inBackground).content(),
		privacyCard(),
	))
}

// languageOptions maps the displayed choice to the stored preference value.
func languageOptions() ([]string, map[string]string) {
	auto := lang.X("settings.lang.auto", "Langue du système")
	opts := []string{auto, "Français", "English"}
	return opts, map[string]string{auto: "", "Français": langFR, "English": langEN}
}

func languageCard(env *Env) fyne.CanvasObject {
	opts, values := languageOptions()
	note := wrapped(lang.X("settings.lang.restart", "La nouvelle langue s'appliquera au prochain démarrage de Hygie."))
	note.Hide()
	sel := widget.NewSelect(opts, nil)
	current := env.App.Preferences().String(PrefLanguage)
	for label, v := range values {
		if v == current {
			sel.SetSelected(label)
		}
	}
	sel.OnChanged = func(label string) {
		env.App.Preferences().SetString(PrefLanguage, values[label])
		note.Show()
	}
	return widget.NewCard(lang.X("settings.lang.title", "Langue"), "", container.NewVBox(sel, note))
}

func dataCard(env *Env) fyne.CanvasObject {
	where := wrapped(lang.X("settings.data.where", "Vos données sont enregistrées sur cet ordinateur, dans le dossier :") + "\n" + env.DataDir)
	objs := []fyne.CanvasObject{where}
	if env.DBErr != nil {
		objs = append(objs, dbBanner(env.DBErr))
	}
	ver := widget.NewLabel(lang.X("settings.version", "Version {{.Version}}", map[string]string{"Version": version.Version}))
	objs = append(objs, ver)
	return widget.NewCard(lang.X("settings.data.title", "Données et version"), "", container.NewVBox(objs...))
}

func privacyCard() fyne.CanvasObject {
	body := wrapped(lang.X("settings.privacy.body",
		"Hygie n'envoie rien sur Internet : aucune statistique, aucun suivi. Il ne contacte que votre serveur de messagerie et les services que vous activez vous-même, chacun nommé à l'écran : par exemple la recherche dans les fuites connues (Have I Been Pwned), qui reçoit 5 caractères de l'empreinte d'un mot de passe, jamais le mot de passe. Votre boîte aux lettres est seulement lue, jamais modifiée ; Hygie en retient, sur cet ordinateur seulement, les verdicts et vos correspondants habituels, pour repérer qui emprunte leur nom. Vos mots de passe sont gardés uniquement dans le trousseau sécurisé de votre système."))
	return widget.NewCard(lang.X("settings.privacy.title", "Confidentialité"), "", body)
}
