package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ui/secretentry"
)

// passphraseChoice is where a new passphrase is chosen, on the create,
// recover and change-key screens: typed, rated by the strength meter as it
// is typed, then typed again.
type passphraseChoice struct {
	pass, again *secretentry.Entry
	meter       *strengthMeter
	match       *widget.Label // whether the two agree, once the second is typed
}

// newPassphraseChoice makes the two fields, the first with placeholder.
// changed runs on every change to either; Enter in the first goes to the
// second, and in the second runs submit.
func newPassphraseChoice(a *App, placeholder string, changed, submit func()) *passphraseChoice {
	c := &passphraseChoice{pass: secretentry.New(), again: secretentry.New(),
		meter: newStrengthMeter(userWords(a.opts.VaultDir)), match: widget.NewLabel("")}
	c.pass.PlaceHolder = placeholder
	c.again.PlaceHolder = lang.L("The same passphrase again")
	c.pass.OnChanged, c.again.OnChanged = changed, changed
	c.pass.OnSubmitted = func() { a.win.Canvas().Focus(c.again) }
	c.again.OnSubmitted = submit
	return c
}

// build lays out the two fields under their labels, with the meter
// between; the screen places match, if it shows it.
func (c *passphraseChoice) build(label string) fyne.CanvasObject {
	return container.NewVBox(
		widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.pass,
		c.meter.build(),
		widget.NewLabelWithStyle(lang.L("Type it again"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.again)
}

// rate re-rates the passphrase and says whether the two entries match.
func (c *passphraseChoice) rate() {
	c.pass.Use(func(b []byte) error { c.meter.rate(b); return nil })
	switch {
	case c.again.Len() == 0:
		c.match.SetText("")
	case c.same():
		c.match.SetText(lang.L("The passphrases match."))
		c.match.Importance = widget.SuccessImportance
	default:
		c.match.SetText(lang.L("The passphrases do not match yet."))
		c.match.Importance = widget.MediumImportance
	}
	c.match.Refresh()
}

// strong reports whether the meter calls the passphrase strong enough.
func (c *passphraseChoice) strong() bool { return c.meter.strong }

// same reports whether the two entries hold the same passphrase.
func (c *passphraseChoice) same() bool { return secretentry.Equal(c.pass, c.again) }

// chosen reports whether the passphrase is strong and typed twice alike.
func (c *passphraseChoice) chosen() bool { return c.strong() && c.again.Len() > 0 && c.same() }

func (c *passphraseChoice) clear() {
	c.pass.Clear()
	c.again.Clear()
}
