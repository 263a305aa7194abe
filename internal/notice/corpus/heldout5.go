package corpus

import (
	"fmt"
	"strings"
	"time"
)

// fieldBoxes draws a header of rows of boxes ruled in a heavy line, each value in bold inside
// its box and its label in tiny capitals just above the box's top edge: a form-like design.
// Each cell's w is its share of the row.
func (g *gen) fieldBoxes(rows [][]cell) {
	d := g.d
	gap := 6.0
	boxH := d.vsize + 9
	tiny := 6.0 + 0.5*float64(g.r.IntN(2))
	d.pdf.SetLineWidth(1.3)
	for _, row := range rows {
		d.y += tiny + 6 // the labels' line
		x := left
		for _, c := range row {
			w := c.w*(contentW+gap) - gap
			d.text(x+1, d.y-2, "Helvetica", "", tiny, strings.ToUpper(c.label))
			d.rect(x, d.y, w, boxH)
			d.text(x+5, d.y+boxH-5, d.value, "B", d.vsize, c.value)
			x += w + gap
		}
		d.y += boxH + 2
	}
	d.pdf.SetLineWidth(0.6)
	d.y += 4
}

// n400Receipt is the receipt of an application for naturalization in a form-like header of
// heavy boxes (fieldBoxes). Applicants are permanent residents, so the A-number is printed on
// nearly all; most file online, so the account number is printed on most.
//
// Truth: a "Receipt Notice" for the N-400. N-400 receipts print a Priority Date box, which
// holds the received date on some and is empty on others; the truth has what the box holds.
// The body's dates (none is printed as a header date) are history or instructions.
func n400Receipt(g *gen) {
	g.modern = true
	g.setup([]string{"N-400"}, []string{"IOE", "IOE", "IOE", "NBC", "MSC", "LIN"}, 1, 20)
	g.longDates = g.chance(0.1)
	g.banner()
	g.tr.ReceivedDate = iso(g.recv)
	if g.chance(0.6) {
		g.prio = g.recv
		g.tr.PriorityDate = iso(g.prio)
	}
	rc := cell{label: pick(g.r, []string{"Receipt Number", "Receipt Number", "Receipt #"}), value: g.own}
	ct := cell{label: pick(g.r, []string{"Case Type", "Form"}), value: pick(g.r, []string{"N400 - APPLICATION FOR NATURALIZATION", "N-400, Application for Naturalization"})}
	recvd := cell{label: pick(g.r, receivedLabels), value: g.hdate(g.recv)}
	prio := cell{label: "Priority Date", value: g.hdate(g.prio)}
	note := cell{label: pick(g.r, noticeLabels), value: g.hdate(g.note)}
	page := cell{label: "Page", value: "1 of 1"}
	app := cell{label: "Applicant", value: g.person}
	var more []cell
	if g.chance(0.92) {
		a := aNumber(g.r)
		g.addA(a)
		more = append(more, cell{label: pick(g.r, []string{"Applicant A#", "A-Number", "USCIS#", "A#"}), value: printA(g.r, a)})
	}
	if strings.HasPrefix(g.own, "IOE") || g.chance(0.3) {
		more = append(more, g.accountCell())
	}
	var rows [][]cell
	if g.chance(0.5) {
		rc.w, ct.w = 0.32, 0.68
		recvd.w, prio.w, note.w, page.w = 0.24, 0.24, 0.24, 0.28
		app.w = 1
		rows = [][]cell{{rc, ct}, {recvd, prio, note, page}, {app}}
	} else {
		rc.w, recvd.w, note.w, page.w = 0.34, 0.24, 0.24, 0.18
		ct.w, prio.w = 0.7, 0.3
		app.w = 1
		rows = [][]cell{{rc, recvd, note, page}, {ct, prio}, {app}}
	}
	if len(more) > 0 {
		app.w = 0.4
		rows[2][0] = app
		for _, c := range more {
			c.w = 0.6 / float64(len(more))
			rows[2] = append(rows[2], c)
		}
	}
	g.fieldBoxes(rows)
	g.address(g.person)
	g.noticeType("Receipt Notice", "Receipt Notice")
	ps := []string{
		"This notice confirms that USCIS received your Form N-400, Application for Naturalization. Please verify your personal information listed above and notify us immediately if any of it is wrong.",
		"BIOMETRICS: If we need your fingerprints, photograph and signature, we will mail you a notice with the date, time and place of your appointment. We may instead reuse biometrics you gave before.",
		"INTERVIEW: We will mail you a notice of the date, time and place of your naturalization interview, where you will take the English and civics tests. Bring your Permanent Resident Card, your passports and this notice.",
	}
	if g.chance(0.4) {
		ps = append(ps, "You filed within 90 days before the date on which you become eligible. We will not approve your application before "+g.bdate(after(g.r, g.recv, 10, 85))+".")
	}
	ps = append(ps, "If you move, update your address online within 10 days of moving. You can check your case status and processing times at uscis.gov.")
	g.paras(g.chance(0.5), ps...)
	g.footer()
}

