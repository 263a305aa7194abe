package corpus

import (
	"fmt"
	"strings"
	"time"
)

// smallCaps prints s in small capitals, as some notices print their labels: each word's first
// letter at size, the rest in capitals at four fifths of it.
func (d *doc) smallCaps(x, y float64, family string, size float64, s string) {
	for _, w := range strings.Fields(s) {
		d.text(x, y, family, "", size, w[:1])
		x += d.width(family, "", size, w[:1])
		rest := strings.ToUpper(w[1:])
		d.text(x, y, family, "", size*0.8, rest)
		x += d.width(family, "", size*0.8, rest) + d.width(family, "", size, " ")
	}
}

// twoBoxes draws a header of two boxes side by side: the case on the left, each label in small
// capitals above its value in bold; the dates on the right, label and value on one line, the
// value flush with the box's right edge. cases and dates are label-value pairs.
func (g *gen) twoBoxes(cases, dates [][2]string) {
	d := g.d
	top := d.y + 6
	split := left + contentW*0.6
	y := top
	for _, c := range cases {
		y += d.lsize + 4
		d.smallCaps(left+5, y, d.label, d.lsize+1, c[0])
		for _, l := range d.wrap(c[1], split-left-14, d.value, "B", d.vsize) {
			y += d.vsize + 2
			d.text(left+5, y, d.value, "B", d.vsize, l)
		}
		y += 3
	}
	y2 := top
	for _, c := range dates {
		y2 += max(d.lsize, d.vsize) + 8
		d.smallCaps(split+10, y2, d.label, d.lsize+1, c[0])
		d.rightAlign(right-6, y2, d.value, "B", d.vsize, c[1])
	}
	bottom := max(y, y2) + 8
	d.rect(left, top, split-left-4, bottom-top)
	d.rect(split+4, top, right-split-4, bottom-top)
	d.y = bottom
}

// twoBoxCase fills the two boxes from the case the generator has set up, and records what
// they print; party names the person, extra cells go at the end of the left box.
func (g *gen) twoBoxCase(party string, extra ...[2]string) {
	g.longDates = g.chance(0.2)
	g.tr.ReceivedDate = iso(g.recv)
	cases := [][2]string{
		{pick(g.r, []string{"Receipt Number", "Receipt Number", "Receipt #"}), g.own},
		{pick(g.r, []string{"Case Type", "Form"}), g.caseType()},
		{party, g.person},
	}
	if g.chance(0.7) {
		a := aNumber(g.r)
		g.addA(a)
		cases = append(cases, [2]string{pick(g.r, aLabels), printA(g.r, a)})
	}
	cases = append(cases, extra...)
	dates := [][2]string{
		{pick(g.r, receivedLabels), g.hdate(g.recv)},
		{pick(g.r, noticeLabels), g.hdate(g.note)},
	}
	if !g.prio.IsZero() {
		dates = append(dates, [2]string{"Priority Date", g.hdate(g.prio)})
	}
	dates = append(dates, [2]string{"Page", fmt.Sprintf("1 of %d", g.pages)})
	g.twoBoxes(cases, dates)
}

// feeReceipt is the receipt for a card renewal (a work permit, or a green card on Form I-90) on
// a header of two boxes: the fee, the category or reason, and a line on biometrics.
func feeReceipt(g *gen) {
	g.modern = true
	g.setup([]string{"I-765", "I-765", "I-90"}, []string{"IOE", "IOE", "EAC", "WAC", "SRC", "NBC", "LIN"}, 2, 25)
	g.banner()
	var extra [][2]string
	if g.f.code == "I-765" {
		extra = append(extra, [2]string{pick(g.r, []string{"Eligibility Category", "Class"}), pick(g.r, []string{"(c)(9)", "(c)(8)", "(a)(5)", "(c)(33)", "C09"})})
	}
	g.twoBoxCase("Applicant", extra...)
	g.address(g.person)
	d := g.d
	fee := pick(g.r, []string{"$470.00", "$520.00", "$415.00", "$540.00", "$0.00"})
	d.y += 12
	d.text(left, d.y, d.value, "", d.vsize, pick(g.r, []string{"Amount received: ", "Fee received: "})+fee)
	g.noticeType("Receipt Notice", "Receipt Notice")
	what := "renewal of your employment authorization document"
	if g.f.code == "I-90" {
		what = "replacement of your Permanent Resident Card"
	}
	ps := []string{"We have received your request for " + what + " and the fee shown above. This notice does not grant any immigration status or benefit."}
	if g.f.code == "I-90" {
		ps = append(ps, "This notice, with your expired or expiring card, extends the validity of your Permanent Resident Card by 36 months from the expiration date on its front. Carry it with the card.")
	} else {
		ps = append(ps, "If you filed to renew before your current card expired, your employment authorization may be automatically extended while this request is pending. Keep this notice with your card: together they show the extension.")
	}
	ps = append(ps, "We will tell you if you need to come to an Application Support Center to give biometrics; otherwise we may reuse the biometrics you gave with an earlier case.",
		"You can check your case status and processing times at uscis.gov.")
	g.paras(g.chance(0.5), ps...)
	g.footer()
}

