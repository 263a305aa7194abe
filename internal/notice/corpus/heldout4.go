package corpus

import (
	"fmt"
	"strings"
	"time"
)

// The third batch of layouts written apart from the extractor (see docs/notice-corpus.md,
// "Held out"): from the public description of such notices and what real ones look like, not
// from what any reader handles. Three of them draw a header of their own.

// sidebarHeader draws the header as a shaded column of labels down the left with each value
// on the same row to its right, hairlines between the rows: a design some offices' approval
// notices use. rows are label-value pairs; the sidebar holds only labels.
func (g *gen) sidebarHeader(rows [][2]string, upper bool) {
	d := g.d
	top := d.y + 6
	barW := 118.0
	for _, r := range rows { // the sidebar is as wide as its longest label needs
		label := r[0]
		if upper {
			label = strings.ToUpper(label)
		}
		barW = max(barW, d.width(d.label, "B", d.lsize, label)+14)
	}
	lead := max(d.lsize, d.vsize) + 9
	h := lead*float64(len(rows)) + 6
	d.pdf.SetFillColor(225, 225, 225)
	d.pdf.Rect(left, top, barW, h, "F")
	d.pdf.SetFillColor(0, 0, 0)
	d.rect(left, top, contentW, h)
	y := top
	for i, r := range rows {
		y += lead
		label := r[0]
		if upper {
			label = strings.ToUpper(label)
		}
		d.rightAlign(left+barW-6, y, d.label, "B", d.lsize, label)
		for j, l := range d.wrap(r[1], contentW-barW-16, d.value, "", d.vsize) {
			if j > 0 { // only the case type's title can wrap, and it is the widest row
				d.text(left+barW+10, y+d.vsize, d.value, "", d.vsize*0.85, l)
				continue
			}
			d.text(left+barW+10, y, d.value, "", d.vsize, l)
		}
		if i < len(rows)-1 {
			d.pdf.SetDrawColor(160, 160, 160)
			d.line(left+barW, y+4.5, right, y+4.5)
			d.pdf.SetDrawColor(0, 0, 0)
		}
	}
	d.y = top + h
}

// approvalI751 approves a petition to remove the conditions on residence: the conditional
// resident's A-number is always known to USCIS, and printed on nine notices in ten; the new
// ten-year card follows by mail. The header is the sidebar above. A joint petition names the
// spouse, a waiver petition says so.
//
// Truth: an "Approval Notice" whatever the heading says; no priority date (the I-751 has none:
// the row, when printed, is blank); the dates of the body (conditions removed as of, the old
// card's expiry) are no header dates; a child's I-751 named in the body is a related case.
func approvalI751(g *gen) {
	g.modern = g.chance(0.5)
	g.setup([]string{"I-751"}, []string{"EAC", "WAC", "LIN", "SRC", "IOE"}, 200, 900)
	g.longDates = g.chance(0.2)
	g.banner()
	g.tr.ReceivedDate = iso(g.recv)
	party := pick(g.r, []string{"Petitioner", "Applicant", "Conditional Resident"})
	rows := [][2]string{
		{pick(g.r, receiptLabels), g.own},
		{pick(g.r, []string{"Case Type", "Form"}), g.caseType()},
		{pick(g.r, receivedLabels), g.hdate(g.recv)},
		{pick(g.r, noticeLabels), g.hdate(g.note)},
	}
	if g.chance(0.4) {
		rows = append(rows, [2]string{"Priority Date", ""})
	}
	rows = append(rows, [2]string{party, g.person})
	if g.chance(0.9) {
		a := aNumber(g.r)
		g.addA(a)
		rows = append(rows, [2]string{pick(g.r, []string{"A#", "A-Number", "USCIS A#", "Alien Number", party + " A#"}), printA(g.r, a)})
	}
	joint := g.chance(0.6)
	if joint {
		g.other = pick(g.r, surnames) + ", " + pick(g.r, givens)
		rows = append(rows, [2]string{pick(g.r, []string{"Joint Petitioner", "Spouse"}), g.other})
	}
	if g.chance(0.3) {
		rows = append(rows, g.accountRow())
	}
	rows = append(rows, [2]string{"Page", "1 of 1"})
	g.sidebarHeader(rows, g.chance(0.5))
	g.address(g.person)
	g.noticeType(pick(g.r, []string{"Approval Notice", "Approval Notice", "Removal of Conditions Approved"}), "Approval Notice")
	removed := after(g.r, g.note, -10, 0)
	card := g.recv.AddDate(0, 0, 10+g.r.IntN(80)) // the two-year card ran out after filing
	ps := []string{"Your Form I-751, Petition to Remove Conditions on Residence, has been approved. The conditions on your permanent resident status have been removed as of " + g.bdate(removed) + "."}
	if joint {
		ps = append(ps, "You and your spouse filed this petition jointly. Your spouse does not need to take any action.")
	} else {
		ps = append(ps, "You asked us to waive the requirement to file this petition jointly with your spouse. We granted the waiver.")
	}
	ps = append(ps,
		"We will mail you a new Permanent Resident Card, valid for 10 years, to the address above. You should receive it within 30 days. Your conditional card, which expired on "+g.bdate(card)+", is no longer valid once the new card arrives.",
		"If your address changes before the card arrives, update it online at uscis.gov/addresschange within 10 days of moving.")
	if g.chance(0.3) {
		ps = append(ps, "Your child included on this petition has the receipt number "+g.related([]string{g.own[:3]})+" and will receive a separate notice.")
	}
	g.paras(g.modern && g.chance(0.5), ps...)
	g.footer()
}