// motionReceipt is the receipt of Form I-290B, a motion to reopen or reconsider, or an appeal,
// of a decision that denied an earlier case.
//
// Truth: the notice's own case is the I-290B: its receipt number heads the notice and the Case
// Type names it, and the motion is filed, tracked and decided under that number. So the form
// is I-290B. The body names the denied case, its receipt number (a related case, among the
// other receipts) and its form (not the notice's), and the date of the denial (history).
func motionReceipt(g *gen) {
	g.modern = g.chance(0.5)
	g.setup([]string{"I-485"}, centres, 2, 40)
	g.f = form{"I-290B", "NOTICE OF APPEAL OR MOTION", false}
	g.tr.Form = g.f.code
	g.longDates = g.chance(0.2)
	g.banner()
	g.header()
	g.address(g.person)
	d := g.d
	// Only some denials can be appealed on the I-290B (an I-130's appeal goes to the Board of
	// Immigration Appeals, an I-485's denial has none); every one can be the subject of a motion.
	denied := pick(g.r, []string{"I-485", "I-130", "I-140", "I-140", "I-129", "I-129", "I-765", "I-751", "I-131", "I-539"})
	kinds := [][2]string{ // as the section line and as the body say it
		{"Motion to Reopen", "a motion to reopen"}, {"Motion to Reconsider", "a motion to reconsider"},
		{"Motion to Reopen and Reconsider", "a motion to reopen and reconsider"},
	}
	if denied == "I-140" || denied == "I-129" {
		kinds = append(kinds, [2]string{"Appeal to the Administrative Appeals Office", "an appeal to the Administrative Appeals Office"})
	}
	k := pick(g.r, kinds)
	kind := k[0]
	fee := "$675.00" // the fee until April 1, 2024
	if !g.recv.Before(time.Date(2024, time.April, 1, 0, 0, 0, 0, time.UTC)) {
		fee = "$800.00"
	}
	d.y += 4
	d.text(left, d.y+10, d.value, "", d.vsize, "Amount received: "+fee+" U.S.")
	d.text(left+200, d.y+10, d.value, "", d.vsize, "Section: "+kind)
	d.y += 12
	g.noticeType("Receipt Notice", "Receipt Notice")
	deniedOn := after(g.r, g.recv, -30, -3)
	earlier := g.related(centres)
	ps := []string{
		"We have received your Form I-290B, Notice of Appeal or Motion, filed as " + k[1] + ". It concerns our decision of " + g.bdate(deniedOn) + " denying your Form " + denied + ", " + titleCase(forms[denied].title) + ", receipt number " + earlier + ".",
		"Please use the receipt number of this notice when you write to us about the " + pick(g.r, []string{"motion", "filing"}) + ". The denied case keeps its own receipt number.",
	}
	if strings.HasPrefix(kind, "Appeal") {
		ps = append(ps, "The office that made the decision will first review your appeal. If it does not take favorable action within 45 days, it will forward the appeal to the Administrative Appeals Office, which will decide it.")
	} else {
		ps = append(ps, "A motion does not stay the decision it concerns. We will send you a decision on the motion by mail; if we need more evidence, we will ask for it.")
	}
	ps = append(ps, "You can check the status of this filing at uscis.gov/casestatus with the receipt number above.")
	g.paras(g.modern && g.chance(0.5), ps...)
	g.footer()
}

