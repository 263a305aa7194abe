package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"immivault/internal/deadline"
)

// remindEvery is how often a running app looks for dates entering their
// lead time; it also looks on every unlock.
const remindEvery = time.Hour

// prefReminded is the preference key prefix that remembers when a date was
// last reminded of: its deadline ID (rule and record IDs, nothing secret).
const prefReminded = "reminded."

// remind sends a desktop notification for each date that has crossed one
// of its lead times (say 90, 30 and 7 days before) since it was last
// reminded of, and once when it is overdue: at most once a day per date.
// There is no background service: reminders come while the app is open.
func (a *App) remind() {
	if a.vault == nil {
		return
	}
	a.lastRemind = a.opts.Now()
	today := day(a.lastRemind)
	prefs := a.fyne.Preferences()
	for _, d := range deadline.Compute(a.vault.Index(), today) {
		due, ok := reminderDue(d, today)
		if !ok {
			continue
		}
		key := prefReminded + d.ID
		if last, err := time.Parse(time.DateOnly, prefs.String(key)); err == nil && !last.Before(due) {
			continue
		}
		a.fyne.SendNotification(fyne.NewNotification(textOf(d.Title), relativeDays(d.Date, today)+": "+textOf(d.Action)))
		prefs.SetString(key, today.Format(time.DateOnly))
	}
}

// reminderDue is the day of the latest lead time d has crossed by today,
// or its own date once it is past; false if none has been crossed yet.
// Overdue dates older than a month are not reminded of again.
func reminderDue(d deadline.Deadline, today time.Time) (time.Time, bool) {
	left := int(d.Date.Sub(today).Hours() / 24)
	if left < 0 {
		return d.Date, left >= -30
	}
	leads := slices.Clone(d.LeadDays)
	slices.Sort(leads)
	for _, l := range leads {
		if left <= l {
			return d.Date.AddDate(0, 0, -l), true
		}
	}
	return time.Time{}, false
}