// premium is the receipt of a request for premium processing (Form I-907) of an I-129 or
// I-140 petition, on a two-box header.
//
// Which form is the case's: the receipt number is the petition's (USCIS gives an I-907 filed
// with a petition, or later for it, the petition's own receipt number) and so is the case the
// notice is filed to. The truth's Form is therefore the petition's, I-129 or I-140, also on
// the notices whose Case Type reads "I907 - Request for Premium Processing Service": there the
// left box also prints the petition's form under "Petition", and the body says the request is
// for that petition. The I-907 is a request made on the case, not a case of its own; a reader
// that files such a notice as an I-907 case has filed it to a case the family does not have.
//
// The header's received date is the petition's; when the I-907 came later (an upgrade), its own
// date is only in the body, and it is no header date.
func premium(g *gen) {
	g.modern = g.chance(0.5)
	g.setup([]string{"I-129", "I-129", "I-140"}, []string{"WAC", "EAC", "LIN", "SRC", "IOE"}, 2, 20)
	g.banner()
	petition := g.f
	upgrade := g.chance(0.5)
	var requested time.Time
	if upgrade { // the request came after the petition, and the notice after the request
		requested = after(g.r, g.recv, 20, 120)
		g.note = after(g.r, requested, 2, 12)
		g.tr.NoticeDate = iso(g.note)
	}
	g.other = pick(g.r, employers)
	extra := [][2]string{{"Petitioner", g.other}}
	if upgrade {
		g.f = form{"I-907", "REQUEST FOR PREMIUM PROCESSING SERVICE", false}
		extra = append(extra, [2]string{"Petition", petition.code + ", " + titleCase(petition.title)})
	}
	g.twoBoxCase("Beneficiary", extra...)
	g.f = petition
	g.address(g.other)
	d := g.d
	d.y += 12
	class := "E21 - Member of the professions with advanced degree"
	if petition.code == "I-129" {
		class = pick(g.r, []string{"H1B", "L1A", "O1A", "E3"}) + " - " + pick(g.r, []string{"Extension", "Change of employer", "New employment"})
	}
	d.text(left, d.y, d.value, "", d.vsize, "Class requested: "+class)
	d.y += 6
	g.noticeType(pick(g.r, []string{"Receipt Notice", "Premium Processing Receipt Notice"}), "Receipt Notice")
	filed := "with the petition"
	if upgrade {
		filed = "on " + g.bdate(requested) + " for the petition filed on " + g.bdate(g.recv)
	}
	days := "15 business days"
	if petition.code == "I-140" && g.chance(0.5) {
		days = "45 business days"
	}
	g.paras(g.modern && g.chance(0.5),
		"We received your Form I-907, Request for Premium Processing Service, "+filed+". This notice is for the Form "+petition.code+" petition with the receipt number above; the request does not have a receipt number of its own.",
		"Within "+days+" of receiving the request we will issue an approval notice, a denial notice, a notice of intent to deny, or a request for evidence. If we do not, we will refund the premium processing fee and continue to process the petition as premium.",
		"The premium processing fee does not change the requirements for approval. Please include the receipt number above on any correspondence about this petition.")
	g.footer()
}

