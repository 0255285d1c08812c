package mailbox

import (
	"errors"

	"hygie/i18n"
	"hygie/mail/oauth"
)

// AuthMessages are the sentences for this package's sign-in and discovery
// errors: what happened, then the next step. They sit apart from the
// table of the other mailbox errors so that both can grow on their own;
// ExplainAuth also answers for hygie/mail/oauth's errors.
var AuthMessages = []struct {
	Err  error
	Text i18n.Text
}{
	{ErrTokenRefused, i18n.Text{
		FR: "Le serveur de messagerie refuse la connexion de ce compte. Reconnectez-vous ; si le refus continue, vérifiez que l'accès IMAP est activé dans les réglages de votre messagerie.",
		EN: "The mail server refuses this account's sign-in. Sign in again; if it is still refused, check that IMAP access is turned on in your mail settings."}},
	{ErrNoToken, i18n.Text{
		FR: "Hygie n'a plus la connexion de ce compte dans le trousseau du système. Reconnectez-vous.",
		EN: "Hygie no longer has this account's sign-in in the system keychain. Sign in again."}},
	{ErrNoRefreshToken, i18n.Text{
		FR: "Le fournisseur n'a pas accordé d'accès durable : rien n'a été enregistré. Reconnectez-vous et acceptez toutes les autorisations demandées.",
		EN: "The provider granted no lasting access: nothing was saved. Sign in again and accept every permission asked."}},
	{ErrBadAddress, i18n.Text{
		FR: "Ce n'est pas une adresse de messagerie : saisissez-la en entier, par exemple cabinet@orange.fr.",
		EN: "This is not an e-mail address: type it in full, for example cabinet@orange.fr."}},
	{ErrNotDiscovered, i18n.Text{
		FR: "Hygie ne connaît pas les réglages de cette adresse. Choisissez « Autre fournisseur » et recopiez le serveur IMAP donné par votre fournisseur.",
		EN: "Hygie does not know this address's settings. Choose \"Other provider\" and copy the IMAP server your provider gives."}},
	{ErrDiscoveryFailed, i18n.Text{
		FR: "Hygie n'a pas pu consulter le domaine de cette adresse (pas de réponse du réseau). Vérifiez la connexion Internet et réessayez, ou saisissez les réglages vous-même.",
		EN: "Hygie could not look up this address's domain (no answer from the network). Check the Internet connection and try again, or type the settings yourself."}},
	{ErrBadAutoconfig, i18n.Text{
		FR: "Les réglages publiés par le domaine de cette adresse sont inutilisables. Saisissez le serveur IMAP donné par votre fournisseur.",
		EN: "The settings published by this address's domain cannot be used. Type the IMAP server your provider gives."}},
}

// ExplainAuth returns the sentence for a sign-in or discovery error in
// lang, and false for any other error (explained elsewhere).
func ExplainAuth(err error, lang string) (string, bool) {
	if s, ok := oauth.Explain(err, lang); ok {
		return s, true
	}
	for _, m := range AuthMessages {
		if errors.Is(err, m.Err) {
			return m.Text.In(lang), true
		}
	}
	return "", false
}
