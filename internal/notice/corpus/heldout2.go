package corpus

import (
	"fmt"
	"strings"
	"time"
)

// Layouts added after the first three held-out ones, written from the public description of
// such notices (docs/identifiers.md, uscis.gov's pages on the I-797 family) without reading the
// extractor. Most draw a header of their own rather than calling g.header: real notices of
// these kinds do not share one template.

// letterhead draws the top of a notice printed on the agency's letterhead: the seal's place
// left blank, the agency beside it, the office under it, and the form name at the right when
// the letter goes out as an I-797E.
func (g *gen) letterhead(asForm bool) []string {
	d := g.d
	office := strings.Split(pick(g.r, offices), "|")
	d.rect(left, 34, 40, 40) // where the seal is printed
	d.text(left+50, 46, "Times", "B", 11, "U.S. Department of Homeland Security")
	d.text(left+50, 58, "Times", "", 10, "U.S. Citizenship and Immigration Services")
	d.text(left+50, 69, "Times", "", 8.5, office[1]+", "+office[2]+", "+office[3])
	if asForm {
		d.rightAlign(right, 46, "Helvetica", "B", 11, "Form I-797E, Notice of Action")
	}
	d.line(left, 80, right, 80)
	d.y = 84
	return office
}

// refBlock draws "Label: value" lines with the labels right-aligned on a common edge at x, the
// reference block letters put at the top right, from top; it returns where it ended.
func (g *gen) refBlock(cells []cell, x, top float64) float64 {
	d := g.d
	y := top
	for _, c := range cells {
		y += max(d.lsize, d.vsize) + 4
		d.rightAlign(x, y, d.label, "B", d.lsize+0.5, c.label+":")
		for i, l := range d.wrap(c.value, right-x-6, d.value, "", d.vsize) {
			if i > 0 {
				y += d.vsize + 2
			}
			d.text(x+6, y, d.value, "", d.vsize, l)
		}
	}
	return y
}