// fingerprintOld is the older appointment notice for fingerprints: the old grid, capitals
// throughout, the appointment in a ruled table of two columns (the centre's address, the date
// and time), what to bring, and a "REQUEST FOR RESCHEDULING" part to return by mail with its
// own date, by which the request must arrive: a deadline of the person's choosing, no
// appointment.
//
// Truth: a "Biometrics Appointment" (the names the notice prints, "Fingerprint Notification"
// or "ASC Appointment Notice", are what docs/cli.md calls that), and its one event the
// appointment in the table.
func fingerprintOld(g *gen) {
	// No I-485: its title runs past the page's edge in the old grid's cells.
	g.start(false, []string{"I-765", "I-765", "I-90", "I-751", "N-400", "I-131", "I-539"}, centres, 5, 40, 1)
	g.noticeType(pick(g.r, []string{"Fingerprint Notification", "ASC Appointment Notice"}), "Biometrics Appointment")
	at := after(g.r, g.note, 14, 45)
	printed, truth := clock(g.r)
	printed = strings.TrimPrefix(printed, "0")
	g.tr.Events = append(g.tr.Events, event("biometrics", at, truth))
	g.body("TO PROCESS YOUR APPLICATION, USCIS MUST TAKE YOUR FINGERPRINTS. PLEASE APPEAR AT THE APPLICATION SUPPORT CENTER BELOW AT THE DATE AND TIME SPECIFIED. IF YOU ARE UNABLE TO DO SO, COMPLETE THE BOTTOM OF THIS NOTICE AND RETURN THE ENTIRE ORIGINAL NOTICE TO THE ADDRESS ABOVE.")
	d := g.d
	top := d.y + 6
	split := left + contentW*0.56
	heads := pick(g.r, [][2]string{{"APPLICATION SUPPORT CENTER", "DATE AND TIME OF APPOINTMENT"}, {"PLACE", "DATE / TIME"}})
	d.text(left+6, top+11, d.label, "B", d.lsize+1, heads[0])
	d.text(split+6, top+11, d.label, "B", d.lsize+1, heads[1])
	d.line(left, top+15, right, top+15)
	city := strings.Split(pick(g.r, cities), " ")[0]
	for i, l := range []string{"USCIS " + city, fmt.Sprintf("%d %s", 100+g.r.IntN(900), pick(g.r, streets)), "SUITE " + fmt.Sprint(100+g.r.IntN(400)), pick(g.r, cities)} {
		d.text(left+6, top+29+float64(i)*12, d.value, "", d.vsize, l)
	}
	date := pick(g.r, []func(time.Time) string{numeric, numeric, func(t time.Time) string { return strings.ToUpper(long(t)) }, weekday})(at)
	d.text(split+6, top+29, d.value, "", d.vsize+1, date)
	d.text(split+6, top+43, d.value, "", d.vsize+1, printed)
	if g.chance(0.4) {
		d.text(split+6, top+57, d.value, "", d.vsize, "CODE: "+fmt.Sprint(1+g.r.IntN(3)))
	}
	bottom := top + 78
	d.rect(left, top, contentW, bottom-top)
	d.line(split, top, split, bottom)
	d.y = bottom + 4
	g.body("WHEN YOU GO TO THE APPLICATION SUPPORT CENTER TO HAVE YOUR FINGERPRINTS TAKEN, YOU MUST BRING: 1. THIS APPOINTMENT NOTICE AND 2. PHOTO IDENTIFICATION. ACCEPTABLE KINDS OF PHOTO IDENTIFICATION ARE: A PASSPORT OR NATIONAL PHOTO IDENTIFICATION ISSUED BY YOUR COUNTRY, A DRIVER'S LICENSE, A MILITARY PHOTO IDENTIFICATION, OR A STATE-ISSUED PHOTO IDENTIFICATION CARD.",
		"APPLICANTS WHO FAIL TO APPEAR AND DO NOT ASK FOR A NEW APPOINTMENT WILL HAVE THEIR APPLICATION CONSIDERED ABANDONED.")
	if g.chance(0.3) {
		g.body("THIS APPOINTMENT IS ALSO FOR YOUR APPLICATION WITH RECEIPT NUMBER " + g.related(centres) + ".")
	}
	d.y += 4
	d.dashed(d.y)
	d.y += 4
	d.text(left, d.y+10, d.label, "B", d.lsize+2, pick(g.r, []string{"REQUEST FOR RESCHEDULING", "RESCHEDULE"}))
	d.y += 28
	box := func(x float64, s string) float64 {
		d.rect(x, d.y-7, 7, 7)
		d.text(x+11, d.y, d.body, "", d.bodySize, s)
		return x + 11 + d.width(d.body, "", d.bodySize, s) + 14
	}
	x := box(left, "Please reschedule my appointment for the next available:")
	x = box(x, "Wednesday afternoon")
	if x+80 < right {
		box(x, "Saturday afternoon")
	}
	g.body("USCIS CANNOT GUARANTEE THE DAY PREFERRED, BUT WILL DO SO TO THE EXTENT POSSIBLE. UPON RECEIPT OF YOUR REQUEST, YOU WILL BE PROVIDED A NEW APPOINTMENT NOTICE. YOUR REQUEST MUST REACH THE ADDRESS ABOVE BY " + strings.ToUpper(strings.ReplaceAll(g.bdate(at.AddDate(0, 0, -7)), " ", nb)) + ".")
	g.footer()
}

