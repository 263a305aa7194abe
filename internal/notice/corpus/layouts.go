package corpus

import (
	"fmt"
	"strings"
	"time"

	"immivault/internal/notice/noticetest"
)

var layouts = []Layout{
	{"i797-approval-classic", "I-797", "approval of a petition on the pre-2020 boxed grid", false, approval(false)},
	{"i797-approval-2020", "I-797", "approval of a petition in the newer design: boxed or colon header, two-column body", false, approval(true)},
	{"i797a-extension-i94", "I-797A", "approval with extension of stay and the replacement I-94 to tear off at the bottom", false, i797a},
	{"i797b-worker-approval", "I-797B", "approval of a worker petition for a beneficiary abroad, no I-94", false, i797b},
	{"i797c-receipt-classic", "I-797C", "receipt notice on the pre-2020 boxed grid", false, receiptNotice(false)},
	{"i797c-receipt-2020", "I-797C", "receipt notice in the newer design, online account number, two-column body", false, receiptNotice(true)},
	{"i797c-biometrics-classic", "I-797C", "ASC appointment notice, old design, appointment box", false, biometrics(false)},
	{"i797c-biometrics-2020", "I-797C", "ASC appointment notice, newer design, instructions in two columns", false, biometrics(true)},
	{"i797c-interview", "I-797C", "interview appointment at a field office, often with a second page of what to bring", false, interview},
	{"i797c-transfer", "I-797C", "transfer of a case to another office", false, transfer},
	{"i797c-rejection", "I-797C", "rejection of a filing, with the reasons", false, rejection},
	{"i797d-card", "I-797D", "approval that carries the card (work permit or green card) at the bottom", false, i797d},
	{"i797e-rfe", "I-797E", "request for evidence, two pages, response due date", false, rfe},
	{"i797f-transportation", "I-797F", "transportation letter for a beneficiary abroad", false, i797f},
	{"decoy-nvc-welcome", "letter", "National Visa Center welcome and fee letter: NVC case number, invoice ID", true, nvcWelcome},
	{"decoy-consulate-interview", "letter", "consulate's immigrant visa interview letter", true, consulateInterview},
	// Held out (heldout.go): added after the extractor was developed on the layouts above.
	{"i797c-rescheduled-biometrics", "I-797C", "ASC appointment moved: the old date in the body, the new one in the box", false, rescheduled},
	{"i797-denial", "I-797", "denial of a case, naming the appeal form I-290B and the dates of the case's history", false, denial},
	{"i797c-multi-receipt", "I-797C", "receipt notice for forms filed together, their receipt numbers in a table", false, multiReceipt},
	// Held out (heldout2.go, heldout3.go): written apart from the extractor, without reading its
	// rules or scores.
	{"i797e-noid", "I-797E", "notice of intent to deny on letterhead: reference block beside the address, printed response due date", false, noid},
	{"i797c-interview-rescheduled", "I-797C", "interview moved: the old date and time in a sentence, the new ones set out below", false, interviewRescheduled},
	{"i797c-biometrics-reuse", "I-797C", "receipt notice saying earlier biometrics will be reused: dates, but no appointment", false, biometricsReuse},
	{"i797-approval-online-account", "I-797", "approval downloaded from the USCIS online account: labels down one column, dates written out", false, onlineApproval},
	{"i797c-premium-processing", "I-797C", "receipt of an I-907 premium processing request for an I-129 or I-140, two-box header", false, premium},
	{"i797c-fee-receipt-renewal", "I-797C", "receipt for a work permit renewal (I-765) or card replacement (I-90), two-box header in small capitals", false, feeReceipt},
	{"decoy-cbp-i94", "letter", "CBP I-94 website printout: admission record number, entry and admit-until dates", true, cbpI94},
	// Held out (heldout4.go, heldout5.go): the third batch written apart from the extractor.
	{"i797-approval-i751", "I-797", "approval of a petition to remove conditions, labels in a shaded sidebar, new card to follow", false, approvalI751},
	{"i797c-welcome-notice", "I-797C", "I-485 approval headed \"Welcome to the United States of America\", with the card's information", false, welcomeNotice},
	{"i797e-noir", "I-797E", "notice of intent to revoke an approved petition, a letter with a RE: block and a printed response date", false, noir},
	{"i797c-n400-receipt-modern", "I-797C", "N-400 receipt with a header of heavy boxes, labels in tiny capitals above them", false, n400Receipt},
	{"i797c-motion-receipt", "I-797C", "receipt of an I-290B motion or appeal, naming the denied case's receipt number and form", false, motionReceipt},
	{"i797c-biometrics-fingerprint-old", "I-797C", "older fingerprint appointment notice: two-column appointment table, a rescheduling part to mail back", false, fingerprintOld},
	{"decoy-eoir-hearing", "letter", "immigration court notice of hearing: the A-number as file number, the hearing date and time", true, eoirHearing},
	// Held out (heldout6.go, heldout7.go): the fourth batch written apart from the extractor.
	{"i797-approval-i130-2024", "I-797", "approval of an I-130 or I-129F in the newest design: large title, label-over-value column at the right", false, approvalNewest},
	{"i797c-ead-receipt-c09", "I-797C", "receipt of a (c)(9) work permit application, the automatic extension and its dates in the body", false, eadReceiptC09},
	{"i797c-asylum-receipt", "I-797C", "asylum office receipt of an I-589: Z-prefixed receipt number, dependants' A-numbers, the 150-day clock", false, asylumReceipt},
	{"i797c-interview-n400-oath-same-day", "I-797C", "N-400 interview notice, date and time in a boxed cell on two lines, a possible same-day oath", false, n400InterviewOath},
	{"i797-approval-i131-reentry", "I-797", "approval of a re-entry permit, refugee travel document or advance parole: validity and mailing in the body", false, reentryApproval},
	{"decoy-uscis-fee-payment-receipt", "letter", "Pay.gov confirmation of a USCIS fee: tracking IDs, one shaped like a receipt number", true, payGovReceipt},
}