// noid is a notice of intent to deny: USCIS tells the applicant it means to deny the case and
// gives a last chance to answer by a printed date. The header is no I-797 grid: the address
// on the left and a reference block on the right, as a letter's. The body tells the case's
// history in dated sentences (none a header date) and names forms that are not the case's
// (I-864, I-693, the underlying I-130 or I-140 with its receipt number).
//
// Truth: the type is "Notice of Intent to Deny", whatever the heading's wording; the event is
// "noid-due" on the date the notice prints as its deadline. That date is 33 days after the
// notice date (30 days to answer and 3 for mail), moved to the next weekday when it falls on a
// weekend, and it is the printed date, not a reader's own count, that the truth holds.
func noid(g *gen) {
	g.setup([]string{"I-485", "I-485", "I-130", "I-751", "I-140", "I-601A"}, centres, 200, 800)
	g.pages = 1 + g.r.IntN(2)
	g.prio, g.tr.PriorityDate = time.Time{}, "" // a letter's reference block has no priority date
	g.letterhead(g.chance(0.6))
	d := g.d
	long1 := g.chance(0.5)
	date := func(t time.Time) string {
		if long1 {
			return long(t)
		}
		return numeric(t)
	}
	party := "Applicant"
	switch g.f.code {
	case "I-130", "I-140":
		party = pick(g.r, []string{"Petitioner", "Beneficiary"})
	}
	if g.f.code == "I-140" && party == "Petitioner" {
		g.other = pick(g.r, employers)
	}
	name := g.person
	if g.other != "" {
		name = g.other
	}
	cells := []cell{
		{label: pick(g.r, []string{"Date", "Notice Date", "Date of Notice"}), value: date(g.note)},
		{label: pick(g.r, []string{"Receipt Number", "Receipt No.", "Case Number"}), value: pick(g.r, []func(string) string{func(s string) string { return s }, receiptDashed})(g.own)},
		{label: pick(g.r, []string{"Received Date", "Date Received", "Date Filed"}), value: date(g.recv)},
		{label: "Form", value: g.f.code + ", " + titleCase(g.f.title)},
		{label: party, value: name},
	}
	g.tr.ReceivedDate = iso(g.recv)
	if g.chance(0.75) {
		a := aNumber(g.r)
		g.addA(a)
		cells = append(cells, cell{label: pick(g.r, []string{"A-Number", "A#", "Alien Number"}), value: printA(g.r, a)})
	}
	if g.chance(0.5) { // the date and the reference block go first, the address below
		d.y = g.refBlock(cells, left+contentW*0.42, d.y+4) + 4
		g.address(name)
	} else { // the address on the left, the block beside it
		top := d.y
		g.address(name)
		d.y = max(d.y, g.refBlock(cells, left+contentW*0.62, top+20)+6)
	}
	g.tr.NoticeType = "Notice of Intent to Deny"
	d.y += 16
	d.center(d.y, "Times", "B", 12.5, pick(g.r, []string{"NOTICE OF INTENT TO DENY", "Notice of Intent to Deny", "INTENT TO DENY"}))
	d.y += 6
	due := workday(g.note.AddDate(0, 0, 33))
	g.tr.Events = append(g.tr.Events, event("noid-due", due, ""))
	salutation := "Dear " + strings.SplitN(name, ", ", 2)[len(strings.SplitN(name, ", ", 2))-1] + ":"
	if g.other != "" {
		salutation = "Dear Sir or Madam:"
	}
	history := []string{
		salutation,
		"On " + g.bdate(g.recv) + ", you filed Form " + g.f.code + ", " + titleCase(g.f.title) + ", with U.S. Citizenship and Immigration Services (USCIS).",
	}
	rfeSent := after(g.r, g.recv, 60, 150)
	switch g.r.IntN(3) {
	case 0:
		history = append(history, "On "+g.bdate(rfeSent)+", we issued a Request for Evidence (RFE). We received your response on "+g.bdate(after(g.r, rfeSent, 30, 80))+".")
	case 1:
		history = append(history, "On "+g.bdate(rfeSent)+", you appeared for an interview at the "+pick(g.r, fieldOffices)+" Field Office, where you testified under oath.")
	}
	g.body(history...)
	noun := "application"
	switch g.f.code {
	case "I-130", "I-140", "I-751":
		noun = "petition"
	}
	reasons := []string{
		"The Form I-864, Affidavit of Support, in the record is not signed by the joint sponsor, and the income it shows is below the required amount.",
		"The record does not include a Form I-693, Report of Immigration Medical Examination and Vaccination Record, signed by a civil surgeon.",
		"The evidence does not establish that the marriage was entered into in good faith.",
	}
	switch g.f.code {
	case "I-140":
		reasons = []string{
			"The record does not establish that the petitioner has had the ability to pay the proffered wage from the priority date onward.",
			"The letters of experience submitted do not establish that the beneficiary had the required experience before the priority date.",
		}
	case "I-601A":
		reasons = []string{
			"The record does not establish that the qualifying relative would suffer extreme hardship if you were refused admission.",
			"The evidence does not establish that you warrant a favorable exercise of discretion.",
		}
	}
	g.body("Based on the evidence in the record, USCIS intends to deny your " + noun + " for the following reasons:")
	for i, k := range g.r.Perm(len(reasons))[:2] {
		d.paraFont(left+18, contentW-18, fmt.Sprintf("%d. %s", i+1, reasons[k]), d.body, "", d.bodySize)
	}
	if g.chance(0.5) {
		under := "I-130" // the petition an application or waiver rests on
		if g.f.code == "I-130" || g.f.code == "I-140" {
			under = "I-485" // the beneficiary's pending adjustment, which waits on the petition
		}
		g.body("We also reviewed the record of Form " + under + ", receipt number " + g.related(centres) + ", which is part of the evidence we considered.")
	}
	if g.pages == 2 {
		g.continuation()
	}
	switch g.r.IntN(3) {
	case 0:
		g.body("You have 30 days from the date of this notice (33 days if this notice was mailed) to submit evidence that overcomes the reasons above.")
		d.y += 4
		d.rect(left+contentW*0.25, d.y, contentW*0.5, 30)
		d.center(d.y+12, d.label, "B", d.lsize+1, "RESPONSE DUE DATE")
		d.center(d.y+25, d.value, "B", d.vsize+1, pick(g.r, []func(time.Time) string{numeric, long})(due))
		d.y += 36
	case 1:
		g.body("Your response must be received in this office by " + g.bdate(due) + ". Submit the evidence with a copy of this notice on top.")
	default:
		g.body("You may submit rebuttal evidence within 33 days of the date of this notice, that is, no later than " + g.bdate(due) + ". Evidence received after that date will not be considered.")
	}
	g.body("If you do not respond, or if your response does not overcome the grounds stated above, USCIS will deny your "+noun+". This notice is not a denial, and you may not appeal it on Form I-290B.",
		"Sincerely,", pick(g.r, []string{"Field Office Director", "Center Director", "Section Chief"}))
	g.footer()
}

