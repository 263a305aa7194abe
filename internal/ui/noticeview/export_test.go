package noticeview

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// chooseFileIn replaces the file save dialog with one that picks path at once, as the dialog
// does: it makes the file (empty, with the default permissions) before handing it over.
func chooseFileIn(t *testing.T, v *Viewer, path string) *int {
	asked := new(int)
	v.chooseFile = func(_ string, save func(fyne.URIWriteCloser, error)) {
		*asked++
		save(storage.Writer(storage.NewFileURI(path)))
	}
	return asked
}

// openToExport opens data as receipt.pdf and has the save dialog choose a
// file of that name: its path, and how often it was asked.
func openToExport(t *testing.T, data []byte) (v *Viewer, w fyne.Window, path string, asked *int) {
	t.Helper()
	v, w = open(t, "receipt.pdf", data, windowSize)
	waitForPage(t, v)
	path = filepath.Join(t.TempDir(), "receipt.pdf")
	return v, w, path, chooseFileIn(t, v, path)
}

func TestExportDeclined(t *testing.T) {
	v, w, path, asked := openToExport(t, twoPagePDF(t))

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
	v, w, path, asked := openToExport(t, data)

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

// unwritableFile is a file the dialog handed over in a folder that cannot be written to (here,
// one that is gone), like a full or read-only disk.
type unwritableFile struct {
	uri    fyne.URI
	closed bool
}

func (f *unwritableFile) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
func (f *unwritableFile) Close() error              { f.closed = true; return nil }
func (f *unwritableFile) URI() fyne.URI             { return f.uri }

func TestExportFails(t *testing.T) {
	v, w := open(t, "receipt.pdf", twoPagePDF(t), windowSize)
	waitForPage(t, v)
	dir := filepath.Join(t.TempDir(), "gone")
	file := &unwritableFile{uri: storage.NewFileURI(filepath.Join(dir, "receipt.pdf"))}
	v.chooseFile = func(_ string, save func(fyne.URIWriteCloser, error)) { save(file, nil) }

	v.ExportCopy()
	test.Tap(button(t, w, "Choose where to save…"))
	v.work.Wait()
	if !file.closed {
		t.Error("the file was not closed")
	}
	text := overlayText(w)
	if !strings.Contains(text, "The copy could not be saved: ") {
		t.Errorf("the error dialog says:\n%s", text)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed export left something behind: %v", err)
	}
}

// TestExportSuggestsNameByContent: the save dialog suggests the notice's name without the
// characters that hide what it is, and with the extension of what it really is. A name from a
// bundle, "I-797C<U+202E>fdp.scr", shows as "I-797Crcs.pdf" and would be saved as a Windows
// screen saver.
func TestExportSuggestsNameByContent(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"I-797C\u202Efdp.scr", twoPagePDF(t), "I-797Cfdp.pdf"},
		{"scan\u200B.pdf", scanPNG(), "scan.png"},
		{"receipt.pdf", twoPagePDF(t), "receipt.pdf"},
	} {
		v, w := open(t, tc.name, tc.data, windowSize)
		waitForPage(t, v)
		v.ExportCopy()
		test.Tap(button(t, w, "Choose where to save…"))
		var names []string
		for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok && o.Visible() {
				names = append(names, e.Text)
			}
		}
		if !slices.Contains(names, tc.want) {
			t.Errorf("%q: the save dialog suggests %q, want %q", tc.name, names, tc.want)
		}
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
