package fields

import (
	"testing"

	"immivault/internal/notice/noticetest"
)

// loadFixtures reads the fixtures of one kind ("text" or "ocr") with their text: pdftotext's
// for text PDFs, tesseract's plain text for scans (see TestWriteFixtures).
func loadFixtures(t *testing.T, kind string) []noticetest.Fixture {
	t.Helper()
	return noticetest.LoadFixtures(t, envOr("NOTICETEST_FIXTURE_DIR", "testdata"), kind, "txt")
}

// TestAccuracy measures Extract, over the fixtures, on text other readers made: how often every
// field of the JSON schema is right, failing below the bar of 99% for text PDFs and 90%
// for scans. Per-field accuracy is logged (go test -v), and so is every miss.
//
// This is Extract's own measure, on text the app does not make: poppler's layout of a text PDF
// and tesseract's plain text of a scan. The app's reader (PDFium's layout, and tesseract's word
// boxes laid out by the notice package) is measured by internal/notice's TestOCRFixtureAccuracy
// on these scans' TSV, and end to end by internal/filing's TestReadNoticeAccuracy.
func TestAccuracy(t *testing.T) {
	for _, c := range []struct {
		name, kind string
		source     Source
		bar        float64
	}{
		{"text", "text", PDFText, 0.99},
		{"ocr-plain", "ocr", OCR, 0.90},
	} {
		t.Run(c.name, func(t *testing.T) {
			var score noticetest.Score
			for _, f := range loadFixtures(t, c.kind) {
				for _, miss := range score.Add(Extract(string(f.Output), c.source).Summary(c.source), f.Truth) {
					t.Logf("%s (seed %d) %s", f.Name, f.Seed, miss)
				}
			}
			score.Check(t, c.bar)
		})
	}
}
