package calendar

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"immivault/internal/deadline"
)

var (
	now = time.Date(2026, 11, 29, 14, 5, 9, 0, time.UTC)
	day = func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

	rfe = deadline.Deadline{
		ID: "rfe-response.n7", Rule: "rfe-response", Kind: deadline.Due, PersonID: "p1", CaseID: "c1", NoticeID: "n7",
		Date: day(2027, 2, 28), Computed: true, LeadDays: []int{7, 30, 7, 1},
		Title:  deadline.Text{EN: "Request for evidence: response due", ES: "Solicitud de evidencia: vence la respuesta"},
		Action: deadline.Text{EN: "Mail your response, with the RFE on top.", ES: "Envíe su respuesta, con la RFE encima."},
		Source: "https://www.uscis.gov/rfe", Reliability: "official",
	}
	biometrics = deadline.Deadline{
		ID: "appointment.e3", Rule: "appointment", Kind: deadline.Appointment, PersonID: "p2", CaseID: "c2",
		Date: day(2026, 12, 31), Time: "23:30", LeadDays: []int{1},
		Title:  deadline.Text{EN: "Biometrics appointment", ES: "Cita de biometría"},
		Action: deadline.Text{EN: "Bring the appointment notice and a photo ID."},
	}
	names    = map[string]string{"p1": "Ana García", "p2": "Beto"}
	receipts = map[string]string{"c1": "EAC2512345678", "c2": "IOE0912345678"}
)

func write(t *testing.T, ds []deadline.Deadline, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, ds, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWrite(t *testing.T) {
	t.Parallel()
	got := write(t, []deadline.Deadline{rfe, biometrics}, Options{
		Now: now, PersonName: func(id string) string { return names[id] },
	})
	want := strings.ReplaceAll(`BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//immivault//immivault deadlines//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
BEGIN:VEVENT
UID:rfe-response.n7@immivault
DTSTAMP:20261129T140509Z
LAST-MODIFIED:20261129T140509Z
SEQUENCE:29932685
DTSTART;VALUE=DATE:20270228
DTEND;VALUE=DATE:20270301
TRANSP:TRANSPARENT
SUMMARY:Ana García: Request for evidence: response due
DESCRIPTION:Mail your response\, with the RFE on top.\n\ncomputed — check
  your notice\n\nSource: https://www.uscis.gov/rfe
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-P30D
DESCRIPTION:Ana García: Request for evidence: response due
END:VALARM
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-P7D
DESCRIPTION:Ana García: Request for evidence: response due
END:VALARM
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-P1D
DESCRIPTION:Ana García: Request for evidence: response due
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:appointment.e3@immivault
DTSTAMP:20261129T140509Z
LAST-MODIFIED:20261129T140509Z
SEQUENCE:29932685
DTSTART:20261231T233000
DTEND:20270101T003000
TRANSP:OPAQUE
SUMMARY:Beto: Biometrics appointment
DESCRIPTION:Bring the appointment notice and a photo ID.
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-P1D
DESCRIPTION:Beto: Biometrics appointment
END:VALARM
END:VEVENT
END:VCALENDAR
`, "\n", "\r\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteOptions(t *testing.T) {
	t.Parallel()
	receipt := func(id string) string { return receipts[id] }
	for _, tc := range []struct {
		name    string
		d       deadline.Deadline
		o       Options
		summary string
		desc    string
	}{
		{"spanish", rfe, Options{Lang: "es"},
			"Solicitud de evidencia: vence la respuesta",
			"Envíe su respuesta, con la RFE encima.\n\nfecha calculada — verifique su aviso\n\nFuente: https://www.uscis.gov/rfe"},
		{"spanish falls back to english", biometrics, Options{Lang: "es"},
			"Cita de biometría", "Bring the appointment notice and a photo ID."},
		{"the title names the person", rfe, Options{PersonName: func(string) string { return "Request" }},
			"Request for evidence: response due",
			"Mail your response, with the RFE on top.\n\ncomputed — check your notice\n\nSource: https://www.uscis.gov/rfe"},
		{"no name for the person", rfe, Options{PersonName: func(string) string { return "" }},
			"Request for evidence: response due",
			"Mail your response, with the RFE on top.\n\ncomputed — check your notice\n\nSource: https://www.uscis.gov/rfe"},
		{"receipt numbers only when asked", rfe, Options{ReceiptNumber: receipt},
			"Request for evidence: response due",
			"Mail your response, with the RFE on top.\n\ncomputed — check your notice\n\nSource: https://www.uscis.gov/rfe"},
		{"receipt number", rfe, Options{IncludeNumbers: true, ReceiptNumber: receipt, Lang: "es"},
			"Solicitud de evidencia: vence la respuesta",
			"Envíe su respuesta, con la RFE encima.\n\nfecha calculada — verifique su aviso\n\nCaso: EAC2512345678\n\nFuente: https://www.uscis.gov/rfe"},
		{"no case", deadline.Deadline{ID: "x", Date: day(2027, 1, 1), Title: deadline.Text{EN: "Passport expires"}},
			Options{IncludeNumbers: true, ReceiptNumber: receipt}, "Passport expires", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.o.Now = now
			evs, err := events(write(t, []deadline.Deadline{tc.d}, tc.o))
			if err != nil {
				t.Fatal(err)
			}
			if got := evs[0]["SUMMARY"]; got != tc.summary {
				t.Errorf("SUMMARY %q, want %q", got, tc.summary)
			}
			if got := evs[0]["DESCRIPTION"]; got != tc.desc {
				t.Errorf("DESCRIPTION %q, want %q", got, tc.desc)
			}
		})
	}
}

// TestKinds: only an appointment with a time is timed; a deadline without
// lead times has no alarm.
func TestKinds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kind         deadline.Kind
		time         string
		start, end   string
		transparency string
	}{
		{deadline.Appointment, "08:05", "DTSTART:20260301T080500", "DTEND:20260301T090500", "OPAQUE"},
		{deadline.Appointment, "", "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260302", "TRANSPARENT"},
		{deadline.Due, "08:05", "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260302", "TRANSPARENT"},
		{deadline.Expires, "", "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260302", "TRANSPARENT"},
		{deadline.WindowOpens, "", "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260302", "TRANSPARENT"},
		{deadline.WindowCloses, "", "DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260302", "TRANSPARENT"},
	} {
		d := deadline.Deadline{ID: "d", Kind: tc.kind, Date: day(2026, 3, 1), Time: tc.time, Title: deadline.Text{EN: "t"}}
		got := write(t, []deadline.Deadline{d}, Options{Now: now})
		for _, want := range []string{"\r\n" + tc.start + "\r\n", "\r\n" + tc.end + "\r\n", "\r\nTRANSP:" + tc.transparency + "\r\n"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s at %q: no %q in\n%s", tc.kind, tc.time, strings.TrimSpace(want), got)
			}
		}
		if strings.Contains(got, "VALARM") {
			t.Errorf("%s: an alarm without lead times", tc.kind)
		}
	}
}

