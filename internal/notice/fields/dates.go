package fields

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A date as notices print it. Header dates are MM/DD/YYYY; bodies say "Month D, YYYY", maybe
// after a weekday. OCR may read a digit as a look-alike (dateDigit) and put a space around a
// slash.
var (
	usDate = regexp.MustCompile(`(?:^|[^0-9A-Za-z/])(` + dateDigit + `{1,2}) ?/ ?(` + dateDigit + `{1,2}) ?/ ?(` + dateDigit + `{4})(?:[^0-9A-Za-z/]|$)`)
	// usDateMisread is an MM/DD/YYYY date one of whose slashes OCR read as 7, 1, l, I or |
	// (maybe followed by a speck and a space), or with a space inside the month, day or year.
	// Notices print month and day with two digits, which is what tells a misread slash from a
	// digit.
	usDateMisread = regexp.MustCompile(`(?:^|[^0-9A-Za-z/])(` + dateDigit + ` ?` + dateDigit + `)( ?[/71lI|][;:,.']? ?)(` + dateDigit + ` ?` + dateDigit +
		`)( ?[/71lI|][;:,.']? ?)((?:` + dateDigit + ` ?){3}` + dateDigit + `)(?:[^0-9A-Za-z/]|$)`)
	// usDateNoSlash is an MM/DD/YYYY date both of whose slashes OCR read as 7 or 1,
	// "1271872019". Only a header value, where a label says a date is, is read so.
	// usDateSpaced is an MM/DD/YYYY date whose slashes OCR lost to spaces or read as dots,
	// "09 24 2025", "04.22.2021", as a fax's thin slashes often are. Only a header value is
	// read so.
	usDateSpaced  = regexp.MustCompile(`(?:^|[^0-9A-Za-z/])(` + dateDigit + `{2})(?: |[.,] ?)(` + dateDigit + `{2})(?: |[.,] ?)(` + dateDigit + `{4})(?:[^0-9A-Za-z/]|$)`)
	usDateNoSlash = regexp.MustCompile(`(?:^|[^0-9A-Za-z/])(` + dateDigit + `{2})[71lI|](` + dateDigit + `{2})[71lI|](` + dateDigit + `{4})(?:[^0-9A-Za-z/]|$)`)
	longDate      = regexp.MustCompile(`(?i)\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+([0-9OIlS|B]{1,2}),?\s+([0-9OIlS|B]{4})\b`)
	// dayFirstDate is a written-out date with the day first, "21 July 2025", as consulates and
	// the National Visa Center print dates.
	dayFirstDate = regexp.MustCompile(`(?i)\b([0-9OIlS|B]{1,2})\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+([0-9OIlS|B]{4})\b`)
	// misreadMonth is a written-out date whose abbreviated month OCR misread by a letter ("Noy
	// 4, 2019", "dul 19, 2024"): read only when one month alone is that close.
	misreadMonth = regexp.MustCompile(`\b([A-Za-z]{3})\.?\s+([0-9]{1,2}),\s+([0-9]{4})\b`)
	// clock is a time of day: "9:30 AM", "10:00AM", "1:15 p.m.".
	// OCR may part the AM from the minutes by a few spaces.
	clock = regexp.MustCompile(`(?i)\b([0-9OIl|]{1,2})\s?[:.]\s?([0-9OIlS|]{2}) {0,4}([AP])\.?\s?M\b\.?`)
)

// dateDigit is a digit of a numeric date as OCR reads it: the look-alikes of
// docs/identifiers.md#ocr-look-alikes, and the i and ( tesseract reads for 1 and 0 beside a slash.
const dateDigit = `[0-9OIlS|Bi(]`

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// date is a date found in text.
type date struct {
	iso        string // YYYY-MM-DD
	start, end int    // offsets of the date itself
	corrected  bool
}

