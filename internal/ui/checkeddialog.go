package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/vault"
)

// checkedDialog is a dialog of fields checked as they are typed. Each field
// says under it why it is wrong; the confirm button stays disabled until
// every field is valid; and the dialog closes only when saving worked: a
// vault that refuses the change says why in the dialog, with everything
// typed still there. (dialog.NewForm disables its button on invalid
// fields too, but closes on confirm whatever the save does.)
type checkedDialog struct {
	app     *App
	d       dialog.Dialog
	content fyne.CanvasObject
	confirm *widget.Button
	problem *widget.Label
	valid   func() bool
	save    func() error
}

// newCheckedDialog builds the dialog around content; valid checks every
// field (and marks the bad ones), save saves, or says why it could not.
func (a *App) newCheckedDialog(title, confirm string, content fyne.CanvasObject, valid func() bool, save func() error) *checkedDialog {
	c := &checkedDialog{app: a, content: content, valid: valid, save: save, problem: wrapped("")}
	c.problem.Importance = widget.DangerImportance
	c.problem.Hide()
	c.confirm = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), c.submit)
	c.confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { c.d.Hide() })
	buttons := container.NewGridWithColumns(2, cancel, c.confirm)
	body := container.NewBorder(nil, container.NewVBox(c.problem, container.NewCenter(buttons)), nil, nil, container.NewScroll(content)) // both ways: a window narrower than the form scrolls it
	c.d = dialog.NewCustomWithoutButtons(title, body, a.win)
	return c
}

// resize sizes the dialog to want, or to the window less a margin when the
// window is smaller: a dialog larger than its window is cut off at its edges.
func (c *checkedDialog) resize(want fyne.Size) {
	c.d.Resize(dialogSize(c.app.win.Canvas().Size(), want))
}

// recheck enables the confirm button when every field is valid; a change
// also clears a refusal from an earlier save. The fields' notes come and
// go, so the form is laid out again.
func (c *checkedDialog) recheck() {
	c.setProblem("")
	if c.valid() {
		c.confirm.Enable()
	} else {
		c.confirm.Disable()
	}
	c.content.Refresh()
}

// submit saves if every field is valid; the dialog stays open otherwise.
func (c *checkedDialog) submit() {
	if !c.valid() {
		c.confirm.Disable()
		return
	}
	if err := c.save(); err != nil {
		c.setProblem(oneLine(err.Error()))
		return
	}
	c.d.Hide()
}

func (c *checkedDialog) setProblem(text string) {
	c.problem.SetText(text)
	c.problem.Hidden = text == ""
	c.problem.Refresh()
}

// submitsChecked makes Enter in each field submit c.
func submitsChecked(c *checkedDialog, fields ...*field) {
	for _, f := range fields {
		f.OnSubmitted = func(string) { c.submit() }
	}
}

// saveChange is App.update for a dialog: the vault's refusal comes back to
// be said in the dialog, rather than in a dialog of its own over it.
func (a *App) saveChange(change func(ix *vault.Index) error) error {
	if a.vault == nil {
		return errors.New(lang.L("The vault is locked: unlock it and try again."))
	}
	a.idle.touch()
	if err := a.vault.Update(change); err != nil {
		return err
	}
	a.backups.changed()
	a.showMerged(a.vault.Merged)
	a.vault.Merged = nil
	if a.main != nil {
		a.main.refresh()
	}
	return nil
}
