package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// showSaveDialog asks where to save a file, suggesting name, and gives save
// the file chosen; Cancel does nothing. It is what App.askSaveFile does
// outside tests.
func (a *App) showSaveDialog(name string, save func(fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(whenChosen(a, save), a.win)
	d.SetFileName(name)
	d.Show()
}

// askOpenFile asks for a file with one of the extensions (".pdf") and
// gives open the file chosen; Cancel does nothing.
func (a *App) askOpenFile(extensions []string, open func(fyne.URIReadCloser)) {
	d := dialog.NewFileOpen(whenChosen(a, open), a.win)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	d.Show()
}

// whenChosen is a file dialog's callback: it shows the dialog's error, does
// nothing on Cancel (no file), and hands a file chosen to use.
func whenChosen[F interface{ URI() fyne.URI }](a *App, use func(F)) func(F, error) {
	return func(f F, err error) {
		switch {
		case err != nil:
			a.showError(err)
		case any(f) != nil:
			use(f)
		}
	}
}