// accountRow prints the USCIS online account number in a header row and records it.
func (g *gen) accountRow() [2]string {
	c := g.accountCell()
	return [2]string{c.label, c.value}
}

// welcomeNotice is the I-797C an adjustment applicant receives when the I-485 is approved,
// headed "WELCOME TO THE UNITED STATES OF AMERICA", with the card's information (the A-number
// as USCIS#, the category, the resident-since date) and the card to follow by mail.
//
// Truth: its Notice Type line reads "Welcome Notice", a name docs/cli.md's vocabulary does not
// have. What the notice does is approve the I-485 ("your application for permanent residence
// has been approved"), so its type is "Approval Notice", as the I-797D's is. The priority date
// is printed, from the petition, on most (the I-485 header shows its underlying petition's);
// the card block's dates (resident since, card expires) are the card's, no header dates. Only
// the I-485 is drawn: the immigrant visa holder's welcome notice follows the USCIS immigrant fee
// and no form the family filed with USCIS.
func welcomeNotice(g *gen) {
	g.modern = g.chance(0.6)
	g.setup([]string{"I-485"}, []string{"MSC", "NBC", "IOE", "LIN", "SRC", "EAC"}, 120, 700)
	if g.chance(0.6) {
		g.prio = g.recv.AddDate(0, -1-g.r.IntN(40), -g.r.IntN(20))
		g.tr.PriorityDate = iso(g.prio)
	}
	g.longDates = g.chance(0.15)
	g.banner()
	// The I-485's title does not fit a grid cell within the page, so the header is one of the
	// label-and-value designs, whichever banner is on top.
	g.flatHeader("Applicant", g.chance(0.4), pick(g.r, []string{"beside", "beside", "colon", "stacked"}))
	g.address(g.person)
	d := g.d
	class := pick(g.r, []struct{ code, what string }{
		{"IR6", "Spouse of U.S. citizen, adjustment"}, {"CR6", "Spouse of U.S. citizen, conditional, adjustment"},
		{"IR7", "Child of U.S. citizen, adjustment"}, {"E26", "Professional holding advanced degree, adjustment"},
		{"F26", "Spouse of permanent resident, adjustment"},
	})
	d.y += 4
	d.text(left, d.y+10, d.value, "", d.vsize, pick(g.r, []string{"Section: Adjustment as direct beneficiary of immigrant petition", "Section: Adjustment of status", "Class: " + class.code}))
	d.y += 12
	g.noticeType("Welcome Notice", "Approval Notice")
	d.y += 12
	d.center(d.y+6, "Times", "B", 13, "WELCOME TO THE UNITED STATES OF AMERICA")
	d.y += 8
	since := after(g.r, g.note, -6, 0)
	years := 10
	if class.code == "CR6" {
		years = 2
	}
	g.body("This is to notify you that your application for permanent residence has been approved. It is with great pleasure that we welcome you to permanent resident status in the United States.",
		fmt.Sprintf("We will mail your new Permanent Resident Card to the address above within 30 days. The card is valid for %d years. If you do not receive it, or if your address changes, contact us.", years))
	// The card's information, as a small block: the A-number again (the same one), and the
	// card's dates.
	a := g.personA()
	rows := [][2]string{
		{"Name", g.person},
		{pick(g.r, []string{"USCIS#", "A-Number", "Alien Registration Number"}), printA(g.r, a)},
		{"Category", class.code + " - " + class.what},
		{"Resident Since", pick(g.r, []func(time.Time) string{numeric, long})(since)},
		{"Card Expires", numeric(since.AddDate(years, 0, -1))},
	}
	d.y += 6
	d.text(left+12, d.y+8, d.label, "B", d.lsize+1.5, pick(g.r, []string{"CARD INFORMATION", "Your Permanent Resident Card"}))
	top := d.y + 12
	for i, r := range rows {
		y := top + 12 + float64(i)*12
		d.text(left+18, y, d.label, "", d.lsize+1, r[0])
		d.text(left+140, y, d.value, "", d.vsize, r[1])
	}
	d.rect(left+8, d.y-4, contentW-16, 16+12*float64(len(rows))+8)
	d.y = top + 12*float64(len(rows)) + 12
	ps := []string{"Please check the information above. If any of it is wrong, tell us before your card is produced: a card with a mistake must be replaced on Form I-90."}
	if class.code == "CR6" {
		ps = append(ps, "Your permanent residence is conditional. In the 90 days before your card expires you and your spouse must file Form I-751, Petition to Remove Conditions on Residence.")
	}
	ps = append(ps, "As a permanent resident you must carry proof of your status, file tax returns as a resident, and tell us of any change of address within 10 days.")
	g.paras(g.modern && g.chance(0.5), ps...)
	g.footer()
}

