package filing

import (
	"bytes"
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
	if got := r.Summary().ReceiptNumbers; len(got) == 0 || got[0] != n.Truth.ReceiptNumber {
		t.Errorf("receipt numbers %v, want %s first", got, n.Truth.ReceiptNumber)
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