// interviewRescheduled moves an interview at a field office: the old date and time stand in a
// sentence and are no appointment any more; the new ones are.
func interviewRescheduled(g *gen) {
	g.start(g.chance(0.5), []string{"I-485", "I-485", "N-400", "I-751", "I-130"}, []string{"MSC", "NBC", "IOE", "LIN"}, 90, 500, 1)
	g.noticeType(pick(g.r, []string{"Interview Rescheduled", "Interview Notice", "Rescheduled Interview Notice"}), "Interview Notice")
	old := after(g.r, g.note, 3, 30)
	oldTime, _ := clock(g.r)
	at := after(g.r, old, 21, 90)
	printed, truth := clock(g.r)
	g.tr.Events = append(g.tr.Events, event("interview", at, truth))
	why := pick(g.r, []string{"due to unforeseen circumstances", "at your request", "because the office will be closed that day", "to accommodate the officer's schedule"})
	g.body("Your interview for the case above, which was scheduled for " + g.bdate(old) + " at " + strings.ReplaceAll(oldTime, " ", nb) + ", has been rescheduled " + why + ". Do not go to the office on the earlier date.")
	office := pick(g.r, fieldOffices)
	where := fmt.Sprintf("USCIS %s Field Office, %d %s, %s", office, 100+g.r.IntN(900), pick(g.r, streets), pick(g.r, cities))
	d := g.d
	switch g.r.IntN(4) {
	case 3: // the old appointment and the new side by side, the old one first
		d.y += 12
		cols := []float64{left + 20, left + 110, left + 290}
		heads := pick(g.r, [][2]string{{"Previous Appointment", "New Appointment"}, {"PREVIOUSLY SCHEDULED", "RESCHEDULED TO"}})
		d.text(cols[1], d.y, d.label, "B", d.lsize+1.5, heads[0])
		d.text(cols[2], d.y, d.label, "B", d.lsize+1.5, heads[1])
		date := pick(g.r, []func(time.Time) string{long, numeric})
		for i, r := range [][3]string{{"Date", date(old), date(at)}, {"Time", oldTime, printed}} {
			y := d.y + 14 + float64(i)*13
			d.text(cols[0], y, d.label, "B", d.lsize+1, r[0])
			d.text(cols[1], y, d.value, "", d.vsize, r[1])
			d.text(cols[2], y, d.value, "", d.vsize, r[2])
		}
		d.y += 34
		g.body("Location: " + where)
	case 0:
		d.y += 12
		d.text(left+20, d.y, d.label, "B", d.lsize+1.5, pick(g.r, []string{"NEW INTERVIEW DATE AND TIME", "New Interview Date and Time"}))
		d.text(left+20, d.y+14, d.value, "", d.vsize+1, pick(g.r, []func(time.Time) string{weekday, long, numeric})(at)+"  "+printed)
		d.text(left+20, d.y+28, d.value, "", d.vsize, where)
		d.y += 36
	case 1:
		g.body("Your interview is now scheduled for " + strings.ReplaceAll(weekday(at)+" at "+printed, " ", nb) + " at " + where + ".")
	default:
		d.y += 12
		for i, l := range [][2]string{{"Date:", pick(g.r, []func(time.Time) string{weekday, long, numeric})(at)}, {"Time:", printed}, {"Location:", where}} {
			d.text(left+20, d.y+float64(i)*13, d.value, "B", d.vsize, l[0])
			d.text(left+90, d.y+float64(i)*13, d.value, "", d.vsize, l[1])
		}
		d.y += 42
	}
	g.body("Bring this notice, your government-issued photo identification and the documents listed on your original interview notice. If you cannot attend, contact us before the new date; a second reschedule may delay your case by months.",
		"If you do not appear and do not contact us, USCIS may deny your case as abandoned.")
	g.footer()
}

// biometricsReuse is a receipt notice that says the biometrics given for an earlier case will
// be reused: dates of the earlier appointment appear, but the person has no appointment to keep,
// so the truth has no event. Its type is what its Notice Type line says, a receipt; USCIS sends
// no appointment notice in this case.
func biometricsReuse(g *gen) {
	g.start(g.chance(0.6), []string{"I-765", "I-539", "I-131", "I-90", "I-485"}, centres, 3, 40, 1)
	g.noticeType("Receipt Notice", "Receipt Notice")
	earlier := after(g.r, g.recv, -500, -60)
	ps := []string{"This notice confirms that USCIS received your " + pick(g.r, []string{"application", "request"}) + ". Please verify that the information above is correct."}
	reuse := pick(g.r, []string{
		"BIOMETRICS REUSE: USCIS will reuse the biometrics (fingerprints, photograph and signature) you provided at an Application Support Center on " + g.bdate(earlier) + " to process this case. You do not need to appear for a biometrics appointment, and you will not receive an appointment notice.",
		"We will reuse your previously submitted biometrics to conduct the required background checks. Do not go to an Application Support Center. Your biometrics were collected on " + g.bdate(earlier) + ".",
	})
	ps = append(ps, reuse)
	if g.chance(0.5) {
		ps = append(ps, "Those biometrics were collected for your case with receipt number "+g.related(centres)+".")
	}
	ps = append(ps, "If we later need new biometrics from you, we will mail you a separate notice with the date, time and place of an appointment.",
		"PROCESSING TIMES: You can check processing times at uscis.gov/processing-times and your case status at uscis.gov/casestatus.")
	g.paras(g.modern && g.chance(0.5), ps...)
	g.footer()
}

