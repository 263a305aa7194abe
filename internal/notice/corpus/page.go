package corpus

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Letter-size geometry, in points.
const (
	pageW, pageH = 612.0, 792.0
	left         = 40.0
	right        = pageW - 40
	contentW     = right - left
)

// created is every PDF's creation date, so that a seed gives the same bytes.
var created = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

// nb joins words that must stay on one line when a paragraph is wrapped (a date, a number, a
// time): a wrapped "May 23,\n2025" is a layout accident no notice has.
const nb = "~"

// doc draws a notice with the standard PDF fonts (Helvetica, Times, Courier): what the USCIS
// print system's PDFs and the scanned letters this corpus imitates use.
type doc struct {
	pdf   *fpdf.Fpdf
	r     *rand.Rand
	cp    func(string) string
	y     float64 // where the next block starts
	pages int

	body     string  // body font family
	bodySize float64 // body font size
	label    string  // header label font family
	lsize    float64 // header label size
	value    string  // header value font family
	vsize    float64 // header value size
	upper    bool    // labels in capitals, as the pre-2020 grid prints them
}

func newDoc(r *rand.Rand) *doc {
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetLineWidth(0.6)
	d := &doc{pdf: pdf, r: r, cp: pdf.UnicodeTranslatorFromDescriptor("")}
	d.body = pick(r, []string{"Times", "Helvetica", "Courier", "Helvetica"})
	d.bodySize = 9 + 0.5*float64(r.IntN(5))
	if d.body == "Courier" {
		d.bodySize = 9 + 0.5*float64(r.IntN(3))
	}
	d.label = pick(r, []string{"Helvetica", "Helvetica", "Times", "Courier"})
	d.lsize = 7 + 0.5*float64(r.IntN(4))
	d.value = pick(r, []string{"Courier", "Helvetica", "Times", "Courier"})
	d.vsize = 9.5 + 0.5*float64(r.IntN(4))
	d.newPage()
	return d
}

func (d *doc) newPage() {
	d.pdf.AddPage()
	d.pages++
	d.y = 40
}

func (d *doc) text(x, y float64, family, style string, size float64, s string) {
	d.pdf.SetFont(family, style, size)
	d.pdf.Text(x, y, d.cp(strings.ReplaceAll(s, nb, " ")))
}

func (d *doc) width(family, style string, size float64, s string) float64 {
	d.pdf.SetFont(family, style, size)
	return d.pdf.GetStringWidth(d.cp(strings.ReplaceAll(s, nb, " ")))
}

func (d *doc) center(y float64, family, style string, size float64, s string) {
	d.text((pageW-d.width(family, style, size, s))/2, y, family, style, size, s)
}

func (d *doc) rightAlign(x, y float64, family, style string, size float64, s string) {
	d.text(x-d.width(family, style, size, s), y, family, style, size, s)
}

func (d *doc) labelText(x, y float64, s string) {
	if d.upper {
		s = strings.ToUpper(s)
	}
	d.text(x, y, d.label, "", d.lsize, s)
}

func (d *doc) valueText(x, y float64, s string) { d.text(x, y, d.value, "", d.vsize, s) }

func (d *doc) rect(x, y, w, h float64) { d.pdf.Rect(x, y, w, h, "D") }
func (d *doc) line(x1, y1, x2, y2 float64) {
	d.pdf.Line(x1, y1, x2, y2)
}

// dashed draws the cut line above a tear-off.
func (d *doc) dashed(y float64) {
	d.pdf.SetDashPattern([]float64{4, 3}, 0)
	d.line(left-10, y, right+10, y)
	d.pdf.SetDashPattern([]float64{}, 0)
}

