package noticeview

import (
	"errors"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/atomicfile"
	"immivault/internal/filename"
)

// ExportCopy writes the notice, decrypted, to a file the person chooses: the only way the
// viewer writes plaintext. It first warns that the copy will not be encrypted, and asks where
// only once the person accepts. The bytes written are the file as it was added, unchanged; the
// name suggested is the notice's without hidden characters and with the extension of what the
// file really is (filename.ForCopy), and the file is readable by its owner alone.
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
				v.chooseFile(v.copyName(), v.saveCopy)
			}
		}, v.win)
	confirm.SetConfirmText(lang.L("Choose where to save…"))
	confirm.SetDismissText(lang.L("Cancel"))
	confirm.SetConfirmImportance(widget.WarningImportance)
	confirm.Show()
}

// copyName is the name suggested for a decrypted copy. The stored name may have come from a
// bundle, chosen to mislead ("I-797C\u202Efdp.scr" shows as "I-797Crcs.pdf"): its bidi,
// format and control characters go, and its extension is the content's, read from its first
// bytes, never its own.
func (v *Viewer) copyName() string {
	v.mu.Lock()
	head := v.data[:min(len(v.data), 16)]
	v.mu.Unlock()
	return filename.ForCopy(v.name, head)
}

func (v *Viewer) showSaveDialog(name string, save func(fyne.URIWriteCloser, error)) {
	d := dialog.NewFileSave(save, v.win)
	d.SetFileName(name)
	d.Show()
}

// saveCopy writes the notice to the file chosen, off the UI goroutine, and removes the file if
// writing fails, so that no partial plaintext copy is left behind.
//
// The file dialog has already made the file, empty, with the default permissions (0644 on
// Unix): the bytes never go through it. They are written to a temporary file beside it,
// created readable and writable by the owner alone (0600), which then replaces it.
func (v *Viewer) saveCopy(file fyne.URIWriteCloser, err error) {
	if err != nil {
		v.showSaveError(err)
		return
	}
	if file == nil {
		return // the person cancelled
	}
	uri := file.URI()
	file.Close()
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed {
		// The vault locked while the dialog was open: write nothing.
		remove(uri)
		return
	}
	if uri.Scheme() != "file" {
		remove(uri)
		v.showSaveError(errors.New(lang.L("choose a folder on this computer")))
		return
	}
	path, data := uri.Path(), v.data
	v.work.Go(func() {
		err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		if err != nil {
			remove(uri)
			fyne.Do(func() { v.showSaveError(err) })
		}
	})
}

// remove deletes what the file dialog made.
func remove(uri fyne.URI) {
	if uri.Scheme() == "file" {
		os.Remove(uri.Path())
		return
	}
	storage.Delete(uri)
}

func (v *Viewer) showSaveError(err error) {
	dialog.ShowError(errors.New(lang.L("The copy could not be saved: {{.Error}}", map[string]any{"Error": err})), v.win)
}
