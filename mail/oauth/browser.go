package oauth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// OpenURL opens url in the user's browser: fyne's App.OpenURL in the
// window, printing it in the command line. An error means no browser
// could be opened (the caller then offers the device code, if any).
type OpenURL func(url string) error

// SignInBrowser signs the user in through the system browser: an
// authorisation code with PKCE, redirected to a listener on 127.0.0.1 on a
// random port. address pre-fills the provider's account chooser.
//
// It returns once the provider redirected back and the code was exchanged,
// or with ErrTimeout after p.Wait (5 minutes: the user closed the browser),
// ErrDenied, ErrConsent, ErrUnreachable, ErrNoBrowser, ErrNoClientID, or
// ctx's error when ctx is cancelled. A redirect with a wrong state is
// refused and the wait goes on.
func (p Provider) SignInBrowser(ctx context.Context, address string, open OpenURL) (*oauth2.Token, error) {
	if _, err := p.config(""); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("loopback listener: %w", err)
	}
	defer ln.Close()
	// No path: Entra matches a loopback redirect on scheme and host, ignoring the port.
	cfg, _ := p.config(fmt.Sprintf("http://%s", ln.Addr()))
	f := &loopback{state: randomString(), verifier: oauth2.GenerateVerifier(), done: make(chan result, 1)}
	srv := &http.Server{Handler: f, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer shutdown(srv)
	if err := open(cfg.AuthCodeURL(f.state, p.authOptions(address, f.verifier)...)); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoBrowser, err)
	}
	code, err := f.await(ctx, p.wait())
	if err != nil {
		return nil, err
	}
	tok, err := cfg.Exchange(p.context(ctx), code, oauth2.VerifierOption(f.verifier))
	if err != nil {
		return nil, fmt.Errorf("exchange the code: %w", classify(err))
	}
	return tok, nil
}

func (p Provider) authOptions(address, verifier string) []oauth2.AuthCodeOption {
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}
	if address != "" {
		opts = append(opts, oauth2.SetAuthURLParam("login_hint", address))
	}
	for k, v := range p.AuthParams {
		opts = append(opts, oauth2.SetAuthURLParam(k, v))
	}
	return opts
}

// context carries the provider's HTTP client to golang.org/x/oauth2.
func (p Provider) context(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, p.httpClient())
}

// loopback is the redirect listener: it takes the first redirect with the
// right state and answers the browser with a page saying to go back.
type loopback struct {
	state, verifier string
	done            chan result
}

type result struct {
	code string
	err  error
}

func (f *loopback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if r.URL.Path != "/" || q.Get("state") != f.state {
		// Another page or program knocking: refuse it, keep waiting.
		http.Error(w, "Hygie: unexpected request", http.StatusBadRequest)
		return
	}
	res := result{code: q.Get("code")}
	if e := q.Get("error"); e != "" || res.code == "" {
		res = result{err: fmt.Errorf("authorisation: %w", classifyCode(e, q.Get("error_description"), false))}
	}
	// The page first, so that the browser shows it before the flow ends.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, donePage(res.err == nil))
	if fl, ok := w.(http.Flusher); ok {
		fl.Flush()
	}
	select {
	case f.done <- res:
	default: // a second redirect (reload): the first one counts
	}
}

// shutdown lets the browser's last request finish, a second at most.
func shutdown(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if srv.Shutdown(ctx) != nil {
		srv.Close()
	}
}

func (f *loopback) await(ctx context.Context, wait time.Duration) (string, error) {
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case res := <-f.done:
		return res.code, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	case <-timer.C:
		return "", fmt.Errorf("%w: no answer from the browser within %s", ErrTimeout, wait)
	}
}

// donePage is what the browser shows after the redirect, in both languages
// since the browser's language is not known here.
func donePage(ok bool) string {
	msg := "Connexion terminée : vous pouvez fermer cet onglet et revenir à Hygie.<br>Signed in: you can close this tab and go back to Hygie."
	if !ok {
		msg = "La connexion n'a pas abouti : revenez à Hygie pour la suite.<br>The sign-in did not succeed: go back to Hygie for what to do next."
	}
	return "<!doctype html><meta charset=utf-8><title>Hygie</title><p>" + msg + "</p>"
}

func randomString() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