// onlineApproval is an approval as it is downloaded from the USCIS online account: no boxed
// grid, the labels down one column in sentence case, each value in a second column or set
// flush right, dates written out, the account number printed, a barcode block at the top right
// with the receipt number under it (the notice's own, printed twice).
func onlineApproval(g *gen) {
	g.setup([]string{"I-765", "I-765", "I-131", "I-130", "I-539", "I-90", "I-821D"}, []string{"IOE", "IOE", "IOE", "MSC", "NBC"}, 40, 300)
	g.pages = 1 + g.r.IntN(2)
	d := g.d
	d.text(left, 52, "Helvetica", "B", 13, "U.S. Citizenship and Immigration Services")
	d.text(left, 66, "Helvetica", "", 9, "Form I-797, Notice of Action")
	// The barcode: bars of three widths drawn from the notice's own characters, four bars to
	// each, ending at the right margin over the receipt number it encodes.
	var bars []float64
	for i, c := range g.own {
		for k := range 4 {
			bars = append(bars, 0.7+float64((int(c)+i*k)%3)*0.8)
		}
	}
	x := right
	for i := len(bars) - 1; i >= 0; i-- {
		x -= bars[i]
		d.pdf.Rect(x, 36, bars[i], 26, "F")
		x -= 1.1 + float64(i%3)*0.6
	}
	d.rightAlign(right, 74, "Courier", "", 8, g.own)
	d.line(left, 84, right, 84)
	heading := pick(g.r, []string{"Approval Notice", "Approval notice", "Your application has been approved"})
	if g.f.code == "I-130" {
		heading = pick(g.r, []string{"Approval Notice", "Your petition has been approved"})
	}
	g.tr.NoticeType = "Approval Notice"
	d.text(left, 108, "Helvetica", "B", 15, heading)
	dateFn := pick(g.r, []func(time.Time) string{long, long, long, abbrev, numeric})
	g.tr.ReceivedDate = iso(g.recv)
	party := "Applicant"
	if g.f.code == "I-130" {
		party = "Beneficiary"
		g.other = pick(g.r, surnames) + ", " + pick(g.r, givens)
	}
	rows := [][2]string{
		{pick(g.r, []string{"Receipt number", "Receipt Number"}), g.own},
		{pick(g.r, []string{"Case type", "Form"}), g.f.code + ", " + titleCase(g.f.title)},
		{pick(g.r, []string{"Received date", "Date received"}), dateFn(g.recv)},
		{pick(g.r, []string{"Notice date", "Date of notice"}), dateFn(g.note)},
	}
	if !g.prio.IsZero() {
		rows = append(rows, [2]string{"Priority date", dateFn(g.prio)})
	}
	if g.other != "" {
		rows = append(rows, [2]string{"Petitioner", g.other})
	}
	rows = append(rows, [2]string{party, g.person})
	if g.chance(0.8) {
		a := aNumber(g.r)
		g.addA(a)
		rows = append(rows, [2]string{pick(g.r, []string{"A-number", "Alien number", "USCIS#"}), printA(g.r, a)})
	}
	acct := pick(g.r, []string{"0", "1", "2", "3"}) + digits(g.r, 11)
	g.tr.AccountNumber = acct
	if g.chance(0.4) {
		acct = acct[:4] + " " + acct[4:8] + " " + acct[8:]
	}
	rows = append(rows, [2]string{pick(g.r, []string{"USCIS online account number", "Online account number"}), acct},
		[2]string{"Page", fmt.Sprintf("1 of %d", g.pages)})
	flush := g.chance(0.5) // values set flush right, with a rule under each row
	y := 124.0
	for _, row := range rows {
		y += d.vsize + 7
		d.text(left, y, d.label, "", d.lsize+1.5, row[0])
		if flush {
			d.rightAlign(right, y, d.value, "B", d.vsize, row[1])
			d.pdf.SetDrawColor(170, 170, 170)
			d.line(left, y+4, right, y+4)
			d.pdf.SetDrawColor(0, 0, 0)
		} else {
			d.text(left+170, y, d.value, "B", d.vsize, row[1])
		}
	}
	d.y = y + 10
	to := g.person
	if g.other != "" {
		to = g.other
	}
	g.address(to)
	ps := []string{"We have approved your " + g.f.code + ". " + pick(g.r, []string{"You can see this notice and your case's history in your USCIS online account.", "This notice was also sent to your USCIS online account."})}
	switch g.f.code {
	case "I-765", "I-821D":
		valid := after(g.r, g.note, 0, 15)
		ps = append(ps, "Your card is valid from "+g.bdate(valid)+" through "+g.bdate(valid.AddDate(2, 0, -1))+". We will mail it to the address above; it may take up to 30 days to arrive.")
	case "I-131":
		ps = append(ps, "We will mail your travel document separately. It is valid for one year from the date it is issued.")
	case "I-130":
		ps = append(ps, "We have sent the petition to the Department of State National Visa Center, which will contact the beneficiary with instructions.")
	case "I-539":
		ps = append(ps, "Your stay has been extended until "+g.bdate(after(g.r, g.note, 120, 400))+". Keep this notice with your passport and Form I-94.")
	case "I-90":
		ps = append(ps, "We will mail your new Permanent Resident Card to the address above. Keep this notice with your records until it arrives.")
	default:
		ps = append(ps, "Keep this notice with your records.")
	}
	ps = append(ps, "If any information in this notice is wrong, tell us through your USCIS online account. Do not file a new form to correct it.")
	g.body(ps...)
	if g.pages == 2 {
		g.onlineFooter(1)
		d.newPage()
		d.y = 60
		d.text(left, d.y, "Helvetica", "B", 11, "What you should know")
	}
	g.body("Your address: if you move, change your address online within 10 days of moving. Case status: check it at any time with the receipt number above.",
		"This notice does not grant any immigration status or benefit other than the one named above.")
	g.onlineFooter(d.pages)
}

// onlineFooter: the download's own footer, with no form edition, only a page count.
func (g *gen) onlineFooter(page int) {
	d := g.d
	d.line(left, 740, right, 740)
	d.text(left, 752, "Helvetica", "", 7.5, "uscis.gov | Notice downloaded from your USCIS online account")
	d.rightAlign(right, 752, "Helvetica", "", 7.5, fmt.Sprintf("Page %d of %d", page, g.pages))
}
