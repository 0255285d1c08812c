package ui

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"hygie/assets"
)

// defaultReminder is the reminder's time until the user sets one.
const defaultReminder = "08:30"

var errClock = errors.New("time of day must be HH:MM")

// parseClock reads "HH:MM" (or "H:MM", "HHhMM").
func parseClock(s string) (h, m int, err error) {
	var sep rune
	n, err := fmt.Sscanf(s, "%d%c%d", &h, &sep, &m)
	if err != nil || n != 3 || (sep != ':' && sep != 'h' && sep != 'H') || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, errClock
	}
	return h, m, nil
}

// nextReminder is the first time at clock (local "HH:MM") strictly after
// now. time.Date normalises a time skipped by summer time, so the reminder
// still comes that day.
func nextReminder(now time.Time, clock string) (time.Time, error) {
	h, m, err := parseClock(clock)
	if err != nil {
		return time.Time{}, err
	}
	t := time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, now.Location())
	if !t.After(now) {
		t = time.Date(now.Year(), now.Month(), now.Day()+1, h, m, 0, 0, now.Location())
	}
	return t, nil
}

// maxSleep bounds each wait, so a suspended laptop or a changed clock
// delays a reminder by at most this much.
const maxSleep = time.Hour

// wakeAfter is how long to wait before looking again.
func wakeAfter(now, next time.Time) time.Duration {
	d := next.Sub(now)
	if d > maxSleep {
		return maxSleep
	}
	if d < 0 {
		return 0
	}
	return d
}

// shouldRemind says whether the reminder of today is due at now: it is on,
// the time has come, today's list is not complete and no reminder went out
// today yet.
func shouldRemind(now time.Time, clock, lastDay, today string, complete bool) bool {
	h, m, err := parseClock(clock)
	if err != nil || complete || lastDay == today {
		return false
	}
	at := time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, now.Location())
	return !now.Before(at)
}

// reminder sends the daily notification while Hygie runs, and keeps the
// tray menu's progress current. There is one per Env (Env.reminder).
type reminder struct {
	env   *Env
	mu    sync.Mutex
	timer *time.Timer
	tray  func() // refreshes the tray menu; nil without a tray
}

// reschedule (re)arms the timer from the preferences.
func (r *reminder) reschedule() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.timer != nil {
		r.timer.Stop()
	}
	now := hygieneNow()
	wait := maxSleep
	if next, err := nextReminder(now, r.clock()); err == nil {
		wait = wakeAfter(now, next)
	}
	r.timer = time.AfterFunc(wait, func() { fyne.Do(r.wake) })
}

func (r *reminder) clock() string {
	return r.env.App.Preferences().StringWithFallback(prefReminderAt, defaultReminder)
}

// wake runs on the Fyne goroutine: it sends the reminder when due, then
// sleeps again.
func (r *reminder) wake() {
	m := r.env.hygiene
	m.changed() // the day may have changed: refresh what is shown
	p := r.env.App.Preferences()
	now := hygieneNow()
	today := m.today()
	if p.Bool(prefReminderOn) && shouldRemind(now, r.clock(), p.String(prefReminderLast), today, m.rec.ProgressOn(today).Complete()) {
		p.SetString(prefReminderLast, today)
		pr := m.rec.ProgressOn(today)
		r.env.App.SendNotification(fyne.NewNotification(lang.X("hygiene.reminder.title", "Hygie : les gestes du jour"),
			progressText(pr.Done, pr.Applicable)))
	}
	r.reschedule()
}

// startReminder arms the daily reminder of the hygiene checklist and, when
// the reminder is on, adds Hygie's system-tray menu. NewMainWindow calls it
// once the window exists.
func startReminder(env *Env) {
	if env.reminder != nil { // a second window of the same app: one tray, one timer
		env.reminder.reschedule()
		return
	}
	r := &reminder{env: env}
	env.reminder = r
	if env.App.Preferences().Bool(prefReminderOn) {
		r.showTray()
	}
	r.reschedule()
}

// showTray adds the tray menu (today's progress, open the checklist) where
// the desktop offers one. The tray exists only for the reminder: it keeps
// Hygie running when its window is closed, so that the reminder can come.
// Without it, closing the window quits, and no second window (Fyne's tray
// needs one) costs memory. It is set up at start-up only: Fyne starts a
// tray when its loop starts, so one added later would never show, while
// closing the window would hide it for good. For the same reason it stays
// until Hygie quits once shown.
func (r *reminder) showTray() {
	if r.tray != nil {
		return
	}
	if desk, ok := r.env.App.(desktop.App); ok {
		r.tray = trayMenu(r.env, desk)
		r.env.hygiene.onChange(r.tray)
	}
}

// trayMenu installs the menu and returns the function that refreshes it.
func trayMenu(env *Env, desk desktop.App) func() {
	m := env.hygiene
	progress := fyne.NewMenuItem("", nil)
	progress.Disabled = true
	open := fyne.NewMenuItem(lang.X("hygiene.tray.open", "Ouvrir la liste du jour"), func() { openHygiene(env) })
	menu := fyne.NewMenu("Hygie", progress, open)
	refresh := func() {
		p := m.rec.ProgressOn(m.today())
		progress.Label = progressText(p.Done, p.Applicable)
		menu.Refresh()
	}
	refresh()
	desk.SetSystemTrayIcon(assets.Icon())
	desk.SetSystemTrayMenu(menu)
	if env.Win != nil {
		desk.SetSystemTrayWindow(env.Win) // a click on the icon shows the window
	}
	return refresh
}
