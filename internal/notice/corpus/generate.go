package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"immivault/internal/notice/noticetest"
)

// Layout is one kind of notice the corpus draws, by a stable name.
type Layout struct {
	Name    string
	Variant string // the form it is printed on ("I-797C"), or "letter" for a decoy
	About   string // one line on what it is
	Decoy   bool   // not a USCIS notice: see decoys.go for what its truth holds
	draw    func(g *gen)
}

// Layouts lists every layout, in a fixed order.
func Layouts() []Layout { return slices.Clone(layouts) }

// Names lists the layouts' names, in the order of Layouts.
func Names() []string {
	var names []string
	for _, l := range layouts {
		names = append(names, l.Name)
	}
	return names
}

// Notice is one generated notice: its layout, its truth and its PDF.
type Notice struct {
	noticetest.Notice
	Layout string
	Seed   int64
	Pages  int
}

// Generate draws the notice of layout for seed: the same layout and seed always give the same
// notice, byte for byte.
func Generate(layout string, seed int64) (Notice, error) {
	i := slices.IndexFunc(layouts, func(l Layout) bool { return l.Name == layout })
	if i < 0 {
		return Notice{}, fmt.Errorf("corpus: no layout %q (have %s)", layout, strings.Join(Names(), ", "))
	}
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)*0x9e3779b97f4a7c15+0x1797))
	g := &gen{r: r, d: newDoc(r), layout: layouts[i]}
	layouts[i].draw(g)
	n := Notice{Layout: layout, Seed: seed, Pages: g.d.pages}
	n.Truth, n.PDF = g.tr, g.d.bytes()
	return n, nil
}

// gen is one notice being drawn, and the truth of what it prints, recorded as it is printed.
type gen struct {
	r      *rand.Rand
	d      *doc
	tr     noticetest.Truth
	layout Layout

	f          form
	own        string // the notice's own receipt number
	recv, note time.Time
	prio       time.Time // zero when the header leaves it blank
	person     string    // applicant or beneficiary
	other      string    // petitioner, or ""
	pages      int       // pages the notice will have, for "Page 1 of 2"
	longDates  bool      // header dates written out ("May 23, 2025") rather than numeric
	modern     bool      // the 2020s design rather than the boxed grid
	edition    string    // the form's edition in the footer, the same on every page
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// setup picks the case: a form from choices, a receipt office, the dates.
func (g *gen) setup(choices []string, prefixes []string, minDays, maxDays int) {
	g.f = forms[pick(g.r, choices)]
	g.recv = day(g.r)
	g.note = after(g.r, g.recv, minDays, maxDays)
	g.own = receipt(g.r, pick(g.r, prefixes), g.recv)
	g.person = pick(g.r, surnames) + ", " + pick(g.r, givens)
	g.pages = 1
	g.tr.ReceiptNumber = g.own
	g.tr.Form = g.f.code
	g.tr.NoticeDate = iso(g.note)
	if g.f.priority && g.chance(0.8) {
		g.prio = g.recv
		if g.f.code == "I-140" || g.f.code == "I-526E" {
			g.prio = g.recv.AddDate(0, -2-g.r.IntN(30), -g.r.IntN(20)) // a labour certification's or an earlier petition's
		}
		g.tr.PriorityDate = iso(g.prio)
	}
}

// hdate prints a header date.
func (g *gen) hdate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if g.longDates {
		return pick(g.r, []func(time.Time) string{long, abbrev})(t)
	}
	return numeric(t)
}

// bdate prints a date in running text, where it is never a header date.
func (g *gen) bdate(t time.Time) string {
	s := pick(g.r, []func(time.Time) string{long, long, abbrev, numeric})(t)
	return strings.ReplaceAll(s, " ", nb)
}

// personA is the A-number the notice already gave the person, or a new one, recorded.
func (g *gen) personA() string {
	if len(g.tr.ANumbers) > 0 {
		return g.tr.ANumbers[0]
	}
	a := aNumber(g.r)
	g.addA(a)
	return a
}

func (g *gen) addA(a string) {
	if !slices.Contains(g.tr.ANumbers, a) {
		g.tr.ANumbers = append(g.tr.ANumbers, a)
	}
}

// related is another case's receipt number, mentioned in the body: printed plain or grouped,
// and recorded among the truth's other receipts.
func (g *gen) related(prefixes []string) string {
	n := g.own
	for n == g.own {
		n = receipt(g.r, pick(g.r, prefixes), g.recv.AddDate(0, 0, -g.r.IntN(400)))
	}
	if !slices.Contains(g.tr.OtherReceipts, n) {
		g.tr.OtherReceipts = append(g.tr.OtherReceipts, n)
	}
	if g.chance(0.4) {
		return receiptDashed(n)
	}
	return n
}

