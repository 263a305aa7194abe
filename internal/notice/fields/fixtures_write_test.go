package fields

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"immivault/internal/notice/noticetest"
)

// The fixtures are the text two real readers make of generated notices: poppler's
// `pdftotext -layout` for text PDFs (close to what PDFium's layout reconstruction gives), and
// tesseract for notices rasterised at 300 DPI by poppler's pdftoppm, passed through
// noticetest.Scan and saved as PNG (odd seeds) or JPEG (even seeds). Tesseract runs as the
// package documentation says, and writes both its TSV (NNN.tsv, which internal/notice's
// TestOCRFixtureAccuracy lays out the app's way) and its plain text (NNN.txt). The truth is in
// NNN.json beside them.
//
// Those tools are not needed to run the tests, only to remake the fixtures, which is done by
// hand and never in CI:
//
//	NOTICETEST_WRITE_FIXTURES=1 go test -run TestWriteFixtures ./internal/notice/fields/
//
// NOTICETEST_FIXTURE_DIR (default testdata), NOTICETEST_TEXT and NOTICETEST_OCR (how many of
// each, default 100 and 100) and NOTICETEST_SEED (the first seed, default 1) change what is
// written. OCR fixtures use the seeds after the text fixtures', so each is a different notice.
func TestWriteFixtures(t *testing.T) {
	if os.Getenv("NOTICETEST_WRITE_FIXTURES") == "" {
		t.Skip("set NOTICETEST_WRITE_FIXTURES=1 to remake the fixtures with poppler-utils and tesseract")
	}
	for _, tool := range []string{"pdftotext", "pdftoppm", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to write fixtures: %v", tool, err)
		}
	}
	dir := envOr("NOTICETEST_FIXTURE_DIR", "testdata")
	nText, nOCR := envInt(t, "NOTICETEST_TEXT", 100), envInt(t, "NOTICETEST_OCR", 100)
	seed := int64(envInt(t, "NOTICETEST_SEED", 1))
	for _, sub := range []string{"text", "ocr"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tmp := t.TempDir()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for i := range jobs {
				s := seed + int64(i)
				if i < nText {
					writeTextFixture(t, tmp, filepath.Join(dir, "text", fmt.Sprintf("%03d", i+1)), s)
				} else {
					writeOCRFixture(t, tmp, filepath.Join(dir, "ocr", fmt.Sprintf("%03d", i-nText+1)), s)
				}
			}
		})
	}
	for i := range nText + nOCR {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

func writeTextFixture(t *testing.T, tmp, base string, seed int64) {
	n := noticetest.Generate(seed)
	pdf := filepath.Join(tmp, fmt.Sprintf("%d.pdf", seed))
	must(t, os.WriteFile(pdf, n.PDF, 0o600))
	text := run(t, nil, "pdftotext", "-layout", pdf, "-")
	writeFixture(t, base, text, noticetest.FixtureTruth{Seed: seed, Truth: n.Truth})
}

func writeOCRFixture(t *testing.T, tmp, base string, seed int64) {
	n := noticetest.Generate(seed)
	pdf := filepath.Join(tmp, fmt.Sprintf("%d.pdf", seed))
	must(t, os.WriteFile(pdf, n.PDF, 0o600))
	run(t, nil, "pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf, filepath.Join(tmp, fmt.Sprint(seed)))
	page, err := os.ReadFile(filepath.Join(tmp, fmt.Sprintf("%d.png", seed)))
	must(t, err)
	img, err := png.Decode(bytes.NewReader(page))
	must(t, err)
	scanned := noticetest.Scan(img, seed)
	ft := noticetest.FixtureTruth{Seed: seed, Scan: "png", Truth: n.Truth}
	input := noticetest.EncodePNG(scanned)
	if seed%2 == 0 {
		ft.Scan, input = "jpeg", noticetest.EncodeJPEG(scanned)
	}
	out := filepath.Join(tmp, fmt.Sprintf("%d-ocr", seed))
	run(t, input, "tesseract", "stdin", out, "--psm", "6", "-c", "preserve_interword_spaces=1", "-c", "thresholding_method=2", "txt", "tsv")
	tsv, err := os.ReadFile(out + ".tsv")
	must(t, err)
	must(t, os.WriteFile(base+".tsv", tsv, 0o644))
	text, err := os.ReadFile(out + ".txt")
	must(t, err)
	writeFixture(t, base, text, ft)
}

func writeFixture(t *testing.T, base string, text []byte, ft noticetest.FixtureTruth) {
	js, err := json.MarshalIndent(ft, "", "  ")
	must(t, err)
	must(t, os.WriteFile(base+".txt", text, 0o644))
	must(t, os.WriteFile(base+".json", append(js, '\n'), 0o644))
}

func run(t *testing.T, stdin []byte, name string, args ...string) []byte {
	cmd := exec.Command(name, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v: %s", name, err, stderr.Bytes())
	}
	return out
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, v, err)
	}
	return n
}

func must(t *testing.T, err error) {
	if err != nil {
		t.Fatal(err)
	}
}
