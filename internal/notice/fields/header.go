package fields

import (
	"regexp"
	"strings"
)

// Rule weights for header dates: a date right after its label is the surest; one in the row
// below under its label's column nearly so; one placed by its order in an OCR row whose
// columns were lost is a guess that is usually right.
const (
	besideWeight = 1.0
	belowWeight  = 0.97
	orderWeight  = 0.85
)

// validity is the period an approval is valid for: "Valid from 03/05/2025 to 03/04/2027". Its
// dates are never header dates, even under a date label.
var validity = regexp.MustCompile(`(?i)Valid(?:ity)?\s+(?:Dates?\s*)?(?:from)?\s*:?\s*[0-9OIlS|B/ ]{8,14}\s+(?:to|through|-)\s+[0-9OIlS|B/]{8,10}`)

// maxBesideGap is how many columns of spacing may part a label from its value on its row: the
// width of a label column in a two-column box.
const maxBesideGap = 40

// headerDates reads the received, priority and notice dates. Each is MM/DD/YYYY, printed after
// its label ("Notice Date: 03/20/2025", a box with the value beside the label) or in the row
// below, in the label's column. A date is assigned to the label whose column it sits in, never
// by how many dates came before it: a blank priority date leaves a gap, not a shift. Dates
// elsewhere (body text, validity periods, footers) are never header dates. The first value a
// label gets wins, since the header is at the top.
func (x *extraction) headerDates() (received, priority, notice Field) {
	fields := map[labelKind]*Field{receivedLabel: &received, priorityLabel: &priority, noticeDateLabel: &notice}
	for _, m := range validity.FindAllStringIndex(x.head, -1) {
		x.claim(m[0], m[1])
	}
	beside := map[label]date{}
	for _, ls := range x.labels {
		for _, lb := range ls {
			if _, ok := fields[lb.kind]; !ok {
				continue
			}
			if d, ok := x.dateBeside(lb); ok {
				beside[lb] = d
				x.claim(d.start, d.end)
			}
		}
	}
	for i, ls := range x.labels {
		var pending []label
		for _, lb := range ls {
			f, ok := fields[lb.kind]
			switch d, found := beside[lb]; {
			case !ok:
			case found:
				if f.Value == "" {
					*f = x.field(d.iso, besideWeight, d.corrected)
				}
			case f.Value == "" && x.endsCell(lb):
				pending = append(pending, lb)
			}
		}
		if len(pending) > 0 {
			x.datesBelow(i, pending, fields)
		}
	}
	return received, priority, notice
}

// dateBeside reads the date printed after a label on its row, past a colon and spacing, and
// a rule or speck OCR read as a dash just before the date ("Notice Date   —10/07/2024").
func (x *extraction) dateBeside(lb label) (date, bool) {
	ln := x.lines[lb.line]
	at := lb.end
	for at < len(ln.text) && strings.IndexByte(" :#.", ln.text[at]) >= 0 {
		at++
	}
	if at+1 < len(ln.text) && strings.IndexByte("-_~", ln.text[at]) >= 0 && isAlnumByte(ln.text[at+1]) {
		at++
	}
	if at >= len(ln.text) {
		return date{}, false
	}
	d, ok := headerDateAt(ln.text[at:])
	// Farther than a label column, a date is the label's only where the row is that label and
	// that date alone: a list of labels down the left with their values set flush right.
	if !ok || at-lb.end > maxBesideGap && (len(x.labels[lb.line]) > 1 || strings.TrimSpace(ln.text[at+d.end:]) != "") {
		return date{}, false
	}
	d.start, d.end = ln.start+at+d.start, ln.start+at+d.end
	return d, true
}

