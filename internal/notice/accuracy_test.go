package notice

import (
	"testing"

	"immivault/internal/notice/fields"
	"immivault/internal/notice/noticetest"
)

// TestOCRFixtureAccuracy measures how well a scan is read from tesseract's word boxes on, with
// no tesseract needed: the TSV tesseract wrote for the scan fixtures of internal/notice/fields
// is laid out by parseTSV and layoutRows, as ocr lays out what tesseract writes, and given to
// fields.Extract, as filing.ReadNotice gives it. Every field of the inspect JSON must be right
// on at least 90% of the scans, and a header date read must be one the header prints.
//
// The fixtures were made with tesseract options that are not quite ocr's (see the fields
// package documentation), so this measures the layout on fixed input; internal/filing's
// TestReadNoticeAccuracy measures the whole path, tesseract as ocr runs it included.
func TestOCRFixtureAccuracy(t *testing.T) {
	t.Parallel()
	var score noticetest.Score
	for _, f := range noticetest.LoadFixtures(t, "fields/testdata", "ocr", "tsv") {
		sum := fields.Extract(layoutRows(parseTSV(f.Output)), fields.OCR).Summary(fields.OCR)
		for _, miss := range score.Add(sum, f.Truth) {
			t.Logf("%s (seed %d) %s", f.Name, f.Seed, miss)
		}
		for _, d := range noticetest.ForeignHeaderDates(sum, f.Truth) {
			t.Errorf("%s: %s is not a header date of the notice", f.Name, d)
		}
	}
	score.Check(t, 0.90)
}
