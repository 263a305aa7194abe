package fields

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixture is one notice's extracted text with the truth of what the notice says.
type fixture struct {
	name  string
	text  string
	truth fixtureTruth
}

// loadFixtures reads the fixtures of one kind ("text" or "ocr"); for "ocr" the text is the
// layout OCRLayout makes of tesseract's TSV output when layout is set, else tesseract's plain
// text output of the same run.
func loadFixtures(t *testing.T, kind string, layout bool) []fixture {
	t.Helper()
	dir := filepath.Join(envOr("NOTICETEST_FIXTURE_DIR", "testdata"), kind)
	truths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(truths) == 0 {
		t.Fatalf("no fixtures in %s (%v)", dir, err)
	}
	var fs []fixture
	for _, path := range truths {
		base := strings.TrimSuffix(path, ".json")
		f := fixture{name: kind + "/" + filepath.Base(base)}
		js, err := os.ReadFile(path)
		must(t, err)
		must(t, json.Unmarshal(js, &f.truth))
		if layout {
			tsv, err := os.ReadFile(base + ".tsv")
			must(t, err)
			f.text, err = OCRLayout(bytes.NewReader(tsv))
			must(t, err)
		} else {
			text, err := os.ReadFile(base + ".txt")
			must(t, err)
			f.text = string(text)
		}
		fs = append(fs, f)
	}
	return fs
}

// schemaFields are the fields of the JSON schema that accuracy is measured on.
var schemaFields = []string{"receipt_numbers", "a_numbers", "account_number", "form", "notice_type",
	"notice_date", "received_date", "priority_date"}

// wrongFields compares a summary with the truth, field by field, and returns what differs.
// The own receipt number must come first; the order of the other receipt numbers and of the
// A-numbers does not matter.
func wrongFields(s Summary, f fixture) map[string]string {
	tr := f.truth.Truth
	wrong := map[string]string{}
	check := func(name string, got, want any) {
		if fmt.Sprint(got) != fmt.Sprint(want) {
			wrong[name] = fmt.Sprintf("got %v, want %v", got, want)
		}
	}
	var wantReceipts []string
	if tr.ReceiptNumber != "" {
		wantReceipts = append(wantReceipts, tr.ReceiptNumber)
	}
	wantReceipts = append(wantReceipts, sorted(tr.OtherReceipts)...)
	gotReceipts := s.ReceiptNumbers
	if len(gotReceipts) > 0 {
		gotReceipts = append(gotReceipts[:1:1], sorted(gotReceipts[1:])...)
	}
	check("receipt_numbers", gotReceipts, wantReceipts)
	check("a_numbers", sorted(s.ANumbers), sorted(tr.ANumbers))
	check("account_number", s.AccountNumber, tr.AccountNumber)
	check("form", s.Form, tr.Form)
	check("notice_type", s.NoticeType, tr.NoticeType)
	check("notice_date", s.NoticeDate, tr.NoticeDate)
	check("received_date", s.ReceivedDate, tr.ReceivedDate)
	check("priority_date", s.PriorityDate, tr.PriorityDate)
	var got, want []string
	for _, e := range s.Events {
		got = append(got, e.Kind+" "+e.Date+" "+e.Time)
	}
	for _, e := range tr.Events {
		want = append(want, e.Kind+" "+e.Date+" "+e.Time)
	}
	check("events", sorted(got), sorted(want))
	return wrong
}

func sorted(xs []string) []string {
	ys := append([]string{}, xs...)
	slices.Sort(ys)
	return ys
}

// TestAccuracy measures, over the fixtures, how often every field of the JSON schema is right,
// and fails below the bar: 99% of text PDFs and 90% of scans. Per-field accuracy is
// logged (go test -v), and so is every miss.
func TestAccuracy(t *testing.T) {
	for _, c := range []struct {
		name   string
		kind   string
		layout bool
		source Source
		bar    float64
	}{
		{"text", "text", false, PDFText, 0.99},
		{"ocr-layout", "ocr", true, OCR, 0.90},
		{"ocr-plain", "ocr", false, OCR, 0.90},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := loadFixtures(t, c.kind, c.layout)
			right := map[string]int{}
			whole := 0
			for _, f := range fs {
				wrong := wrongFields(Extract(f.text, c.source).Summary(c.source), f)
				for _, name := range append(schemaFields, "events") {
					if msg, bad := wrong[name]; bad {
						t.Logf("%s (seed %d) %s: %s", f.name, f.truth.Seed, name, msg)
					} else {
						right[name]++
					}
				}
				delete(wrong, "events")
				if len(wrong) == 0 {
					whole++
				}
			}
			var report strings.Builder
			for _, name := range append(schemaFields, "events") {
				fmt.Fprintf(&report, " %s %.1f%%", name, pct(right[name], len(fs)))
			}
			t.Logf("%d notices, every schema field right on %.1f%%;%s", len(fs), pct(whole, len(fs)), report.String())
			if float64(whole) < c.bar*float64(len(fs)) {
				t.Errorf("every field right on %d of %d notices (%.1f%%), below the bar of %.0f%%",
					whole, len(fs), pct(whole, len(fs)), 100*c.bar)
			}
		})
	}
}

func pct(n, of int) float64 { return 100 * float64(n) / float64(of) }
