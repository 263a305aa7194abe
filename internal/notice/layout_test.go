package notice

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// A labelGrid is a notice header in one style: rows of labels, each with a row of values
// printed below in the same columns.
type labelGrid struct {
	name                 string
	font                 string
	labelSize, valueSize float64
	xs                   []float64
	rows                 [][2][]string // labels, values
}

var grids = []labelGrid{
	{"helvetica, 8 over 10", "Helvetica", 8, 10, []float64{36, 150, 260, 430}, [][2][]string{
		{{"Receipt Number", "", "Case Type"}, {testReceipt, "", "I130 - PETITION FOR ALIEN RELATIVE"}},
		{{"Received Date", "Priority Date", "Petitioner", "A012 345 678"}, {"09/01/2026", "09/01/2026", "EXEMPLO, MARIA"}},
		{{"Notice Date", "Page", "Beneficiary"}, {"09/05/2026", "1 of 1", "EXEMPLO, JOAO"}},
	}},
	{"times, five tight columns", "Times", 9, 11, []float64{36, 118, 200, 282, 364}, [][2][]string{
		{{"Received Date", "Priority Date", "Notice Date", "Page", "Case Type"},
			{"10/14/2025", "03/02/2019", "10/20/2025", "1 of 2", "I485"}},
		{{"Receipt Number", "", "", "Applicant", ""}, {"MSC2691234567", "", "", "A098 765 432", ""}},
	}},
	{"courier", "Courier", 9, 10, []float64{40, 220, 400}, [][2][]string{
		{{"Receipt Number", "Case Type", "Section"}, {"WAC2512300045", "I129 - PETITION", "H1B"}},
		{{"Notice Date", "Valid from", "Valid to"}, {"01/15/2026", "02/01/2026", "01/31/2029"}},
	}},
	{"small labels over large values", "Helvetica", 6.5, 12, []float64{30, 150, 350}, [][2][]string{
		{{"Receipt Number", "Case Type", "Beneficiary"},
			{"IOE8123456789", "I765 - APPLICATION FOR EAD", "DOS SANTOS FERREIRA, ANA"}},
		{{"Received Date", "Notice Date", "Priority Date"}, {"12/30/2025", "01/02/2026", "11/11/2011"}},
	}},
}

func (g labelGrid) pdf(t testing.TB) []byte {
	pdf := newPDF()
	pdf.AddPage()
	y := 80.0
	for _, r := range g.rows {
		for k, size := range []float64{g.labelSize, g.valueSize} {
			pdf.SetFont(g.font, "", size)
			for i, s := range r[k] {
				pdf.Text(g.xs[i], y, s)
			}
			y += size + 5
		}
		y += 10
	}
	pdf.SetFont(g.font, "", 10)
	pdf.SetXY(36, y+20)
	pdf.MultiCell(540, 12, "Please read this notice carefully. It confirms that we received your case. "+
		"Keep it with your records and bring it to any appointment we schedule.", "", "L", false)
	return output(t, pdf)
}

// aligned counts the values that come out starting in their label's column.
func (g labelGrid) aligned(text string) (n, of int) {
	for _, r := range g.rows {
		for i, label := range r[0] {
			if label == "" || i >= len(r[1]) || r[1][i] == "" {
				continue
			}
			of++
			if under(text, label, 0) == strings.Fields(r[1][i])[0] {
				n++
			}
		}
	}
	return n, of
}

// TestLayoutAgainstPdftotext puts each value under its label on every grid, and does at least
// as well as pdftotext -layout where that is installed.
func TestLayoutAgainstPdftotext(t *testing.T) {
	t.Parallel()
	pdftotext, _ := exec.LookPath("pdftotext")
	for _, g := range grids {
		t.Run(g.name, func(t *testing.T) {
			t.Parallel()
			data := g.pdf(t)
			d, err := Read(testContext(t), data, g.name)
			if err != nil {
				t.Fatal(err)
			}
			ours, of := g.aligned(d.Text())
			if ours != of {
				t.Errorf("%d of %d values under their labels:\n%s", ours, of, d.Text())
			}
			if !strings.Contains(flat(d.Text()), "It confirms that we received your case.") {
				t.Errorf("body text garbled:\n%s", d.Text())
			}
			if pdftotext == "" {
				return
			}
			cmd := exec.Command(pdftotext, "-layout", "-", "-")
			cmd.Stdin = bytes.NewReader(data)
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			theirs, _ := g.aligned(string(out))
			t.Logf("values under their labels: ours %d, pdftotext %d, of %d", ours, theirs, of)
			if ours < theirs {
				t.Errorf("pdftotext -layout aligns %d values, we %d", theirs, ours)
			}
		})
	}
}

