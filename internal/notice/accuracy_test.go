package notice_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"testing"

	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/notice/noticetest"
)

// TestPipelineAccuracy measures the whole reading path a user's file takes,
// on notices generated here: the PDF through PDFium's text layer, and the
// same page rendered at 300 dpi, made to look scanned, and read back through
// tesseract. Every field of the inspect JSON must be right on at least 99% of
// the text PDFs and 90% of the scans.
func TestPipelineAccuracy(t *testing.T) {
	corpus := noticetest.Corpus(40, 20261128)
	ctx := context.Background()
	var textRight, scanRight int
	tesseract := true
	if _, err := exec.LookPath("tesseract"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tesseract is not installed; `make deps` installs it")
		}
		tesseract = false
	}
	for i, n := range corpus {
		doc, err := notice.Read(ctx, n.PDF, "generated.pdf")
		if err != nil {
			t.Fatal(err)
		}
		if wrong := wrongFields(extract(doc), n.Truth); len(wrong) == 0 {
			textRight++
		} else {
			t.Logf("text %d: %v", i, wrong)
		}
		if tesseract {
			page, err := doc.Render(ctx, 0, 300)
			if err != nil {
				t.Fatal(err)
			}
			scan, err := notice.Read(ctx, noticetest.EncodePNG(noticetest.Scan(page, int64(i))), "scan.png")
			if err != nil {
				t.Fatal(err)
			}
			if wrong := wrongFields(extract(scan), n.Truth); len(wrong) == 0 {
				scanRight++
			} else {
				t.Logf("scan %d: %v", i, wrong)
			}
			scan.Close()
		}
		doc.Close()
	}
	t.Logf("every field right: text PDFs %d/%d, scans %d/%d", textRight, len(corpus), scanRight, len(corpus))
	if float64(textRight) < 0.99*float64(len(corpus)) {
		t.Errorf("text PDFs: every field right on %d of %d, below 99%%", textRight, len(corpus))
	}
	if tesseract && float64(scanRight) < 0.90*float64(len(corpus)) {
		t.Errorf("scans: every field right on %d of %d, below 90%%", scanRight, len(corpus))
	}
}

func extract(doc *notice.Document) fields.Summary {
	src := fields.Source(doc.Source())
	return fields.Extract(doc.Text(), src).Summary(src)
}

// wrongFields lists the fields of the inspect JSON that differ from the
// truth: the own receipt number first, the order of the rest ignored.
func wrongFields(s fields.Summary, tr noticetest.Truth) []string {
	var wrong []string
	check := func(name string, got, want any) {
		if fmt.Sprint(got) != fmt.Sprint(want) {
			wrong = append(wrong, fmt.Sprintf("%s: got %v, want %v", name, got, want))
		}
	}
	var want []string
	if tr.ReceiptNumber != "" {
		want = append(want, tr.ReceiptNumber)
	}
	want = append(want, sorted(tr.OtherReceipts)...)
	got := s.ReceiptNumbers
	if len(got) > 0 {
		got = append(got[:1:1], sorted(got[1:])...)
	}
	check("receipt_numbers", got, want)
	check("a_numbers", sorted(s.ANumbers), sorted(tr.ANumbers))
	check("account_number", s.AccountNumber, tr.AccountNumber)
	check("form", s.Form, tr.Form)
	check("notice_type", s.NoticeType, tr.NoticeType)
	check("notice_date", s.NoticeDate, tr.NoticeDate)
	check("received_date", s.ReceivedDate, tr.ReceivedDate)
	check("priority_date", s.PriorityDate, tr.PriorityDate)
	return wrong
}

func sorted(xs []string) []string {
	ys := append([]string{}, xs...)
	slices.Sort(ys)
	return ys
}
