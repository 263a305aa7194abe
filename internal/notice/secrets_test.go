package notice

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klippa-app/go-pdfium/requests"
)

// markedPDF is the notice with its content streams uncompressed, so that its text is in the
// file's bytes as it is in PDFium's memory: a copy of either anywhere would show the marker.
func markedPDF(t testing.TB) []byte {
	pdf := newPDF()
	pdf.SetCompression(false)
	noticePage(pdf, testReceipt)
	data := output(t, pdf)
	if !bytes.Contains(data, []byte(testMarker)) {
		t.Fatal("the marker is not in the PDF's bytes; the leak checks would find nothing")
	}
	return data
}

// TestNoTempFiles reads, OCRs and renders notices of every kind with TMPDIR pointed at an empty
// directory, which must stay empty: no temporary file of ours, of wazero's or of the OCR engine's.
func TestNoTempFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	scan := scanOf(t, markedPDF(t), 0, 0)
	inputs := [][]byte{markedPDF(t), encodePNG(t, scan), encodeJPEG(t, scan), imagePDF(t, encodeJPEG(t, scan)), pngPDF(t, scan)}
	for _, data := range inputs {
		d, err := Read(testContext(t), data, "notice")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.Render(testContext(t), 0, 100); err != nil {
			t.Fatal(err)
		}
		d.Close()
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("a file appeared in TMPDIR: %s", e.Name())
	}
}

// TestCompilationCacheHoldsOnlyCode compiles PDFium into a fresh cache, reads and renders a
// notice with that engine, and checks the cache: compiled code in wazero's versioned directory,
// not a byte of the notice. It checks the process's own cache the same way.
func TestCompilationCacheHoldsOnlyCode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	eng, err := newEngine(dir)
	if err != nil {
		t.Fatal(err)
	}
	data := markedPDF(t)
	s, err := eng.open(testContext(t), data)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.readPage(testContext(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(layoutRows(glyphRows(p.glyphs)), testMarker) {
		t.Fatal("the engine did not read the marker; the check below would prove nothing")
	}
	if _, err := s.render(testContext(t), 0, 612, 792); err != nil {
		t.Fatal(err)
	}
	s.close()
	eng.close()

	checkCache(t, dir, true)

	// The process's engine, which TestReadTextPDF and others use, writes to the user's cache.
	d, err := Read(testContext(t), data, "marked.pdf")
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	if dir := cacheDir(); dir != "" {
		checkCache(t, dir, false)
	}
}

func checkCache(t *testing.T, dir string, fresh bool) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(dir, path)
		if !strings.HasPrefix(rel, "wazero-") {
			t.Errorf("%s: not in a wazero compilation cache directory", rel)
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, secret := range []string{testMarker, testReceipt, "Receipt Number", "%PDF-"} {
			if bytes.Contains(content, []byte(secret)) {
				t.Errorf("%s holds %q from the notice", rel, secret)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A fresh cache holds the one module it compiled; the user's may hold older versions.
	if files == 0 || fresh && files != 1 {
		t.Errorf("%s holds %d files, want 1 compiled module", dir, files)
	}
}

// PDFium sees no file system: even a PDF that exists on disk cannot be opened by its path.
func TestNoFileSystemInPDFium(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "notice.pdf")
	if err := os.WriteFile(path, noticePDF(), 0o600); err != nil {
		t.Fatal(err)
	}
	eng, err := sharedEngine(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := eng.pool.GetInstanceWithContext(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	if _, err := inst.OpenDocument(&requests.OpenDocument{FilePath: &path}); err == nil {
		t.Errorf("PDFium opened %s from the file system", path)
	}
	if _, err := inst.OpenDocument(&requests.OpenDocument{File: new(noticePDF())}); err != nil {
		t.Errorf("PDFium cannot open the same notice from bytes: %v", err)
	}
}
