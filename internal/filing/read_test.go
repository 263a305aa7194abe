package filing

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/notice/noticetest"
)

func TestReadNotice(t *testing.T) {
	t.Parallel()
	n := noticetest.Generate(7)
	r, err := ReadNotice(t.Context(), bytes.NewReader(n.PDF), "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(r.Data, n.PDF) || r.Source != fields.PDFText {
		t.Errorf("read %d bytes (of %d) from %q", len(r.Data), len(n.PDF), r.Source)
	}
	if misses := noticetest.Misses(r.Summary(), n.Truth); len(misses) > 0 {
		t.Errorf("read wrong: %v", misses)
	}

	broken := errors.New("the disk went away")
	if _, err := ReadNotice(t.Context(), iotest.ErrReader(broken), "notice.pdf"); !errors.Is(err, broken) {
		t.Errorf("a failing reader: %v, want %v", err, broken)
	}
	_, err = ReadNotice(t.Context(), strings.NewReader("not a notice"), "notes.txt")
	if !errors.Is(err, notice.ErrNotNotice) || !strings.HasPrefix(err.Error(), "notes.txt") {
		t.Errorf("a text file: %v, want notes.txt: %v", err, notice.ErrNotNotice)
	}
}

// The reader's warnings come before Extract's in the summary, as inspect prints them.
func TestReadingSummary(t *testing.T) {
	t.Parallel()
	r := &Reading{Source: fields.OCR, Warnings: []string{"reader"}, Notice: fields.Notice{Warnings: []string{"extract"}}}
	sum := r.Summary()
	if !slices.Equal(sum.Warnings, []string{"reader", "extract"}) || sum.TextSource != fields.OCR {
		t.Errorf("warnings %q from %q", sum.Warnings, sum.TextSource)
	}
	if !slices.Equal(r.Notice.Warnings, []string{"extract"}) {
		t.Errorf("Summary changed the notice's warnings: %q", r.Notice.Warnings)
	}
}

// TestReadNoticeAccuracy measures ReadNotice, the path every notice the app or the CLI reads
// takes, on notices generated here: the PDF through PDFium's text layer, and the same page
// drawn at 300 dpi, made to look scanned and read back through tesseract. Every field of the
// inspect JSON must be right on at least 99% of the text PDFs and 90% of the scans. Without
// tesseract the scans are skipped, saying so, except under CI, where that fails.
func TestReadNoticeAccuracy(t *testing.T) {
	corpus := noticetest.Corpus(40, 20261128)
	ctx := context.Background()
	t.Run("text", func(t *testing.T) {
		var score noticetest.Score
		for i, n := range corpus {
			r, err := ReadNotice(ctx, bytes.NewReader(n.PDF), "generated.pdf")
			if err != nil {
				t.Fatal(err)
			}
			if misses := score.Add(r.Summary(), n.Truth); len(misses) > 0 {
				t.Logf("text %d: %v", i, misses)
			}
		}
		score.Check(t, 0.99)
	})
	t.Run("scan", func(t *testing.T) {
		noticetest.NeedOCR(t)
		var score noticetest.Score
		for i, n := range corpus {
			doc, err := notice.Read(ctx, n.PDF, "generated.pdf", notice.WithoutOCR())
			if err != nil {
				t.Fatal(err)
			}
			page, err := doc.Render(ctx, 0, 300)
			doc.Close()
			if err != nil {
				t.Fatal(err)
			}
			scan := noticetest.EncodePNG(noticetest.Scan(page, int64(i)))
			r, err := ReadNotice(ctx, bytes.NewReader(scan), "scan.png")
			if err != nil {
				t.Fatal(err)
			}
			if misses := score.Add(r.Summary(), n.Truth); len(misses) > 0 {
				t.Logf("scan %d: %v", i, misses)
			}
		}
		score.Check(t, 0.90)
	})
}