// TestWriteRefuses: a deadline that cannot be written fails the whole
// file before anything is written, even after good ones.
func TestWriteRefuses(t *testing.T) {
	t.Parallel()
	after := func(f func(*deadline.Deadline)) []deadline.Deadline {
		d := rfe
		f(&d)
		return []deadline.Deadline{biometrics, d}
	}
	for _, tc := range []struct {
		name string
		ds   []deadline.Deadline
		o    Options
		want string
	}{
		{"empty", nil, Options{}, ErrNoDeadlines.Error()},
		{"language", []deadline.Deadline{rfe}, Options{Lang: "fr"}, `calendar language "fr": use en or es`},
		{"time", after(func(d *deadline.Deadline) { d.Kind, d.Time = deadline.Appointment, "8h30" }), Options{},
			`deadline rfe-response.n7: time "8h30" is not HH:MM`},
		{"lead time", after(func(d *deadline.Deadline) { d.LeadDays = []int{-1} }), Options{},
			`deadline rfe-response.n7: lead time of -1 days is after it`},
	} {
		var b bytes.Buffer
		err := Write(&b, tc.ds, tc.o)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
		if b.Len() != 0 {
			t.Errorf("%s: wrote %d bytes before failing", tc.name, b.Len())
		}
	}
	if err := Write(new(bytes.Buffer), nil, Options{}); !errors.Is(err, ErrNoDeadlines) {
		t.Errorf("empty list: %v, want ErrNoDeadlines", err)
	}
}

// TestNoNumbersUnlessAsked: the file holds the receipt number only with
// IncludeNumbers, and never any other value the options could supply.
func TestNoNumbersUnlessAsked(t *testing.T) {
	t.Parallel()
	ds := []deadline.Deadline{rfe, biometrics}
	o := Options{Now: now, ReceiptNumber: func(id string) string { return receipts[id] }}
	for _, include := range []bool{false, true} {
		o.IncludeNumbers = include
		lines, err := unfold(write(t, ds, o))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(lines, "\n")
		for _, r := range receipts {
			if strings.Contains(got, r) != include {
				t.Errorf("IncludeNumbers %v: receipt number %s in the file: %v", include, r, !include)
			}
		}
	}
}

func TestEscapeText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{`a\b`, `a\\b`},
		{"a;b,c", `a\;b\,c`},
		{"one\ntwo\r\nthree\rfour", `one\ntwo\nthree\nfour`},
		{"tab\there", "tab\there"},
		{"bell\a, nul\x00, del\x7f", `bell\, nul\, del`},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
		{"ñandú: São Paulo", "ñandú: São Paulo"},
		{`\n`, `\\n`},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	a74 := strings.Repeat("a", 74)
	for _, tc := range []struct{ in, want string }{
		{"X:" + strings.Repeat("a", 73), "X:" + strings.Repeat("a", 73) + "\r\n"},
		{"X:" + a74, "X:" + strings.Repeat("a", 73) + "\r\n a\r\n"},
		// A 2-octet é that would straddle octet 75 moves to the next line.
		{"X:" + strings.Repeat("a", 72) + "é", "X:" + strings.Repeat("a", 72) + "\r\n é\r\n"},
		{"X:" + strings.Repeat("a", 71) + "é", "X:" + strings.Repeat("a", 71) + "é\r\n"},
		// So does an escape.
		{"X:" + strings.Repeat("a", 72) + `\,`, "X:" + strings.Repeat("a", 72) + "\r\n \\,\r\n"},
		// Continuation lines hold 74 octets after their space.
		{"X:" + strings.Repeat("a", 73+74+1), "X:" + strings.Repeat("a", 73) + "\r\n " + a74 + "\r\n a\r\n"},
	} {
		if got := string(fold(nil, tc.in)); got != tc.want {
			t.Errorf("fold(%q) =\n%q, want\n%q", tc.in, got, tc.want)
		}
	}
}
