package fields

import (
	"regexp"
	"strings"
)

// dueReach is how far after "submit" or "received" a sentence may give its deadline.
const dueReach = 100

// Rule weights for events.
const (
	anchorWeight     = 1.0  // a date right after its anchor phrase or label
	eventBelowWeight = 0.95 // a date in the rows under its label, as ASC notices print it
)

var (
	// dueAnchor ends where a response deadline's date begins (docs/identifiers.md#body-dates), or
	// starts a sentence whose deadline comes within dueReach bytes: "submit … by", "received … no
	// later than". The reach is searched apart, as a bounded repetition makes the expression slow.
	dueAnchor = regexp.MustCompile(`(?i)(?:Response\s+(?:is\s+)?Due(?:\s+Date)?(?:\s+(?:by|on))?|respond(?:\s+\S+){0,6}?\s+by)\s*:?\s*|\b(submit|receive[sd]?)\b`)
	dueBy     = regexp.MustCompile(`(?i)\b(?:by|no\s+later\s+than)\s*:?\s*`)
	// hearingAnchor ends where an immigration court's notice gives its hearing's date: "scheduled
	// for a MASTER hearing before the Immigration Judge on 08/05/2019 at 12:00 P.M.".
	hearingAnchor = regexp.MustCompile(`(?i)\bhearing\s+before\s+the\s+Immigration\s+Judge\s+on\s+`)
	// scheduledAnchor ends where a sentence gives an appointment's date.
	// "Your interview is now scheduled for", "has been rescheduled for": an old date is said
	// otherwise ("which was scheduled for").
	scheduledAnchor = regexp.MustCompile(`(?i)\b(interview|appointment)\s+(?:is\s+|has\s+been\s+)?(?:now\s+)?(?:re)?(?:scheduled|set)\s+(?:for|on)\s*:?\s*`)
)

// events reads the dates a notice asks something for: appointments, by their labels or by the
// sentence that schedules them, and response deadlines by their anchor phrases. A date no
// anchor claims (an approval's "On <date>, we approved", a transfer date) is no event.
func (x *extraction) events(noticeType string) []Event {
	evs := []Event{}
	seen := map[[2]string]bool{}
	add := func(e Event) {
		if k := [2]string{e.Kind, e.Date}; !seen[k] {
			seen[k] = true
			evs = append(evs, e)
		}
	}
	for _, ls := range x.labels {
		for _, lb := range ls {
			if lb.kind == appointmentLabel {
				if e, ok := x.appointmentAt(lb, noticeType); ok {
					add(e)
				}
			}
		}
	}
	for i, ln := range x.lines[:x.headLines] {
		if e, ok := x.dateTimeLines(i, ln, noticeType); ok {
			add(e)
		}
	}
	flat := strings.Join(strings.Fields(x.head), " ")
	for _, m := range scheduledAnchor.FindAllStringSubmatchIndex(flat, -1) {
		if e, ok := x.eventAt(flat[m[1]:], appointmentKind(flat[m[2]:m[3]], noticeType), anchorWeight); ok {
			add(e)
		}
	}
	for _, m := range hearingAnchor.FindAllStringIndex(flat, -1) {
		if e, ok := x.eventAt(flat[m[1]:], "appointment", anchorWeight); ok {
			add(e)
		}
	}
	if len(evs) == 0 && (noticeType == "Biometrics Appointment" || noticeType == "Interview Notice") {
		if e, ok := x.dateOverTime(noticeType); ok {
			add(e)
		}
	}
	if noticeType != "" && !asksForResponse[noticeType] {
		// "If you have not received a biometrics notice by …" on a receipt
		// is no response date: only a notice that asks for a response
		// has one. A notice of no known type may be one.
		return evs
	}
	due := "rfe-due"
	if noticeType == "Notice of Intent to Deny" || noticeType == "Notice of Intent to Revoke" {
		due = "noid-due"
	}
	for _, m := range dueAnchor.FindAllStringSubmatchIndex(flat, -1) {
		at := m[1]
		if m[2] >= 0 {
			reach := flat[at:min(len(flat), at+dueReach)]
			if stop := strings.IndexByte(reach, '.'); stop >= 0 {
				reach = reach[:stop]
			}
			// "received by this office no later than July 27": the date follows one of them.
			for _, by := range dueBy.FindAllStringIndex(reach, -1) {
				if e, ok := x.eventAt(flat[at+by[1]:], due, anchorWeight); ok {
					e.Time = ""
					add(e)
					break
				}
			}
			continue
		}
		if e, ok := x.eventAt(flat[at:], due, anchorWeight); ok {
			e.Time = ""
			add(e)
		}
	}
	return evs
}

// asksForResponse are the notice types that ask for a response by a date.
var asksForResponse = map[string]bool{
	"Request for Evidence":       true,
	"Notice of Intent to Deny":   true,
	"Notice of Intent to Revoke": true,
}

var (
	dateLine = regexp.MustCompile(`^\s*Date\s*:\s*`)
	timeLine = regexp.MustCompile(`^\s*Time\s*:\s*`)
)

