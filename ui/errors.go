package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"hygie/store"
)

// dbErrorMessage explains in one sentence, with a next step, why the local
// database is unavailable. The file is never replaced, so nothing is lost.
func dbErrorMessage(err error) string {
	switch {
	case errors.Is(err, store.ErrCorrupt):
		return lang.X("db.err.corrupt", "Le fichier de données d'Hygie est endommagé. Hygie ne l'a pas modifié : gardez-en une copie et demandez de l'aide à votre prestataire informatique.")
	case errors.Is(err, store.ErrLocked):
		return lang.X("db.err.locked", "Les données d'Hygie sont utilisées par un autre programme (peut-être un second Hygie ouvert). Fermez-le puis relancez Hygie.")
	case errors.Is(err, store.ErrReadOnly):
		return lang.X("db.err.readonly", "Hygie ne peut pas écrire dans son dossier de données. Vérifiez les droits du dossier ou choisissez-en un autre avec la variable HYGIE_HOME.")
	case errors.Is(err, store.ErrTooNew):
		return lang.X("db.err.toonew", "Ces données ont été créées par une version plus récente d'Hygie. Installez la dernière version pour les ouvrir.")
	}
	return lang.X("db.err.other", "Hygie n'a pas pu ouvrir ses données. Rien n'a été effacé ; relancez Hygie, et si cela persiste, contactez votre prestataire.")
}
