package noticetest

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Letter-size page geometry, in points.
const (
	pageW, pageH = 612.0, 792.0
	margin       = 36.0
	contentW     = pageW - 2*margin
)

// pdfDate is the creation date of every generated PDF, so that a seed gives the same bytes.
var pdfDate = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

// pen draws text with the notice's fonts and a slight jitter, as printers and templates never
// place two notices' text at quite the same spot.
type pen struct {
	pdf                            *fpdf.Fpdf
	r                              *rand.Rand
	font, labelFont                string
	labelSize, valueSize, bodySize float64
	upper                          bool
	cp1252                         func(string) string
}

func (p *pen) jit(d float64) float64 { return (p.r.Float64()*2 - 1) * d }

func (p *pen) text(x, y float64, family, style string, size float64, s string) {
	p.pdf.SetFont(family, style, size)
	p.pdf.Text(x+p.jit(1.2), y+p.jit(0.6), p.cp1252(s))
}

// label draws a field label, in capitals on notices whose template prints them so.
func (p *pen) label(x, y float64, s string) {
	if p.upper {
		s = strings.ToUpper(s)
	}
	p.text(x, y, p.labelFont, "", p.labelSize, s)
}

func (p *pen) value(x, y float64, s string) { p.text(x, y, p.font, "", p.valueSize, s) }

// fit returns the largest size up to size at which s fits in w.
func (p *pen) fit(s string, w, size float64) float64 {
	for ; size > 5; size -= 0.5 {
		p.pdf.SetFont(p.font, "", size)
		if p.pdf.GetStringWidth(s) <= w {
			break
		}
	}
	return size
}

func draw(l *letter, r *rand.Rand) []byte {
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetCreationDate(pdfDate)
	pdf.SetModificationDate(pdfDate)
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margin, margin, margin)
	pdf.AddPage()
	p := &pen{
		pdf: pdf, r: r, upper: l.upper,
		font:      pick(r, []string{"Helvetica", "Helvetica", "Courier", "Times"}),
		labelFont: pick(r, []string{"Helvetica", "Helvetica", "Times"}),
		labelSize: 6.5 + 0.5*float64(r.IntN(4)),
		valueSize: 9 + 0.5*float64(r.IntN(5)),
		bodySize:  9 + 0.5*float64(r.IntN(4)),
		cp1252:    pdf.UnicodeTranslatorFromDescriptor(""),
	}
	pdf.SetLineWidth(0.5)

	p.text(margin, 42, "Helvetica", "B", 9, "Department of Homeland Security")
	p.text(margin, 53, "Helvetica", "", 9, "U.S. Citizenship and Immigration Services")
	title := "Form " + l.variant + ", Notice of Action"
	pdf.SetFont("Helvetica", "B", 12)
	p.text(pageW-margin-pdf.GetStringWidth(title), 48, "Helvetica", "B", 12, title)
	p.text(pageW/2-85, 76, "Times", "B", 11, "THE UNITED STATES OF AMERICA")

	y := 88.0
	switch r.IntN(20) {
	case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10:
		y = gridHeader(p, l, y)
	case 11, 12, 13, 14, 15:
		y = boxHeader(p, l, y)
	default:
		y = colonHeader(p, l, y)
	}
	y = addressBlock(p, l, y+22+p.jit(4))
	if l.title != "" {
		pdf.SetFont("Helvetica", "B", 12)
		p.text((pageW-pdf.GetStringWidth(l.title))/2, y+14, "Helvetica", "B", 12, l.title)
		y += 26
	}
	y = bodyText(p, l, y+10)
	if l.appointment != nil {
		y = appointmentBox(p, l.appointment, y+6)
	}
	footer(p, l, max(y+18, 690))

	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		panic("noticetest: drawing a notice failed: " + err.Error()) // fixed templates: a bug here, not bad input
	}
	return out.Bytes()
}

// cell is one box of a header: a label, its value, and an optional second value on the label's
// own row (the A-number printed after "Applicant").
type cell struct {
	w                   float64 // fraction of the content width
	label, value, extra string
}

