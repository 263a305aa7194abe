package noticetest

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// SchemaFields are the fields of the JSON that `immivault-cli notice inspect --json` prints
// (docs/cli.md) on which accuracy is measured, in the schema's order. Events are scored too,
// as "events", but a notice counts as read right on these alone.
var SchemaFields = []string{"receipt_numbers", "a_numbers", "account_number", "form", "notice_type",
	"notice_date", "received_date", "priority_date"}

// scored gives each scored field of the inspect JSON as it is compared: the own receipt number
// first and the other receipt numbers sorted after it, A-numbers and events sorted, as their
// order does not matter. summary is what marshals to that JSON: a fields.Summary.
func scored(summary any) (map[string]string, error) {
	js, err := json.Marshal(summary)
	var fields map[string]json.RawMessage
	if err == nil {
		err = json.Unmarshal(js, &fields)
	}
	if err != nil {
		return nil, err
	}
	values := map[string]string{}
	for _, name := range SchemaFields {
		var list []string
		if json.Unmarshal(fields[name], &list) != nil {
			var value string
			json.Unmarshal(fields[name], &value)
			values[name] = value
			continue
		}
		if name == "receipt_numbers" && len(list) > 0 {
			list = append(list[:1:1], sorted(list[1:])...)
		} else {
			list = sorted(list)
		}
		values[name] = fmt.Sprint(list)
	}
	var events []Event
	json.Unmarshal(fields["events"], &events)
	var list []string
	for _, e := range events {
		list = append(list, e.Kind+" "+e.Date+" "+e.Time)
	}
	values["events"] = fmt.Sprint(sorted(list))
	return values, nil
}

// inspect is the truth as the inspect JSON would say it.
func (tr Truth) inspect() map[string]any {
	var receipts []string
	if tr.ReceiptNumber != "" {
		receipts = append(receipts, tr.ReceiptNumber)
	}
	return map[string]any{
		"receipt_numbers": append(receipts, tr.OtherReceipts...),
		"a_numbers":       tr.ANumbers,
		"account_number":  tr.AccountNumber,
		"form":            tr.Form,
		"notice_type":     tr.NoticeType,
		"notice_date":     tr.NoticeDate,
		"received_date":   tr.ReceivedDate,
		"priority_date":   tr.PriorityDate,
		"events":          tr.Events,
	}
}

func sorted(xs []string) []string {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	return ys
}

// Misses compares what was read off a notice with its truth and lists the fields that differ,
// as "field: got X, want Y", in the schema's order with events last. summary is what marshals
// to the inspect JSON: a fields.Summary.
func Misses(summary any, tr Truth) []string {
	got, err := scored(summary)
	if err != nil {
		return []string{fmt.Sprintf("summary: %v", err)}
	}
	want, err := scored(tr.inspect())
	if err != nil {
		panic(err) // a Truth always marshals
	}
	var misses []string
	for _, name := range append(slices.Clone(SchemaFields), "events") {
		if got[name] != want[name] {
			misses = append(misses, fmt.Sprintf("%s: got %s, want %s", name, got[name], want[name]))
		}
	}
	return misses
}

// ForeignHeaderDates lists the header dates (received, priority, notice) read off a notice
// that its header does not print, as "received date 2025-03-14": the worse kind of miss, a date
// taken from elsewhere on the notice rather than one left out.
func ForeignHeaderDates(summary any, tr Truth) []string {
	got, err := scored(summary)
	if err != nil {
		return []string{fmt.Sprintf("summary: %v", err)}
	}
	header := []string{tr.ReceivedDate, tr.PriorityDate, tr.NoticeDate}
	var foreign []string
	for _, name := range []string{"received", "priority", "notice"} {
		if d := got[name+"_date"]; d != "" && !slices.Contains(header, d) {
			foreign = append(foreign, name+" date "+d)
		}
	}
	return foreign
}

// Score tallies, over notices read one by one, how often each field was read right.
type Score struct {
	Notices  int
	AllRight int            // notices with every one of SchemaFields right
	Right    map[string]int // notices with the field right, by name, events included
}

// Add scores one notice (see Misses) and returns its misses.
func (s *Score) Add(summary any, tr Truth) []string {
	misses := Misses(summary, tr)
	if s.Right == nil {
		s.Right = map[string]int{}
	}
	s.Notices++
	whole := true
	for _, name := range append(slices.Clone(SchemaFields), "events") {
		missed := slices.ContainsFunc(misses, func(m string) bool { return strings.HasPrefix(m, name+": ") })
		if !missed {
			s.Right[name]++
		}
		whole = whole && (!missed || name == "events")
	}
	if whole {
		s.AllRight++
	}
	return misses
}

// String says how many notices were scored and how often each field was right:
// "40 notices, every schema field right on 95.0%; receipt_numbers 97.5% ... events 100.0%".
func (s *Score) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d notices, every schema field right on %.1f%%;", s.Notices, pct(s.AllRight, s.Notices))
	for _, name := range append(slices.Clone(SchemaFields), "events") {
		fmt.Fprintf(&b, " %s %.1f%%", name, pct(s.Right[name], s.Notices))
	}
	return b.String()
}

// Check logs the score and fails t when fewer than bar (0.9 for 90%) of the notices had every
// schema field right.
func (s *Score) Check(t testing.TB, bar float64) {
	t.Helper()
	t.Log(s.String())
	if s.Notices == 0 || float64(s.AllRight) < bar*float64(s.Notices) {
		t.Errorf("every field right on %d of %d notices (%.1f%%), below the bar of %.0f%%",
			s.AllRight, s.Notices, pct(s.AllRight, s.Notices), 100*bar)
	}
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// NeedOCR marks a test that reads whole notices by OCR. OCR runs inside immivault (tesseract
// in WebAssembly, internal/ocr) and needs nothing installed, so it skips nothing on Linux or
// macOS. On Windows, where make test-windows runs the tests under Wine, it skips: there the
// engine is tested by internal/ocr's tests and TestReadScanWithoutTesseract, and whole notices
// are read by OCR in the Linux run.
func NeedOCR(t testing.TB) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("whole notices are read by OCR in the Linux run; under Wine, internal/ocr's tests cover the engine")
	}
}
