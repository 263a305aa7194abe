package fields

import "testing"

// TestImplausibleDatesReadAgain checks that a scan's date that cannot be right (outside its
// receipt number's fiscal year, a notice before its receipt, an appointment decades on) is read
// again with one digit taken for its look-alike, and marked corrected; that a plausible date,
// and a text PDF's date, stay as read.
func TestImplausibleDatesReadAgain(t *testing.T) {
	t.Parallel()
	// EAC21090…: fiscal year 2021 (October 2020 to September 2021), intake workday 90, in February 2021.
	header := func(received, notice string) string {
		return "Receipt Number                 Received Date        Notice Date\n" +
			"EAC2109050123                  " + received + "           " + notice + "\n"
	}
	for _, c := range []struct {
		name, text       string
		source           Source
		received, notice string
		corrected        bool
	}{
		{"a year read with a 7 for a 2", header("02/03/2071", "02/10/2021"), OCR, "2021-02-03", "2021-02-10", true},
		// 01/10/2021 is before the receipt: 04/10/2021 (a 1 for a 4) is the nearest plausible reading.
		{"a notice before its receipt", header("02/03/2021", "01/10/2021"), OCR, "2021-02-03", "2021-04-10", true},
		{"a notice far in the future", header("02/03/2021", "08/10/2071"), OCR, "2021-02-03", "2021-08-10", true},
		{"plausible dates stay", header("02/03/2021", "02/10/2023"), OCR, "2021-02-03", "2023-02-10", false},
		{"a text PDF is not second-guessed", header("02/03/2071", "02/10/2021"), PDFText, "2071-02-03", "2021-02-10", false},
	} {
		n := Extract(c.text, c.source)
		if n.ReceivedDate.Value != c.received || n.NoticeDate.Value != c.notice {
			t.Errorf("%s: received %q, notice %q; want %q, %q", c.name, n.ReceivedDate.Value, n.NoticeDate.Value, c.received, c.notice)
		}
		if got := n.ReceivedDate.Corrected || n.NoticeDate.Corrected; got != c.corrected {
			t.Errorf("%s: corrected %v, want %v", c.name, got, c.corrected)
		}
	}
}

func TestReceiptWindow(t *testing.T) {
	t.Parallel()
	lo, hi, intake, ok := receiptWindow("EAC2500112345")
	if !ok || intake.Format(isoLayout) != "2024-10-01" || !lo.Before(intake) || !hi.After(intake) {
		t.Errorf("EAC25001…: %v %v %v %v", lo, hi, intake, ok)
	}
	if _, _, _, ok := receiptWindow("IOE0912345678"); ok {
		t.Error("an ELIS number carries no fiscal year")
	}
}
