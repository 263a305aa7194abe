// Package calendar writes deadlines as an iCalendar file (RFC 5545), for
// calendar apps to import: one event per deadline, with alarms at its lead
// times.
//
// # What goes in
//
// A calendar is not a vault: calendar apps sync their events to servers
// and show them on lock screens. An event carries the deadline's title and
// what to do in one language, the person's name, whether the date is
// computed, and the rule's source; never an identifier value (an A-number,
// a card or passport number). The only number that can go in is a case's
// receipt number, in full, and only with [Options.IncludeNumbers]: USCIS's
// case status pages ask for it, and it says nothing about the person without
// the notices it belongs to.
//
// Deadlines are all-day events, from the day to the next. An appointment with
// a time is one hour from that time, in floating local time (no time zone):
// USCIS prints the local time of the office, and a calendar shows a floating
// time as printed wherever it is opened. Deadlines are transparent to
// free/busy, appointments opaque.
//
// # Updates
//
// Each event's UID is the deadline's ID followed by "@immivault", so a
// calendar that already holds an event recognises the same deadline in a
// later export. RFC 5546 (section 2.1.5) takes the higher SEQUENCE as the
// newer version, and for equal SEQUENCE the later DTSTAMP; but calendar apps
// that import files compare SEQUENCE alone and keep what they hold when it is
// not higher (Google Calendar skips such events as already imported). The
// writer keeps no state between exports, so SEQUENCE is the number of whole
// minutes from 1970 to [Options.Now]: every export supersedes the ones made
// before it, and exports made the same minute compare by DTSTAMP. DTSTAMP and
// LAST-MODIFIED are Now too, and METHOD is PUBLISH, under which DTSTAMP is the
// time the file was made. A deadline that is no longer exported (more than
// 60 days past, or its rule or date gone) stays in the calendar until it is
// deleted there: a published file cannot withdraw events.
package calendar

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"immivault/internal/deadline"
)

// Options say how deadlines are written.
type Options struct {
	// Lang is the language of the titles and descriptions: "en" (the
	// default) or "es".
	Lang string
	// IncludeNumbers puts the receipt number of a deadline's case, from
	// ReceiptNumber, in its description. Without it, the file holds no
	// receipt number, A-number or other identifier value.
	IncludeNumbers bool
	// ReceiptNumber returns the receipt number of a case, by ID, or "".
	// Only called with IncludeNumbers.
	ReceiptNumber func(caseID string) string
	// PersonName returns the name of a person, by ID, or "". The name starts
	// an event's summary ("Ana García: ...") unless its title has it already:
	// a calendar shows the summary alone.
	PersonName func(personID string) string
	// Now is when the file is made: DTSTAMP, LAST-MODIFIED and SEQUENCE
	// come from it. The zero Time is the current time.
	Now time.Time
}

// ErrNoDeadlines is returned for an empty list: RFC 5545 wants at least
// one event in a calendar, and some apps refuse a file without.
var ErrNoDeadlines = errors.New("no deadlines to put in a calendar")

// The words the writer adds, in each language.
var phrases = map[string]struct{ computed, source, receipt string }{
	"en": {"computed — check your notice", "Source: ", "Case: "},
	"es": {"fecha calculada — verifique su aviso", "Fuente: ", "Caso: "},
}

// Write writes ds as an iCalendar file to w, one event each, in their order.
// A deadline it cannot write (an appointment time that is not HH:MM, a
// negative lead time) is reported before anything is written.
func Write(w io.Writer, ds []deadline.Deadline, o Options) error {
	if o.Lang == "" {
		o.Lang = "en"
	}
	if _, ok := phrases[o.Lang]; !ok {
		return fmt.Errorf("calendar language %q: use en or es", o.Lang)
	}
	if len(ds) == 0 {
		return ErrNoDeadlines
	}
	for i := range ds {
		if _, _, err := start(&ds[i]); err != nil {
			return err
		}
		for _, n := range ds[i].LeadDays {
			if n < 0 {
				return fmt.Errorf("deadline %s: lead time of %d days is after it", ds[i].ID, n)
			}
		}
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	cw := &contentWriter{w: bufio.NewWriter(w)}
	cw.line("BEGIN", "VCALENDAR")
	cw.line("VERSION", "2.0")
	cw.line("PRODID", "-//immivault//immivault deadlines//"+strings.ToUpper(o.Lang))
	cw.line("CALSCALE", "GREGORIAN")
	cw.line("METHOD", "PUBLISH")
	for i := range ds {
		writeEvent(cw, &ds[i], &o)
	}
	cw.line("END", "VCALENDAR")
	if cw.err != nil {
		return cw.err
	}
	return cw.w.Flush()
}

// start is when the deadline's event starts: its day, or for an
// appointment with a time, that time of the day.
func start(d *deadline.Deadline) (at time.Time, timed bool, err error) {
	day := d.Date.UTC()
	if d.Kind != deadline.Appointment || d.Time == "" {
		return day, false, nil
	}
	clock, err := time.Parse("15:04", d.Time)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("deadline %s: time %q is not HH:MM", d.ID, d.Time)
	}
	return day.Add(time.Duration(clock.Hour())*time.Hour + time.Duration(clock.Minute())*time.Minute), true, nil
}