var (
	centres = []string{"EAC", "WAC", "LIN", "SRC", "MSC", "IOE", "YSC"}
	local   = []string{"MSC", "NBC", "IOE"}
)

// start draws the first part every I-797 shares: banner, header, address.
func (g *gen) start(modern bool, choices, prefixes []string, minDays, maxDays, pages int) {
	g.modern = modern
	g.setup(choices, prefixes, minDays, maxDays)
	g.pages = pages
	g.longDates = g.chance(0.12)
	if !modern {
		g.longDates = g.chance(0.25) // older notices wrote some header dates out
	}
	g.banner()
	g.header()
	to := g.person
	if g.other != "" && g.chance(0.6) {
		to = g.other
	}
	g.address(to)
}

// paras writes the body in one column or, on newer notices sometimes, two.
func (g *gen) paras(twoCol bool, ps ...string) {
	if twoCol {
		g.d.y += 4
		g.d.columns(ps)
		return
	}
	g.body(ps...)
}

func approval(modern bool) func(*gen) {
	return func(g *gen) {
		g.start(modern, []string{"I-130", "I-130", "I-129F", "I-140", "I-360", "I-526E", "I-751", "I-765"}, centres, 80, 600, 1)
		g.noticeType("Approval Notice", "Approval Notice")
		ps := []string{"The above petition has been approved."}
		if g.f.code == "I-751" || g.f.code == "I-765" {
			ps[0] = "The above application has been approved."
		}
		switch g.f.code {
		case "I-130", "I-129F", "I-360":
			ps = append(ps, "We have sent the original visa petition to the Department of State National Visa Center (NVC), 31 Rochester Avenue, Portsmouth, NH 03801-2909. NVC processes all approved immigrant visa petitions that need consular action. NVC will contact the person for whom you are petitioning (beneficiary) with instructions.")
		case "I-765":
			valid := after(g.r, g.note, 0, 20)
			ps = append(ps, "Valid from "+g.bdate(valid)+" to "+g.bdate(valid.AddDate(2, 0, -1))+". Your card will be mailed separately.")
		case "I-751":
			ps = append(ps, "The conditions on your permanent resident status have been removed as of "+g.bdate(g.note)+". You will receive a new card.")
		default:
			ps = append(ps, "The beneficiary may use this notice to show the approval of the petition. This notice does not grant any immigration status or benefit.")
		}
		if g.chance(0.35) {
			ps = append(ps, "You filed this petition together with another case. Form I-485, receipt number "+g.related(centres)+", will be decided separately and you will receive a notice for it.")
		}
		ps = append(ps, "THIS FORM IS NOT A VISA AND MAY NOT BE USED IN PLACE OF A VISA.", "The approval of this petition does not in itself grant any immigration status and does not guarantee that the beneficiary will later be found eligible.")
		g.paras(modern && g.chance(0.5), ps...)
		g.footer()
	}
}