// endsCell reports whether a label is alone in its cell, as in a label row: nothing follows it
// but a colon (or a speck OCR read as punctuation) and then spacing, the end of the row, or
// the next label.
func (x *extraction) endsCell(lb label) bool {
	s := x.lines[lb.line].text[lb.end:]
	if len(s) > 0 && strings.IndexByte(":.,;'", s[0]) >= 0 {
		s = s[1:]
	}
	if s == "" || strings.HasPrefix(s, "  ") {
		return true
	}
	for _, other := range x.labels[lb.line] {
		if other.start > lb.end && strings.TrimSpace(x.lines[lb.line].text[lb.end:other.start]) == "" {
			return true
		}
	}
	return false
}

// datesBelow assigns the dates of the value row under label row i to the pending date labels.
// The value row is the next row with dates no label beside them claims; only blank rows and
// the debris OCR makes of a table's rules may come between. Columns decide where the text is
// laid out, which an indented row shows even in a short OCR text; elsewhere order does.
func (x *extraction) datesBelow(i int, pending []label, fields map[labelKind]*Field) {
	for j := i; ; {
		var ok bool
		if j, ok = x.nextText(j, 3); !ok || j > i+3 {
			return
		}
		var ds []date
		for _, d := range headerRowDates(x.lines[j].text) {
			d.start, d.end = x.lines[j].start+d.start, x.lines[j].start+d.end
			if !x.isClaimed(d.start, d.end) {
				ds = append(ds, d)
			}
		}
		switch {
		case len(ds) > 0 && (x.layout || x.lines[i].indented || x.lines[j].indented):
			x.assignByColumn(i, j, ds, pending, fields)
		case len(ds) > 0:
			x.assignByOrder(j, ds, pending, fields)
		case len(x.labels[j]) == 0 && isDebris(x.lines[j].text):
			continue
		}
		return
	}
}

// isDebris reports whether a row is what OCR makes of a table's rules ("CC CC", "ee eS eee"):
// no digit and no word of four letters.
func isDebris(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			return false
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			if run++; run >= 4 {
				return false
			}
		default:
			run = 0
		}
	}
	return true
}

// assignByColumn gives each date to what is printed above it in row i: the label or other cell
// its columns overlap most, or failing any overlap the nearest within a few columns. A date
// under anything but a pending date label is left alone.
func (x *extraction) assignByColumn(i, j int, ds []date, pending []label, fields map[labelKind]*Field) {
	anchors := x.anchors(i)
	for _, d := range ds {
		col := span{d.start - x.lines[j].start, d.end - x.lines[j].start}
		best, bestScore := -1, -1<<30
		for k, a := range anchors {
			score := min(col.end, a.end) - max(col.start, a.start) // overlap, or minus the gap
			if score > bestScore {
				best, bestScore = k, score
			}
		}
		if best < 0 || bestScore < -6 {
			continue
		}
		for _, lb := range pending {
			if lb.start == anchors[best].start && lb.end == anchors[best].end && fields[lb.kind].Value == "" {
				*fields[lb.kind] = x.field(d.iso, belowWeight, d.corrected)
				x.claim(d.start, d.end)
			}
		}
	}
}

// anchors are the column spans of what row i prints: its labels, and the parts of its cells
// no label covers (the A-number printed after "Applicant").
func (x *extraction) anchors(i int) []span {
	var as []span
	for _, lb := range x.labels[i] {
		as = append(as, span{lb.start, lb.end})
	}
	text := x.lines[i].text
	for _, c := range x.lines[i].cells {
		from := c.start
		for _, lb := range x.labels[i] {
			if lb.start < c.end && c.start < lb.end {
				if strings.TrimSpace(text[from:max(lb.start, from)]) != "" {
					as = append(as, span{from, lb.start})
				}
				from = max(from, lb.end)
			}
		}
		if rest := text[min(from, c.end):c.end]; strings.TrimSpace(rest) != "" {
			as = append(as, span{from + len(rest) - len(strings.TrimLeft(rest, " :")), c.end})
		}
	}
	return as
}