// noir is a notice of intent to revoke an approved petition (an I-130, I-140, I-129 or I-360),
// sent as a letter: the agency's name centred over the page, the letter's date at the right
// (labelled "Date:" or not), the address, and a "RE:" block naming the petition, its receipt
// number and filing date, the parties and sometimes the priority date and an A-number. The
// body tells when the petition was filed and approved, why USCIS now means to revoke it, and
// by when a rebuttal must arrive.
//
// Truth: the type is "Notice of Intent to Revoke", whatever the heading's wording (the name
// docs/identifiers.md and docs/deadlines.md give it). Its one event is "noid-due": the event
// vocabulary has no kind of its own for a revocation's deadline, and docs/identifiers.md gives
// noid-due to "a notice of intent to deny or revoke". The date is the printed one, 33 days
// after the notice (30 and 3 for mail, as docs/deadlines.md counts) moved off a weekend. The
// letter's date is the notice date even where it stands unlabelled at the top: it is the only
// date of the notice itself. The approval and site-visit dates of the body are history.
func noir(g *gen) {
	g.setup([]string{"I-130", "I-140", "I-140", "I-129", "I-360"}, []string{"EAC", "WAC", "LIN", "SRC", "IOE"}, 60, 300)
	approved := g.note
	g.note = after(g.r, approved, 120, 700)
	g.tr.NoticeDate = iso(g.note)
	g.pages = 1 + g.r.IntN(2)
	d := g.d
	office := strings.Split(pick(g.r, offices), "|")
	d.center(46, "Times", "B", 12, "U.S. Department of Homeland Security")
	d.center(59, "Times", "", 10.5, "U.S. Citizenship and Immigration Services")
	d.center(70, "Times", "", 9, office[1]+"  |  "+office[2]+"  |  "+office[3])
	if g.chance(0.4) {
		d.rightAlign(right, 34, "Helvetica", "", 7.5, "Form I-797E, Notice of Action")
	}
	d.line(left+60, 76, right-60, 76)
	dateFn := pick(g.r, []func(time.Time) string{long, long, numeric})
	if g.chance(0.5) {
		d.rightAlign(right, 96, "Times", "", 10.5, "Date: "+dateFn(g.note))
	} else {
		d.rightAlign(right, 96, "Times", "", 10.5, dateFn(g.note))
	}
	d.y = 96
	petitioner, beneficiary := pick(g.r, surnames)+", "+pick(g.r, givens), g.person
	if g.f.code == "I-140" || g.f.code == "I-129" {
		petitioner = pick(g.r, employers)
	}
	if g.f.code == "I-360" && g.chance(0.5) {
		petitioner = beneficiary // a self-petition
	}
	g.address(petitioner)
	g.tr.ReceivedDate = iso(g.recv)
	re := [][2]string{
		{"RE:", "Form " + g.f.code + ", " + titleCase(g.f.title)},
		{pick(g.r, []string{"Receipt Number:", "Receipt No.:", "Case Number:"}), pick(g.r, []func(string) string{func(s string) string { return s }, receiptDashed})(g.own)},
		{pick(g.r, []string{"Received Date:", "Date Filed:", "Filed:"}), dateFn(g.recv)},
		{"Petitioner:", petitioner},
		{"Beneficiary:", beneficiary},
	}
	if g.f.priority && g.chance(0.5) {
		g.prio = g.recv
		if g.f.code == "I-140" {
			g.prio = g.recv.AddDate(0, -3-g.r.IntN(20), -g.r.IntN(20))
		}
		g.tr.PriorityDate = iso(g.prio)
		re = append(re, [2]string{"Priority Date:", dateFn(g.prio)})
	} else {
		g.tr.PriorityDate = "" // the letter prints none
	}
	if g.chance(0.5) {
		a := aNumber(g.r)
		g.addA(a)
		re = append(re, [2]string{pick(g.r, []string{"A-Number:", "A#:", "Beneficiary A#:"}), printA(g.r, a)})
	}
	d.y += 8
	for _, r := range re {
		d.y += d.vsize + 3
		d.text(left, d.y, d.label, "B", d.lsize+1.5, r[0])
		d.text(left+105, d.y, d.value, "", d.vsize, r[1])
	}
	g.tr.NoticeType = "Notice of Intent to Revoke"
	d.y += 22
	d.center(d.y, "Times", "B", 12.5, pick(g.r, []string{"NOTICE OF INTENT TO REVOKE", "Notice of Intent to Revoke", "NOTICE OF INTENT TO REVOKE APPROVAL OF PETITION"}))
	d.y += 4
	salutation := "Dear Sir or Madam:" // to a company
	if _, given, ok := strings.Cut(petitioner, ", "); ok {
		salutation = "Dear " + given + ":"
	}
	g.body(salutation,
		"On "+g.bdate(g.recv)+", you filed the petition named above, and on "+g.bdate(approved)+", U.S. Citizenship and Immigration Services (USCIS) approved it. Section 205 of the Immigration and Nationality Act provides that USCIS may, at any time, for what it deems good and sufficient cause, revoke the approval of a petition.")
	visit := after(g.r, approved, 60, 180)
	reason := "The record contains evidence that the marriage on which the petition is based was entered into for the purpose of obtaining an immigration benefit."
	switch g.f.code {
	case "I-140", "I-129":
		reason = "On " + g.bdate(visit) + ", an officer visited the work location named in the petition. The officer found no office of the petitioner at that address, and the person there stated that the beneficiary has never worked there."
	case "I-360":
		reason = "The evidence submitted does not establish that the religious organization exists as described in the petition, and letters in the record could not be verified."
	}
	g.body("USCIS intends to revoke the approval for the following reason: "+reason, "Based on the evidence in the record, the petition was approved in error.")
	if g.f.code != "I-129" && g.chance(0.5) { // an immigrant petition may carry an adjustment
		g.body("Form I-485, receipt number " + g.related([]string{"MSC", "NBC", "IOE", g.own[:3]}) + ", filed by the beneficiary on the basis of this petition, remains pending and may be denied if the approval is revoked.")
	}
	if g.pages == 2 {
		g.continuation()
	}
	due := workday(g.note.AddDate(0, 0, 33))
	g.tr.Events = append(g.tr.Events, event("noid-due", due, ""))
	switch g.r.IntN(3) {
	case 0:
		g.body("You may submit evidence in rebuttal of the grounds above. You have 30 days from the date of this notice, and 3 more if it was mailed, to respond.")
		d.y += 4
		d.text(left+20, d.y+10, d.label, "B", d.lsize+2, pick(g.r, []string{"RESPONSE DUE:", "Your response is due by:"}))
		d.text(left+200, d.y+10, d.value, "B", d.vsize+1, pick(g.r, []func(time.Time) string{numeric, long})(due))
		d.y += 18
	case 1:
		g.body("Your rebuttal, with a copy of this notice on top, must be received by this office no later than " + g.bdate(due) + ".")
	default:
		g.body("If you wish to respond, submit your evidence by " + g.bdate(due) + " to the address at the top of this letter.")
	}
	g.body("If you do not respond by that date, or your response does not overcome the grounds above, the approval of the petition will be revoked. This notice is not a decision; you cannot appeal it.",
		"Sincerely,", pick(g.r, []string{"Center Director", "Field Office Director", "Director, Fraud Detection and National Security"}))
	g.footer()
}