func i797a(g *gen) {
	g.start(g.chance(0.5), []string{"I-129", "I-129", "I-539"}, []string{"WAC", "EAC", "LIN", "SRC", "IOE"}, 30, 200, 1)
	class := pick(g.r, []string{"H1B", "L1A", "O1A", "H4", "TN1", "E2"})
	from := after(g.r, g.note, -10, 60)
	to := from.AddDate(2+g.r.IntN(2), 0, -1)
	d := g.d
	d.y += 6
	d.text(left, d.y+10, d.value, "", d.vsize, "Class: "+class)
	d.text(left+170, d.y+10, d.value, "", d.vsize, "Valid from "+numeric(from)+" to "+numeric(to))
	d.y += 14
	g.noticeType("Approval Notice", "Approval Notice")
	subject := "petition and extension of stay have"
	if g.f.code == "I-539" {
		subject = "application to extend stay has"
	}
	g.body("The above "+subject+" been approved. The named beneficiary has been granted the requested classification and extension of stay for the validity period shown above.",
		"The bottom part of this notice is a replacement Form I-94, Arrival-Departure Record. Keep it with your passport. If the beneficiary leaves the United States, the beneficiary must present the I-94 when departing.",
		"Please contact the consulate at "+pick(g.r, []string{"Frankfurt", "Mumbai", "Manila", "Monterrey"})+" with any questions about visas.")
	// The tear-off: the I-94 repeats the notice's own receipt number; its number is 11
	// characters and its dates are the stay's, none of them header fields.
	y := max(d.y+20, 560)
	d.dashed(y)
	d.text(left, y+14, "Helvetica", "", 7, "PLEASE TEAR OFF THIS PART AND KEEP IT WITH YOUR PASSPORT")
	i94 := digits(g.r, 9) + pick(g.r, []string{"A", "B", "C", "D", "E"}) + digits(g.r, 1)
	lines := [][2]string{
		{"Receipt#", strings.ReplaceAll(g.own, "-", "")},
		{"I-94#", i94},
		{"Name", g.person},
		{"Class", class},
		{"Until", numeric(to)},
	}
	for i, l := range lines {
		d.text(left+300, y+36+float64(i)*14, "Helvetica", "B", 8, l[0])
		d.text(left+360, y+36+float64(i)*14, "Courier", "", 10, l[1])
	}
	d.text(left, y+40, "Helvetica", "B", 10, "Form I-94")
	d.text(left, y+52, "Helvetica", "", 8, "Arrival-Departure Record")
	d.y = y + 110
	g.footer()
}

func i797b(g *gen) {
	g.start(g.chance(0.5), []string{"I-129", "I-129", "I-140"}, []string{"WAC", "EAC", "LIN", "SRC", "IOE"}, 30, 300, 1)
	d := g.d
	if g.f.code == "I-129" {
		from := after(g.r, g.note, 10, 120)
		d.y += 6
		d.text(left, d.y+10, d.value, "", d.vsize, "Class: "+pick(g.r, []string{"H1B", "L1B", "O1B", "P1"}))
		d.text(left+170, d.y+10, d.value, "", d.vsize, "Valid from "+numeric(from)+" to "+numeric(from.AddDate(3, 0, -1)))
		d.y += 14
	}
	g.noticeType("Approval Notice", "Approval Notice")
	post := pick(g.r, []string{"Chennai", "Guangzhou", "Ciudad Juarez", "London", "Lagos"})
	g.body("The above petition has been approved. The petition indicates that the person for whom you are petitioning is outside the United States.",
		"We have notified the Department of State and the U.S. consulate at "+post+" of the approval. The beneficiary should contact the consulate to apply for a visa. This notice is not a visa and cannot be used in place of one.",
		"The approval of this petition does not grant the beneficiary any status in the United States. No Form I-94 is attached to this notice.")
	g.footer()
}