// assignByOrder pairs the date slots of row j and the pending labels in their order along the
// row, for OCR text whose columns were lost. A slot is a date, or something OCR garbled that
// was one ("1723/2023"): it keeps its place, so that the dates after it do not shift onto the
// wrong labels. When the row has fewer slots than labels the priority date, the one notices
// leave blank, is the one taken to be missing.
func (x *extraction) assignByOrder(j int, ds []date, pending []label, fields map[labelKind]*Field) {
	slots := dateSlots(x.lines[j], ds)
	if len(slots) < len(pending) {
		for k, lb := range pending {
			if lb.kind == priorityLabel {
				pending = append(pending[:k:k], pending[k+1:]...)
				break
			}
		}
	}
	for k := 0; k < len(slots) && k < len(pending); k++ {
		if d, f := slots[k], fields[pending[k].kind]; d != nil && f.Value == "" {
			*f = x.field(d.iso, orderWeight, d.corrected)
			x.claim(d.start, d.end)
		}
	}
}

// dateRun is a run of digits, look-alikes and the punctuation OCR puts in dates, within a cell.
var dateRun = regexp.MustCompile(`[0-9OIlS|Bi(][0-9OIlS|Bi(/;:,.' ]*[0-9OIlS|B]`)

// dateSlots returns the dates of a row in order, with nil where a run of digits and slashes
// that reads as no date stands: a date OCR garbled. ds are the row's dates, at offsets of the
// page text.
func dateSlots(ln line, ds []date) []*date {
	var runs [][]int
	for _, c := range ln.cells {
		for _, m := range dateRun.FindAllStringIndex(ln.text[c.start:c.end], -1) {
			runs = append(runs, []int{c.start + m[0], c.start + m[1]})
		}
	}
	var slots []*date
	for _, m := range runs {
		run := ln.text[m[0]:m[1]]
		var in []*date
		for k := range ds {
			if s := ds[k].start - ln.start; s < m[1] && m[0] < ds[k].end-ln.start {
				in = append(in, &ds[k])
			}
		}
		switch {
		case len(in) > 0:
			slots = append(slots, in...)
		case strings.Contains(run, "/") && strings.Count(run, " ") < 3 && digitLikes(run) >= 6:
			slots = append(slots, nil)
		}
	}
	return slots
}

func digitLikes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("0123456789OIlS|Bi(", s[i]) >= 0 {
			n++
		}
	}
	return n
}

// letterDate reads the notice date of a USCIS notice printed as a letter, whose reference
// block dates it with a bare "Date:" line ("Date: 01/29/2027"), or which prints its date alone
// on a line above every label. A "Date:" line with a "Time:"
// line under it is an appointment (dateTimeLines), not the letter's date.
// letterDateLabel is a letter's "Date:", starting its line or a column of it.
var letterDateLabel = regexp.MustCompile(`(?:^|\s{2})Date\s*:\s*`)

func (x *extraction) letterDate() Field {
	firstLabel := x.headLines
	for i, ls := range x.labels {
		if len(ls) > 0 {
			firstLabel = i
			break
		}
	}
	for i, ln := range x.lines[:x.headLines] {
		m := letterDateLabel.FindStringIndex(ln.text)
		if m == nil && i < firstLabel {
			// A letter's date alone on its line, above its reference block.
			lead := len(ln.text) - len(strings.TrimLeft(ln.text, " "))
			m = []int{lead, lead}
		}
		if m == nil {
			continue
		}
		if j, ok := x.nextText(i, 2); ok && timeLine.MatchString(x.lines[j].text) {
			continue
		}
		d, ok := headerDateAt(ln.text[m[1]:])
		if !ok || strings.TrimSpace(ln.text[m[1]+d.end:]) != "" {
			continue
		}
		start, end := ln.start+m[1]+d.start, ln.start+m[1]+d.end
		if x.isClaimed(start, end) {
			continue
		}
		x.claim(start, end)
		return x.field(d.iso, orderWeight, d.corrected)
	}
	return Field{}
}