// gridHeader draws the I-797 header: rows of boxes, each with a small label at its top and the
// value below it. The three arrangements put the dates in different columns, so that a reader
// must go by the column under each label, not by the order of dates.
func gridHeader(p *pen, l *letter, y float64) float64 {
	rn := cell{label: "Receipt Number", value: l.receipt}
	ct := cell{label: "Case Type", value: l.caseType}
	rd := cell{label: "Received Date", value: l.received}
	pd := cell{label: "Priority Date", value: l.priority}
	nd := cell{label: "Notice Date", value: l.notice}
	pg := cell{label: "Page", value: "1 of 1"}
	party := cell{label: l.form.party, value: l.partyName, extra: l.aNumber}
	ben := cell{}
	if l.beneficiary != "" {
		ben = cell{label: "Beneficiary", value: l.beneficiary}
	}
	var rows [][]cell
	switch p.r.IntN(4) {
	case 0:
		rows = [][]cell{{w(rn, .34), w(ct, .66)}, {w(rd, .17), w(pd, .17), w(party, .66)}, {w(nd, .17), w(pg, .17), w(ben, .66)}}
	case 1:
		rows = [][]cell{{w(rn, .34), w(ct, .66)}, {w(rd, .22), w(pd, .22), w(nd, .22), w(pg, .34)}, {w(party, .5), w(ben, .5)}}
	case 2:
		rows = [][]cell{{w(rn, .34), w(ct, .66)}, {w(nd, .2), w(rd, .2), w(pd, .2), w(pg, .4)}, {w(party, .5), w(ben, .5)}}
	default:
		rows = [][]cell{{w(rn, .34), w(ct, .66)}, {w(pd, .17), w(rd, .17), w(party, .66)}, {w(nd, .17), w(pg, .17), w(ben, .66)}}
	}
	const rowH = 27.0
	for _, row := range rows {
		x := margin
		for _, c := range row {
			cw := c.w * contentW
			p.pdf.Rect(x, y, cw, rowH, "D")
			if c.label != "" {
				p.label(x+3, y+8, c.label)
			}
			if c.extra != "" {
				p.text(x+cw*0.45, y+9, p.font, "", p.valueSize-1, c.extra)
			}
			if c.value != "" {
				size := p.fit(c.value, cw-10, p.valueSize)
				p.text(x+3+p.r.Float64()*4, y+21, p.font, "", size, c.value)
			}
			x += cw
		}
		y += rowH
	}
	return y
}

func w(c cell, frac float64) cell { c.w = frac; return c }

// boxHeader draws the header as a ruled table whose rows hold label and value side by side, two
// pairs to a row, the dates in an order of the seed's choosing. Only the rules under the rows
// are drawn: tesseract drops the text of a table closed by vertical lines this tight.
func boxHeader(p *pen, l *letter, y float64) float64 {
	pairs := [][2]string{
		{"Received Date", l.received}, {"Priority Date", l.priority}, {"Notice Date", l.notice}, {"Page", "1 of 1"},
	}
	p.r.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	pairs = append([][2]string{{"Receipt Number", l.receipt}, {l.form.party, l.partyName}}, pairs...)
	if l.aNumber != "" {
		pairs = append(pairs, [2]string{pick(p.r, []string{"A-Number", "A#", "USCIS A#"}), l.aNumber})
	}
	if l.beneficiary != "" {
		pairs = append(pairs, [2]string{"Beneficiary", l.beneficiary})
	}
	const rowH = 20.0
	labelW, valueW := 0.17*contentW, 0.33*contentW
	p.pdf.Line(margin, y, margin+contentW, y)
	drawPair := func(x, y float64, pr [2]string, vw float64) {
		p.pdf.Line(x, y+rowH, x+labelW+vw, y+rowH)
		p.label(x+4, y+13, pr[0])
		if pr[1] != "" {
			p.text(x+labelW+5, y+14, p.font, "", p.fit(pr[1], vw-10, p.valueSize), pr[1])
		}
	}
	for i := 0; i < len(pairs); i += 2 {
		if i == 2 {
			drawPair(margin, y, [2]string{"Case Type", l.caseType}, contentW-labelW)
			y += rowH
		}
		drawPair(margin, y, pairs[i], valueW)
		if i+1 < len(pairs) {
			drawPair(margin+labelW+valueW, y, pairs[i+1], valueW)
		}
		y += rowH
	}
	return y
}

