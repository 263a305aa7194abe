package fields

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

func FuzzExtract(f *testing.F) {
	for _, c := range extractCases {
		f.Add(c.text, c.source == OCR)
	}
	for _, s := range []string{
		"Receipt Number\tCase Type\r\nEAC*2512345678\tI485 - APPLICATION\r\n",
		"Notice Date  Received Date  Priority Date\n13/45/2025  02/30/2024  00/00/0000\n",
		"| 1OE0912345678 | EAC25O1234567 |\nApplicant A0l2 345 678\n\fPage 2",
		"Date and Time of Appointment:\n\n\n\n04/02/2025\n10:61 PM",
		"Notice Type: " + strings.Repeat("Request for ", 40),
		"Réception — Receipt Number – EAC–25–123–45678\u2028Notice Date: 01/02/2025",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, ocr bool) {
		source := PDFText
		if ocr {
			source = OCR
		}
		start := time.Now()
		n := Extract(text, source)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Extract took %v on %d bytes", d, len(text))
		}
		checkNotice(t, n)
		js, err := json.Marshal(n.Summary(source))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(js), "null") {
			t.Fatalf("summary has a null: %s", js)
		}
	})
}

var (
	isoRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	receiptRE = regexp.MustCompile(`^[A-Z]{3}\d{10}$`)
	aNumberRE = regexp.MustCompile(`^A\d{9}$`)
	formRE    = regexp.MustCompile(`^[IGN]-\d{1,3}[A-Z]?$`)
	hhmmRE    = regexp.MustCompile(`^(?:[01]\d|2[0-3]):[0-5]\d$`)
)

// checkNotice verifies what holds for any result of Extract: values in canonical form and
// confidence within 0 and 1, zero for a value not found.
func checkNotice(t *testing.T, n Notice) {
	t.Helper()
	field := func(name string, f Field, re *regexp.Regexp) {
		t.Helper()
		if f.Value == "" {
			if f.Confidence != 0 || f.Corrected {
				t.Errorf("%s: empty value with %+v", name, f)
			}
			return
		}
		if re != nil && !re.MatchString(f.Value) {
			t.Errorf("%s = %q, not in canonical form", name, f.Value)
		}
		if f.Confidence <= 0 || f.Confidence > 1 {
			t.Errorf("%s: confidence %v", name, f.Confidence)
		}
	}
	field("receipt", n.ReceiptNumber, receiptRE)
	for _, r := range n.OtherReceipts {
		field("other receipt", r, receiptRE)
		if r.Value == n.ReceiptNumber.Value {
			t.Errorf("the own receipt number is listed again among the others")
		}
	}
	for _, a := range n.ANumbers {
		field("A-number", a, aNumberRE)
	}
	field("account", n.AccountNumber, regexp.MustCompile(`^\d{12}$`))
	field("form", n.Form, formRE)
	field("notice type", n.NoticeType, nil)
	for name, f := range map[string]Field{"notice": n.NoticeDate, "received": n.ReceivedDate, "priority": n.PriorityDate} {
		field(name+" date", f, isoRE)
	}
	for _, e := range n.Events {
		if !isoRE.MatchString(e.Date) || e.Time != "" && !hhmmRE.MatchString(e.Time) || e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("event %+v", e)
		}
	}
	if n.OtherReceipts == nil || n.ANumbers == nil || n.Events == nil || n.Warnings == nil {
		t.Errorf("nil slice in %+v", n)
	}
}

// TestExtractBounded gives Extract more than MaxTextLen of the text that makes it work
// hardest: label rows over rows of dates, look-alike receipt numbers, anchors without dates.
func TestExtractBounded(t *testing.T) {
	t.Parallel()
	inputs := map[string]string{
		"label rows": strings.Repeat("Received Date   Priority Date   Notice Date   Date and Time of Appointment\n01/02/2025  02/03/2025  03/04/2025\n", 12000),
		"receipts":   strings.Repeat("|1OE 0912 3456 78 Receipt Number l0E-09-123-45678 ", 25000),
		"one line":   strings.Repeat("respond by submit received by no later than Case Type I1 - A ", 20000),
		"dates":      strings.Repeat("12/12/2012 1212/2012 12712/2012 January 1, 2020 ", 25000),
	}
	// No clock limit (the machine may be busy): each is compared with prose of the same
	// length read in the same run, the best of two. A rule that went quadratic on its
	// input would take hundreds of times longer; today they take at most twice as long.
	prose := strings.Repeat("the quick brown fox jumps over the lazy dog and then some more words here\n", 20000)
	baseline := time.Duration(1<<63 - 1)
	for range 2 {
		start := time.Now()
		Extract(prose, OCR)
		baseline = min(baseline, time.Since(start))
	}
	for name, text := range inputs {
		start := time.Now()
		n := Extract(text, OCR)
		if d := time.Since(start); d > 20*baseline {
			t.Errorf("%s: Extract took %v on %d bytes, over 20 times the %v of as much prose", name, d, len(text), baseline)
		}
		checkNotice(t, n)
	}
}
