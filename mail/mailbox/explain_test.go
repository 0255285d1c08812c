package mailbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"hygie/i18n"
)

// Every sentinel the package returns has a sentence in the window, in both
// languages, and one on the command line, unless the table says it has no
// such place.
func TestEveryFailureIsExplained(t *testing.T) {
	for _, e := range append(explanations, otherFailure) {
		if e.form.FR != "" && !e.form.Complete() {
			t.Errorf("%v: the form's sentence is not written in both languages: %+v", e.err, e.form)
		}
		if e.app.FR != "" && !e.app.Complete() {
			t.Errorf("%v: the window's sentence is not written in both languages: %+v", e.err, e.app)
		}
		if e.app.FR == "" && e.cli.FR == "" {
			t.Errorf("%v: no sentence anywhere", e.err)
		}
	}
	sentinels := []error{ErrInvalidAccount, ErrPlaintextRefused, ErrRefused, ErrHostNotFound, ErrBadCert, ErrTLS, ErrAuth,
		ErrDropped, ErrTimeout, ErrMailboxNotFound, ErrServer, ErrKeychainUnavailable, ErrNoAccount, ErrNoPassword}
	for _, s := range sentinels {
		err := fmt.Errorf("scan cabinet: %w", s)
		app, cli := Explain(err, InApp), Explain(err, InCLI)
		if app == otherFailure.app && cli == otherFailure.cli {
			t.Errorf("Explain(%v) gives only the general sentence", s)
		}
	}
}

func TestExplainSpeaksWhereItIsRead(t *testing.T) {
	err := fmt.Errorf("scan: %w", ErrAuth)
	if got := Explain(err, InApp).In("en"); !strings.Contains(got, "\"Edit\"") {
		t.Errorf("Explain(auth, InApp).In(en) = %q, want the Edit button named", got)
	}
	if got := Explain(err, InCLI).FR; strings.Contains(got, "Modifier") {
		t.Errorf("Explain(auth, InCLI) = %q names a button of the window", got)
	}
	if got := Explain(fmt.Errorf("account: %w", ErrNoAccount), InApp); got != otherFailure.app {
		t.Errorf("Explain(no account, InApp) = %q, want the general sentence", got.FR)
	}
	if got := Explain(context.Canceled, InCLI).FR; !strings.Contains(got, "interrompue") {
		t.Errorf("Explain(cancelled, InCLI) = %q", got)
	}
	if got := Explain(errors.New("boom"), InApp).FR; !strings.Contains(got, "n'a pas abouti") {
		t.Errorf("Explain(other, InApp) = %q", got)
	}
}

// Each button or field a sentence names exists, by that label, where the
// sentence is read: the Messagerie screen for InApp, the account form for
// InForm (labels from the window's translation files).
func TestExplainNamesRealButtons(t *testing.T) {
	labels := map[string]map[string]bool{}
	for _, lang := range []string{"fr", "en"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "assets", "translation", "mail."+lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		labels[lang] = map[string]bool{}
		for _, v := range m {
			labels[lang][v] = true
		}
	}
	quoted := map[string]*regexp.Regexp{"fr": regexp.MustCompile(`« ([^»]+) »`), "en": regexp.MustCompile(`"([^"]+)"`)}
	screenOnly := []string{"Modifier", "Analyser", "Edit", "Scan"}
	for _, e := range append(explanations, otherFailure) {
		for _, place := range []struct {
			name string
			text i18n.Text
		}{{"app", e.app}, {"form", e.form}} {
			for lang, s := range map[string]string{"fr": place.text.FR, "en": place.text.EN} {
				for _, m := range quoted[lang].FindAllStringSubmatch(s, -1) {
					if !labels[lang][m[1]] {
						t.Errorf("%v (%s, %s) names « %s », which is no label of the window: %q", e.err, place.name, lang, m[1], s)
					}
					if place.name == "form" && slices.Contains(screenOnly, m[1]) {
						t.Errorf("%v: the form's sentence names the screen's button « %s »: %q", e.err, m[1], s)
					}
				}
				if place.name == "app" && (strings.Contains(s, "ci-dessous") || strings.Contains(s, "below")) {
					t.Errorf("%v: the screen's sentence points below, where there is no form: %q", e.err, s)
				}
			}
		}
	}
}

// A server that worked and now refuses says « réessayez dans un moment »,
// not « vérifiez le nom du serveur ».
func TestExplainServerAway(t *testing.T) {
	err := fmt.Errorf("connect: %w", away(fmt.Errorf("%w: dial", ErrRefused), true))
	for _, w := range []Where{InApp, InForm} {
		if got := Explain(err, w).FR; !strings.Contains(got, "réessayez dans un moment") || strings.Contains(got, "Vérifiez") {
			t.Errorf("Explain(server away, %d) = %q", w, got)
		}
	}
	if got := Explain(away(fmt.Errorf("%w: dial", ErrRefused), false), InForm).FR; !strings.Contains(got, "Vérifiez le serveur IMAP") {
		t.Errorf("Explain(refused, never answered) = %q, want the settings checked", got)
	}
}
