// Package travelhistory reads the "Travel History" that CBP's I-94
// website prints (i94.cbp.dhs.gov, Get Travel History): a table of the
// person's arrivals in and departures from the United States, one a row —
// Row, Date, Type ("Arrival" or "Departure"), Location (a port of entry's
// code or name) — most recent first. It turns them into trips: each
// departure with the arrival that follows it. What cannot be paired (a
// departure CBP never saw the return of, an arrival after no recorded
// departure, such as the first one or one by land) is listed apart for
// the person to look at; it is never guessed into a trip.
//
// It reads text, as internal/notice gives it from a PDF's text layer or
// a picture's OCR: a row's cells on one line. It knows nothing of the
// vault. Its input comes from outside, so it is bounded (MaxText) and
// fuzzed.
package travelhistory

import (
	"cmp"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxText bounds the text Parse reads: CBP's history covers about 10
// years, a few hundred rows at most.
const MaxText = 1 << 20

// maxEvents bounds the rows kept, far above any real history.
const maxEvents = 5000

// Kind says whether a row is an arrival or a departure.
type Kind string

const (
	Arrival   Kind = "Arrival"
	Departure Kind = "Departure"
)

// Event is one row of the table.
type Event struct {
	Row      int       // the row's number as printed; 0 when none was read
	Date     time.Time // the day, at 00:00 UTC
	Kind     Kind
	Location string // the port as printed: "JFK", "SAN YSIDRO"
	file     int    // which printout the row is from (Merge)
	line     int    // where the row was in the text
}

// Trip is a departure and the arrival that ended it.
type Trip struct {
	Departure, Arrival Event
}

// History is what was read: the rows in time order, the trips, and the
// rows left over.
type History struct {
	Events   []Event // earliest first
	Trips    []Trip  // earliest first
	Unpaired []Event // earliest first
}

// ErrNoRows is Parse's error for text with no row of the table in it.
var ErrNoRows = errors.New("no arrivals or departures found: is this CBP's I-94 travel history (i94.cbp.dhs.gov, Get Travel History)?")

// row is one line of the table. OCR may misread a letter of the type
// ("Arrlval", "Departu re"), so the type is matched on its first letters.
var row = regexp.MustCompile(`(?i)^\s*(?:(\d{1,4})[.)]?\s+)?(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\s+(arr\S*|dep\S*)(?:\s+(\S.*?))?\s*$`)

// Parse reads the rows of the table out of text and pairs them into
// trips. Lines that are not rows (the page's title, the person's name and
// document, the notes under the table) are skipped.
func Parse(text string) (*History, error) {
	if len(text) > MaxText {
		return nil, errors.New("the travel history's text is too long to be CBP's")
	}
	var h History
	for line := range strings.Lines(text) {
		m := row.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
		if m == nil {
			continue
		}
		day, ok := parseDate(m[2])
		if !ok {
			continue
		}
		e := Event{Date: day, Kind: Arrival, Location: cleanLocation(m[4]), line: len(h.Events)}
		if strings.HasPrefix(strings.ToLower(m[3]), "dep") {
			e.Kind = Departure
		}
		e.Row, _ = strconv.Atoi(m[1])
		if len(h.Events) == maxEvents {
			return nil, errors.New("the travel history has more rows than CBP's ever do")
		}
		h.Events = append(h.Events, e)
	}
	if len(h.Events) == 0 {
		return nil, ErrNoRows
	}
	h.pair()
	return &h, nil
}

// Merge pairs the rows of several printouts as one history. CBP gives the
// history of one passport at a time: a trip that left on an old passport
// and came back on a new one has its departure in one printout and its
// arrival in the other. A row found in two printouts counts once.
func Merge(hs ...*History) *History {
	var m History
	seen := map[Event]bool{}
	for i, h := range hs {
		for _, e := range h.Events {
			key := Event{Date: e.Date, Kind: e.Kind, Location: e.Location}
			if seen[key] {
				continue
			}
			seen[key] = true
			e.file = i
			m.Events = append(m.Events, e)
		}
	}
	m.pair()
	return &m
}

// pair puts the events in time order and pairs each departure with the
// arrival right after it. CBP lists the most recent first, so on one day
// the higher row number (or, without numbers, the row further down) came
// first; of two printouts' rows on one day, the departure.
func (h *History) pair() {
	h.Trips, h.Unpaired = nil, nil
	slices.SortStableFunc(h.Events, func(a, b Event) int {
		switch {
		case !a.Date.Equal(b.Date):
			return a.Date.Compare(b.Date)
		case a.file != b.file:
			return cmp.Compare(b.Kind, a.Kind) // "Departure" before "Arrival"
		case a.Row > 0 && b.Row > 0:
			return cmp.Compare(b.Row, a.Row)
		}
		return cmp.Compare(b.line, a.line)
	})
	var open *Event
	for i := range h.Events {
		e := h.Events[i]
		switch {
		case e.Kind == Departure && open != nil:
			h.Unpaired = append(h.Unpaired, *open) // left twice: a return CBP did not see
			open = &h.Events[i]
		case e.Kind == Departure:
			open = &h.Events[i]
		case open != nil:
			h.Trips = append(h.Trips, Trip{Departure: *open, Arrival: e})
			open = nil
		default:
			h.Unpaired = append(h.Unpaired, e) // came in after no recorded departure
		}
	}
	if open != nil {
		h.Unpaired = append(h.Unpaired, *open)
	}
	slices.SortStableFunc(h.Unpaired, func(a, b Event) int { return a.Date.Compare(b.Date) })
}

func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-1-2", "1/2/2006"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1900 && t.Year() < 2200 {
			return t, true
		}
	}
	return time.Time{}, false
}

// cleanLocation keeps a port's printable words, at most 60 bytes.
func cleanLocation(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f || r == ' ' || r == '\t' }), " ")
	if len(s) > 60 {
		s = strings.ToValidUTF8(s[:60], "")
	}
	return s
}