// writeEvent writes a deadline that Write checked.
func writeEvent(cw *contentWriter, d *deadline.Deadline, o *Options) {
	stamp := o.Now.UTC().Format("20060102T150405Z")
	at, timed, _ := start(d)
	summary := pick(d.Title, o.Lang)
	if o.PersonName != nil {
		if name := o.PersonName(d.PersonID); name != "" && !strings.Contains(summary, name) {
			summary = name + ": " + summary
		}
	}

	cw.line("BEGIN", "VEVENT")
	cw.text("UID", d.ID+"@immivault")
	cw.line("DTSTAMP", stamp)
	cw.line("LAST-MODIFIED", stamp)
	cw.line("SEQUENCE", fmt.Sprint(max(0, o.Now.Unix()/60)))
	if timed {
		cw.line("DTSTART", at.Format("20060102T150405"))
		cw.line("DTEND", at.Add(time.Hour).Format("20060102T150405"))
		cw.line("TRANSP", "OPAQUE")
	} else {
		cw.line("DTSTART;VALUE=DATE", at.Format("20060102"))
		cw.line("DTEND;VALUE=DATE", at.AddDate(0, 0, 1).Format("20060102"))
		cw.line("TRANSP", "TRANSPARENT")
	}
	cw.text("SUMMARY", summary)
	if desc := description(d, o); desc != "" {
		cw.text("DESCRIPTION", desc)
	}
	lead := slices.Clone(d.LeadDays)
	slices.Sort(lead)
	for _, n := range slices.Backward(slices.Compact(lead)) {
		cw.line("BEGIN", "VALARM")
		cw.line("ACTION", "DISPLAY")
		cw.line("TRIGGER", fmt.Sprintf("-P%dD", n))
		cw.text("DESCRIPTION", summary)
		cw.line("END", "VALARM")
	}
	cw.line("END", "VEVENT")
}

// description is what to do, then whether the date is computed, the case's
// receipt number when asked for, and where the rule comes from, a paragraph
// each.
func description(d *deadline.Deadline, o *Options) string {
	p := phrases[o.Lang]
	var parts []string
	if action := pick(d.Action, o.Lang); action != "" {
		parts = append(parts, action)
	}
	if d.Computed {
		parts = append(parts, p.computed)
	}
	if o.IncludeNumbers && o.ReceiptNumber != nil && d.CaseID != "" {
		if r := o.ReceiptNumber(d.CaseID); r != "" {
			parts = append(parts, p.receipt+r)
		}
	}
	if d.Source != "" {
		parts = append(parts, p.source+d.Source)
	}
	return strings.Join(parts, "\n\n")
}

// pick is the text in lang, or in English when it has no translation.
func pick(t deadline.Text, lang string) string {
	if lang == "es" && t.ES != "" {
		return t.ES
	}
	return t.EN
}

// contentWriter writes content lines and keeps the first error.
type contentWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

// line writes a property whose value needs no escaping.
func (cw *contentWriter) line(name, value string) {
	if cw.err != nil {
		return
	}
	cw.buf = fold(cw.buf[:0], name+":"+value)
	_, cw.err = cw.w.Write(cw.buf)
}

// text writes a property of type TEXT.
func (cw *contentWriter) text(name, value string) { cw.line(name, escapeText(value)) }

// escapeText escapes a TEXT value (RFC 5545 section 3.3.11): backslash,
// semicolon and comma get a backslash, line breaks (CR LF, LF or CR) become
// \n. Invalid UTF-8 becomes U+FFFD, and control characters other than tab,
// which TEXT cannot hold, are dropped.
func escapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == ';' || c == ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
		case c == '\n' || c == '\r':
			b.WriteString(`\n`)
		case c == '\t' || c >= 0x20 && c != 0x7f:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// maxLine is the longest a line may be, in octets, without its CR LF.
const maxLine = 75

// fold appends the content line to dst in lines of at most maxLine octets,
// each after the first starting with a space, and each ending in CR LF
// (RFC 5545 section 3.1). It breaks between characters, never inside a
// UTF-8 sequence; nor between a backslash and the character it escapes,
// which the RFC allows but readers that unescape line by line would get
// wrong. line must be valid UTF-8 with every backslash starting an escape.
func fold(dst []byte, line string) []byte {
	n := 0
	for i := 0; i < len(line); {
		size := unitLen(line[i:])
		if n+size > maxLine {
			dst = append(dst, "\r\n "...)
			n = 1
		}
		dst = append(dst, line[i:i+size]...)
		n += size
		i += size
	}
	return append(dst, "\r\n"...)
}

// unitLen is the length of the character s starts with, or of the escape.
func unitLen(s string) int {
	if s[0] == '\\' && len(s) > 1 {
		_, n := utf8.DecodeRuneInString(s[1:])
		return 1 + n
	}
	_, n := utf8.DecodeRuneInString(s)
	return n
}
