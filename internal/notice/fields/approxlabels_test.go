package fields

import (
	"slices"
	"testing"
)

func TestApproxLabels(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line string
		want []labelKind
	}{
		{"Case Number     Date Recened     Date ot Notice     Page", []labelKind{receivedLabel, noticeDateLabel}},
		{"Recesp?  Numbers        Notice Date", []labelKind{receiptLabel}},
		{"Pecesved Date", []labelKind{receivedLabel}},
		{"Prionty Date     Interveiw Date and Tirne", []labelKind{priorityLabel, appointmentLabel}},
		// Exact labels are labelRE's; an approximate reading never doubles them.
		{"Received Date    Notice Date", nil},
		// Too far from any label: a word alone, or two words each a little off.
		{"Recened", nil},
		{"Data Recorded", nil},
		{"Notice Type", nil},
		{"Notice Data", []labelKind{noticeDateLabel}},
		{"Case Tape", []labelKind{caseTypeLabel}},
		{"Care Type is not a label but Case Tape is", []labelKind{caseTypeLabel, caseTypeLabel}},
	} {
		var got []labelKind
		for _, l := range approxLabels(tc.line, 0, nil) {
			got = append(got, l.kind)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestApproxLabelsOffsets(t *testing.T) {
	t.Parallel()
	line := "SRC  Date Recened:  04/18/2018"
	ls := approxLabels(line, 3, nil)
	if len(ls) != 1 || line[ls[0].start:ls[0].end] != "Date Recened" || ls[0].line != 3 {
		t.Fatalf("got %+v", ls)
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"date", "date", 0}, {"received", "recened", 2}, {"of", "ot", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestFileNumber: the A-number a court's or an older letter's "File" label gives, with or
// without its A; a telephone or a tracking number is none.
func TestFileNumber(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, want string }{
		{"RE: SAMPELA, AMIR        FILE: 199075922\n", "A199075922"},
		{"File No.: A133-758-893\n", "A133758893"},
		{"File Number: A 012-345-678\n", "A012345678"},
		{"File: 800-375-52831\n", ""},
		{"Filed: 05/01/2019\n", ""},
	} {
		n := Extract(tc.text, PDFText)
		got := ""
		if len(n.ANumbers) > 0 {
			got = n.ANumbers[0].Value
		}
		if got != tc.want {
			t.Errorf("%q: A-number %q, want %q", tc.text, got, tc.want)
		}
	}
}
