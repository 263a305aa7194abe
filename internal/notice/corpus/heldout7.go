package corpus

import (
	"fmt"
	"strings"
	"time"
)

// n400InterviewOath is the N-400 interview notice that says the oath may be given the same
// day: the interview's date and time in a boxed "Date and Time" cell, the date on one line
// with its weekday and the time under it ("at 10:15 AM"), the field office beside it.
//
// Truth: an "Interview Notice" (what docs/cli.md calls the N-400's "Request for Applicant to
// Appear…") with one `interview` event. The same-day oath is only possible, on the condition
// that the case is approved, and names no date or time of its own: no event.
func n400InterviewOath(g *gen) {
	pages := 1 + g.r.IntN(2) // some put what to bring on a second page
	// The newer design only: the N-400 title runs past the old grid's Case Type cell.
	g.start(true, []string{"N-400"}, []string{"IOE", "IOE", "NBC", "MSC", "LIN"}, 60, 400, pages)
	g.noticeType(pick(g.r, []string{"Request for Applicant to Appear for Naturalization Interview", "Interview Notice", "Naturalization Interview"}), "Interview Notice")
	at := after(g.r, g.note, 20, 50)
	printed, truth := clock(g.r)
	printed = strings.TrimPrefix(printed, "0")
	g.tr.Events = append(g.tr.Events, event("interview", at, truth))
	g.body("You are hereby notified to appear for an interview on your Form N-400, Application for Naturalization, at the date, time and place below. You will be tested on your knowledge of English and of U.S. history and government.")
	d := g.d
	top := d.y + 6
	split := left + contentW*0.46
	heads := pick(g.r, [][2]string{{"Date and Time", "Location"}, {"DATE AND TIME", "PLACE"}, {"Date and Time", "USCIS Office"}})
	d.text(left+6, top+12, d.label, "B", d.lsize+1, heads[0])
	d.text(split+6, top+12, d.label, "B", d.lsize+1, heads[1])
	date := pick(g.r, []func(time.Time) string{weekday, weekday, long})(at)
	d.text(left+6, top+28, d.value, "", d.vsize+1, date)
	d.text(left+6, top+42, d.value, "", d.vsize+1, pick(g.r, []string{"at ", "at ", ""})+printed)
	city := pick(g.r, fieldOffices)
	for i, l := range []string{"USCIS " + city + " Field Office", fmt.Sprintf("%d %s", 100+g.r.IntN(900), pick(g.r, streets)), fmt.Sprintf("Room %d", 100+g.r.IntN(400)), pick(g.r, cities)} {
		d.text(split+6, top+28+float64(i)*12, d.value, "", d.vsize, l)
	}
	bottom := top + 72
	d.rect(left, top, contentW, bottom-top)
	d.line(split, top, split, bottom)
	d.y = bottom + 4
	ps := []string{
		"SAME-DAY OATH: If your application is approved at the interview, you may be able to take the Oath of Allegiance the same day. If so, the officer will tell you, and you must bring your Permanent Resident Card, which you will surrender at the ceremony. Otherwise we will mail you a notice of your oath ceremony.",
		"Bring this notice, your Permanent Resident Card, your passports and any travel documents, and a state-issued photo identification. Arrive no earlier than 30 minutes before your interview.",
		"If you cannot come, write to the office above as soon as possible, explaining why; rescheduling may delay your case. If you do not appear and have not asked for a new interview, your application may be administratively closed.",
	}
	if g.chance(0.3) {
		ps = append(ps, "We will also interview you on your related case, receipt number "+g.related(centres)+".")
	}
	if pages == 1 {
		g.paras(g.modern && g.chance(0.5), ps...)
		g.footer()
		return
	}
	g.paras(false, ps[0], ps[2])
	g.continuation()
	g.d.text(left, g.d.y, g.d.label, "B", g.d.lsize+2, "WHAT TO BRING TO YOUR INTERVIEW")
	g.body(ps[1],
		"Your Permanent Resident Card; your passports and travel documents, current and expired, for the period since you became a permanent resident; tax returns or IRS transcripts for the last 5 years (3 if you filed as the spouse of a U.S. citizen); your marriage certificate and proof that any earlier marriage ended, if you are married.",
		"If you have ever been arrested or cited, bring the certified court record of each case. If you asked for a disability exception, bring Form N-648 if you did not file it with your application.")
	g.body(ps[3:]...)
	g.footer()
}

