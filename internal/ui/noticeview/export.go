package noticeview

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// ExportCopy writes the notice, decrypted, to a file the person chooses: the only way the
// viewer writes plaintext. It first warns that the copy will not be encrypted, and asks where
// only once the person accepts. The bytes written are the file as it was added, unchanged.
func (v *Viewer) ExportCopy() {
	v.mu.Lock()
	closed := v.closed
	v.mu.Unlock()
	if closed {
		return
	}
	confirm := dialog.NewConfirm(
		lang.L("Export a decrypted copy?"),
		lang.L("The copy will not be encrypted. Anyone with access to the folder you save it in can read it."),
		func(ok bool) {
			if ok {
				v.chooseFile(v.saveCopy)
			}
		}, v.win)
	confirm.SetConfirmText(lang.L("Choose where to save…"))
	confirm.SetDismissText(lang.L("Cancel"))
	confirm.SetConfirmImportance(widget.WarningImportance)
	confirm.Show()
}

func (v *Viewer) showSaveDialog(save func(fyne.URIWriteCloser, error)) {
	d := dialog.NewFileSave(save, v.win)
	if v.name != "" {
		d.SetFileName(v.name)
	}
	d.Show()
}

// saveCopy writes the notice to the file chosen, off the UI goroutine, and removes what it wrote
// if writing fails, so that no partial plaintext copy is left behind.
func (v *Viewer) saveCopy(file fyne.URIWriteCloser, err error) {
	if err != nil {
		v.showSaveError(err)
		return
	}
	if file == nil {
		return // the person cancelled
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed {
		// The vault locked while the dialog was open: write nothing.
		file.Close()
		storage.Delete(file.URI())
		return
	}
	data := v.data
	v.work.Go(func() {
		_, err := file.Write(data)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			storage.Delete(file.URI())
			fyne.Do(func() { v.showSaveError(err) })
		}
	})
}

func (v *Viewer) showSaveError(err error) {
	dialog.ShowError(errors.New(lang.L("The copy could not be saved: {{.Error}}", map[string]any{"Error": err})), v.win)
}
