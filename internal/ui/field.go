package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// field is a text entry for the app's dialogs: Enter submits the dialog and
// Escape cancels it. Fyne's entry keeps both keys to itself, so without this
// a dialog would need the mouse to close.
type field struct {
	widget.Entry
	app *App
}

func (a *App) newField() *field {
	f := &field{app: a}
	f.ExtendBaseWidget(f)
	return f
}

func (f *field) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		f.app.dismissDialog()
		return
	}
	f.Entry.TypedKey(ev)
}

// submits makes Enter in each field submit d.
func submits(d *dialog.FormDialog, fields ...*field) {
	for _, f := range fields {
		f.OnSubmitted = func(string) { d.Submit() }
	}
}

// showDialog shows d and keeps it on the stack that Escape dismisses from.
func (a *App) showDialog(d dialog.Dialog) {
	a.dialogs = append(a.dialogs, d)
	d.SetOnClosed(func() {
		for i, open := range a.dialogs {
			if open == d {
				a.dialogs = append(a.dialogs[:i], a.dialogs[i+1:]...)
				break
			}
		}
	})
	d.Show()
}

// dismissDialog closes the topmost dialog as if Cancel was pressed.
func (a *App) dismissDialog() {
	if n := len(a.dialogs); n > 0 {
		a.dialogs[n-1].Dismiss()
	}
}

// escape dismisses the topmost dialog or, without one, goes back from a
// screen that has a way back.
func (a *App) escape() {
	if len(a.dialogs) > 0 {
		a.dismissDialog()
		return
	}
	if s, ok := a.screen.(interface{ cancel() }); ok {
		s.cancel()
	}
}