// Label wordings, the common one first and weighted.
var (
	receiptLabels  = []string{"Receipt Number", "Receipt Number", "Receipt Number", "Receipt No.", "Receipt #", "Case Number"}
	receivedLabels = []string{"Received Date", "Received Date", "Received Date", "Date Received", "Receipt Date"}
	noticeLabels   = []string{"Notice Date", "Notice Date", "Notice Date", "Date of Notice"}
	caseLabels     = []string{"Case Type", "Case Type", "Case Type", "Case Type", "Form"}
	aLabels        = []string{"A#", "A#", "A-Number", "Alien Number", "USCIS A#"}
	accountLabels  = []string{"USCIS Online Account Number", "USCIS Online Account Number", "Account Number"}
)

func (g *gen) receiptCell() cell {
	v := g.own
	switch {
	case !g.modern && !strings.HasPrefix(v, "IOE") && g.chance(0.25):
		v = v[:3] + "*" + v[3:] // old notices print a star after the office
	case g.modern && g.chance(0.15):
		v = receiptDashed(v)
	}
	return cell{label: pick(g.r, receiptLabels), value: v}
}

func (g *gen) caseType() string {
	switch {
	case !g.modern || g.chance(0.4):
		return g.f.bare() + " - " + g.f.title
	case g.chance(0.5):
		return g.f.code + ", " + titleCase(g.f.title)
	default:
		return "Form " + g.f.code + ", " + titleCase(g.f.title)
	}
}

func (g *gen) caseCell() cell { return cell{label: pick(g.r, caseLabels), value: g.caseType()} }

func (g *gen) receivedCell() cell {
	g.tr.ReceivedDate = iso(g.recv)
	return cell{label: pick(g.r, receivedLabels), value: g.hdate(g.recv)}
}

func (g *gen) noticeCell() cell { return cell{label: pick(g.r, noticeLabels), value: g.hdate(g.note)} }

// priorityCell prints the label whatever happens, and the date only when the case has one.
func (g *gen) priorityCell() cell { return cell{label: "Priority Date", value: g.hdate(g.prio)} }

func (g *gen) pageCell() cell { return cell{label: "Page", value: fmt.Sprintf("1 of %d", g.pages)} }

func (g *gen) accountCell() cell {
	n := pick(g.r, []string{"0", "1", "2", "3"}) + digits(g.r, 11)
	g.tr.AccountNumber = n
	v := n
	if g.chance(0.3) {
		v = n[:4] + " " + n[4:8] + " " + n[8:]
	}
	return cell{label: pick(g.r, accountLabels), value: v}
}

// partyLabel names the person a form's notice is about.
func (g *gen) partyLabel() string {
	switch g.f.code {
	case "I-130", "I-129F", "I-140", "I-360", "I-129", "I-526E", "I-730":
		return "Beneficiary"
	case "I-821D":
		return "Requestor"
	}
	return pick(g.r, []string{"Applicant", "Applicant", "Applicant/Petitioner"})
}

// aCell gives the person an A-number with a label of its own, or none.
func (g *gen) aCell(party string) (cell, bool) {
	if !g.chance(0.7) {
		return cell{}, false
	}
	a := aNumber(g.r)
	g.addA(a)
	label := pick(g.r, aLabels)
	if g.chance(0.4) {
		label = party + " A#"
	}
	return cell{label: label, value: printA(g.r, a)}, true
}

// header draws the header the way the notice's design does, in one of its arrangements.
func (g *gen) header() {
	party := g.partyLabel()
	if g.f.code == "I-130" || g.f.code == "I-129F" || g.f.code == "I-360" || g.f.code == "I-730" {
		g.other = pick(g.r, surnames) + ", " + pick(g.r, givens)
	} else if g.f.code == "I-129" || g.f.code == "I-140" {
		g.other = pick(g.r, employers)
	}
	withAccount := g.chance(0.1)
	if g.modern {
		withAccount = g.chance(0.45)
	}
	if !g.modern {
		g.d.upper = g.chance(0.7)
		g.gridHeader(party, withAccount, true)
		return
	}
	switch g.r.IntN(5) {
	case 0:
		g.gridHeader(party, withAccount, g.chance(0.3))
	case 1, 2:
		g.flatHeader(party, withAccount, "beside")
	case 3:
		g.flatHeader(party, withAccount, "colon")
	default:
		g.flatHeader(party, withAccount, "stacked")
	}
}