// usDates returns the valid MM/DD/YYYY dates in s, in order. Offsets are relative to s.
func usDates(s string) []date {
	var ds []date
	for _, m := range usDate.FindAllStringSubmatchIndex(s, -1) {
		if m[3]-m[2] == 1 && m[2] >= 2 && s[m[2]-1] == ' ' && strings.IndexByte("iIl|1", s[m[2]-2]) >= 0 &&
			(m[2] == 2 || !isAlnumByte(s[m[2]-3])) {
			continue // "i 1/27/2026": the month is 11 split by OCR, which usDateMisread reads
		}
		if d, ok := numericDate(s, m[2:4], m[4:6], m[6:8]); ok {
			ds = append(ds, d)
		}
	}
	for _, m := range usDateMisread.FindAllStringSubmatchIndex(s, -1) {
		one, two := strings.TrimSpace(s[m[4]:m[5]])[0], strings.TrimSpace(s[m[8]:m[9]])[0]
		if one != '/' && two != '/' || slices.ContainsFunc(ds, func(d date) bool { return d.start < m[11] && m[2] < d.end }) {
			continue
		}
		if d, ok := numericDate(s, m[2:4], m[6:8], m[10:12]); ok {
			d.corrected = d.corrected || one != '/' || two != '/' || m[3]-m[2] > 2 || m[7]-m[6] > 2 || m[11]-m[10] > 4
			ds = append(ds, d)
		}
	}
	slices.SortFunc(ds, func(a, b date) int { return a.start - b.start })
	return ds
}

// numericDate reads the month, day and year at the given offsets of s.
func numericDate(s string, mo, d, y []int) (date, bool) {
	mm, f1 := digitsOf(strings.ReplaceAll(s[mo[0]:mo[1]], " ", ""))
	dd, f2 := digitsOf(strings.ReplaceAll(s[d[0]:d[1]], " ", ""))
	yy, f3 := digitsOf(strings.ReplaceAll(s[y[0]:y[1]], " ", ""))
	iso, ok := isoDate(yy, mm, dd)
	if !ok {
		// Tesseract reads the 1 of "12/03/2024" in Courier as 4 or 7: where that makes the
		// month or the day impossible, read it as the 1 it was.
		m2, d2 := leadingOne(mm, 12), leadingOne(dd, 31)
		if iso, ok = isoDate(yy, m2, d2); ok {
			f1 = true
		}
	}
	return date{iso: iso, start: mo[0], end: y[1], corrected: f1 || f2 || f3}, ok
}

// leadingOne reads a two-digit month or day above max that starts with 4 or 7 as starting
// with 1.
func leadingOne(s string, max int) string {
	if n, err := strconv.Atoi(s); err == nil && n > max && len(s) == 2 && (s[0] == '4' || s[0] == '7') {
		return "1" + s[1:]
	}
	return s
}

// longDates returns the valid written-out dates in s, "Month D, YYYY" or "D Month YYYY", in
// order.
func longDates(s string) []date {
	var ds []date
	for _, m := range longDate.FindAllStringSubmatchIndex(s, -1) {
		mo := months[strings.ToLower(s[m[2]:m[2]+3])]
		d, f1 := digitsOf(s[m[4]:m[5]])
		y, f2 := digitsOf(s[m[6]:m[7]])
		if iso, ok := isoDate(y, fmt.Sprint(int(mo)), d); ok {
			ds = append(ds, date{iso: iso, start: m[0], end: m[1], corrected: f1 || f2})
		}
	}
	for _, m := range dayFirstDate.FindAllStringSubmatchIndex(s, -1) {
		if slices.ContainsFunc(ds, func(o date) bool { return o.start < m[1] && m[0] < o.end }) {
			continue // within a month-first date, which is the reading
		}
		mo := months[strings.ToLower(s[m[4]:m[4]+3])]
		d, f1 := digitsOf(s[m[2]:m[3]])
		y, f2 := digitsOf(s[m[6]:m[7]])
		if iso, ok := isoDate(y, fmt.Sprint(int(mo)), d); ok {
			ds = append(ds, date{iso: iso, start: m[0], end: m[1], corrected: f1 || f2})
		}
	}
	for _, m := range misreadMonth.FindAllStringSubmatchIndex(s, -1) {
		if slices.ContainsFunc(ds, func(o date) bool { return o.start < m[1] && m[0] < o.end }) {
			continue
		}
		mo, ok := nearMonth(s[m[2]:m[3]])
		if !ok {
			continue
		}
		if iso, ok := isoDate(s[m[6]:m[7]], fmt.Sprint(int(mo)), s[m[4]:m[5]]); ok {
			ds = append(ds, date{iso: iso, start: m[0], end: m[1], corrected: true})
		}
	}
	slices.SortFunc(ds, func(a, b date) int { return a.start - b.start })
	return ds
}

