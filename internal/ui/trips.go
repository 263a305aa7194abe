package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/naturalization"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// The person page's trips abroad, and what they make of the N-400: the
// earliest filing date with how it was found, and the list of trips the
// form asks for, to copy.

// trips is the Trips abroad section's content.
func (pg *personPage) trips(ix *vault.Index) fyne.CanvasObject {
	list := ix.TripsOf(pg.person.ID)
	box := container.NewVBox()
	if len(list) == 0 {
		box.Add(emptyNote(lang.L("No trips yet. Trips outside the United States count for naturalization: add each one, with the day you left and the day you came back.")))
	}
	for i := len(list) - 1; i >= 0; i-- { // most recent first, as the N-400 lists them
		t := list[i]
		edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { pg.app.editTrip(pg.person, t) })
		remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() {
			pg.app.confirmRemove(lang.L("Remove the trip of {{.Date}}?", map[string]any{"Date": displayDate(t.Departed)}), func() {
				pg.app.update(func(ix *vault.Index) error { return ix.RemoveTrip(t.ID) })
			})
		})
		box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, remove), wrapped(tripLine(t))))
	}
	if n := pg.naturalization(ix); n != nil {
		box.Add(n)
	}
	return box
}

// tripLine is a trip in one line: its dates, days abroad, where and why.
func tripLine(t *vault.Trip) string {
	dep := naturalization.ParseDay(t.Departed)
	var line string
	if t.Returned == "" {
		line = lang.L("{{.From}} → still away", map[string]any{"From": displayDate(t.Departed)})
	} else {
		line = lang.L("{{.From}} → {{.To}} · {{.N}} days abroad", map[string]any{
			"From": displayDate(t.Departed), "To": displayDate(t.Returned), "N": naturalization.DaysAbroad(dep, naturalization.ParseDay(t.Returned))})
	}
	for _, s := range []string{t.Destination, t.Purpose} {
		if s != "" {
			line += " · " + s
		}
	}
	return line
}