// colonHeader prints "Label: value" lines in two blocks side by side, as letters (RFEs, NOIDs)
// and some reprinted notices do.
func colonHeader(p *pen, l *letter, y float64) float64 {
	left := [][2]string{{"Receipt Number", l.receipt}, {"Received Date", l.received}, {"Priority Date", l.priority}, {"Notice Date", l.notice}}
	p.r.Shuffle(len(left)-1, func(i, j int) { left[i+1], left[j+1] = left[j+1], left[i+1] })
	right := [][2]string{{l.form.party, l.partyName}}
	if l.aNumber != "" {
		right = append(right, [2]string{pick(p.r, []string{"A-Number", "A#", "Alien Number"}), l.aNumber})
	}
	if l.beneficiary != "" {
		right = append(right, [2]string{"Beneficiary", l.beneficiary})
	}
	right = append(right, [2]string{"Page", "1 of 1"})
	tab := p.r.IntN(2) == 0 // values aligned at a tab stop rather than after the colon
	line := func(x, y float64, pr [2]string) {
		lab := pr[0] + ":"
		if p.upper {
			lab = strings.ToUpper(lab)
		}
		p.text(x, y, p.font, "B", p.valueSize-0.5, lab)
		p.pdf.SetFont(p.font, "B", p.valueSize-0.5)
		vx := x + p.pdf.GetStringWidth(lab) + 5
		if tab {
			vx = x + 95
		}
		if pr[1] != "" {
			p.text(vx, y, p.font, "", p.valueSize, pr[1])
		}
	}
	y += 14
	for i := range max(len(left), len(right)) {
		if i < len(left) {
			line(margin, y, left[i])
		}
		if i < len(right) {
			line(margin+300, y, right[i])
		}
		y += p.valueSize + 5
	}
	line(margin, y, [2]string{"Case Type", l.caseType})
	return y + 4
}

// addressBlock prints the mailing address on the left and, beside it, the notice type line and
// the lines that go with it.
func addressBlock(p *pen, l *letter, y float64) float64 {
	right := l.right
	if l.noticeType != "" {
		right = append([]string{"Notice Type: " + l.noticeType}, right...)
	}
	accountBeside := l.account != "" && p.r.IntN(2) == 0
	if accountBeside {
		right = append(right, "USCIS Online Account Number: "+l.account)
	}
	lh := p.valueSize + 3
	for i := range max(len(l.address), len(right)) {
		if i < len(l.address) {
			p.text(margin+20, y+float64(i)*lh, p.font, "", p.valueSize, l.address[i])
		}
		if i < len(right) {
			p.text(330, y+float64(i)*lh, p.font, "", p.fit(right[i], pageW-margin-330, p.valueSize-0.5), right[i])
		}
	}
	y += float64(max(len(l.address), len(right))) * lh
	if l.account != "" && !accountBeside {
		y += 6
		p.pdf.Rect(330, y, contentW+margin-330, 24, "D")
		p.label(333, y+8, "USCIS Online Account Number")
		p.value(336, y+20, l.account)
		y += 24
	}
	return y
}

func bodyText(p *pen, l *letter, y float64) float64 {
	p.pdf.SetFont(p.font, "", p.bodySize)
	lh := p.bodySize * 1.25
	for _, para := range l.body {
		p.pdf.SetXY(margin+p.jit(1), y)
		p.pdf.MultiCell(contentW, lh, p.cp1252(para), "", "L", false)
		y = p.pdf.GetY() + 6
	}
	return y
}

// appointmentBox prints the support center and, in a column of its own, the label with the date
// and time below it, as ASC appointment notices do.
func appointmentBox(p *pen, a *appointment, y float64) float64 {
	h := 16 + 12*float64(len(a.place))
	p.pdf.Rect(margin, y, contentW, h, "D")
	p.label(margin+4, y+9, "APPLICATION SUPPORT CENTER")
	p.label(margin+300, y+9, a.label)
	for i, s := range a.place {
		p.value(margin+4, y+22+12*float64(i), s)
	}
	p.value(margin+304, y+22, a.date)
	p.value(margin+304, y+34, a.time)
	return y + h
}

func footer(p *pen, l *letter, y float64) {
	lines := append([]string{"U.S. CITIZENSHIP AND IMMIGRATION SERVICES"}, l.office...)
	lines = append(lines, "USCIS Contact Center: www.uscis.gov/contactcenter")
	for i, s := range lines {
		p.text(margin, y+float64(i)*10, "Helvetica", "", 8, s)
	}
	p.text(margin, pageH-24, "Helvetica", "", 7, l.edition)
}