// cbpI94 is a decoy: the page people print from CBP's I-94 website and keep with their USCIS
// notices. It is no Form I-797 and not from USCIS: its Admission (I-94) Record Number is no
// receipt number, it names no form of a case and has no notice type, and its dates (the most
// recent entry, the admit-until date, the birth date, the browser's print date) are none of a
// notice's header dates and no appointment or deadline. Its truth is empty, as decoys.go says;
// the admit-until date matters to the family, but as the end of a stay, which the person
// records from the I-94 itself, not as an event a notice sets.
func cbpI94(g *gen) {
	d := g.d
	printed := day(g.r)
	entry := after(g.r, printed, -700, -3)
	class := pick(g.r, []string{"H1B", "H4", "F1", "L1A", "B2", "J1", "O1", "TN"})
	i94 := digits(g.r, 9) + pick(g.r, []string{"A", "B", "C", "D", "E", "1", "2"}) + digits(g.r, 1)
	// The site prints every date one way: "2024 May 27" or numeric.
	dateFn := pick(g.r, []func(time.Time) string{func(t time.Time) string { return t.Format("2006 January 02") }, numeric})
	var until string
	switch class {
	case "F1", "J1":
		until = "D/S" // duration of status: no date at all
	case "B2":
		until = dateFn(entry.AddDate(0, 6, -1))
	default:
		until = dateFn(entry.AddDate(1+g.r.IntN(3), 0, -1))
	}
	// The browser's own header and footer of the printout.
	d.text(28, 22, "Helvetica", "", 7.5, fmt.Sprintf("%s, %d:%02d %s", printed.Format("1/2/06"), 1+g.r.IntN(12), g.r.IntN(60), pick(g.r, []string{"AM", "PM"})))
	d.center(22, "Helvetica", "", 7.5, "I-94 Official Website - Get Most Recent I-94")
	d.text(28, 778, "Helvetica", "", 7.5, "https://i94.cbp.dhs.gov/search/recent-search")
	d.rightAlign(pageW-28, 778, "Helvetica", "", 7.5, "1/1")
	d.text(left, 58, "Helvetica", "B", 12, "U.S. Customs and Border Protection")
	d.text(left, 72, "Helvetica", "", 8, "Official Site for Travelers Visiting the United States: Apply for or Retrieve Form I-94, Request Travel History and Check Travel Compliance")
	d.line(left, 82, right, 82)
	d.text(left, 108, "Helvetica", "B", 16, "Get Most Recent I-94")
	surname, given := pick(g.r, surnames), pick(g.r, givens)
	rows := [][2]string{
		{"Admission I-94 Record Number:", i94},
		{"Most Recent Date of Entry:", dateFn(entry)},
		{"Class of Admission:", class},
		{"Admit Until Date:", until},
	}
	if g.chance(0.5) {
		rows[0][0] = "Admission (I-94) Record Number:"
	}
	y := 130.0
	for _, r := range rows {
		y += 17
		d.text(left+10, y, "Helvetica", "B", 10, r[0])
		d.text(left+220, y, "Helvetica", "", 10, r[1])
	}
	y += 30
	d.text(left, y, "Helvetica", "B", 11, "Details provided on the I-94 Information form:")
	born := time.Date(1960+g.r.IntN(40), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
	details := [][2]string{
		{"Last/Surname:", surname},
		{"First (Given) Name:", given},
		{"Birth Date:", dateFn(born)},
		{"Document Number:", strings.ToUpper(pick(g.r, []string{"P", "X", "E", "K"})) + digits(g.r, 8)},
		{"Country of Citizenship:", pick(g.r, []string{"India", "Brazil", "Philippines", "Nigeria", "Mexico", "China"})},
	}
	for _, r := range details {
		y += 16
		d.text(left+10, y, "Helvetica", "B", 10, r[0])
		d.text(left+220, y, "Helvetica", "", 10, r[1])
	}
	d.y = y + 20
	d.paraFont(left, contentW, "Effective April 26, 2013, DHS began automating the admission process. An alien lawfully admitted or paroled into the U.S. is no longer required to be in possession of a preprinted Form I-94. A record of admission printed from the CBP website constitutes a lawful record of admission. See 8 CFR 1.4(d).", "Helvetica", "", 9)
	d.paraFont(left, contentW, "If you have been granted an extension of stay or a change of status by USCIS, that record may not show here; keep your USCIS approval notice with this page.", "Helvetica", "", 9)
	d.paraFont(left, contentW, "Note: For security reasons, we recommend that you close your browser after you have finished retrieving your I-94 number.", "Helvetica", "I", 9)
}