func TestLayoutRows(t *testing.T) {
	t.Parallel()
	w := func(text string, x, y float64) word {
		return word{text: text, x0: x, x1: x + 5*float64(len(text)), y0: y, y1: y + 10}
	}
	for _, c := range []struct {
		name string
		rows []row
		want string
	}{
		{"label row over value row", []row{
			{words: []word{w("Receipt", 0, 0), w("Number", 37, 0), w("Case", 200, 0), w("Type", 227, 0)}, y0: 0, y1: 10},
			{words: []word{w("EAC2599900001", 0, 12), w("I130", 200, 12)}, y0: 12, y1: 22},
		}, "Receipt Number                          Case Type\n" +
			"EAC2599900001                           I130"},
		{"gap of a line is a blank line, of three two", []row{
			{words: []word{w("one", 0, 0)}, y0: 0, y1: 10},
			{words: []word{w("two", 0, 20)}, y0: 20, y1: 30},
			{words: []word{w("three", 0, 70)}, y0: 70, y1: 80},
		}, "one\n\ntwo\n\n\nthree"},
		{"indented rows keep their indent from the leftmost", []row{
			{words: []word{w("left", 50, 0)}, y0: 0, y1: 10},
			{words: []word{w("indented", 100, 12)}, y0: 12, y1: 22},
		}, "left\n          indented"},
		{"columns crowded together stay two spaces apart", []row{
			{words: []word{{text: "iiiiiiiiiiiiiiiiiiii", x0: 0, x1: 40, y1: 10}, w("b", 49, 0)}, y0: 0, y1: 10},
		}, "iiiiiiiiiiiiiiiiiiii  b"},
		{"a word far to the right is capped", []row{
			{words: []word{w("here", 0, 0), w("there", 1e12, 0)}, y0: 0, y1: 10},
		}, "here" + strings.Repeat(" ", maxColumn-4) + "there"},
		{"characters without width are taken as half a line wide", []row{
			{words: []word{{text: "ab", y1: 10}, {text: "cd", x0: 100, x1: 100, y1: 10}}, y0: 0, y1: 10},
		}, "ab" + strings.Repeat(" ", 18) + "cd"},
		{"no rows", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := layoutRows(c.rows); got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestGlyphRows(t *testing.T) {
	t.Parallel()
	// "ab cd" on one line, with a space in the stream; "ef" a line below, and "g" next to it
	// with a gap but no space; the glyphs given out of order, as PDF streams may.
	g := func(r rune, x, y float64, space bool) glyph {
		return glyph{r: r, x0: x, x1: x + 5, y0: y, y1: y + 10, spaceBefore: space}
	}
	// "ef" is printed twice, half a point apart, as fake bold.
	glyphs := []glyph{
		g('e', 0, 11, false), g('c', 15, 0, true), g('a', 0, 0, false), g('d', 20, 1, false),
		g('b', 5, 0, false), g('f', 5, 11, false), g('g', 20, 11, false),
		g('e', 0.5, 11, true), g('f', 5.5, 11, false),
	}
	rows := glyphRows(glyphs)
	var got []string
	for _, r := range rows {
		var words []string
		for _, w := range r.words {
			words = append(words, w.text)
		}
		got = append(got, strings.Join(words, "|"))
	}
	if want := "ab|cd / ef|g"; strings.Join(got, " / ") != want {
		t.Errorf("rows %q, want %q", strings.Join(got, " / "), want)
	}
}
