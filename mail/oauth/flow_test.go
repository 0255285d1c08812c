package oauth_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"hygie/mail/mailbox/mailboxtest"
	"hygie/mail/oauth"
)

// noRedirect is a browser that stops at the provider's redirect, so the
// test can tamper with it before going on to the loopback listener.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Errorf("GET: %v", err)
		return 0, ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestLoopbackRefusesWrongState: a redirect carrying another state is
// refused (400) and its code never exchanged; the real one then succeeds.
func TestLoopbackRefusesWrongState(t *testing.T) {
	p := mailboxtest.StartTokenProvider(t, "praticien@example.fr")
	prov := p.Provider(oauth.MicrosoftID)
	var wrongStatus int
	open := func(authURL string) error {
		go func() {
			resp, err := noRedirect.Get(authURL)
			if err != nil {
				t.Errorf("authorize: %v", err)
				return
			}
			resp.Body.Close()
			back, _ := url.Parse(resp.Header.Get("Location"))
			forged := *back
			q := forged.Query()
			q.Set("state", "forged")
			forged.RawQuery = q.Encode()
			wrongStatus, _ = get(t, forged.String())
			if code, body := get(t, back.String()); code != http.StatusOK || body == "" {
				t.Errorf("real redirect answered %d", code)
			}
		}()
		return nil
	}
	tok, err := prov.SignInBrowser(context.Background(), "praticien@example.fr", open)
	if err != nil || tok.RefreshToken == "" {
		t.Fatalf("SignInBrowser = %v", err)
	}
	if wrongStatus != http.StatusBadRequest {
		t.Errorf("forged state answered %d, want 400", wrongStatus)
	}
	if p.Exchanges() != 1 {
		t.Errorf("%d codes exchanged, want 1", p.Exchanges())
	}
}

// TestBrowserFlowEnds: the browser closed (time-out), the user cancelling
// in Hygie, refusing at the provider, a browser that cannot open, and a
// provider that cannot be reached each end the flow with their error.
func TestBrowserFlowEnds(t *testing.T) {
	p := mailboxtest.StartTokenProvider(t, "praticien@example.fr")
	prov := p.Provider(oauth.MicrosoftID)
	prov.Wait = 300 * time.Millisecond
	closed := func(string) error { return nil } // opened, then the user closed it
	follow := func(u string) error { go get(t, u); return nil }
	if _, err := prov.SignInBrowser(context.Background(), "", closed); !errors.Is(err, oauth.ErrTimeout) {
		t.Errorf("browser closed: %v, want ErrTimeout", err)
	}
	prov.Wait = 20 * time.Second // the next ones end on their own, even on a loaded machine
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err := prov.SignInBrowser(ctx, "", closed); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
	if _, err := prov.SignInBrowser(context.Background(), "", func(string) error { return errors.New("no xdg-open") }); !errors.Is(err, oauth.ErrNoBrowser) {
		t.Errorf("no browser: %v, want ErrNoBrowser", err)
	}
	p.FailAuthorize("access_denied")
	if _, err := prov.SignInBrowser(context.Background(), "", follow); !errors.Is(err, oauth.ErrDenied) {
		t.Errorf("refused: %v, want ErrDenied", err)
	}
	p.FailAuthorize("consent_required")
	if _, err := prov.SignInBrowser(context.Background(), "", follow); !errors.Is(err, oauth.ErrConsent) {
		t.Errorf("no consent: %v, want ErrConsent", err)
	}
	p.FailAuthorize("")
	prov.Endpoint.TokenURL = mailboxtest.ClosedURL(t) + "/token"
	if _, err := prov.SignInBrowser(context.Background(), "", follow); !errors.Is(err, oauth.ErrUnreachable) {
		t.Errorf("token endpoint down: %v, want ErrUnreachable", err)
	}
	prov.Endpoint.DeviceAuthURL = mailboxtest.ClosedURL(t) + "/device"
	if _, err := prov.SignInDevice(context.Background(), func(oauth.DeviceCode) {}); !errors.Is(err, oauth.ErrUnreachable) {
		t.Errorf("device endpoint down: %v, want ErrUnreachable", err)
	}
}

// TestDeviceFlowCancelled: nobody approves the code; cancelling ends the wait.
func TestDeviceFlowCancelled(t *testing.T) {
	p := mailboxtest.StartTokenProvider(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := p.Provider(oauth.MicrosoftID).SignInDevice(ctx, func(oauth.DeviceCode) { time.AfterFunc(100*time.Millisecond, cancel) })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("SignInDevice cancelled = %v, want context.Canceled", err)
	}
}

// TestSignInFallsBackToDevice: no browser, so the device code is shown.
func TestSignInFallsBackToDevice(t *testing.T) {
	p := mailboxtest.StartTokenProvider(t, "praticien@example.fr")
	var shown oauth.DeviceCode
	noBrowser := func(string) error { return errors.New("xdg-open: not found") }
	tok, err := p.Provider(oauth.MicrosoftID).SignIn(context.Background(), "", noBrowser, func(c oauth.DeviceCode) { shown = c })
	if err != nil || tok.AccessToken == "" || shown.Code == "" {
		t.Fatalf("SignIn without browser = %v, code %q; want the device flow", err, shown.Code)
	}
	google := p.Provider(oauth.GoogleID)
	google.Device = false
	if _, err := google.SignIn(context.Background(), "", nil, func(oauth.DeviceCode) { t.Error("device code shown") }); !errors.Is(err, oauth.ErrNoBrowser) {
		t.Errorf("SignIn without browser nor device code = %v, want ErrNoBrowser", err)
	}
}
