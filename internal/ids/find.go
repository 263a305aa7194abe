package ids

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// MaxFindLen is how much text Find reads: 1 MiB, hundreds of pages of notices. Numbers past it
// are not found.
const MaxFindLen = 1 << 20

// maxGap is how far, in bytes, a value may sit to the right of its label on the same row, to
// allow for forms laid out in wide columns.
const maxGap = 120

// Match is an identifier found in text.
type Match struct {
	Kind       Kind   // "" when a 3-letters-and-10-digits number cannot be classified: the person picks
	Value      string // storage form, as Normalize returns it
	Start, End int    // byte offsets of the number in the text, as it was printed
	Label      string // the label that classified it ("Receipt Number", "A-Number", "USCIS#", "Card #", ...), "" if classified by prefix
	Corrected  bool   // an OCR correction by position was applied; ask the person to confirm
}

// Find returns every identifier in text (a notice's PDF text layer, OCR output, a pasted letter),
// in order of position. Only the first MaxFindLen bytes are read. The same number printed twice is
// returned twice.
//
// A number is classified by its label: on the same row before it ("Receipt Number: EAC…",
// "USCIS# 012-345-678") or, in a form's label row, in the row above in the same column. Card
// numbers are told apart by "I-551"/"Permanent Resident" or "I-766"/"EAD" nearby, NVC case
// numbers by "NVC", "DOS" or "CEAC" nearby. A-numbers are also found in the "A012 345 678" form
// on applicant, petitioner and beneficiary rows. What is left of the 3-letters-and-10-digits shape
// is a receipt if its prefix is a service center's, and unclassified otherwise (if its prefix is
// printed in capitals, as on notices); no other number is taken on its shape alone.
func Find(text string) []Match {
	if len(text) > MaxFindLen {
		cut := MaxFindLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	f := &finder{
		layout:  newLayout(text),
		claimed: make([]bool, len(text)),
	}
	for i := range f.lines {
		f.labelled(i)
	}
	for i := range f.lines {
		f.inline(i)
	}
	f.unlabelled()
	sort.SliceStable(f.matches, func(i, j int) bool { return f.matches[i].Start < f.matches[j].Start })
	return f.matches
}

type finder struct {
	*layout
	claimed []bool // bytes already part of a match
	matches []Match
}

// labelled finds the values of the labels on line i.
func (f *finder) labelled(i int) {
	ln := f.lines[i]
	for at := ln.start; at < ln.end; {
		start, end, lb, ok := f.labelAt(at, ln.end)
		if !ok {
			at = nextWord(f.text, at, ln.end)
			continue
		}
		at = end
		kind, ok := f.classify(lb, i, start)
		if !ok {
			continue
		}
		rd, vat, found := f.valueBeside(lb.shapes, end, ln.end)
		if !found {
			rd, vat, found = f.valueBelow(lb.shapes, i, start, end)
		}
		if !found || ((kind == Passport || kind == DS160) && !hasDigit(rd.value)) {
			continue
		}
		if lb.rule == caseNumber && kind == "" {
			// A "Case Number" away from the NVC's words is a receipt number when the value
			// is one, with an office prefix USCIS uses; otherwise it is left alone.
			v, err := Normalize(ReceiptNumber, rd.value)
			if err != nil || !knownReceiptPrefix(string(v[:3])) {
				continue
			}
			kind = ReceiptNumber
		}
		f.add(kind, rd, vat, strings.Join(strings.Fields(f.text[start:end]), " "))
	}
}

// labelAt reports the label starting at byte at, which must be the start of a word.
func (f *finder) labelAt(at, lineEnd int) (start, end int, lb labelDef, ok bool) {
	if at > 0 {
		if r, _ := utf8.DecodeLastRuneInString(f.text[:at]); isWordRune(r) {
			return 0, 0, labelDef{}, false
		}
	}
	w := at
	for w < lineEnd && w-at < 16 && (isLetter(f.text[w]) || isDigit(f.text[w])) {
		w++
	}
	window := f.text[at:min(lineEnd, at+maxLabelLen)]
	for _, d := range labelsByWord[strings.ToLower(f.text[at:w])] {
		if m := labelREs[d].FindStringIndex(window); m != nil {
			return at, at + m[1], labels[d], true
		}
	}
	return 0, 0, labelDef{}, false
}

// nextWord returns the start of the next word after the one at i, or end.
func nextWord(text string, i, end int) int {
	for i < end && (isLetter(text[i]) || isDigit(text[i])) {
		i++
	}
	for i < end && !isLetter(text[i]) && !isDigit(text[i]) {
		i++
	}
	return i
}

// classify applies a label's rule; false means the label does not decide this value.
func (f *finder) classify(lb labelDef, line, at int) (Kind, bool) {
	switch lb.rule {
	case cardNumber:
		g, gOK := f.nearest(greenCardWords, line, at)
		e, eOK := f.nearest(eadCardWords, line, at)
		switch {
		case gOK && (!eOK || g <= e):
			return GreenCard, true
		case eOK:
			return EADCard, true
		}
		return "", true
	case caseNumber:
		// Near the NVC's or the State Department's words a case number is theirs; elsewhere,
		// on a USCIS notice's header, "Case Number" may label the receipt number: labelled
		// decides by the value.
		if _, ok := f.nearest(nvcWords, line, at); ok {
			return NVCCase, true
		}
		return "", true
	case unplaced:
		return "", true
	}
	return lb.kind, true
}

// nearest returns the distance from byte at, on line i, to the closest match of words within
// contextLines lines and contextBytes bytes of it.
func (f *finder) nearest(words *regexp.Regexp, i, at int) (int, bool) {
	from := max(f.lines[max(i-contextLines, 0)].start, at-contextBytes)
	to := min(f.lines[min(i+contextLines, len(f.lines)-1)].end, at+contextBytes)
	best, ok := 0, false
	for _, m := range words.FindAllStringIndex(f.text[from:to], -1) {
		if d := abs(from + m[0] - at); !ok || d < best {
			best, ok = d, true
		}
	}
	return best, ok
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// valueBeside reads a value after a label on its row, past colons, dashes and spacing.
func (f *finder) valueBeside(shapes []shape, from, lineEnd int) (reading, int, bool) {
	at := skipLabelTail(f.text, from, lineEnd, true)
	if at >= lineEnd || at-from > maxGap {
		return reading{}, 0, false
	}
	rd, ok := readFirst(shapes, f.text[:lineEnd], at)
	return rd, at, ok
}

// valueBelow reads a value from the next non-blank row, in the cell that starts under the label.
// The label must end its cell, as in a label row ("Receipt Number    Case Type").
func (f *finder) valueBelow(shapes []shape, i, start, end int) (reading, int, bool) {
	ln := f.lines[i]
	tail := skipLabelTail(f.text, end, ln.end, false)
	if tail < ln.end && !(f.text[tail] == '\t' || strings.HasPrefix(f.text[tail:ln.end], "  ") || tail+1 == ln.end) {
		return reading{}, 0, false
	}
	// The value sits under the label's cell, which may begin with other words: "BENEFICIARY
	// A#" over "163284786" puts the number under BENEFICIARY, not under the A#.
	cell := start
	for cell > ln.start && f.text[cell-1] != '\t' && !(f.text[cell-1] == ' ' && (cell-1 == ln.start || f.text[cell-2] == ' ')) {
		cell--
	}
	from := f.cols[cell] - 4
	to := max(f.cols[end], f.cols[start]+8)
	if tail < ln.end {
		to = max(to, f.cols[skipSpaces(f.text, tail, ln.end)])
	}
	j := i + 1
	for j < len(f.lines) && j <= i+3 && f.blank(j) {
		j++
	}
	if j >= len(f.lines) || j > i+3 {
		return reading{}, 0, false
	}
	for _, c := range f.cellsOf(j) {
		if col := f.cols[c.start]; col >= from && col < to {
			rd, ok := readFirst(shapes, f.text[:f.lines[j].end], c.start)
			return rd, c.start, ok
		}
	}
	return reading{}, 0, false
}

// skipLabelTail skips what may follow a label before its value: ':' '#' '.', the ')' closing
// "Alien Registration Number (A-Number)", and "(if any)"; and
// when beside is set also spacing and dashes.
func skipLabelTail(text string, i, end int, beside bool) int {
	const ifAny = "(if any)"
	for i < end {
		switch {
		case text[i] == ':' || text[i] == '#' || text[i] == '.' || text[i] == ')':
			i++
		case hasPrefixFold(text[i:end], ifAny):
			i += len(ifAny)
		case text[i] == ' ' && hasPrefixFold(text[i+1:end], ifAny):
			i++
		case beside:
			r, size := utf8.DecodeRuneInString(text[i:end])
			if !isSeparator(r) {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func skipSpaces(text string, i, end int) int {
	for i < end && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// inline finds A-numbers printed without a label of their own on an I-797's party and header
// rows: after the name on the row ("Petitioner   A012 345 678"), or in the row below such a row.
// The label reported is the party or header word before the number, or above it.
func (f *finder) inline(i int) {
	ln := f.lines[i]
	line := f.text[ln.start:ln.end]
	var (
		looked bool
		words  [][]int // party words on this row
		above  []int   // start and end offsets of party words on the row above
	)
	for k := 0; k < len(line); k++ {
		next := strings.IndexByte(line[k:], 'A')
		if next < 0 {
			return
		}
		k += next
		at := ln.start + k
		rd, ok := readFirst(aNumberInline, f.text[:ln.end], at)
		if !ok || rd.lower {
			continue
		}
		if !looked {
			words, above, looked = partyLine.FindAllStringIndex(line, -1), f.partyWordsAbove(i), true
		}
		var label string
		switch {
		case len(words) > 0:
			w := words[0]
			for _, cand := range words {
				if cand[0] < k {
					w = cand
				}
			}
			label = line[w[0]:w[1]]
		case len(above) > 0:
			w := above[:2]
			for c := 0; c < len(above); c += 2 {
				if f.cols[above[c]] <= f.cols[at]+2 {
					w = above[c : c+2]
				}
			}
			label = f.text[w[0]:w[1]]
		default:
			return
		}
		if f.add(ANumber, rd, at, strings.Join(strings.Fields(label), " ")) {
			k = rd.end - ln.start - 1
		}
	}
}

// partyWordsAbove returns the start and end offsets of the party and header words on the nearest
// non-blank line above line i, within two blank lines.
func (f *finder) partyWordsAbove(i int) []int {
	var offs []int
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if f.blank(j) {
			continue
		}
		ln := f.lines[j]
		for _, w := range partyLine.FindAllStringIndex(f.text[ln.start:ln.end], -1) {
			offs = append(offs, ln.start+w[0], ln.start+w[1])
		}
		break
	}
	return offs
}

// unlabelled sweeps the text for the 3-letters-and-10-digits numbers no label claimed.
func (f *finder) unlabelled() {
	text := f.text
	for i := 0; i < len(text); i++ {
		if !isLetter(text[i]) && !isDigit(text[i]) {
			continue
		}
		rd, ok := threeTen[0].read(text, i)
		if !ok {
			continue
		}
		kind := Kind("")
		if knownReceiptPrefix(string(rd.value[:3])) {
			kind = ReceiptNumber
		} else if !isUpper(text[i]) || !isUpper(text[i+1]) || !isUpper(text[i+2]) {
			// Notices print prefixes in capitals, so "Tel 8005551234" is no number to offer; and
			// reading 0AA as OAA is a guess only a known prefix can back.
			continue
		}
		if f.add(kind, rd, i, "") {
			i = rd.end - 1
		}
	}
}

// add records a match unless it overlaps one already made or its value is not valid for kind.
func (f *finder) add(kind Kind, rd reading, at int, label string) bool {
	for j := at; j < rd.end; j++ {
		if f.claimed[j] {
			return false
		}
	}
	value := string(rd.value)
	if kind != "" {
		v, err := Normalize(kind, rd.value)
		if err != nil {
			return false
		}
		value = string(v)
	}
	for j := at; j < rd.end; j++ {
		f.claimed[j] = true
	}
	f.matches = append(f.matches, Match{
		Kind: kind, Value: value, Start: at, End: rd.end,
		Label: label, Corrected: rd.fixed,
	})
	return true
}

func hasDigit(b []byte) bool {
	for _, c := range b {
		if isDigit(c) {
			return true
		}
	}
	return false
}