// naturalization is the N-400 panel of a permanent resident: the earliest
// filing date, why, the warnings, and the trips to list on the form.
func (pg *personPage) naturalization(ix *vault.Index) fyne.CanvasObject {
	if pg.person.Since == "" {
		return nil
	}
	today := day(pg.app.opts.Now())
	r := naturalization.Compute(naturalization.OfPerson(ix, pg.person), today)
	if r.EarliestFiling.IsZero() {
		return nil
	}
	lng := language()
	title := widget.NewLabelWithStyle(lang.L("Naturalization (Form N-400): earliest filing date {{.Date}}", map[string]any{"Date": displayDay(r.EarliestFiling)}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{widget.NewSeparator(), title}
	for _, why := range r.Why {
		parts = append(parts, wrapped("• "+why.In(lng)))
	}
	for _, w := range r.Warnings {
		l := wrapped("⚠ " + w.In(lng))
		l.Importance = widget.WarningImportance
		parts = append(parts, l)
	}
	// The form lists the trips of the 5 years before it is filed: today,
	// or the earliest filing date when that is still to come.
	filing := r.EarliestFiling
	if today.After(filing) {
		filing = today
	}
	copyList := widget.NewButtonWithIcon(lang.L("Copy the N-400's list of trips"), theme.ContentCopyIcon(), func() {
		pg.copyN400Trips(ix, filing)
	})
	parts = append(parts, container.NewHBox(copyList))
	return container.NewVBox(parts...)
}

// n400Date is how the N-400 writes a date in its boxes.
const n400Date = "01/02/2006"

// n400TripList is the N-400's list of trips of 24 hours or more in the 5
// years before filing, one a line, as the form asks for them: dates
// mm/dd/yyyy, the way the N-400 prints its date boxes.
func n400TripList(ix *vault.Index, p *vault.Person, filing time.Time) string {
	f := naturalization.OfPerson(ix, p)
	var b strings.Builder
	b.WriteString(strings.Join([]string{lang.L("Left the US"), lang.L("Came back"), lang.L("Days outside the US"), lang.L("Countries")}, "\t") + "\n")
	for _, t := range naturalization.TripsForN400(f.Trips, filing) {
		back := lang.L("still away")
		if !t.Returned.IsZero() {
			back = t.Returned.Format(n400Date)
		}
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\n", t.Departed.Format(n400Date), back, t.Days, t.Destination)
	}
	return b.String()
}

// copyN400Trips copies the list with the clipboard's countdown: not a
// secret, but where a person travelled is theirs.
func (pg *personPage) copyN400Trips(ix *vault.Index, filing time.Time) {
	pg.app.idle.touch()
	if err := pg.app.clip.copy(secret.New([]byte(n400TripList(ix, pg.person, filing)))); err != nil {
		pg.app.showError(err)
	}
}

// tripDialog adds or edits a trip. Dates are read as people write them and
// said back as they are typed; a mistake is marked in the dialog, which
// stays open with what was typed.
type tripDialog struct {
	app                  *App
	person               *vault.Person
	editing              *vault.Trip
	departed, returned   *dateField
	destination, purpose *field
	c                    *checkedDialog
}

func (a *App) editTrip(p *vault.Person, t *vault.Trip) *tripDialog {
	a.idle.touch()
	s := &tripDialog{app: a, person: p, editing: t}
	a.showDialog(s.build())
	a.win.Canvas().Focus(s.departed.field)
	return s
}

func (s *tripDialog) build() dialog.Dialog {
	a := s.app
	s.departed = a.newDateField(lang.L("e.g. 06/10/2024 or June 10, 2024"))
	s.returned = a.newDateField(lang.L("Leave empty while still away"))
	s.destination, s.purpose = a.newField(), a.newField()
	s.destination.SetPlaceHolder(lang.L("Countries, e.g. Mexico"))
	s.purpose.SetPlaceHolder(lang.L("Optional, e.g. family visit"))
	if t := s.editing; t != nil {
		s.departed.show(t.Departed)
		s.returned.show(t.Returned)
		s.destination.SetText(t.Destination)
		s.purpose.SetText(t.Purpose)
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Left the US on"), s.departed.box),
		widget.NewFormItem(lang.L("Came back on"), s.returned.box),
		widget.NewFormItem(lang.L("Where to"), s.destination),
		widget.NewFormItem(lang.L("Why"), s.purpose),
	)
	title := lang.L("Add a trip for {{.Name}}", map[string]any{"Name": s.person.Name})
	if s.editing != nil {
		title = lang.L("Trip of {{.Name}}", map[string]any{"Name": s.person.Name})
	}
	s.c = a.newCheckedDialog(title, lang.L("Save"), form, s.valid, s.save)
	s.departed.onChecked, s.returned.onChecked = s.c.recheck, s.c.recheck
	submitsChecked(s.c, s.departed.field, s.returned.field, s.destination, s.purpose)
	s.c.recheck()
	s.c.resize(fyne.NewSize(560, 400))
	return s.c.d
}

// valid checks both dates: the day of leaving is needed.
func (s *tripDialog) valid() bool {
	ok := s.returned.check()
	if !s.departed.check() {
		return false
	}
	departed, _ := s.departed.date()
	return departed != "" && ok
}

// save saves the trip; the vault's refusal (an overlapping trip, a return
// before the departure) keeps the dialog open.
func (s *tripDialog) save() error {
	departed, err := s.departed.date()
	if err != nil {
		return err
	}
	returned, err := s.returned.date()
	if err != nil {
		return err
	}
	f := vault.TripFields{Departed: departed, Returned: returned,
		Destination: strings.TrimSpace(s.destination.Text), Purpose: strings.TrimSpace(s.purpose.Text)}
	if s.editing != nil {
		f.Source = s.editing.Source
	}
	return s.app.saveChange(func(ix *vault.Index) error {
		if s.editing != nil {
			_, err := ix.EditTrip(s.editing.ID, f)
			return err
		}
		_, err := ix.AddTrip(s.person.ID, f)
		return err
	})
}
