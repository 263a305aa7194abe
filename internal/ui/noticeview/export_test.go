package noticeview

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// chooseFileIn replaces the file save dialog with one that picks path at once.
func chooseFileIn(t *testing.T, v *Viewer, path string) *int {
	asked := new(int)
	v.chooseFile = func(save func(fyne.URIWriteCloser, error)) {
		*asked++
		save(storage.Writer(storage.NewFileURI(path)))
	}
	return asked
}

func TestExportDeclined(t *testing.T) {
	data := twoPagePDF(t)
	v, w := open(t, "receipt.pdf", data, windowSize)
	waitForPage(t, v)
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	asked := chooseFileIn(t, v, path)

	v.ExportCopy()
	if text := overlayText(w); !strings.Contains(text, "will not be encrypted") {
		t.Errorf("the export dialog does not warn that the copy is not encrypted:\n%s", text)
	}
	test.Tap(button(t, w, "Cancel"))
	v.work.Wait()
	if *asked != 0 {
		t.Error("asked where to save after the warning was declined")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("declining wrote a file: %v", err)
	}
}

func TestExportAccepted(t *testing.T) {
	data := twoPagePDF(t)
	v, w := open(t, "receipt.pdf", data, windowSize)
	waitForPage(t, v)
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	asked := chooseFileIn(t, v, path)

	v.ExportCopy()
	if *asked != 0 {
		t.Fatal("asked where to save before warning")
	}
	test.Tap(button(t, w, "Choose where to save…"))
	v.work.Wait()
	if *asked != 1 {
		t.Errorf("asked where to save %d times, want once", *asked)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("the copy has %d bytes that differ from the notice's %d", len(got), len(data))
	}
}

// TestExportOfUnreadableNotice exports a notice the viewer cannot show: the person may want to
// open it with another program.
func TestExportOfUnreadableNotice(t *testing.T) {
	data := []byte("%PDF-1.7\nnot really")
	v, w := open(t, "broken.pdf", data, windowSize)
	waitFor(t, v, "the problem to be shown", v.problem.Visible)
	path := filepath.Join(t.TempDir(), "broken.pdf")
	chooseFileIn(t, v, path)

	v.ExportCopy()
	test.Tap(button(t, w, "Choose where to save…"))
	v.work.Wait()
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, data) {
		t.Errorf("exported %q, %v; want the original bytes", got, err)
	}
}

// failingFile is a file that takes no bytes, like a full disk.
type failingFile struct {
	uri    fyne.URI
	closed bool
}

func (f *failingFile) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
func (f *failingFile) Close() error              { f.closed = true; return nil }
func (f *failingFile) URI() fyne.URI             { return f.uri }

func TestExportFails(t *testing.T) {
	v, w := open(t, "receipt.pdf", twoPagePDF(t), windowSize)
	waitForPage(t, v)
	file := &failingFile{uri: storage.NewFileURI(filepath.Join(t.TempDir(), "receipt.pdf"))}
	v.chooseFile = func(save func(fyne.URIWriteCloser, error)) { save(file, nil) }

	v.ExportCopy()
	test.Tap(button(t, w, "Choose where to save…"))
	v.work.Wait()
	if !file.closed {
		t.Error("the file was not closed")
	}
	text := overlayText(w)
	if !strings.Contains(text, "The copy could not be saved: no space left on device") {
		t.Errorf("the error dialog says:\n%s", text)
	}
}

func TestExportAfterClose(t *testing.T) {
	v, w := open(t, "receipt.pdf", twoPagePDF(t), windowSize)
	waitForPage(t, v)
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	chooseFileIn(t, v, path)

	v.ExportCopy()
	v.Close() // the vault locks while the warning is up
	test.Tap(button(t, w, "Choose where to save…"))
	v.work.Wait()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("exporting after Close left a file: %v", err)
	}
}
