package fields

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxTextLen is how much text Extract reads: 1 MiB, hundreds of pages of notices. Text past it
// is not read, which bounds the work Extract does on any input.
const MaxTextLen = 1 << 20

// headLen is how much of the text the fields describing the notice are read from: its header,
// type, form and events are on its first page, and 64 KiB is a dozen pages. Identifiers are
// read from all of the text.
const headLen = 64 << 10

// page is a notice's text prepared for reading: ASCII only, one byte per column, tabs expanded,
// table borders blanked, and split into lines and cells.
type page struct {
	text  string // the lines joined by '\n'
	lines []line
	// head is the first headLen bytes of text or a little more, to the end of a line, and
	// headLines the number of lines it holds.
	head      string
	headLines int
	// layout says the text's columns are positions on the paper, as in PDF text laid out by
	// PDFium or pdftotext and in the notice package's layout of tesseract's words. Tesseract's
	// plain text is not laid out: it drops the left margin and squeezes gaps, so only the order
	// of a row's words means anything.
	layout bool
}

// line is one row of text. Its columns are byte offsets into text.
type line struct {
	start int // offset of the line in page.text
	text  string
	cells []span
	// indented says the line starts with spacing, which tesseract's plain text never does:
	// where a line does, its columns are positions on the page.
	indented bool
}

// span is a range [start, end) of columns within a line.
type span struct{ start, end int }

func newPage(text string, source Source) *page {
	if len(text) > MaxTextLen {
		cut := MaxTextLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	p := &page{}
	var b strings.Builder
	b.Grow(len(text))
	indented := 0
	for raw := range strings.Lines(text) {
		for _, row := range splitBreaks(raw) {
			s := asciiLine(row)
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			// Tesseract's plain text never starts a line with spacing, though it may start one
			// with a border read as '|', which asciiLine blanks: look before that.
			l := line{start: b.Len(), text: s, cells: cellsOf(s),
				indented: strings.HasPrefix(row, "  ") || strings.HasPrefix(row, "\t")}
			p.lines = append(p.lines, l)
			b.WriteString(s)
			if l.indented && !l.blank() {
				indented++
			}
		}
	}
	if len(p.lines) == 0 {
		p.lines = []line{{}}
	}
	p.text = b.String()
	for p.headLines < len(p.lines) && p.lines[p.headLines].start < headLen {
		p.headLines++
	}
	last := p.lines[p.headLines-1]
	p.head = p.text[:last.start+len(last.text)]
	p.layout = source != OCR || indented >= 3
	return p
}

// maxLineLen is the longest line kept whole: a page is a few hundred columns wide, so anything
// longer is not laid out, and cutting it keeps the head of the text short.
const maxLineLen = 4096

// splitBreaks splits a line at the other line breaks text extraction emits (a lone '\r', form
// feeds between pages, vertical tabs, the Unicode line and paragraph separators) and cuts what
// is longer than maxLineLen.
func splitBreaks(s string) []string {
	s = strings.TrimRight(s, "\r\n")
	var rows []string
	for _, row := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '\r' || r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029' || r == '\u0085'
	}) {
		for len(row) > maxLineLen {
			cut := maxLineLen
			for cut > maxLineLen-utf8.UTFMax && !utf8.RuneStart(row[cut]) {
				cut--
			}
			rows, row = append(rows, row[:cut]), row[cut:]
		}
		rows = append(rows, row)
	}
	return rows
}

// asciiLine rewrites a line in ASCII so that a byte is a column: compatibility forms and
// accented letters become their base letters, dashes become '-', tabs become spaces to the next
// multiple of 8, other letters, digits and spaces outside ASCII become a space, and other
// symbols are dropped: in OCR text they are specks inside a word ("Y¥SC…", "A198 684 .°015").
// The '|' and '_' of table borders become spaces too, unless '|' is part of a word (OCR reads 1
// and I as '|').
func asciiLine(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '\t':
			b = append(b, strings.Repeat(" ", 8-len(b)%8)...)
		case r < utf8.RuneSelf && unicode.IsControl(r):
			b = append(b, ' ')
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case unicode.Is(unicode.Pd, r) || r == '\u2212':
			b = append(b, '-')
		case r == '\u2018' || r == '\u2019' || r == '\u201a' || r == '\u201b':
			b = append(b, '\'')
		case r == '\u201c' || r == '\u201d' || r == '\u201e':
			b = append(b, '"')
		default:
			n := len(b)
			for _, d := range norm.NFKD.String(string(r)) {
				if d < utf8.RuneSelf && !unicode.IsControl(d) {
					b = append(b, byte(d))
				}
			}
			if len(b) == n && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r)) {
				b = append(b, ' ')
			}
		}
	}
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case (c == '|' || c == '[' || c == ']') && (i == 0 || b[i-1] == ' ') && (i+1 == len(b) || b[i+1] == ' ') &&
			!(c == '|' && i >= 2 && '0' <= b[i-2] && b[i-2] <= '9' && (i < 3 || b[i-3] != ' ')):
			// A '|' one space after a number may be its last digit, 1, split off by OCR.
			b[i] = ' '
		case c == '_':
			j := i
			for j < len(b) && b[j] == '_' {
				j++
			}
			if j-i >= 2 {
				copy(b[i:j], strings.Repeat(" ", j-i))
			}
			i = j - 1
		}
	}
	return strings.TrimRight(string(b), " ")
}

// cellsOf splits a line into cells: runs of text parted by two or more spaces.
func cellsOf(s string) []span {
	var cs []span
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && (i == len(s) || i+1 < len(s) && s[i+1] == ' ' || i+1 == len(s)) {
			cs = append(cs, span{start, i})
			start = -1
		}
	}
	return cs
}

// cellAt returns the cell of line l that holds column c.
func (l line) cellAt(c int) (span, bool) {
	for _, cs := range l.cells {
		if cs.start <= c && c < cs.end {
			return cs, true
		}
	}
	return span{}, false
}

// blank reports whether a line has no text.
func (l line) blank() bool { return len(l.cells) == 0 }

// nextText returns the index of the first non-blank line after i, within limit lines.
func (p *page) nextText(i, limit int) (int, bool) {
	for j := i + 1; j < len(p.lines) && j <= i+limit; j++ {
		if !p.lines[j].blank() {
			return j, true
		}
	}
	return 0, false
}

// lineOf returns the index of the line holding offset off of page.text.
func (p *page) lineOf(off int) int {
	lo, hi := 0, len(p.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.lines[mid].start <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
