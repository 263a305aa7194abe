package fields

import (
	"slices"
	"testing"
)

// TestFill: a second reading fills only what the first left empty, marked for the person to
// confirm, and never changes what the first read.
func TestFill(t *testing.T) {
	t.Parallel()
	f := func(v string) Field { return Field{Value: v, Confidence: 0.85} }
	first := Notice{
		ReceiptNumber: f("EAC2512345678"),
		NoticeDate:    f("2025-06-02"),
		Events:        []Event{{Kind: "interview", Date: "2025-07-01", Confidence: 0.85}},
		Warnings:      []string{"stale"},
	}
	second := Notice{
		ReceiptNumber: f("EAC2512345679"), // read otherwise: the first's stays
		OtherReceipts: []Field{f("EAC2512345678"), f("IOE0912345678")},
		ANumbers:      []Field{f("A012345678")},
		Form:          f("I-485"),
		FormTitle:     "Application to Register Permanent Residence",
		NoticeDate:    f("2025-06-03"),
		ReceivedDate:  f("2025-03-14"),
		Events:        []Event{{Kind: "interview", Date: "2025-07-01", Time: "09:00", Confidence: 0.85}},
	}
	got := Fill(first, second)
	if got.ReceiptNumber != first.ReceiptNumber || got.NoticeDate != first.NoticeDate {
		t.Errorf("what the first read changed: %+v %+v", got.ReceiptNumber, got.NoticeDate)
	}
	for name, fl := range map[string]Field{"form": got.Form, "received": got.ReceivedDate, "A-number": got.ANumbers[0]} {
		if fl.Value == "" || !fl.Corrected || fl.Confidence >= 0.85 {
			t.Errorf("%s not filled as a value to confirm: %+v", name, fl)
		}
	}
	if got.FormTitle == "" {
		t.Error("the form's title was not taken with it")
	}
	if len(got.OtherReceipts) != 1 || got.OtherReceipts[0].Value != "IOE0912345678" {
		t.Errorf("other receipts %+v: the notice's own is no other", got.OtherReceipts)
	}
	if e := got.Events[0]; e.Time != "09:00" || !e.Corrected {
		t.Errorf("the appointment's time was not filled: %+v", e)
	}
	if first.Events[0].Time != "" {
		t.Error("Fill changed the first reading's events")
	}
	if slices.Contains(got.Warnings, "stale") || !slices.ContainsFunc(got.Warnings, func(w string) bool { return w != "" }) {
		t.Errorf("warnings not made again for the filled notice: %q", got.Warnings)
	}

	// Nothing to fill: the first reading as it was, warnings and all.
	same := Fill(first, Notice{NoticeDate: f("2024-01-01")})
	if !slices.Equal(same.Warnings, first.Warnings) || same.NoticeDate != first.NoticeDate {
		t.Errorf("a second reading with nothing new changed the first: %+v", same)
	}
}

func TestIncomplete(t *testing.T) {
	t.Parallel()
	f := func(v string) Field { return Field{Value: v} }
	full := Notice{ReceiptNumber: f("EAC2512345678"), Form: f("I-485"), NoticeDate: f("2025-06-02"), ReceivedDate: f("2025-03-14")}
	withEvent := func(n Notice, e Event) Notice { n.Events = []Event{e}; return n }
	noForm := full
	noForm.Form = Field{}
	for _, tc := range []struct {
		name string
		n    Notice
		want bool
	}{
		{"every header field", full, false},
		{"no form", noForm, true},
		{"a letter", Notice{}, true},
		{"an interview without its time", withEvent(full, Event{Kind: "interview", Date: "2025-07-01"}), true},
		{"an interview at its time", withEvent(full, Event{Kind: "interview", Date: "2025-07-01", Time: "09:00"}), false},
		{"a response deadline, which has no time", withEvent(full, Event{Kind: "rfe-due", Date: "2025-07-01"}), false},
	} {
		if got := tc.n.Incomplete(); got != tc.want {
			t.Errorf("%s: Incomplete %v, want %v", tc.name, got, tc.want)
		}
	}
}
