package ids

import "unicode/utf8"

// layout is the page geometry of extracted text. PDFium and tesseract lay a form out as rows of
// text whose columns are runs of spaces, so a label's value can be beside it or in the row below,
// in the same column.
type layout struct {
	text  string
	lines []span  // byte ranges of the lines, without their breaks
	cols  []int32 // cols[i] is the column of byte i within its line; tabs stop every 8 columns
	cells map[int][]span
}

// span is a byte range [start, end) of the text.
type span struct{ start, end int }

func newLayout(text string) *layout {
	l := &layout{text: text, cols: make([]int32, len(text)+1), cells: map[int][]span{}}
	start, col := 0, int32(0)
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			l.cols[i] = col
			l.lines = append(l.lines, span{start, i})
			i++
			if c == '\r' && i < len(text) && text[i] == '\n' {
				l.cols[i] = col
				i++
			}
			start, col = i, 0
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		for j := i; j < i+size; j++ {
			l.cols[j] = col
		}
		if c == '\t' {
			col = (col/8 + 1) * 8
		} else {
			col++
		}
		i += size
	}
	l.cols[len(text)] = col
	l.lines = append(l.lines, span{start, len(text)})
	return l
}

// cellsOf splits line i into cells: runs of text parted by a tab or two or more spaces.
func (l *layout) cellsOf(i int) []span {
	if cs, ok := l.cells[i]; ok {
		return cs
	}
	ln := l.lines[i]
	var cs []span
	start := -1
	for j := ln.start; j < ln.end; j++ {
		c := l.text[j]
		if c != ' ' && c != '\t' {
			if start < 0 {
				start = j
			}
			continue
		}
		if start >= 0 && (c == '\t' || j+1 < ln.end && (l.text[j+1] == ' ' || l.text[j+1] == '\t') || j+1 == ln.end) {
			cs = append(cs, span{start, j})
			start = -1
		}
	}
	if start >= 0 {
		cs = append(cs, span{start, ln.end})
	}
	l.cells[i] = cs
	return cs
}

// blank reports whether line i holds only spaces and tabs.
func (l *layout) blank(i int) bool {
	return len(l.cellsOf(i)) == 0
}