// gridHeader: label rows with values below, in the columns of the pre-2020 boxed form.
func (g *gen) gridHeader(party string, withAccount, boxed bool) {
	d := g.d
	shift := 0.0
	if g.chance(0.3) {
		shift = 8 + 20*g.r.Float64()
	}
	rc, ct := g.receiptCell(), g.caseCell()
	if !g.modern && g.chance(0.4) { // "CASE TYPE  I130" with the title below it
		ct = cell{label: ct.label, extra: g.f.bare(), value: g.f.title}
	}
	recvd, prio, notice, page := g.receivedCell(), g.priorityCell(), g.noticeCell(), g.pageCell()
	// The A-number of a party sits on the label row after the party's label, or in its own cell.
	p := cell{label: party, value: g.person}
	var aCells []cell
	if c, ok := g.aCell(party); ok {
		if g.chance(0.6) {
			p.extra = printAPrefixed(g.r, g.tr.ANumbers[len(g.tr.ANumbers)-1])
		} else {
			aCells = append(aCells, c)
		}
	}
	var rows [][]cell
	switch g.r.IntN(3) {
	case 0: // the arrangement of docs/identifiers.md
		rc.w, ct.w = 0.38, 0.62
		recvd.w, prio.w, p.w = 0.19, 0.19, 0.62
		notice.w, page.w = 0.19, 0.19
		row3 := []cell{notice, page}
		if g.other != "" {
			row3 = append(row3, cell{label: otherLabel(party), value: g.other, w: 0.62})
		}
		rows = [][]cell{{rc, ct}, {recvd, prio, p}, row3}
	case 1: // dates first, then the case
		rc.w, recvd.w, notice.w, page.w = 0.34, 0.22, 0.22, 0.22
		ct.w = 1
		p.w, prio.w = 0.7, 0.3
		rows = [][]cell{{rc, recvd, notice, page}, {ct}, {p, prio}}
	default: // notice date beside the receipt number
		rc.w, notice.w, ct.w = 0.3, 0.2, 0.5
		recvd.w, prio.w, page.w, p.w = 0.2, 0.2, 0.1, 0.5
		rows = [][]cell{{rc, notice, ct}, {recvd, prio, page, p}}
	}
	if withAccount {
		ac := g.accountCell()
		ac.w = 0.45
		aCells = append(aCells, ac)
	}
	if len(aCells) > 0 {
		for i := range aCells {
			aCells[i].w = 0.45
		}
		rows = append(rows, aCells)
	}
	d.grid(rows, boxed, shift)
}

func otherLabel(party string) string {
	if party == "Beneficiary" {
		return "Petitioner"
	}
	return "Beneficiary"
}

// flatHeader: the same fields as label-and-value pairs: beside each other in a box, as
// "Label: value" lines, or down a sidebar with each value under its label.
func (g *gen) flatHeader(party string, withAccount bool, style string) {
	cells := []cell{g.receiptCell(), g.caseCell(), g.receivedCell()}
	if !g.prio.IsZero() || g.chance(0.5) {
		cells = append(cells, g.priorityCell())
	}
	cells = append(cells, g.noticeCell())
	if g.chance(0.5) {
		cells = append(cells, g.pageCell())
	}
	cells = append(cells, cell{label: party, value: g.person})
	if c, ok := g.aCell(party); ok {
		cells = append(cells, c)
	}
	if g.other != "" {
		cells = append(cells, cell{label: otherLabel(party), value: g.other})
	}
	if withAccount {
		cells = append(cells, g.accountCell())
	}
	if style != "stacked" {
		cells[1].w = 1 // the case type's title needs the page's width
	}
	switch style {
	case "beside":
		g.d.beside(cells, 1+g.r.IntN(2), g.chance(0.6))
	case "colon":
		g.d.colon(cells, 1+g.r.IntN(2))
	default:
		// Case type titles are long: they go across the page, the rest down the sidebar.
		ct := cells[1]
		g.d.text(left, g.d.y+12, g.d.label, "B", g.d.lsize, ct.label)
		g.d.valueText(left, g.d.y+12+g.d.vsize+3, ct.value)
		top := g.d.y + 12 + g.d.vsize + 8
		rest := append([]cell{cells[0]}, cells[2:]...)
		half := (len(rest) + 1) / 2
		y1 := g.d.stacked(rest[:half], left, top)
		y2 := g.d.stacked(rest[half:], left+contentW/2, top)
		g.d.y = max(y1, y2) + 4
	}
}

