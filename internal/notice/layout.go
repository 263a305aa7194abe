package notice

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A word is text printed in one run, with its box on the page (any unit, y growing down).
type word struct {
	text           string
	x0, y0, x1, y1 float64
}

// A row is the words printed side by side at one height, left to right.
type row struct {
	words  []word
	y0, y1 float64
}

// A glyph is one character of a PDF's text layer with its loose box (the font's full height,
// the character's advance), so that the glyphs of one line share a top and a bottom.
type glyph struct {
	r              rune
	x0, y0, x1, y1 float64
	spaceBefore    bool // a space came before it in the text stream
}

// glyphRows groups a page's glyphs into rows and words. A glyph joins the row whose vertical
// middle it straddles; within a row, a horizontal gap of more than a tenth of the font height
// (letters of a word touch, a space is about a quarter) or a space in the stream splits words,
// and a letter printed over itself counts once.
func glyphRows(glyphs []glyph) []row {
	order := make([]int, len(glyphs))
	for i := range order {
		order[i] = i
	}
	mid := func(g glyph) float64 { return (g.y0 + g.y1) / 2 }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(mid(glyphs[a]), mid(glyphs[b])) })

	var groups [][]glyph
	var y0, y1 float64
	for _, i := range order {
		g := glyphs[i]
		m := mid(g)
		if n := len(groups); n > 0 && m <= y1 && (y0+y1)/2 >= g.y0 {
			groups[n-1] = append(groups[n-1], g)
			y0, y1 = min(y0, g.y0), max(y1, g.y1)
			continue
		}
		groups = append(groups, []glyph{g})
		y0, y1 = g.y0, g.y1
	}

	rows := make([]row, 0, len(groups))
	for _, gs := range groups {
		// Stable, so that overprinted characters keep the stream's order.
		slices.SortStableFunc(gs, func(a, b glyph) int { return cmp.Compare(a.x0, b.x0) })
		r := row{y0: gs[0].y0, y1: gs[0].y1}
		var text strings.Builder
		var w word
		for k, g := range gs {
			if k > 0 && g.r == gs[k-1].r && g.x0-gs[k-1].x0 < (g.x1-g.x0)/3 {
				continue // printed twice, a little apart, to look bold
			}
			h := g.y1 - g.y0
			if k > 0 && (g.spaceBefore || g.x0-w.x1 > h/10) {
				w.text = text.String()
				r.words = append(r.words, w)
				text.Reset()
			}
			if text.Len() == 0 {
				w = word{x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1}
			}
			text.WriteRune(g.r)
			w.x1 = max(w.x1, g.x1)
			w.y0, w.y1 = min(w.y0, g.y0), max(w.y1, g.y1)
			r.y0, r.y1 = min(r.y0, g.y0), max(r.y1, g.y1)
		}
		w.text = text.String()
		r.words = append(r.words, w)
		rows = append(rows, r)
	}
	return rows
}

// A phrase is the words of a row that stand less than 0.8 of the row's height apart (a space
// is about a quarter of it), or less than one and a half of the row's characters, joined by
// single spaces: a label, a value, a line of a paragraph. Phrases farther apart are in
// different columns. The second measure is for OCR, whose rows are as high as their ink
// (capitals, not the font's full height): a space in a monospaced font such as Courier is a
// whole character wide, which is more than 0.8 of the height of capitals.
type phrase struct {
	text   string
	runes  int
	x0, x1 float64
}

func phrases(r row) []phrase {
	var widths []float64
	for _, w := range r.words {
		if n := utf8.RuneCountInString(w.text); n > 0 && w.x1 > w.x0 {
			widths = append(widths, (w.x1-w.x0)/float64(n))
		}
	}
	gap := max(0.8*(r.y1-r.y0), 1.5*median(widths))
	var out []phrase
	for i, w := range r.words {
		n := utf8.RuneCountInString(w.text)
		if k := len(out) - 1; i > 0 && w.x0-r.words[i-1].x1 <= gap {
			out[k].text += " " + w.text
			out[k].runes += 1 + n
			out[k].x1 = max(out[k].x1, w.x1)
			continue
		}
		out = append(out, phrase{text: w.text, runes: n, x0: w.x0, x1: w.x1})
	}
	return out
}

// charWidth chooses the width one column of text stands for. It starts from the median width
// of a character and narrows it, by 5% at a time down to 60%, until every phrase fits before
// the next column begins: a phrase that does not pushes the rest of its row out of line with
// the rows above and below. It settles for the width with the fewest such pushes.
func charWidth(lines [][]phrase, left, lineHeight float64) float64 {
	var widths []float64
	for _, l := range lines {
		for _, p := range l {
			if w := p.x1 - p.x0; w > 0 {
				widths = append(widths, w/float64(p.runes))
			}
		}
	}
	start := median(widths)
	if !(start > 0) {
		// Every character without a width (a broken font): take one as half a line high.
		start = max(lineHeight/2, 1)
	}
	best, fewest := start, -1
	for unit := start; unit >= 0.6*start; unit *= 0.95 {
		pushes := 0
		for _, l := range lines {
			for i := 1; i < len(l); i++ {
				if column(l[i].x0-left, unit) < column(l[i-1].x0-left, unit)+l[i-1].runes+2 {
					pushes++
				}
			}
		}
		if fewest < 0 || pushes < fewest {
			best, fewest = unit, pushes
		}
		if pushes == 0 {
			break
		}
	}
	return best
}

// layoutRows writes rows as lines of text in which each phrase starts at the column of its left
// edge, counted in character widths from the leftmost word on the page, which keeps a value
// under its label. Phrases in one row stay at least two spaces apart, so that columns do too.
// A vertical gap of a row's height or more becomes one blank line, of three rows or more two.
func layoutRows(rows []row) string {
	if len(rows) == 0 {
		return ""
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.y0, b.y0) })
	left := rows[0].words[0].x0
	heights := make([]float64, 0, len(rows))
	lines := make([][]phrase, 0, len(rows))
	for _, r := range rows {
		left = min(left, r.words[0].x0)
		heights = append(heights, r.y1-r.y0)
		lines = append(lines, phrases(r))
	}
	lineHeight := median(heights)
	unit := charWidth(lines, left, lineHeight)

	var b strings.Builder
	for k, l := range lines {
		if k > 0 {
			b.WriteByte('\n')
			gap := rows[k].y0 - rows[k-1].y1
			if gap >= 3*lineHeight {
				b.WriteString("\n\n")
			} else if gap >= lineHeight {
				b.WriteByte('\n')
			}
		}
		cols := 0 // runes written on this line
		for i, p := range l {
			col := column(p.x0-left, unit)
			if i > 0 {
				col = max(col, cols+2)
			}
			b.WriteString(strings.Repeat(" ", col-cols))
			b.WriteString(p.text)
			cols = col + p.runes
		}
	}
	return b.String()
}

// maxColumn caps where a word may start: a letter page in 6-point type is about 150
// columns wide, and a hostile PDF must not make a line of a billion spaces.
const maxColumn = 500

// column is the column x falls in, counting NaN as 0.
func column(x, unit float64) int {
	c := x/unit + 0.5
	if !(c >= 0) {
		return 0
	}
	return int(min(c, maxColumn))
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs[len(xs)/2]
}