// wrap breaks s into lines no wider than w; words joined with nb stay together.
func (d *doc) wrap(s string, w float64, family, style string, size float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && d.width(family, style, size, try) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// para writes a wrapped paragraph in the body font at x, w wide, from d.y, and moves d.y past
// it and a gap.
func (d *doc) para(x, w float64, s string) {
	d.paraFont(x, w, s, d.body, "", d.bodySize)
}

func (d *doc) paraFont(x, w float64, s, family, style string, size float64) {
	lead := size * 1.25
	for _, l := range d.wrap(s, w, family, style, size) {
		d.y += lead
		d.text(x, d.y, family, style, size, l)
	}
	d.y += lead * 0.6
}

// columns writes paragraphs in two columns, the left filled first, as newer notices lay out
// their instructions.
func (d *doc) columns(paras []string) {
	gap := 18.0
	w := (contentW - gap) / 2
	lead := d.bodySize * 1.25
	var lines []string
	for _, p := range paras {
		lines = append(lines, d.wrap(p, w, d.body, "", d.bodySize)...)
		lines = append(lines, "")
	}
	half := (len(lines) + 1) / 2
	for half < len(lines) && lines[half-1] != "" { // break between paragraphs where possible
		half++
	}
	top := d.y
	for i, l := range lines {
		x, y := left, top+float64(i+1)*lead
		if i >= half {
			x, y = left+w+gap, top+float64(i-half+1)*lead
		}
		d.text(x, y, d.body, "", d.bodySize, l)
	}
	d.y = top + float64(half+1)*lead
}

func (d *doc) bytes() []byte {
	var out bytes.Buffer
	if err := d.pdf.Output(&out); err != nil {
		panic("corpus: drawing a notice failed: " + err.Error()) // fixed templates: a bug here
	}
	return out.Bytes()
}

// cell is one labelled value of a header. extra is printed on the label's own row, after the
// label: the A-number a grid prints after "Beneficiary", whose name is the value below.
type cell struct {
	label, value, extra string
	w                   float64 // the cell's width in a grid, as a fraction of the content width
}

// grid draws rows of cells with each label above its value, the way the pre-2020 I-797 prints
// its header; boxed draws the boxes around the cells; shift moves every value right of its
// label, as a form printed onto preprinted paper out of register.
func (d *doc) grid(rows [][]cell, boxed bool, shift float64) {
	rowH := d.lsize + d.vsize + 10
	for _, row := range rows {
		x := left
		for _, c := range row {
			w := c.w * contentW
			if boxed {
				d.rect(x, d.y, w, rowH)
			}
			d.labelText(x+3, d.y+d.lsize+2, c.label)
			if c.extra != "" {
				shown := c.label
				if d.upper {
					shown = strings.ToUpper(shown)
				}
				d.valueText(x+3+d.width(d.label, "", d.lsize, shown)+14, d.y+d.lsize+2, c.extra)
			}
			if c.value != "" {
				d.valueText(x+3+shift, d.y+d.lsize+d.vsize+5, c.value)
			}
			x += w
		}
		d.y += rowH
		if !boxed {
			d.y += 2
		}
	}
}

// beside draws label and value pairs in one or two columns, each value in its own column to the
// right of its label, inside a box when boxed: the layout of newer notices' headers.
func (d *doc) beside(cells []cell, cols int, boxed bool) {
	colW := contentW / float64(cols)
	top0 := d.y
	cells = d.wide(cells, func(c cell, y float64) {
		d.text(left+4, y, d.label, "B", d.lsize, c.label)
		d.valueText(left+4+d.width(d.label, "B", d.lsize, c.label)+12, y, c.value)
	})
	labelW := 0.0
	for _, c := range cells {
		labelW = max(labelW, d.width(d.label, "B", d.lsize, c.label))
	}
	labelW += 10
	lead := max(d.lsize, d.vsize) + 5
	rows := (len(cells) + cols - 1) / cols
	top := d.y
	for i, c := range cells {
		col, row := i/rows, i%rows
		x, y := left+float64(col)*colW+4, top+float64(row+1)*lead
		d.text(x, y, d.label, "B", d.lsize, c.label)
		d.valueText(x+labelW, y, c.value)
	}
	d.y = top + float64(rows)*lead + 6
	if boxed {
		d.rect(left, top0, contentW, d.y-top0)
	}
}

// wide draws, one to a row from d.y, the cells too wide for a column (w >= 1: a case type
// with its title) and returns the others.
func (d *doc) wide(cells []cell, draw func(c cell, y float64)) []cell {
	var rest []cell
	for _, c := range cells {
		if c.w >= 1 {
			d.y += max(d.lsize, d.vsize) + 5
			draw(c, d.y)
			continue
		}
		rest = append(rest, c)
	}
	return rest
}

// colon draws "Label: value" lines in one or two columns.
func (d *doc) colon(cells []cell, cols int) {
	colW := contentW / float64(cols)
	cells = d.wide(cells, func(c cell, y float64) { d.text(left, y, d.value, "", d.vsize, c.label+": "+c.value) })
	lead := d.vsize + 4
	rows := (len(cells) + cols - 1) / cols
	top := d.y
	for i, c := range cells {
		col, row := i/rows, i%rows
		x, y := left+float64(col)*colW, top+float64(row+1)*lead
		s := c.label + ": " + c.value
		d.text(x, y, d.value, "", d.vsize, s)
	}
	d.y = top + float64(rows)*lead + 6
}

// stacked draws each label with its value on the next line, down a narrow column at x: the
// sidebar of a letter-style notice. It does not move d.y and returns where it ended.
func (d *doc) stacked(cells []cell, x, top float64) float64 {
	y := top
	for _, c := range cells {
		y += d.lsize + 3
		d.text(x, y, d.label, "B", d.lsize, c.label)
		y += d.vsize + 2
		d.valueText(x, y, c.value)
		y += 4
	}
	return y
}