// Service centre addresses, as public on uscis.gov.
var offices = []string{
	"USCIS|Vermont Service Center|75 Lower Welden Street|Saint Albans VT 05479-0001",
	"USCIS|California Service Center|P.O. Box 30111|Laguna Niguel CA 92607-0111",
	"USCIS|Nebraska Service Center|P.O. Box 82521|Lincoln NE 68501-2521",
	"USCIS|Texas Service Center|6046 N Belt Line Rd|Irving TX 75038-0001",
	"USCIS|National Benefits Center|P.O. Box 25920|Overland Park KS 66225-5920",
	"USCIS|Potomac Service Center|2200 Potomac Center Drive|Arlington VA 20598-2200",
}

// banner draws the top of an I-797: the agency, the form, and on the old design the
// country's name across the page.
func (g *gen) banner() {
	d := g.d
	v := g.layout.Variant
	if !g.modern {
		d.text(left, 44, "Helvetica", "B", 9, "Department of Homeland Security")
		d.text(left, 55, "Helvetica", "", 9, "U.S. Citizenship and Immigration Services")
		d.rightAlign(right, 50, "Helvetica", "B", 12, "Form "+v+", Notice of Action")
		d.center(82, "Times", "B", 15, "THE UNITED STATES OF AMERICA")
		d.y = 92
		return
	}
	d.text(left, 44, "Helvetica", "B", 10, "U.S. Department of Homeland Security")
	d.text(left, 56, "Helvetica", "", 9, "U.S. Citizenship and Immigration Services")
	office := strings.Split(pick(g.r, offices), "|")
	for i, l := range office[1:] {
		d.text(left, 67+float64(i)*10, "Helvetica", "", 8, l)
	}
	d.rightAlign(right, 48, "Helvetica", "B", 14, v+" | Notice of Action")
	if g.chance(0.5) {
		d.rightAlign(right, 62, "Times", "I", 9, "THE UNITED STATES OF AMERICA")
	}
	d.y = 104
}

// address draws the mailing address block, in care of an attorney on some notices.
func (g *gen) address(name string) {
	d := g.d
	lines := []string{name}
	if g.chance(0.3) {
		lines = append(lines, "C/O "+pick(g.r, givens)+" "+pick(g.r, surnames)+", ESQ.",
			pick(g.r, []string{"EXAMPLE LAW GROUP", "SAMPLE & PLACEHOLDER LLP"}))
	}
	lines = append(lines, fmt.Sprintf("%d %s", 10+g.r.IntN(9000), pick(g.r, streets)), pick(g.r, cities))
	d.y += 18
	for _, l := range lines {
		d.y += 11
		d.text(left+g.r.Float64()*30, d.y, "Courier", "", 10, l)
	}
	d.y += 10
}

// noticeType prints the notice's type on a "Notice Type:" line or as a heading, and records it.
func (g *gen) noticeType(printed, truth string) {
	d := g.d
	g.tr.NoticeType = truth
	if g.chance(0.6) {
		d.y += 14
		d.text(left, d.y, d.value, "B", d.vsize+1, "Notice Type: "+printed)
		d.y += 8
		return
	}
	d.y += 18
	d.center(d.y, "Helvetica", "B", 12, strings.ToUpper(printed))
	d.y += 8
}

// footer: the contact lines and the form's edition, whose MM/DD/YY is no header date.
func (g *gen) footer() {
	d := g.d
	y := max(d.y+14, 700)
	d.line(left, y, right, y)
	d.text(left, y+12, "Helvetica", "", 7.5, "If you have questions, visit uscis.gov/contactcenter or call the USCIS Contact Center at 800-375-5283.")
	d.text(left, y+22, "Helvetica", "", 7.5, "Please see the additional information on the back. You will be notified separately about any other cases you filed.")
	if g.edition == "" {
		g.edition = pick(g.r, []string{"07/17/19", "04/01/19", "01/24/22", "08/01/11"})
	}
	ed := g.edition
	d.text(left, y+40, "Helvetica", "B", 8, "Form "+g.layout.Variant+" "+ed)
	d.rightAlign(right, y+40, "Helvetica", "", 8, fmt.Sprintf("Page %d of %d", d.pages, g.pages))
}

// continuation starts page 2 with the running head real continuation pages carry: the
// receipt number again, which is still the notice's own.
func (g *gen) continuation() {
	g.footer()
	g.d.newPage()
	d := g.d
	d.text(left, 44, "Helvetica", "", 8, pick(g.r, []string{"Receipt Number: ", "Receipt #: ", ""})+g.own)
	d.rightAlign(right, 44, "Helvetica", "", 8, fmt.Sprintf("Page 2 of %d", g.pages))
	d.y = 64
}

func (g *gen) body(paras ...string) {
	for _, p := range paras {
		g.d.para(left, contentW, p)
	}
}
