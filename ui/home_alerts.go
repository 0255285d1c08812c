package ui

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hygie/alerts"
	"hygie/i18n"
)

// alertsState is the window's share of the CERT-FR alerts: the cache, the
// client that reads the feeds, and who shows them (the dashboard card and
// the Réglages card), told on the UI goroutine after each change.
type alertsState struct {
	cache    *alerts.Cache // nil when the database is unavailable
	client   *http.Client
	checking bool
	lastErr  error // the last check's failure; nil after a success
	changed  []func()
	ticking  bool // the hourly look at Due has started
}

// alertsNow is the alerts' clock; tests fix it.
var alertsNow = time.Now

// alertsEvery is how often an open window asks whether the daily check is
// due, so that Hygie left open for days (for the reminder) still checks
// once a day.
const alertsEvery = time.Hour

func newAlertsState(db *sql.DB, client *http.Client) *alertsState {
	if client == nil {
		client = &http.Client{Timeout: alerts.Timeout}
	}
	a := &alertsState{client: client}
	if db == nil {
		return a
	}
	c, err := alerts.Open(db)
	if err != nil {
		fyne.LogError("open alerts cache", err)
		return a
	}
	a.cache = c
	return a
}

// onChange registers f, called on the UI goroutine after a check or a
// change of the user's choices.
func (a *alertsState) onChange(f func()) { a.changed = append(a.changed, f) }

func (a *alertsState) notify() {
	for _, f := range a.changed {
		f()
	}
}

// optedIn reports whether the user turned the alerts on; false when it
// cannot be read, so nothing is fetched on a doubt.
func (a *alertsState) optedIn() bool {
	if a.cache == nil {
		return false
	}
	on, err := a.cache.OptedIn()
	if err != nil {
		fyne.LogError("read alerts opt-in", err)
	}
	return on && err == nil
}

// check reads the feeds in the background when the user opted in and a
// check is due (or force is set); never a request otherwise. It reports
// whether a check started. Called on the UI goroutine.
func (a *alertsState) check(force bool) bool {
	if a.checking || !a.optedIn() {
		return false
	}
	if due, err := a.cache.Due(alertsNow()); err != nil || (!due && !force) {
		return false
	}
	a.checking = true
	a.notify()
	go func() {
		_, err := a.cache.Refresh(context.Background(), a.client, alerts.Feeds(), alertsNow(), force)
		if err != nil {
			fyne.LogError("check CERT-FR alerts", err)
		}
		fyne.Do(func() {
			a.checking = false
			a.lastErr = err
			if errors.Is(err, alerts.ErrOptInOff) {
				a.lastErr = nil // turned off meanwhile: nothing went wrong
			}
			a.notify()
		})
	}()
	return true
}

// errText is the last check's failure as one sentence, or "".
func (a *alertsState) errText() string {
	if a.lastErr == nil {
		return ""
	}
	if t, ok := alerts.ErrorText(a.lastErr); ok {
		return t.In(currentLang)
	}
	return lang.X("alerts.err.other", "Les alertes n'ont pas pu être vérifiées. Réessayez plus tard ; les dernières alertes enregistrées restent affichées.")
}

// ticked is the software the user ticked; none when it cannot be read.
func (a *alertsState) ticked() []string {
	if a.cache == nil {
		return nil
	}
	t, err := a.cache.Ticked()
	if err != nil {
		fyne.LogError("read ticked software", err)
	}
	return t
}

// alertsCard shows, once the user turned the alerts on, the newest CERT-FR
// alert, whether it names software the practice uses, and how the last
// check went; it stays hidden while they are off. It starts the daily
// check.
func alertsCard(env *Env) fyne.CanvasObject {
	a := env.alerts
	if a == nil || a.cache == nil {
		return nil
	}
	box := container.NewVBox()
	card := widget.NewCard(lang.X("alerts.card.title", "Dernière alerte du CERT-FR"), "", box)
	refresh := func() {
		box.Objects = alertsCardContent(env)
		box.Refresh()
		if a.optedIn() {
			card.Show()
		} else {
			card.Hide()
		}
	}
	a.onChange(refresh)
	refresh()
	a.check(false)
	a.tick()
	return card
}

// tick asks every alertsEvery whether the daily check is due; check
// itself refuses while the alerts are off.
func (a *alertsState) tick() {
	if a.ticking {
		return
	}
	a.ticking = true
	go func() {
		for range time.Tick(alertsEvery) {
			fyne.Do(func() { a.check(false) })
		}
	}()
}

func alertsCardContent(env *Env) []fyne.CanvasObject {
	a := env.alerts
	var out []fyne.CanvasObject
	it, ok, err := a.cache.Latest()
	if err != nil {
		fyne.LogError("read latest alert", err)
	}
	switch {
	case ok:
		out = append(out, alertRow(env, it, a.ticked())...)
	case a.checking:
		out = append(out, wrapped(lang.X("alerts.checking", "Lecture des alertes du CERT-FR…")))
	default:
		out = append(out, wrapped(lang.X("alerts.none", "Aucune alerte enregistrée pour l'instant.")))
	}
	if msg := a.errText(); msg != "" {
		l := wrapped(msg)
		l.Importance = widget.WarningImportance
		out = append(out, l)
	}
	return out
}

// alertRow is one alert: its title, its date and feed, the ticked software
// it names (highlighted), and a button that opens its page in the browser,
// only when the user taps it.
func alertRow(env *Env, it alerts.Item, ticked []string) []fyne.CanvasObject {
	title := widget.NewLabelWithStyle(it.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	out := []fyne.CanvasObject{title}
	if line := alertDateLine(it); line != "" {
		out = append(out, wrapped(line))
	}
	if m := it.Matches(ticked); len(m) > 0 {
		names := make([]string, len(m))
		for i, id := range m {
			t, _ := alerts.TagByID(id)
			names[i] = t.Label.In(currentLang)
		}
		hit := wrapped(plural("alerts.match", len(m), "Concerne un logiciel du cabinet : {{.Names}}.",
			"Concerne des logiciels du cabinet : {{.Names}}.", map[string]any{"Names": strings.Join(names, ", ")}))
		hit.Importance = widget.DangerImportance
		hit.TextStyle.Bold = true
		out = append(out, hit)
	}
	if it.Link != "" {
		if u, err := parseURL(it.Link); err == nil {
			open := newButton(lang.X("alerts.open", "Lire l'alerte sur cert.ssi.gouv.fr"), func() {
				if err := openURL(env.App, u); err != nil {
					fyne.LogError("open alert "+it.Link, err)
				}
			})
			out = append(out, container.NewHBox(open))
		}
	}
	return out
}

// alertDateLine says when and in which feed an alert was published.
func alertDateLine(it alerts.Item) string {
	feed := ""
	for _, f := range alerts.Feeds() {
		if f.ID == it.Feed {
			feed = f.Name.In(currentLang)
		}
	}
	if it.Published.IsZero() {
		return feed
	}
	return lang.X("alerts.published", "Publiée le {{.Date}} — {{.Feed}}",
		map[string]any{"Date": i18n.Date(it.Published.Local(), currentLang), "Feed": feed})
}