// eoirHearing is a decoy: the immigration court's notice of hearing in removal proceedings,
// from the Department of Justice (EOIR), not USCIS. It names the respondent's A-number as the
// court's file number and sets a hearing before an immigration judge.
//
// Truth, by the rule for decoys in docs/notice-corpus.md (no receipt, form, type, notice or
// received date; keep what is printed with the same meaning as on a USCIS notice): the file
// number is the person's A-number, the same number a USCIS header prints, so it is kept; the
// letter's date is a letter's and kept nowhere. The hearing is a dated appointment the person
// must keep, as the consular interview is, so it is an event. It is no biometrics visit and no
// interview, so its kind is "appointment", the vocabulary's kind for other appointments.
func eoirHearing(g *gen) {
	d := g.d
	letter := day(g.r)
	at := after(g.r, letter, 40, 300)
	h, m := 8+g.r.IntN(6), pick(g.r, []int{0, 30, 0, 30, 15})
	h12, pm := twelveHour(h)
	suffix := "A.M."
	if pm {
		suffix = "P.M."
	}
	clockFmt := pick(g.r, []string{"%02d:%02d %s", "%d:%02d %s"})
	printed := fmt.Sprintf(clockFmt, h12, m, suffix)
	g.tr.Events = append(g.tr.Events, event("appointment", at, fmt.Sprintf("%02d:%02d", h, m)))
	a := aNumber(g.r)
	g.addA(a)
	file := pick(g.r, []func(string) string{
		func(a string) string { return "A" + a[1:4] + "-" + a[4:7] + "-" + a[7:] },
		func(a string) string { return a[1:4] + "-" + a[4:7] + "-" + a[7:] },
		func(a string) string { return printA(g.r, a) },
	})(a)
	dateFn := pick(g.r, []func(time.Time) string{abbrev, long, numeric})
	city := pick(g.r, cities)
	court := fmt.Sprintf("%d %s, SUITE %d", 100+g.r.IntN(900), pick(g.r, streets), 200+g.r.IntN(1500))
	d.center(44, "Times", "B", 11, "UNITED STATES DEPARTMENT OF JUSTICE")
	d.center(56, "Times", "B", 10, "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW")
	d.center(68, "Times", "", 10, "IMMIGRATION COURT")
	d.center(79, "Times", "", 9, court+", "+city)
	d.y = 86
	person := pick(g.r, surnames) + ", " + pick(g.r, givens)
	lines := []string{person, fmt.Sprintf("%d %s", 10+g.r.IntN(9000), pick(g.r, streets)), pick(g.r, cities)}
	if g.chance(0.3) { // served on the representative of record
		lines = append([]string{"c/o " + pick(g.r, givens) + " " + pick(g.r, surnames) + ", ESQ."}, lines[1:]...)
		lines = append([]string{person}, lines...)
	}
	d.y += 20
	d.text(left, d.y, "Courier", "B", 10, "To:")
	for _, l := range lines {
		d.text(left+32, d.y, "Courier", "", 10, l)
		d.y += 11
	}
	d.y += 10
	d.y += 4
	caption := "RE: " + person
	d.text(left, d.y, "Courier", "B", 10, caption)
	d.rightAlign(right, d.y, "Courier", "B", 10, pick(g.r, []string{"FILE: ", "File No.: ", "A-Number: "})+file)
	d.y += 13
	d.text(left, d.y, "Courier", "B", 10, "DATE: "+dateFn(letter))
	d.y += 20
	d.center(d.y, "Times", "B", 12, pick(g.r, []string{"NOTICE OF HEARING IN REMOVAL PROCEEDINGS", "NOTICE OF IN-PERSON HEARING IN REMOVAL PROCEEDINGS"}))
	d.y += 4
	kind := pick(g.r, []string{"a MASTER", "an INDIVIDUAL"})
	when := strings.ReplaceAll(dateFn(at)+" at "+printed, " ", nb)
	g.body("Please take notice that the above captioned case has been scheduled for "+kind+" hearing before the Immigration Judge on "+when+" at:",
		court+", "+city+".",
		"You may be represented in these proceedings, at no expense to the Government, by an attorney or other individual authorized and qualified to represent persons before an Immigration Court. Your hearing date has not been scheduled earlier than 10 days from the date of service of the Notice to Appear in order to permit you the opportunity to obtain an attorney or representative.",
		"If you fail to appear for your scheduled hearing without good cause, the Immigration Judge may order you removed from the United States in your absence.",
		"You can check your case at any time by calling 1-800-898-7180 or at acis.eoir.justice.gov, with your A-number.")
	d.y += 10
	d.line(left, d.y, right, d.y)
	d.y += 12
	d.text(left, d.y, "Courier", "B", 9, "CERTIFICATE OF SERVICE")
	d.paraFont(left, contentW, "THIS DOCUMENT WAS SERVED BY: [ ] MAIL (M) [ ] PERSONAL SERVICE (P) [ ] ELECTRONIC SERVICE (E) TO: [ ] NONCITIZEN [ ] NONCITIZEN c/o Custodial Officer [ ] NONCITIZEN'S ATT/REP [ ] DHS", "Courier", "", 8.5)
	d.paraFont(left, contentW, "DATE: "+strings.ReplaceAll(dateFn(letter), " ", nb)+"   BY: COURT STAFF "+pick(g.r, []string{"JD", "MK", "RT", "LS"}), "Courier", "", 8.5)
}
