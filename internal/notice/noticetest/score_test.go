package noticetest

import (
	"slices"
	"testing"
)

func TestMisses(t *testing.T) {
	t.Parallel()
	tr := Truth{
		ReceiptNumber: "EAC2599900001", OtherReceipts: []string{"IOE0912345678", "LIN2512345678"},
		ANumbers: []string{"A012345678"}, Form: "I-130", NoticeType: "Receipt Notice",
		NoticeDate: "2025-09-05", ReceivedDate: "2025-09-01",
		Events: []Event{{"biometrics", "2025-10-03", "09:00"}, {"rfe-due", "2025-10-15", ""}},
	}
	// What fields.Summary marshals to, with the order of the others and of the events changed.
	read := func(change func(map[string]any)) map[string]any {
		s := map[string]any{
			"receipt_numbers": []string{"EAC2599900001", "LIN2512345678", "IOE0912345678"},
			"a_numbers":       []string{"A012345678"}, "account_number": "", "form": "I-130",
			"notice_type": "Receipt Notice", "notice_date": "2025-09-05", "received_date": "2025-09-01",
			"priority_date": "", "text_source": "ocr", "warnings": []string{},
			"events": []map[string]any{
				{"kind": "rfe-due", "date": "2025-10-15", "time": "", "confidence": 0.8},
				{"kind": "biometrics", "date": "2025-10-03", "time": "09:00", "confidence": 0.8},
			},
		}
		if change != nil {
			change(s)
		}
		return s
	}
	if m := Misses(read(nil), tr); len(m) != 0 {
		t.Errorf("all read right, but misses %q", m)
	}
	wrong := read(func(s map[string]any) {
		s["receipt_numbers"] = []string{"IOE0912345678", "EAC2599900001", "LIN2512345678"}
		s["priority_date"] = "2025-09-01"
		s["events"] = []any{}
	})
	want := []string{
		"receipt_numbers: got [IOE0912345678 EAC2599900001 LIN2512345678], want [EAC2599900001 IOE0912345678 LIN2512345678]",
		"priority_date: got 2025-09-01, want ",
		"events: got [], want [biometrics 2025-10-03 09:00 rfe-due 2025-10-15 ]",
	}
	if m := Misses(wrong, tr); !slices.Equal(m, want) {
		t.Errorf("misses\n%q\nwant\n%q", m, want)
	}
	if d := ForeignHeaderDates(wrong, tr); len(d) != 0 {
		t.Errorf("the received date read as the priority date is a header date, but %q", d)
	}
	if d := ForeignHeaderDates(read(func(s map[string]any) { s["notice_date"] = "2025-10-15" }), tr); !slices.Equal(d, []string{"notice date 2025-10-15"}) {
		t.Errorf("foreign header dates %q", d)
	}

	var score Score
	score.Add(read(nil), tr)
	score.Add(wrong, tr)
	score.Add(read(func(s map[string]any) { s["events"] = nil }), tr)
	if score.Notices != 3 || score.AllRight != 2 || score.Right["receipt_numbers"] != 2 || score.Right["events"] != 1 {
		t.Errorf("score %+v", score)
	}
	if want := "3 notices, every schema field right on 66.7%; receipt_numbers 66.7%"; score.String()[:len(want)] != want {
		t.Errorf("score %q", score.String())
	}
}
