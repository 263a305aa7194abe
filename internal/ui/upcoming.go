package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/calendar"
	"immivault/internal/deadline"
	"immivault/internal/vault"
)

// upcomingScreen lists every date that matters to the family, soonest
// first, coloured by how close it is, each saying what to do and by when.
type upcomingScreen struct {
	app   *App
	today time.Time
	items []deadline.Deadline
	body  *fyne.Container
}

func (a *App) showUpcoming() {
	a.idle.touch()
	s := &upcomingScreen{app: a, today: day(a.opts.Now())}
	s.items = deadline.Compute(a.vault.Index(), s.today)
	if a.main != nil {
		a.main.close()
		a.main = nil
	}
	a.show(s)
	// Wrapped text knows its height only once it has a width: lay out again.
	s.body.Refresh()
}

// day is t's calendar date at 00:00 UTC, as the deadline engine counts.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// language is the language lang.L answers in: the "en" entry of each
// translation file names its own language.
func language() string { return lang.L("en") }

// textOf picks the deadline text in the user's language.
func textOf(t deadline.Text) string {
	if language() == "es" && t.ES != "" {
		return t.ES
	}
	return t.EN
}

func (s *upcomingScreen) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), s.back)
	export := widget.NewButtonWithIcon(lang.L("Export to calendar…"), theme.CalendarIcon(), s.exportCalendar)
	intro := wrapped(lang.L("Every date that matters to your family, soonest first. A date printed on a notice always wins; dates immivault worked out from the rules are marked “computed — check your notice”."))
	list := container.NewVBox()
	if len(s.items) == 0 {
		list.Add(emptyNote(lang.L("Nothing coming up. Add notices, and the expiry dates of cards and passports, and immivault will tell you when to act.")))
	}
	ix := s.app.vault.Index()
	for _, d := range s.items {
		list.Add(s.row(ix, d))
	}
	s.body = container.NewVBox(heading(lang.L("Upcoming")), intro, list)
	return container.NewBorder(container.NewHBox(back, layoutSpacer(), export), nil, nil, nil,
		container.NewVScroll(container.NewPadded(s.body)))
}

func layoutSpacer() fyne.CanvasObject { return widget.NewLabel("") }

// row is one date: a bar in the urgency's colour, when, who, what to do.
func (s *upcomingScreen) row(ix *vault.Index, d deadline.Deadline) fyne.CanvasObject {
	bar := canvas.NewRectangle(urgencyColor(d.Urgency(s.today)))
	bar.SetMinSize(fyne.NewSize(6, 10))
	when := displayDay(d.Date)
	if d.Time != "" {
		when += " " + d.Time
	}
	if d.Kind == deadline.WindowOpens && d.Date.Before(s.today) {
		when += " · " + lang.L("open now")
	} else {
		when += " · " + relativeDays(d.Date, s.today)
	}
	whenLabel := widget.NewLabelWithStyle(when, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who := ""
	if p, err := ix.Person(d.PersonID); err == nil {
		who = p.Name
	}
	title := widget.NewLabelWithStyle(textOf(d.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	action := wrapped(textOf(d.Action))
	info := container.NewVBox(container.NewHBox(whenLabel, widget.NewLabel(who)), title, action)
	if d.Computed {
		note := widget.NewLabel(lang.L("computed — check your notice"))
		note.Importance = widget.WarningImportance
		note.SizeName = theme.SizeNameCaptionText
		info.Add(note)
	}
	open := widget.NewButton(lang.L("Open"), func() { s.openPerson(d.PersonID) })
	actions := container.NewVBox(open)
	if d.Urgency(s.today) == deadline.Overdue && (d.Kind == deadline.Due || d.Kind == deadline.WindowCloses) {
		// A missed date stays here, in red, until the person says it was
		// dealt with (answered late, filed, or no longer needed).
		late := widget.NewLabel(lang.L("Overdue: it stays here until you mark it handled."))
		late.Importance = widget.DangerImportance
		late.Wrapping = fyne.TextWrapWord
		info.Add(late)
		actions.Add(widget.NewButton(lang.L("Mark handled"), func() { s.markHandled(d) }))
	}
	return container.NewBorder(nil, widget.NewSeparator(), bar, actions, info)
}

// markHandled records that a passed date was dealt with, and shows the
// list without it.
func (s *upcomingScreen) markHandled(d deadline.Deadline) {
	if !s.app.update(func(ix *vault.Index) error { return ix.MarkHandled(d.ID) }) {
		return
	}
	s.app.showUpcoming()
}

// urgencyColor: overdue red, within 14 days orange, within 90 days the
// primary colour, later grey.
func urgencyColor(u deadline.Urgency) color.Color {
	switch u {
	case deadline.Overdue:
		return theme.Color(theme.ColorNameError)
	case deadline.Within14Days:
		return theme.Color(theme.ColorNameWarning)
	case deadline.Within90Days:
		return theme.Color(theme.ColorNamePrimary)
	}
	return theme.Color(theme.ColorNameDisabled)
}

// relativeDays says how far a date is: "today", "in 5 days", "3 days ago".
func relativeDays(d, today time.Time) string {
	n := int(d.Sub(today).Hours() / 24)
	switch {
	case n == 0:
		return lang.L("today")
	case n == 1:
		return lang.L("tomorrow")
	case n == -1:
		return lang.L("yesterday")
	case n > 0:
		return lang.L("in {{.N}} days", map[string]any{"N": n})
	}
	return lang.L("{{.N}} days ago", map[string]any{"N": -n})
}

func (s *upcomingScreen) openPerson(id string) {
	s.back()
	s.app.main.selectPerson(id)
	s.app.main.refreshList()
}

func (s *upcomingScreen) back() {
	s.app.main = newMainScreen(s.app)
	s.app.show(s.app.main)
}

// cancel is Escape: back to the family.
func (s *upcomingScreen) cancel() { s.back() }

// exportCalendar writes the dates as an iCalendar file with reminders.
// Titles name people and forms, never numbers: a calendar is not a vault.
func (s *upcomingScreen) exportCalendar() {
	ix := s.app.vault.Index()
	names := map[string]string{}
	for _, p := range ix.People {
		names[p.ID] = p.Name
	}
	items := s.items
	s.app.askSaveFile("immivault.ics", func(w fyne.URIWriteCloser) {
		err := calendar.Write(w, items, calendar.Options{
			Lang: language(), PersonName: func(id string) string { return names[id] }, Now: time.Now(),
		})
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.app.showError(err)
			return
		}
		s.app.showDialog(dialog.NewInformation(lang.L("Export to calendar…"),
			lang.L("Saved {{.Path}}. Open it with your calendar; exporting again updates the same events.", map[string]any{"Path": w.URI().Path()}), s.app.win))
	})
}
