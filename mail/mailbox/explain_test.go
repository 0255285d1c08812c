package mailbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Every sentinel the package returns has a sentence in the window, in both
// languages, and one on the command line, unless the table says it has no
// such place.
func TestEveryFailureIsExplained(t *testing.T) {
	for _, e := range append(explanations, otherFailure) {
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
