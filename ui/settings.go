package ui

import (
	"fmt"
	"os"
	"os/exec"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hygie/version"
)

// settingsView holds the language choice, where the data lives and what
// Hygie promises about privacy.
func settingsView(env *Env) fyne.CanvasObject {
	return screen(lang.X("settings.title", "Réglages"), container.NewVBox(
		languageCard(env),
		newPracticeCard(env).content(),
		newPeopleCard(env).content(),
		dataCard(env),
		newTrustCard(env, inBackground).content(),
		newAlertsSettings(env).content(),
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
	note := wrapped(lang.X("settings.lang.restart", "La nouvelle langue s'appliquera au prochain démarrage d'Hygie."))
	note.Hide()
	restart := newButtonWithIcon(lang.X("settings.lang.restart.now", "Redémarrer maintenant"), theme.ViewRefreshIcon(), func() {
		if err := relaunch(env.App); err != nil {
			fyne.LogError("restart Hygie", err)
			note.SetText(lang.X("settings.lang.restart.failed", "Hygie n'a pas pu redémarrer tout seul : fermez-le puis rouvrez-le pour changer de langue."))
		}
	})
	restart.Importance = widget.HighImportance
	restart.Hide()
	sel := widget.NewSelect(opts, nil)
	current := env.App.Preferences().String(PrefLanguage)
	for label, v := range values {
		if v == current {
			sel.SetSelected(label)
		}
	}
	sel.OnChanged = func(label string) {
		env.App.Preferences().SetString(PrefLanguage, values[label])
		if restartNeeded(values[label], baseLanguage(lang.SystemLocale()), currentLang) {
			note.Show()
			restart.Show()
		} else {
			note.Hide()
			restart.Hide()
		}
	}
	return widget.NewCard(lang.X("settings.lang.title", "Langue"), "", container.NewVBox(sel, note, container.NewHBox(restart)))
}

// restartNeeded reports whether the language choice differs from the one
// the window speaks: only then does a restart change anything.
func restartNeeded(choice, system, running string) bool {
	return EffectiveLanguage(choice, system) != running
}

// relaunch starts Hygie again, with the same arguments, then quits this
// one; a variable so the tests never relaunch anything.
var relaunch = func(app fyne.App) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find Hygie's executable: %w", err)
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", exe, err)
	}
	go cmd.Wait() // reaped if this process outlives it
	app.Quit()
	return nil
}

func dataCard(env *Env) fyne.CanvasObject {
	where := wrapped(lang.X("settings.data.where", "Vos données sont enregistrées sur cet ordinateur, dans le dossier :") + "\n" + env.DataDir)
	objs := []fyne.CanvasObject{where}
	if env.DBErr != nil {
		objs = append(objs, dbBanner(env.DBErr))
	}
	v := version.Version
	if b := version.Build(currentLang); b != "" {
		v += " (" + b + ")"
	}
	ver := widget.NewLabel(lang.X("settings.version", "Version {{.Version}}", map[string]string{"Version": v}))
	objs = append(objs, ver)
	return widget.NewCard(lang.X("settings.data.title", "Données et version"), "", container.NewVBox(objs...))
}

func privacyCard() fyne.CanvasObject {
	body := wrapped(lang.X("settings.privacy.body",
		"Hygie n'envoie rien sur Internet : aucune statistique, aucun suivi. Il ne contacte que votre serveur de messagerie et les services que vous activez vous-même, chacun nommé à l'écran : par exemple la recherche dans les fuites connues (Have I Been Pwned), qui reçoit 5 caractères de l'empreinte d'un mot de passe, jamais le mot de passe. Votre boîte aux lettres est seulement lue, jamais modifiée ; Hygie en retient, sur cet ordinateur seulement, les verdicts et vos correspondants habituels, pour repérer qui emprunte leur nom. Vos mots de passe sont gardés uniquement dans le trousseau sécurisé de votre système."))
	return widget.NewCard(lang.X("settings.privacy.title", "Confidentialité"), "", body)
}