// dateTimeLines reads an appointment printed as a "Date:" line with a "Time:" line under it
// (and often "Where:"), as interview notices print one: a letter's own "Date:" has no time
// under it.
func (x *extraction) dateTimeLines(i int, ln line, noticeType string) (Event, bool) {
	m := dateLine.FindStringIndex(ln.text)
	if m == nil {
		return Event{}, false
	}
	j, ok := x.nextText(i, 2)
	if !ok {
		return Event{}, false
	}
	t := timeLine.FindStringIndex(x.lines[j].text)
	if t == nil {
		return Event{}, false
	}
	e, ok := x.eventAt(ln.text[m[1]:], appointmentKind("", noticeType), anchorWeight)
	if !ok {
		return Event{}, false
	}
	if hm, fixed, ok := clockAt(x.lines[j].text[t[1]:]); ok {
		e.Time, e.Corrected = hm, e.Corrected || fixed
		e.Confidence = x.confidence(anchorWeight, e.Corrected)
	}
	return e, true
}

// appointmentKind names an appointment by its label, or by the notice it is on.
func appointmentKind(label, noticeType string) string {
	switch {
	case strings.Contains(strings.ToLower(label), "interview") || noticeType == "Interview Notice":
		return "interview"
	case noticeType == "Biometrics Appointment":
		return "biometrics"
	}
	return "appointment"
}

// eventAt reads a date at the start of s and a time of day right after it.
func (x *extraction) eventAt(s, kind string, weight float64) (Event, bool) {
	d, ok := anyDateAt(s)
	if !ok {
		return Event{}, false
	}
	e := Event{Kind: kind, Date: d.iso, Corrected: d.corrected}
	if t, fixed, ok := clockAt(s[d.end:]); ok {
		e.Time, e.Corrected = t, e.Corrected || fixed
	}
	e.Confidence = x.confidence(weight, e.Corrected)
	return e, true
}

// appointmentAt reads the date and time of an appointment label: after it on its row, or in
// the rows below it, the time after the date or in the row under the date.
func (x *extraction) appointmentAt(lb label, noticeType string) (Event, bool) {
	ln := x.lines[lb.line]
	printed := strings.ToLower(ln.text[lb.start:lb.end])
	// A label that names no appointment ("Date / Time", "New Appointment") is one only as a
	// cell of its own on an appointment notice, not in a sentence ("at the date and time
	// specified", "a new appointment notice").
	generic := !strings.Contains(printed, "date") || !strings.Contains(printed, "appointment") && !strings.Contains(printed, "interview")
	if generic && (!x.endsCell(lb) || noticeType != "Biometrics Appointment" && noticeType != "Interview Notice" && noticeType != "") {
		return Event{}, false
	}
	kind := appointmentKind(ln.text[lb.start:lb.end], noticeType)
	if e, ok := x.eventAt(strings.TrimLeft(ln.text[lb.end:], " :"), kind, anchorWeight); ok {
		return e, true
	}
	for j := lb.line; ; {
		var ok bool
		if j, ok = x.nextText(j, 3); !ok || j > lb.line+3 {
			return Event{}, false
		}
		row := x.lines[j].text
		for _, cands := range [][]date{usDates(row), longDates(row)} {
			for _, d := range cands {
				if x.layout && (d.end <= lb.start-4 || d.start >= lb.end+4) {
					continue
				}
				e := Event{Kind: kind, Date: d.iso, Corrected: d.corrected}
				if t, fixed, ok := x.timeAfter(j, d); ok {
					e.Time, e.Corrected = t, e.Corrected || fixed
				}
				e.Confidence = x.confidence(eventBelowWeight, e.Corrected)
				return e, true
			}
		}
	}
}

// timeAfter finds the time of day that goes with date d on line j: after it on the row, or in
// the next row, in the date's column when the text is laid out.
func (x *extraction) timeAfter(j int, d date) (string, bool, bool) {
	row := x.lines[j].text
	if t, fixed, ok := clockAt(row[d.end:]); ok {
		return t, fixed, true
	}
	// The next cell of the row, under an "Appointment Time" label beside the date's: nothing
	// but spacing between them.
	if t, fixed, ok := clockAt(strings.TrimLeft(row[d.end:], " \t")); ok {
		return t, fixed, true
	}
	k, ok := x.nextText(j, 2)
	if !ok {
		return "", false, false
	}
	next := x.lines[k].text
	for _, m := range clock.FindAllStringIndex(next, -1) {
		if !x.layout || m[1] > d.start-4 && m[0] < d.end+4 {
			return clockAt(next[m[0]:])
		}
	}
	return "", false, false
}

// dateOverTime reads an appointment notice's appointment printed as a date with its time of
// day under it, in one column ("06/05/2025" over "10:30 AM"), where OCR lost the table's
// heading: nothing else on such a notice is printed so. Only laid-out text has columns.
func (x *extraction) dateOverTime(noticeType string) (Event, bool) {
	if !x.layout {
		return Event{}, false
	}
	for i, ln := range x.lines[:x.headLines] {
		ds := append(usDates(ln.text), longDates(ln.text)...)
		if len(ds) != 1 {
			continue
		}
		d := ds[0]
		if x.isClaimed(ln.start+d.start, ln.start+d.end) {
			continue
		}
		j, ok := x.nextText(i, 1)
		if !ok {
			continue
		}
		next := x.lines[j].text
		for _, m := range clock.FindAllStringIndex(next, -1) {
			if m[0] < d.start-4 || m[0] > d.end+4 {
				continue
			}
			t, fixed, ok := clockAt(next[m[0]:])
			if !ok {
				continue
			}
			corrected := d.corrected || fixed
			return Event{Kind: appointmentKind("", noticeType), Date: d.iso, Time: t, Corrected: corrected,
				Confidence: x.confidence(eventBelowWeight*orderWeight, corrected)}, true
		}
	}
	return Event{}, false
}
