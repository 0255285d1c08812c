package oauth

import (
	"errors"
	"fmt"

	"hygie/i18n"
)

// Messages are the sentences shown for each sentinel of this package: what
// happened, then the next step. The account form and the command line show
// them as they are; %s in ErrNoClientID's is the provider's name.
var Messages = []struct {
	Err  error
	Text i18n.Text
}{
	{ErrNoClientID, i18n.Text{
		FR: "Cette version d'Hygie ne peut pas se connecter à %s : elle a été construite sans l'identifiant d'application d'Hygie. Installez une version officielle d'Hygie (demandez-la à qui vous a fourni Hygie) ; pour une autre boîte, utilisez un mot de passe.",
		EN: "This build of Hygie cannot sign in to %s: it was built without Hygie's application ID. Install an official Hygie release (ask whoever provided Hygie); for another mailbox, use a password."}},
	{ErrRevoked, i18n.Text{
		FR: "La connexion à votre compte a expiré ou a été retirée. Reconnectez-vous : vos analyses précédentes sont conservées.",
		EN: "The sign-in to your account expired or was revoked. Sign in again: your earlier scans are kept."}},
	{ErrConsent, i18n.Text{
		FR: "L'autorisation donnée à Hygie a été retirée, ou votre organisation doit l'accorder. Reconnectez-vous ; si le refus continue, demandez à l'administrateur de votre messagerie d'autoriser Hygie.",
		EN: "The permission given to Hygie was withdrawn, or your organisation must grant it. Sign in again; if it is still refused, ask your mail administrator to allow Hygie."}},
	{ErrWrongAccount, i18n.Text{
		FR: "Vous vous êtes connecté avec un autre compte que cette adresse. Reconnectez-vous en choisissant le compte de cette adresse dans le navigateur.",
		EN: "You signed in with another account than this address. Sign in again and pick this address's account in the browser."}},
	{ErrTimeout, i18n.Text{
		FR: "La connexion n'a pas été terminée à temps (navigateur fermé ?). Rien n'a été enregistré : reconnectez-vous quand vous voulez.",
		EN: "The sign-in was not finished in time (browser closed?). Nothing was saved: sign in again whenever you like."}},
	{ErrDenied, i18n.Text{
		FR: "La connexion a été refusée dans le navigateur. Rien n'a été enregistré : reconnectez-vous et acceptez l'accès en lecture pour qu'Hygie analyse la boîte.",
		EN: "The sign-in was refused in the browser. Nothing was saved: sign in again and accept read access so that Hygie can scan the mailbox."}},
	{ErrUnreachable, i18n.Text{
		FR: "Le service de connexion ne répond pas. Vérifiez la connexion Internet, puis réessayez ; vos analyses précédentes sont conservées.",
		EN: "The sign-in service does not answer. Check the Internet connection, then try again; your earlier scans are kept."}},
	{ErrNoBrowser, i18n.Text{
		FR: "Le navigateur n'a pas pu s'ouvrir. Ouvrez un navigateur sur cet ordinateur, puis réessayez.",
		EN: "The browser could not be opened. Open a browser on this computer, then try again."}},
	{ErrNoDevice, i18n.Text{
		FR: "Ce fournisseur n'accepte pas la connexion par code pour la messagerie. Ouvrez l'adresse indiquée dans un navigateur de cet ordinateur.",
		EN: "This provider does not accept sign-in codes for mail. Open the address shown in a browser on this computer."}},
	{ErrProvider, i18n.Text{
		FR: "Le service de connexion a refusé la demande. Réessayez ; si cela continue, utilisez une version à jour d'Hygie.",
		EN: "The sign-in service refused the request. Try again; if it goes on, use an up-to-date version of Hygie."}},
}

// Explain returns the sentence for err in lang, and false when err is none
// of this package's sentinels.
func Explain(err error, lang string) (string, bool) {
	for _, m := range Messages {
		if !errors.Is(err, m.Err) {
			continue
		}
		if m.Err == ErrNoClientID {
			return fmt.Sprintf(m.Text.In(lang), providerName(err, lang)), true
		}
		return m.Text.In(lang), true
	}
	return "", false
}

func providerName(err error, lang string) string {
	var nc *NoClientIDError
	if errors.As(err, &nc) && nc.Provider != "" {
		return nc.Provider
	}
	return i18n.Text{FR: "ce fournisseur", EN: "this provider"}.In(lang)
}