// nearMonth is the month whose three-letter abbreviation differs from w in exactly one letter,
// when only one does.
func nearMonth(w string) (time.Month, bool) {
	w = strings.ToLower(w)
	if _, exact := months[w]; exact {
		return 0, false // a month as printed: longDate's, or no date
	}
	var found time.Month
	n := 0
	for abbr, mo := range months {
		diff := 0
		for i := range 3 {
			if abbr[i] != w[i] {
				diff++
			}
		}
		if diff == 1 {
			found, n = mo, n+1
		}
	}
	return found, n == 1
}

// maxDateLen bounds the text read for a date that must start a string: "Wednesday, September
// 30, 2025" and some spacing.
const maxDateLen = 48

// anyDateAt reads a date of either form that starts s, maybe after a bracket or a border.
func anyDateAt(s string) (date, bool) { return dateAt(s, usDates) }

// headerDateAt reads a date at the start of s, as a header value: slashes may both be misread.
func headerDateAt(s string) (date, bool) { return dateAt(s, headerDates) }

func dateAt(s string, numeric func(string) []date) (date, bool) {
	s = s[:min(len(s), maxDateLen)]
	for _, ds := range [][]date{numeric(s), longDates(s)} {
		if len(ds) > 0 && strings.Trim(s[:ds[0].start], " ([{|'\"") == "" {
			return ds[0], true
		}
	}
	return date{}, false
}

// headerDates returns the dates of a header value row: those of usDates, and those both of
// whose slashes OCR misread or lost.
func headerDates(s string) []date {
	ds := usDates(s)
	for _, re := range []*regexp.Regexp{usDateNoSlash, usDateSpaced} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if slices.ContainsFunc(ds, func(d date) bool { return d.start < m[7] && m[2] < d.end }) {
				continue
			}
			if d, ok := numericDate(s, m[2:4], m[4:6], m[6:8]); ok {
				d.corrected = true
				ds = append(ds, d)
			}
		}
	}
	slices.SortFunc(ds, func(a, b date) int { return a.start - b.start })
	return ds
}

// headerRowDates returns the dates of the row under a header's labels: numeric ones as
// headerDates reads them, and written-out ones ("Aug 16, 2024"), which newer notices print
// there.
func headerRowDates(s string) []date {
	ds := headerDates(s)
	for _, d := range longDates(s) {
		if !slices.ContainsFunc(ds, func(o date) bool { return o.start < d.end && d.start < o.end }) {
			ds = append(ds, d)
		}
	}
	slices.SortFunc(ds, func(a, b date) int { return a.start - b.start })
	return ds
}

// isoDate checks a calendar date and returns it as YYYY-MM-DD. Notices are from after 1950
// and before 2100; anything else is a misreading.
func isoDate(y, m, d string) (string, bool) {
	t, err := time.Parse("2006-1-2", y+"-"+m+"-"+d)
	if err != nil || t.Year() < 1950 || t.Year() >= 2100 {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// digitsOf reads OCR digits (docs/identifiers.md#ocr-look-alikes: O→0, I/l/|→1, S→5, B→8; and the i
// and ( of dateDigit) and reports whether any needed the correction.
func digitsOf(s string) (string, bool) {
	b := []byte(s)
	fixed := false
	for i, c := range b {
		var v byte
		switch c {
		case 'O', '(':
			v = '0'
		case 'I', 'l', '|', 'i':
			v = '1'
		case 'S':
			v = '5'
		case 'B':
			v = '8'
		default:
			continue
		}
		b[i], fixed = v, true
	}
	return string(b), fixed
}

// clockAt reads a time of day at the start of s, after " at " or ", ", and returns it as HH:MM.
func clockAt(s string) (hhmm string, corrected, ok bool) {
	s = s[:min(len(s), 16)]
	m := clock.FindStringSubmatchIndex(s)
	if m == nil || strings.Trim(s[:m[0]], " ,at") != "" {
		return "", false, false
	}
	h, f1 := digitsOf(s[m[2]:m[3]])
	mi, f2 := digitsOf(s[m[4]:m[5]])
	t, err := time.Parse("3:04 PM", h+":"+mi+" "+strings.ToUpper(s[m[6]:m[7]])+"M")
	if err != nil {
		return "", false, false
	}
	return t.Format("15:04"), f1 || f2, true
}
