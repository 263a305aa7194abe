package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/datetext"
)

// displayDate is the one way the app shows a date the vault keeps as
// YYYY-MM-DD: "Mar 15, 1988" in English, "15 mar 1988" in Spanish. The
// month is a word, so that nobody reads the day as the month, and the
// date fields read it back. Anything else (D/S, a date the vault could
// not read) is shown as it is.
func displayDate(iso string) string { return datetext.Short(iso, language()) }

// displayDay is displayDate for a day the app computed.
func displayDay(t time.Time) string { return displayDate(t.Format(time.DateOnly)) }

// dateField is a date typed as people write it, with a calendar button
// beside it and, under it, what was understood ("Understood as March 15,
// 1988") or why it is not a date, as it is typed.
type dateField struct {
	*field
	pick *widget.Button
	says *widget.Label
	box  *fyne.Container // the field, its button and its note: hide this
	// also accepts a text other than a date as it is (D/S on an I-94).
	also string
	// onChecked is called after each check, for the dialog's confirm button.
	onChecked func()
}

func (a *App) newDateField(placeholder string) *dateField {
	d := &dateField{field: a.newField(), says: noteLabel()}
	d.SetPlaceHolder(placeholder)
	d.says.Hide()
	d.OnChanged = func(string) {
		a.idle.touch()
		d.check()
		if d.onChecked != nil {
			d.onChecked()
		}
	}
	d.pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { a.pickDate(d) })
	d.pick.Importance = widget.LowImportance
	d.box = container.NewVBox(container.NewBorder(nil, nil, nil, d.pick, d.field), d.says)
	return d
}

// show puts a stored YYYY-MM-DD date in the field, the way the app shows
// dates.
func (d *dateField) show(iso string) { d.SetText(displayDate(iso)) }

// date is the typed date as YYYY-MM-DD ("" for none, or the also text), or
// why it is not one, in one line in the app's language.
func (d *dateField) date() (string, error) {
	if d.also != "" && strings.EqualFold(strings.TrimSpace(d.Text), d.also) {
		return d.also, nil
	}
	iso, err := datetext.Parse(d.Text)
	if err != nil {
		return "", errors.New(dateError(err))
	}
	return iso, nil
}

// check says under the field what was understood or what is wrong, and
// reports whether the field is valid. A hidden field is always valid: it
// is not saved.
func (d *dateField) check() bool {
	iso, err := d.date()
	switch {
	case err != nil:
		d.says.SetText(capitalized(err.Error()))
		d.says.Importance = widget.DangerImportance
	case iso == "" || iso == d.also:
		d.says.SetText("")
	default:
		d.says.SetText(lang.L("Understood as {{.Date}}", map[string]any{"Date": datetext.Say(iso, language())}))
		d.says.Importance = widget.MediumImportance
	}
	d.says.Hidden = d.says.Text == ""
	d.says.Refresh()
	return err == nil || d.box.Hidden
}

// capitalized starts a sentence with a capital letter.
func capitalized(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// dateError says in the app's language why a typed date was refused.
func dateError(err error) string {
	if errors.Is(err, datetext.ErrDate) {
		return lang.L("not a date: write it as 06/10/2024, June 10, 2024 or 2024-06-10")
	}
	return lang.L("there is no such day, or the day and month are the wrong way round: dates with numbers are month first")
}