// reentryApproval is the approval of an I-131 for a re-entry permit, a refugee travel document
// or advance parole: the body says the document is valid from one date to another and where it
// is mailed (the address on file, or a U.S. Embassy or Consulate for pick-up abroad).
//
// Truth: an "Approval Notice" for the I-131. The document's validity dates are the document's,
// no header dates and no events. The biometrics date some notices recall is history.
func reentryApproval(g *gen) {
	g.start(g.chance(0.5), []string{"I-131"}, []string{"NBC", "NBC", "IOE", "EAC", "SRC", "MSC"}, 60, 300, 1)
	d := g.d
	kinds := [][3]string{ // section line, document, years valid
		{"Reentry Permit", "re-entry permit", "2"}, {"Refugee Travel Document", "refugee travel document", "1"},
		{"Advance Parole", "advance parole document", "1"},
	}
	k := pick(g.r, kinds)
	d.y += 4
	d.text(left, d.y+10, d.value, "", d.vsize, pick(g.r, []string{"Section: ", "Class: ", "Type of Document: "})+k[0])
	d.y += 12
	g.noticeType("Approval Notice", "Approval Notice")
	from := after(g.r, g.note, -3, 7)
	years := 1
	if k[2] == "2" {
		years = 2
	}
	to := from.AddDate(years, 0, -1)
	ps := []string{"Your Form I-131, Application for Travel Document, has been approved. We will produce your " + k[1] + "."}
	if g.chance(0.4) {
		ps = append(ps, "We used the biometrics you gave at the Application Support Center on "+g.bdate(after(g.r, g.recv, 20, 50))+".")
	}
	ps = append(ps, "The document is valid from "+g.bdate(from)+" to "+g.bdate(to)+". It does not extend any other status or permit.")
	if k[0] != "Advance Parole" && g.chance(0.5) {
		post := pick(g.r, []string{"Frankfurt, Germany", "Manila, Philippines", "Mexico City, Mexico", "London, United Kingdom"})
		ps = append(ps, "As you asked on your application, we will send the document to the U.S. Embassy or Consulate in "+post+", where you may pick it up in person with your passport and this notice.")
	} else {
		ps = append(ps, "We will mail the document to the address above. If you do not receive it within 30 days, contact us.")
	}
	ps = append(ps, "You must present the document with your passport when you return to the United States. Travel outside the United States may affect other applications you have filed.")
	g.paras(g.modern && g.chance(0.5), ps...)
	g.footer()
}

// payGovReceipt is a decoy: the payment confirmation Pay.gov shows, printed from a browser, for
// a USCIS fee paid online. It prints a Pay.gov Tracking ID, an Agency Tracking ID of three
// letters and ten digits (the shape of a receipt number, which it is not: it names a payment),
// the form the fee is for, the amount and the card, and the transaction's date and time.
//
// Truth: empty, as for the other decoys. It is no Form I-797; the form named is the one the fee
// is for, not a notice's case; the transaction's date and time are no notice date and no
// appointment.
func payGovReceipt(g *gen) {
	d := g.d
	paid := day(g.r)
	hh, mm := 6+g.r.IntN(16), g.r.IntN(60)
	dateFn := pick(g.r, []func(time.Time) string{numeric, abbrev, long})
	code := pick(g.r, []string{"I-130", "I-765", "I-485", "N-400", "I-90", "I-131", "I-539"})
	track := fmt.Sprintf("%d%s", 2+g.r.IntN(8), strings.ToUpper(fmt.Sprintf("%c%c%c%c%c%c", 'A'+rune(g.r.IntN(26)), 'A'+rune(g.r.IntN(26)), '0'+rune(g.r.IntN(10)), 'A'+rune(g.r.IntN(26)), 'A'+rune(g.r.IntN(26)), '0'+rune(g.r.IntN(10)))))
	agency := pick(g.r, []string{"USC", "FEE", "ELS"}) + fmt.Sprintf("%02d", paid.Year()%100) + digits(g.r, 8)
	amount := pick(g.r, []string{"$675.00", "$470.00", "$760.00", "$410.00", "$535.00", "$1,440.00"})
	// The browser's header and footer.
	d.text(28, 22, "Helvetica", "", 7.5, fmt.Sprintf("%s, %d:%02d %s", paid.Format("1/2/06"), 1+g.r.IntN(12), g.r.IntN(60), pick(g.r, []string{"AM", "PM"})))
	d.center(22, "Helvetica", "", 7.5, "Pay.gov - Payment Confirmation")
	d.text(28, 778, "Helvetica", "", 7.5, "https://www.pay.gov/public/form/confirmation")
	d.rightAlign(pageW-28, 778, "Helvetica", "", 7.5, "1/1")
	d.text(left, 60, "Helvetica", "B", 18, "Pay.gov")
	d.text(left+75, 60, "Helvetica", "", 9, "A service of the U.S. Department of the Treasury")
	d.line(left, 70, right, 70)
	d.text(left, 98, "Helvetica", "B", 14, pick(g.r, []string{"Your payment has been submitted", "Payment Confirmation"}))
	d.text(left, 114, "Helvetica", "", 9, "U.S. Citizenship and Immigration Services - "+pick(g.r, []string{"USCIS Form Fee Payment", "Online Filing Fee"}))
	rows := [][2]string{
		{"Pay.gov Tracking ID:", track},
		{"Agency Tracking ID:", agency},
		{"Form Name:", "Form " + code + ", " + titleCase(forms[code].title)},
		{"Transaction Type:", "Sale"},
		{"Transaction Date:", dateFn(paid) + fmt.Sprintf(" %02d:%02d:%02d EDT", hh, mm, g.r.IntN(60))},
		{"Payment Amount:", amount},
		{"Account Holder Name:", pick(g.r, givens) + " " + pick(g.r, surnames)},
		{"Payment Type:", pick(g.r, []string{"Visa", "MasterCard", "Debit Card", "Bank Account (ACH)"})},
		{"Card/Account Number:", "************" + digits(g.r, 4)},
	}
	y := 140.0
	fam := pick(g.r, []string{"Helvetica", "Helvetica", "Times"})
	for _, r := range rows {
		d.text(left, y, fam, "B", 9.5, r[0])
		d.text(left+140, y, fam, "", 9.5, r[1])
		y += 17
	}
	d.y = y + 6
	d.paraFont(left, contentW, "Thank you for your payment. Keep this confirmation for your records. An email confirmation has been sent to the address you gave. Submit your form as the agency instructs; the agency will contact you about it.", fam, "", 9)
	d.paraFont(left, contentW, "If you have questions about this payment, contact the agency. Do not pay twice: a second payment for the same form will not be refunded automatically.", fam, "", 9)
}
