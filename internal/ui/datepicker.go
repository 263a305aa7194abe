package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// datePicker is a month's calendar for a date field: a month to choose and
// a year to type (a birth date is decades back, too far for month-by-month
// arrows alone, which is all Fyne's widget.Calendar offers, and a list of
// years too long to scroll), and the days, weeks starting on Sunday as US
// calendars do. Tapping a day writes it in the
// field, the way the app shows dates, and closes the picker.
type datePicker struct {
	app   *App
	field *dateField
	month *widget.Select
	year  *field
	// prev and next show the month before and after.
	prev, next *widget.Button
	first      time.Time // the first day of the month shown
	picked     string    // the field's date, YYYY-MM-DD, marked in the month
	days       *fyne.Container
	d          dialog.Dialog
	// drawing is set while show sets the selects, which call chosen.
	drawing bool
}

// oldestYear and newestYear bound the years the picker shows: birth dates
// of the oldest, a green card's or passport's expiry.
const (
	oldestYear = 1900
	newestYear = 2100
)

func (a *App) pickDate(f *dateField) *datePicker {
	a.idle.touch()
	p := &datePicker{app: a, field: f}
	today := day(a.opts.Now())
	shown := today
	if iso, err := f.date(); err == nil && iso != "" {
		if t, err := time.Parse(time.DateOnly, iso); err == nil {
			shown, p.picked = t, iso
		}
	}
	p.month = widget.NewSelect(monthNames(), func(string) { p.chosen() })
	p.year = a.newField()
	p.year.OnChanged = func(string) { p.chosen() }
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.show(p.first.AddDate(0, -1, 0)) })
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.show(p.first.AddDate(0, 1, 0)) })
	p.days = container.NewGridWithColumns(7)
	p.show(shown)
	head := container.NewBorder(nil, nil, p.prev, p.next, container.NewGridWithColumns(2, p.month, p.year))
	p.d = dialog.NewCustom(lang.L("Pick a date"), lang.L("Cancel"), container.NewVBox(head, p.days), a.win)
	a.showDialog(p.d)
	return p
}

// show draws the month of t.
func (p *datePicker) show(t time.Time) {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	if first.Year() < oldestYear || first.Year() > newestYear {
		return
	}
	p.first = first
	p.drawing = true
	p.month.SetSelectedIndex(int(first.Month()) - 1)
	if p.year.Text != strconv.Itoa(first.Year()) {
		p.year.SetText(strconv.Itoa(first.Year()))
	}
	p.drawing = false
	p.days.Objects = p.days.Objects[:0]
	for _, name := range weekdayNames() {
		l := widget.NewLabel(name)
		l.Alignment = fyne.TextAlignCenter
		p.days.Add(l)
	}
	for range int(first.Weekday()) {
		p.days.Add(widget.NewLabel(""))
	}
	for d := first; d.Month() == first.Month(); d = d.AddDate(0, 0, 1) {
		iso := d.Format(time.DateOnly)
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { p.choose(iso) })
		b.Importance = widget.LowImportance
		if iso == p.picked {
			b.Importance = widget.HighImportance
		}
		p.days.Add(b)
	}
	p.days.Refresh()
}

// chosen shows the month chosen and the year typed, once it is a year
// (typing 1988 passes through 1, 19 and 198).
func (p *datePicker) chosen() {
	m := p.month.SelectedIndex()
	y, err := strconv.Atoi(strings.TrimSpace(p.year.Text))
	if p.drawing || m < 0 || err != nil || y < oldestYear || y > newestYear {
		return
	}
	if t := time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC); !t.Equal(p.first) {
		p.show(t)
	}
}

// choose writes the day in the field and closes the picker.
func (p *datePicker) choose(iso string) {
	p.field.show(iso)
	p.d.Hide()
	p.app.win.Canvas().Focus(p.field.field)
}

func monthNames() []string {
	return []string{lang.L("January"), lang.L("February"), lang.L("March"), lang.L("April"), lang.L("May"), lang.L("June"),
		lang.L("July"), lang.L("August"), lang.L("September"), lang.L("October"), lang.L("November"), lang.L("December")}
}

// weekdayNames are the calendar's column heads, Sunday first.
func weekdayNames() []string {
	return []string{lang.L("Su"), lang.L("Mo"), lang.L("Tu"), lang.L("We"), lang.L("Th"), lang.L("Fr"), lang.L("Sa")}
}
