package alerts

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"hygie/i18n"
)

// Limits of one fetch: a feed is a few dozen kilobytes, so anything much
// bigger is not CERT-FR's feed, and a check never hangs the app.
const (
	MaxBytes = 2 << 20
	Timeout  = 20 * time.Second
)

// Errors a fetch reports; ErrorText turns each into one French sentence.
var (
	ErrOptInOff  = errors.New("alerts: fetching is not turned on")
	ErrOffline   = errors.New("alerts: feed unreachable")
	ErrTimeout   = errors.New("alerts: feed too slow")
	ErrTooLarge  = errors.New("alerts: feed too large")
	ErrMalformed = errors.New("alerts: feed unreadable")
	ErrStatus    = errors.New("alerts: feed refused")
)

// Fetch reads the feed at url with client, within Timeout and MaxBytes,
// and returns its items tagged with feedID. Nothing is kept on failure.
func Fetch(ctx context.Context, client *http.Client, feedID, url string) ([]Item, error) {
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	return fetch(ctx, client, feedID, url, MaxBytes)
}

func fetch(ctx context.Context, client *http.Client, feedID, url string, max int64) ([]Item, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w: %v", url, ErrOffline, err)
	}
	req.Header.Set("Accept", "application/rss+xml, application/xml;q=0.9, */*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, netKind(ctx, err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: %w: HTTP %d", url, ErrStatus, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, netKind(ctx, err))
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("fetch %s: %w: over %d bytes", url, ErrTooLarge, max)
	}
	feed, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w: %v", url, ErrMalformed, err)
	}
	return items(feedID, feed), nil
}

// netKind tells a slow server from an unreachable one.
func netKind(ctx context.Context, err error) error {
	var ne net.Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout()) {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return fmt.Errorf("%w: %v", ErrOffline, err)
}

func items(feedID string, f *gofeed.Feed) []Item {
	out := make([]Item, 0, len(f.Items))
	for _, it := range f.Items {
		i := Item{Feed: feedID, Title: strings.TrimSpace(it.Title), Link: httpsOnly(it.Link),
			Summary: plainText(it.Description), GUID: it.GUID}
		if i.GUID == "" {
			i.GUID = it.Link
		}
		if it.PublishedParsed != nil {
			i.Published = it.PublishedParsed.UTC()
		} else if it.UpdatedParsed != nil {
			i.Published = it.UpdatedParsed.UTC()
		}
		if i.GUID != "" && i.Title != "" {
			out = append(out, i)
		}
	}
	return out
}

// plainText turns a feed's HTML summary into its visible text, spaces
// collapsed: the summary is shown, never rendered.
func plainText(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// blocks are the elements whose edges separate words.
var blocks = map[atom.Atom]bool{atom.P: true, atom.Br: true, atom.Div: true, atom.Li: true,
	atom.Ul: true, atom.Ol: true, atom.Tr: true, atom.Td: true, atom.H1: true, atom.H2: true, atom.H3: true}

// httpsOnly keeps a link the user may open only when it is https; anything
// else (javascript:, file:, plain http) is dropped rather than shown.
func httpsOnly(link string) string {
	link = strings.TrimSpace(link)
	if strings.HasPrefix(strings.ToLower(link), "https://") {
		return link
	}
	return ""
}

// ErrorText is the French (and English) sentence for a fetch error, with
// the next step; ok is false for an error this package did not produce.
func ErrorText(err error) (i18n.Text, bool) {
	switch {
	case errors.Is(err, ErrOptInOff):
		return i18n.Text{
			FR: "La lecture des alertes du CERT-FR n'est pas activée. Activez-la dans Réglages, ou avec la commande « hygie alerts enable ».",
			EN: "Reading CERT-FR alerts is not turned on. Turn it on in Settings, or with the command \"hygie alerts enable\".",
		}, true
	case errors.Is(err, ErrOffline):
		return i18n.Text{
			FR: "Le site du CERT-FR n'a pas pu être joint : vérifiez la connexion à Internet. Les dernières alertes enregistrées restent affichées.",
			EN: "The CERT-FR website could not be reached: check the Internet connection. The last saved alerts are still shown.",
		}, true
	case errors.Is(err, ErrTimeout):
		return i18n.Text{
			FR: "Le site du CERT-FR a mis trop de temps à répondre. Réessayez plus tard ; les dernières alertes enregistrées restent affichées.",
			EN: "The CERT-FR website took too long to answer. Try again later; the last saved alerts are still shown.",
		}, true
	case errors.Is(err, ErrTooLarge), errors.Is(err, ErrMalformed), errors.Is(err, ErrStatus):
		return i18n.Text{
			FR: "La réponse reçue n'est pas la liste d'alertes attendue du CERT-FR : elle a été ignorée. Réessayez demain ; les dernières alertes enregistrées restent affichées.",
			EN: "The answer received is not the expected CERT-FR alert list: it was ignored. Try again tomorrow; the last saved alerts are still shown.",
		}, true
	}
	return i18n.Text{}, false
}
