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
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		if w != nil {
			save(w)
		}
	}, a.win)
	d.SetFileName(name)
	d.Show()
}

// askOpenFile asks for a file with one of the extensions (".pdf") and
// gives open the file chosen; Cancel does nothing.
func (a *App) askOpenFile(extensions []string, open func(fyne.URIReadCloser)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		if r != nil {
			open(r)
		}
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	d.Show()
}
