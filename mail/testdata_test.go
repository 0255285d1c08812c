package mail

import (
	"os"
	"path/filepath"
	"testing"
)

// scenario is one labelled message of testdata/messages with what its
// analysis must say.
type scenario struct {
	file     string
	min, max Verdict
	channel  Channel
	must     []string // findings that must fire
	mustNot  []string // findings that must not fire
}

// scenarios are French health-practice messages written for these tests;
// the same files seed the fuzz targets.
var scenarios = []scenario{
	{"ham/mssante-chu-compte-rendu.eml", Safe, Safe, ChannelMSSante, []string{"auth_pass"}, []string{"health_data_outside_mssante"}},
	{"ham/mssante-cabinet-bilan-vers-chu.eml", Safe, Safe, ChannelMSSante, nil, []string{"health_data_outside_mssante"}},
	{"ham/ameli-nouveau-message.eml", Safe, Safe, ChannelOrdinary, []string{"auth_pass"}, []string{"display_name_brand", "hidden_content"}},
	{"ham/doctolib-rendez-vous.eml", Safe, Safe, ChannelOrdinary, nil, []string{"hidden_content"}},
	{"ham/urssaf-echeancier.eml", Safe, Safe, ChannelOrdinary, nil, nil},
	{"ham/ordre-newsletter.eml", Safe, Safe, ChannelOrdinary, nil, nil},
	{"ham/fournisseur-newsletter.eml", Safe, Safe, ChannelOrdinary, nil, nil},
	{"ham/labo-newsletter-images.eml", Safe, Caution, ChannelOrdinary, nil, []string{"image_only_elsewhere"}},
	{"ham/lettre-sante-texte-et-html.eml", Safe, Safe, ChannelOrdinary, nil, []string{"image_only", "hidden_text", "hidden_content"}},
	{"ham/librairie-newsletter-fond.eml", Safe, Safe, ChannelOrdinary, nil, []string{"image_only", "malformed_message"}},
	{"ham/comptable-echeance-urssaf.eml", Safe, Safe, ChannelOrdinary, nil, []string{"callback_scam"}},
	{"ham/fournisseur-facture-telephone.eml", Safe, Safe, ChannelOrdinary, nil, []string{"callback_scam"}},
	{"ham/collegue-remplacement-gmail.eml", Safe, Safe, ChannelOrdinary, nil, []string{"freemail_institution"}},
	{"ham/collegue-domaine-associatif.eml", Safe, Safe, ChannelOrdinary, nil, []string{"sender_missing"}},
	{"ham/liste-kines-page-jointe.eml", Safe, Caution, ChannelOrdinary, []string{"attachment_html_list"}, []string{"attachment_html"}},
	{"ham/urps-revue-presse-douane.eml", Safe, Caution, ChannelOrdinary, nil, []string{"lure_with_link"}},
	{"ham/newsletter-version-mobile-cachee.eml", Safe, Safe, ChannelOrdinary, nil, []string{"hidden_text", "hidden_content"}},
	{"ham/hopital-portail-patient.eml", Safe, Safe, ChannelOrdinary, nil, []string{"link_with_recipient"}},
	{"ham/agence-web-cabinet.eml", Safe, Safe, ChannelOrdinary, nil, []string{"sender_user_host", "link_file_host"}},
	{"ham/collegue-prenom-adresse.eml", Safe, Safe, ChannelOrdinary, nil, []string{"greeting_with_address", "recipient_in_subject"}},
	{"ham/patient-demande-rdv-gmail.eml", Safe, Safe, ChannelOrdinary, nil, []string{"health_data_outside_mssante", "freemail_institution"}},
	{"ham/banque-releve.eml", Safe, Safe, ChannelOrdinary, nil, []string{"display_name_brand"}},
	{"ham/urps-lettre-acronymes.eml", Safe, Safe, ChannelOrdinary, nil, []string{"sender_random_domain"}},
	{"ham/comptable-bilan-annuel.eml", Safe, Safe, ChannelOrdinary, nil, []string{"health_data_outside_mssante"}},
	{"ham/urps-lettre-lien-raccourci.eml", Safe, Caution, ChannelOrdinary, []string{"link_shortener"}, []string{"shortener_only"}},
	{"ham/collegue-objet-seul.eml", Safe, Safe, ChannelOrdinary, nil, []string{"body_unreadable", "malformed_message"}},
	{"ham/collegue-bilan-gmail.eml", Caution, Caution, ChannelOrdinary, []string{"health_data_outside_mssante"}, nil},
	{"ham/patient-ordonnance-orange.eml", Caution, Caution, ChannelOrdinary, []string{"health_data_outside_mssante"}, nil},
	{"phish/faux-ameli-carte-vitale.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "display_name_brand", "link_text_mismatch_brand", "credential_request"}, []string{"auth_pass"}},
	{"phish/faux-ameli-sous-domaine.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"auth_dmarc_fail_brand"}, nil},
	{"phish/faux-doctolib-trop-percu.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "payment_lure"}, nil},
	{"phish/faux-urssaf-gmail.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"freemail_institution", "attachment_html", "attachment_double_extension"}, nil},
	{"phish/fraude-au-president.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"display_name_contact", "ceo_fraud"}, nil},
	{"phish/changement-rib-fournisseur.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"rib_change", "reply_to_freemail"}, nil},
	{"phish/faux-ecps-renouvellement.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "lookalike_link"}, nil},
	{"phish/faux-mssante-desactivation.eml", Dangerous, Dangerous, ChannelMixed, []string{"mssante_lookalike"}, nil},
	{"phish/sextorsion.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"extortion", "sender_is_recipient"}, nil},
	{"phish/facture-malware-zip.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"attachment_archive_dangerous"}, nil},
	{"phish/facture-double-extension.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"attachment_executable", "attachment_double_extension"}, nil},
	{"phish/archive-chiffree.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"attachment_encrypted_archive", "attachment_archive_dangerous"}, nil},
	{"phish/faux-ordre-cotisation.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"lookalike_domain"}, nil},
	{"phish/faux-impots-expediteur-sans-domaine.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"sender_missing"}, nil},
	{"phish/fausse-liste-page-jointe.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"attachment_html"}, []string{"attachment_html_list"}},
	{"phish/faux-colis-frais-douane.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"lure_with_link"}, nil},
	{"phish/faux-impots-ip.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"link_ip", "display_name_address"}, nil},
	{"phish/faux-norton-renouvellement-appel.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"callback_scam"}, nil},
	{"phish/lettre-copiee-repoussee.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"hidden_text", "image_only", "image_only_elsewhere"}, nil},
	{"phish/stockage-image-en-fond.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"image_only", "image_only_elsewhere"}, []string{"malformed_message", "body_unreadable"}},
	{"phish/pub-images-autre-site.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"image_only", "image_only_elsewhere"}, nil},
	{"phish/faux-ameli-texte-cache.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"hidden_text", "lure_with_link"}, nil},
	{"phish/faux-webmail-lien-personnalise.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"link_with_recipient", "credential_request", "lure_with_link"}, nil},
	{"phish/faux-avis-amende-ddns.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"sender_user_host", "link_file_host"}, nil},
	{"phish/faux-colis-salue-par-adresse.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"greeting_with_address", "lure_with_link"}, nil},
	{"phish/message-court-lien-raccourci.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"shortener_only", "link_shortener"}, nil},
	{"phish/structure-cassee-illisible.eml", Caution, Dangerous, ChannelOrdinary, []string{"body_unreadable", "malformed_message"}, nil},
	{"phish/faux-expediteur-authres-forge.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"auth_dmarc_fail_brand"}, []string{"auth_pass"}},
	{"phish/faux-ameli-coordonnees-bancaires.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"display_name_brand", "lookalike_link"}, nil},
	{"phish/faux-mon-espace-sante.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "link_http_login"}, nil},
	{"phish/faux-doctolib-prelevement.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "display_name_brand"}, nil},
	{"phish/faux-antai-amende.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "payment_lure"}, nil},
	{"phish/faux-chronopost-frais.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"display_name_brand", "payment_lure"}, nil},
	{"phish/faux-cpam-gmail-carte-vitale.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"freemail_institution", "credential_request"}, nil},
	{"phish/faux-orange-quota.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"display_name_brand", "credential_request"}, nil},
	{"phish/faux-urssaf-trop-percu.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "payment_lure"}, nil},
	{"phish/faux-confrere-document-partage.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"link_file_host"}, nil},
	// Frauds without a malicious link (business e-mail compromise), each
	// with an honest look-alike that must stay quiet.
	{"phish/bec-rib-reponse-domaine-sosie.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"rib_change", "bank_details_diverted", "lookalike_known_domain"}, nil},
	{"phish/bec-new-bank-details-lookalike-en.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"rib_change", "bank_details_diverted", "lookalike_known_domain"}, nil},
	{"ham/fournisseur-nouvelle-banque.eml", Caution, Caution, ChannelOrdinary, []string{"rib_change"}, []string{"bank_details_diverted", "lookalike_known_domain"}},
	{"phish/bec-associe-virement-gmail.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"display_name_contact", "payment_request_known_name"}, nil},
	{"phish/bec-partner-gift-cards-en.eml", Dangerous, Dangerous, ChannelOrdinary, []string{"display_name_contact", "payment_request_known_name"}, nil},
	{"ham/collegue-dejeuner-gmail.eml", Safe, Safe, ChannelOrdinary, nil, []string{"display_name_contact", "payment_request_webmail"}},
	{"ham/comptable-virement-urssaf.eml", Safe, Safe, ChannelOrdinary, nil, []string{"payment_request_known_name", "payment_request_webmail"}},
	{"phish/collegue-gmail-identifiants.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"credential_request_webmail"}, nil},
	{"ham/remplacant-gmail-wifi.eml", Safe, Safe, ChannelOrdinary, nil, []string{"credential_request_webmail"}},
	{"phish/faux-editeur-maj-wetransfer.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"remote_access_support"}, nil},
	{"ham/prestataire-lien-telechargement.eml", Safe, Caution, ChannelOrdinary, nil, []string{"remote_access_support"}},
	{"ham/urps-formation-gestes-urgence.eml", Safe, Safe, ChannelOrdinary, nil, []string{"pressure_wording"}},
	{"phish/paypal-demande-argent-note-escroc.eml", Caution, Dangerous, ChannelOrdinary, []string{"payment_lure", "pressure_wording"}, nil},
	{"ham/doctolib-reinitialisation-mot-de-passe.eml", Safe, Safe, ChannelOrdinary, []string{"auth_pass"}, []string{"payment_lure", "pressure_wording"}},
	{"ham/github-reinitialisation-en.eml", Safe, Safe, ChannelOrdinary, []string{"auth_pass"}, []string{"credential_request", "pressure_wording"}},
	{"phish/faux-informatique-qr-code.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"qr_code_lure"}, nil},
	{"ham/editeur-application-qr-code.eml", Safe, Caution, ChannelOrdinary, nil, []string{"qr_code_lure"}},
	{"ham/salon-billet-qr-code.eml", Safe, Safe, ChannelOrdinary, nil, []string{"qr_code_lure"}},
	{"phish/faux-ordre-cotisation-iban.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"lookalike_domain", "display_name_brand", "payment_lure"}, nil},
	{"ham/carpimko-appel-cotisations.eml", Safe, Safe, ChannelOrdinary, []string{"auth_pass"}, []string{"payment_lure", "pressure_wording"}},
	{"phish/faux-ameli-lien-google.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"link_redirect", "lookalike_link"}, nil},
	{"ham/ameli-lettre-safelinks.eml", Safe, Safe, ChannelOrdinary, []string{"auth_pass"}, []string{"link_redirect", "link_text_mismatch", "link_text_mismatch_brand"}},
	{"phish/faux-support-logiciel-anydesk.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"remote_access_support"}, nil},
	{"phish/fake-it-support-short-link-en.eml", Suspicious, Dangerous, ChannelOrdinary, []string{"remote_access_support"}, nil},
	{"ham/prestataire-teamviewer-intervention.eml", Safe, Safe, ChannelOrdinary, nil, []string{"remote_access_support"}},
}

// testOptions is the practice the scenarios are addressed to.
var testOptions = Options{
	KnownContacts: []string{"Bernard Lefèvre <bernard.lefevre@cabinet-lefevre.fr>"},
	KnownPeople: []Person{
		{Name: "Hélène Garcia", Role: "associée", Addresses: []string{"helene.garcia@cabinet-martin.fr"}},
		{Name: "Julien Roux", Role: "remplaçant", Addresses: []string{"julien.roux.kine@gmail.com"}},
	},
	KnownSuppliers: []Supplier{
		{Name: "Kiné Matériel Pro", Kind: "fournisseur", Domains: []string{"kine-materiel-pro.fr"}},
		{Name: "InfoSanté Services", Kind: "informatique", Domains: []string{"infosante-services.fr"}},
		{Name: "Cabinet comptable Roche", Kind: "comptable", Domains: []string{"cabinet-comptable-roche.fr"}},
	},
}

func TestScenarios(t *testing.T) {
	an := NewAnalyzer(testOptions)
	for _, sc := range scenarios {
		rep := analyzeFile(t, an, filepath.Join("testdata", "messages", sc.file))
		if verdictRank[rep.Verdict] < verdictRank[sc.min] || verdictRank[rep.Verdict] > verdictRank[sc.max] {
			t.Errorf("Verdict(%s) = %s (score %d, %v), want %s..%s", sc.file, rep.Verdict, rep.Score, ids(rep), sc.min, sc.max)
		}
		if rep.Channel != sc.channel {
			t.Errorf("Channel(%s) = %s, want %s", sc.file, rep.Channel, sc.channel)
		}
		for _, id := range sc.must {
			if !hasFinding(rep, id) {
				t.Errorf("Findings(%s) = %v, want %s", sc.file, ids(rep), id)
			}
		}
		for _, id := range sc.mustNot {
			if hasFinding(rep, id) {
				t.Errorf("Findings(%s) = %v, must not hold %s", sc.file, ids(rep), id)
			}
		}
	}
}

// TestScenariosCovered keeps the table and the folder in step.
func TestScenariosCovered(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "messages", "*", "*.eml"))
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, sc := range scenarios {
		known[sc.file] = true
	}
	for _, f := range files {
		rel, _ := filepath.Rel(filepath.Join("testdata", "messages"), f)
		if !known[filepath.ToSlash(rel)] {
			t.Errorf("testdata/messages/%s has no expectation in scenarios", rel)
		}
	}
}

func analyzeFile(t testing.TB, an *Analyzer, path string) Report {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := an.Analyze(f)
	if err != nil {
		t.Fatalf("Analyze(%s): %v", path, err)
	}
	return rep
}

func hasFinding(rep Report, id string) bool {
	for _, f := range rep.Findings {
		if f.ID == id {
			return true
		}
	}
	return false
}

func ids(rep Report) []string {
	out := make([]string, 0, len(rep.Findings))
	for _, f := range rep.Findings {
		out = append(out, f.ID)
	}
	return out
}

// TestFraudsWithoutLists checks that the link-less frauds are caught on
// the general signals alone, before the practitioner has listed anyone:
// a reply or an address on a look-alike of the sender's own domain or on
// a webmail, a pressing money request from a personal webmail, a support
// message pushing a remote-access tool.
func TestFraudsWithoutLists(t *testing.T) {
	an := NewAnalyzer(Options{})
	for _, f := range []string{
		"phish/bec-rib-reponse-domaine-sosie.eml",
		"phish/bec-new-bank-details-lookalike-en.eml",
		"phish/bec-associe-virement-gmail.eml",
		"phish/bec-partner-gift-cards-en.eml",
		"phish/faux-support-logiciel-anydesk.eml",
		"phish/fake-it-support-short-link-en.eml",
	} {
		rep := analyzeFile(t, an, filepath.Join("testdata", "messages", f))
		if verdictRank[rep.Verdict] < verdictRank[Suspicious] {
			t.Errorf("Verdict(%s) without lists = %s (score %d, %v), want at least suspicious", f, rep.Verdict, rep.Score, ids(rep))
		}
	}
}