func receiptNotice(modern bool) func(*gen) {
	return func(g *gen) {
		g.start(modern, []string{"I-485", "I-485", "I-765", "I-131", "I-130", "I-90", "I-751", "N-400", "I-821D", "I-539", "I-129F", "I-601A"}, centres, 2, 30, 1)
		d := g.d
		fee := pick(g.r, []string{"$675.00", "$1,440.00", "$520.00", "$760.00", "$470.00", "$0.00"})
		d.y += 4
		d.text(left, d.y+10, d.value, "", d.vsize, "Amount received: "+fee+" U.S.")
		if g.f.code == "I-485" {
			d.text(left+200, d.y+10, d.value, "", d.vsize, "Section: Adjustment as direct beneficiary of immigrant petition")
		}
		d.y += 12
		g.noticeType("Receipt Notice", "Receipt Notice")
		ps := []string{"This notice confirms that USCIS received your " + pick(g.r, []string{"application", "form"}) + ". Your case has been received and is being processed. Please verify that the information in this notice is correct; if it is not, contact us."}
		if g.chance(0.4) {
			ps = append(ps, "We also received the following related case, which will be processed with yours: receipt number "+g.related(local)+".")
		}
		ps = append(ps,
			"BIOMETRICS: We will mail you a notice with the date, time, and place of your biometrics appointment, if you need one. Do not go to an Application Support Center before you receive that notice.",
			"PROCESSING TIMES: Processing times vary by form type. You can check the current processing times for this kind of case at uscis.gov/processing-times. You can also see the status of your case online at uscis.gov/casestatus.",
			"If you move, update your address within 10 days of moving at uscis.gov/addresschange.")
		g.paras(modern && g.chance(0.6), ps...)
		g.footer()
	}
}

func biometrics(modern bool) func(*gen) {
	return func(g *gen) {
		g.start(modern, []string{"I-485", "I-765", "I-90", "I-751", "N-400", "I-539", "I-821D", "I-131"}, centres, 5, 40, 1)
		g.noticeType(pick(g.r, []string{"ASC Appointment Notice", "Biometrics Appointment Notice"}), "Biometrics Appointment")
		at := after(g.r, g.note, 10, 40)
		printed, truth := clock(g.r)
		g.tr.Events = append(g.tr.Events, event("biometrics", at, truth))
		intro := "To process your case, USCIS must collect your biometrics (fingerprints, photograph and signature). Please come to the Application Support Center shown below at the date and time specified."
		g.body(intro)
		// The appointment box: the centre's address on the left, the date and time on the right.
		d := g.d
		top := d.y + 4
		city := strings.Split(pick(g.r, cities), " ")[0]
		asc := []string{"APPLICATION SUPPORT CENTER", "USCIS " + city, fmt.Sprintf("%d %s", 100+g.r.IntN(900), pick(g.r, streets)), pick(g.r, cities)}
		for i, l := range asc {
			d.text(left+6, top+14+float64(i)*12, d.value, "", d.vsize, l)
		}
		label := pick(g.r, []string{"DATE AND TIME OF APPOINTMENT", "Date and Time of Appointment", "Appointment Date and Time"})
		x := left + contentW*0.58
		d.text(x, top+14, d.label, "B", d.lsize+1, label)
		date := pick(g.r, []func(time.Time) string{numeric, long, weekday})(at)
		if g.chance(0.5) {
			d.text(x, top+28, d.value, "", d.vsize+1, date)
			d.text(x, top+42, d.value, "", d.vsize+1, printed)
		} else {
			d.text(x, top+28, d.value, "", d.vsize+1, date+" at "+printed)
		}
		if g.chance(0.6) {
			d.rect(left, top, contentW, 62)
		}
		d.y = top + 68
		bring := []string{
			"WHEN YOU GO TO THE APPLICATION SUPPORT CENTER, YOU MUST BRING: 1. this appointment notice, and 2. photo identification, such as a passport, a driver's license or a national ID.",
			"If you cannot come to this appointment, you can reschedule it online at uscis.gov/rescheduleappointment before " + g.bdate(at.AddDate(0, 0, -1)) + ". Rescheduling will delay your case.",
			"If you do not appear and do not reschedule, USCIS may consider your case abandoned.",
		}
		if g.chance(0.3) {
			bring = append(bring, "This appointment is also for your related case, receipt number "+g.related(centres)+".")
		}
		g.paras(modern, bring...)
		g.footer()
	}
}

func event(kind string, t time.Time, tm string) noticetest.Event {
	return noticetest.Event{Kind: kind, Date: iso(t), Time: tm}
}
