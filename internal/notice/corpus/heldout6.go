package corpus

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// mixed is a name as the newest notices print it, given name first in mixed case:
// "EXEMPLO, MARIA" becomes "Maria Exemplo".
func mixed(name string) string {
	parts := strings.SplitN(name, ", ", 2)
	if len(parts) == 2 {
		parts[0], parts[1] = parts[1], parts[0]
	}
	for i, p := range parts {
		parts[i] = p[:1] + strings.ToLower(p[1:])
	}
	return strings.Join(parts, " ")
}

// approvalNewest is an approval of an I-130 or I-129F in the newest design (2023 on): a large
// "Approval Notice" title at the top left, a right-hand column of label-over-value pairs
// (receipt number, dates, page), then the case, the petitioner and the beneficiary under it,
// names in mixed case.
//
// Truth: an "Approval Notice" (the title is the notice type; there is no "Notice Type:" line).
// The right column's dates are the header's; the Priority Date pair is printed for an I-130
// only, blank when the case has none. The body's validity period and the NVC's address are
// no header dates.
func approvalNewest(g *gen) {
	g.modern = true
	// The design is from 2023 on: draw cases again (deterministically) until the notice is.
	for g.note.Year() < 2023 {
		g.tr.PriorityDate = ""
		g.prio = time.Time{}
		g.setup([]string{"I-130", "I-130", "I-129F"}, []string{"IOE", "IOE", "NBC", "MSC", "WAC", "EAC"}, 60, 500)
	}
	g.longDates = g.chance(0.35)
	g.other = pick(g.r, surnames) + ", " + pick(g.r, givens)
	d := g.d
	title := pick(g.r, []float64{22, 24, 26})
	d.text(left, 40+title, "Helvetica", "B", title, "Approval Notice")
	d.text(left, 40+title+14, "Helvetica", "", 9.5, "Form I-797, Notice of Action")
	d.text(left, 40+title+32, "Helvetica", "B", 8.5, "U.S. Department of Homeland Security")
	d.text(left, 40+title+42, "Helvetica", "", 8.5, "U.S. Citizenship and Immigration Services")
	g.tr.NoticeType = "Approval Notice"
	g.tr.ReceivedDate = iso(g.recv)
	pairs := [][2]string{
		{pick(g.r, []string{"Receipt Number", "Receipt Number", "Receipt #"}), g.own},
		{pick(g.r, receivedLabels), g.hdate(g.recv)},
		{pick(g.r, noticeLabels), g.hdate(g.note)},
	}
	if g.f.code == "I-130" {
		pairs = append(pairs, [2]string{"Priority Date", g.hdate(g.prio)})
	}
	pairs = append(pairs, [2]string{"Page", "1 of 1"})
	x := right - 150
	y := 44.0
	for _, p := range pairs {
		d.text(x, y, d.label, "", d.lsize, p[0])
		d.text(x, y+d.vsize+2, d.value, "B", d.vsize, p[1])
		y += d.vsize + 14
	}
	d.line(x-10, 34, x-10, y-6)
	d.y = y + 6
	// The case, under the title and the column, in two columns of label-over-value pairs.
	ct := "Form " + g.f.code + ", " + titleCase(g.f.title)
	if g.f.code == "I-129F" {
		ct = "Form I-129F, Petition for Alien Fiance(e)"
	}
	if g.chance(0.3) {
		ct = g.f.code + ", " + titleCase(g.f.title)
	}
	cells := [][2]string{{pick(g.r, []string{"Case Type", "Form"}), ct}, {"Petitioner", mixed(g.other)}, {"Beneficiary", mixed(g.person)}}
	if g.chance(0.7) {
		a := aNumber(g.r)
		g.addA(a)
		cells = append(cells, [2]string{pick(g.r, []string{"Beneficiary A-Number", "A-Number", "Beneficiary A#"}), printA(g.r, a)})
	}
	if g.chance(0.5) {
		c := g.accountCell()
		cells = append(cells, [2]string{c.label, c.value})
	}
	for i, c := range cells {
		cx := left
		if i%2 == 1 {
			cx = left + contentW/2
		}
		if i > 0 && i%2 == 0 {
			d.y += d.vsize + 16
		}
		d.text(cx, d.y, d.label, "", d.lsize, c[0])
		d.text(cx, d.y+d.vsize+2, d.value, "", d.vsize, c[1])
	}
	d.y += d.vsize + 8
	g.address(mixedAddressee(g))
	var ps []string
	if g.f.code == "I-129F" {
		ps = []string{
			"The above petition has been approved. We have sent the approved petition to the Department of State National Visa Center (NVC), which will forward it to the U.S. Embassy or Consulate where your fiance(e) will apply for a K-1 visa.",
			"The approved petition is valid for 4 months from the date of approval, " + g.bdate(g.note) + ". The consular officer may extend it.",
		}
	} else {
		ps = []string{"The above petition has been approved. The petition indicates that the beneficiary is in the United States and will apply for adjustment of status, or is abroad and will apply for an immigrant visa."}
		if g.chance(0.4) {
			ps = append(ps, "We have approved the petition and the beneficiary's Form I-485, receipt number "+g.related([]string{"MSC", "NBC", "IOE"})+", remains pending. We will notify the beneficiary separately of any decision on it.")
		} else {
			ps = append(ps, "We have sent the petition to the Department of State National Visa Center, 31 Chamberlain Way, Portsmouth, NH 03801, which will contact the beneficiary about the next steps.")
		}
	}
	ps = append(ps, "This approval notice is not a visa, and it does not grant any immigration status or benefit. You can check the status of a case online at uscis.gov/casestatus.")
	g.paras(g.chance(0.4), ps...)
	g.footer()
}

// mixedAddressee is the mailing name on the newest notices: the petitioner, in mixed case.
func mixedAddressee(g *gen) string { return mixed(g.other) }

// eadReceiptC09 is the receipt of an I-765 filed on the basis of a pending I-485, eligibility
// category (c)(9), often a renewal: the body cites 8 CFR 274a.13(d) and states the automatic
// extension of the current card (180 days before May 4, 2022, 540 days after), with the card's
// expiry and the extension's end.
//
// Truth: a "Receipt Notice" for the I-765. The card's expiry and the extension's end are dates
// of the card, no header dates and no events (nothing to attend or answer by); the pending
// I-485 named in the body is a related receipt.
func eadReceiptC09(g *gen) {
	// The newer design only, header values in Times at 9.5 points: the I-765's title
	// runs past the Case Type cell in the old grid and, in wider or larger type, past the
	// page's edge in the new one.
	g.d.value = "Times"
	g.d.vsize = 9.5
	g.start(true, []string{"I-765"}, []string{"IOE", "IOE", "NBC", "MSC", "EAC", "SRC"}, 2, 30, 1)
	d := g.d
	fee := "$410.00"
	if !g.recv.Before(time.Date(2024, time.April, 1, 0, 0, 0, 0, time.UTC)) {
		fee = "$260.00"
	}
	cat := pick(g.r, []string{"(c)(9)", "C09", "(C)(09)"})
	d.y += 4
	d.text(left, d.y+10, d.value, "", d.vsize, pick(g.r, []string{"Eligibility Category: ", "Class Requested: ", "Category: "})+cat)
	d.text(left+230, d.y+10, d.value, "", d.vsize, "Amount received: "+fee)
	d.y += 12
	g.noticeType("Receipt Notice", "Receipt Notice")
	renewal := g.chance(0.7)
	ps := []string{"We have received your Form I-765, Application for Employment Authorization, under category " + cat + ", based on your pending Form I-485, receipt number " + g.related([]string{"MSC", "NBC", "IOE", "EAC"}) + "."}
	if renewal {
		exp := after(g.r, g.recv, 5, 170)
		days := 540
		if g.recv.Before(time.Date(2022, time.May, 4, 0, 0, 0, 0, time.UTC)) {
			days = 180
		}
		ps = append(ps,
			fmt.Sprintf("AUTOMATIC EXTENSION: Under 8 CFR 274a.13(d), if you filed this renewal before your current Employment Authorization Document (EAD) expired, and your category is eligible, your employment authorization and your EAD are automatically extended for up to %d days from the expiration date on the card.", days),
			"Your current EAD, category "+cat+", expires on "+g.bdate(exp)+". With this notice it remains valid until "+g.bdate(exp.AddDate(0, 0, days))+", or until we decide this application, whichever comes first. Show this notice with your expired card to your employer.")
	}
	ps = append(ps,
		"BIOMETRICS: We may reuse the biometrics you gave for your Form I-485. If we need new ones, we will mail you an appointment notice.",
		"You can check the status of this case online at uscis.gov/casestatus. If you move, update your address within 10 days.")
	g.paras(g.modern && g.chance(0.5), ps...)
	g.footer()
}

// asylumOffices are the asylum offices' receipt prefixes and cities (docs/identifiers.md).
var asylumOffices = [][2]string{{"ZAR", "Arlington"}, {"ZCH", "Chicago"}, {"ZHN", "Houston"}, {"ZLA", "Los Angeles"},
	{"ZMI", "Miami"}, {"ZNK", "Newark"}, {"ZNY", "New York"}, {"ZSF", "San Francisco"}}

// asylumReceipt is the receipt of an affirmative I-589 from an asylum office: its own header
// of label and value rows between rules in two columns, the asylum office named, and a table
// of the principal and the dependants included in the application, each with an A-number and
// a date of birth. The body states the 150-day waiting period for a work permit.
//
// Truth: a "Receipt Notice" for the I-589, its receipt number the Z-prefixed one printed under
// "Receipt Number" (docs/identifiers.md: labelled, it is a receipt). Dependants share the
// principal's receipt number, so there is no related receipt; every A-number printed (the
// principal's and each dependant's) is an A-number of the notice, in the order printed. The
// dates of birth, and the earliest date to apply for a work permit (150 days after filing), are
// no header dates and no events.
func asylumReceipt(g *gen) {
	office := pick(g.r, asylumOffices)
	g.modern = true
	g.setup([]string{"I-485"}, []string{office[0]}, 3, 30)
	g.f = form{"I-589", "APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL", false}
	g.tr.Form = g.f.code
	g.tr.ReceivedDate = iso(g.recv)
	g.tr.NoticeType = "Receipt Notice"
	g.longDates = g.chance(0.2)
	d := g.d
	d.text(left, 46, "Times", "B", 11, "U.S. Department of Homeland Security")
	d.text(left, 58, "Times", "", 10, "U.S. Citizenship and Immigration Services")
	d.text(left, 70, "Times", "", 10, office[1]+" Asylum Office")
	d.rightAlign(right, 50, "Times", "B", 13, "I-797C, Notice of Action")
	d.rightAlign(right, 66, "Times", "B", 11, pick(g.r, []string{"RECEIPT NOTICE", "Receipt Notice"}))
	principal := aNumber(g.r)
	rows := [][2][2]string{
		{{"Receipt Number", g.own}, {pick(g.r, receivedLabels), g.hdate(g.recv)}},
		{{pick(g.r, []string{"Case Type", "Form"}), pick(g.r, []string{"I589 - APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL", "I-589, Application for Asylum"})}, {pick(g.r, noticeLabels), g.hdate(g.note)}},
		{{"Applicant", g.person}, {pick(g.r, []string{"A#", "A-Number", "Principal A#"}), printA(g.r, principal)}},
	}
	g.addA(principal)
	y := 92.0
	d.line(left, y, right, y)
	split := left + contentW*0.66
	for _, r := range rows {
		for i, c := range r {
			x := left + 4
			if i == 1 {
				x = split + 4
			}
			d.text(x, y+11, d.label, "B", d.lsize, c[0]+":")
			lw := d.width(d.label, "B", d.lsize, c[0]+": ")
			if i == 0 && len(c[1]) > 40 {
				// The long Case Type goes on the line below its label.
				d.text(x, y+23, d.value, "", d.vsize-1.5, c[1])
				continue
			}
			d.text(x+lw+2, y+11, d.value, "", d.vsize, c[1])
		}
		y += 26
		d.line(left, y, right, y)
	}
	d.line(split, 92, split, y)
	d.y = y
	g.address(g.person)
	d.y += 6
	d.text(left, d.y, d.label, "B", d.lsize+1, pick(g.r, []string{"Applicants Included in This Application", "Principal and Dependents"}))
	cols := []float64{left, left + 190, left + 290, left + 400}
	d.y += 14
	for i, h := range []string{"Name", "Relationship", "A-Number", "Date of Birth"} {
		d.text(cols[i], d.y, d.label, "", d.lsize, h)
	}
	d.line(left, d.y+3, right, d.y+3)
	type person struct{ name, rel, a string }
	people := []person{{g.person, "Principal", principal}}
	if g.chance(0.6) {
		people = append(people, person{strings.Split(g.person, ", ")[0] + ", " + pick(g.r, givens), "Spouse", aNumber(g.r)})
	}
	for range g.r.IntN(3) {
		people = append(people, person{strings.Split(g.person, ", ")[0] + ", " + pick(g.r, givens), "Child", aNumber(g.r)})
	}
	// No two people of one family with the same given name.
	for i := 1; i < len(people); i++ {
		for slices.ContainsFunc(people[:i], func(p person) bool { return p.name == people[i].name }) {
			people[i].name = strings.Split(g.person, ", ")[0] + ", " + pick(g.r, givens)
		}
	}
	for _, p := range people {
		g.addA(p.a)
		born := g.recv.AddDate(-20-g.r.IntN(40), -g.r.IntN(12), -g.r.IntN(28))
		if p.rel == "Child" {
			born = g.recv.AddDate(-1-g.r.IntN(17), -g.r.IntN(12), -g.r.IntN(28))
		}
		d.y += 12
		d.text(cols[0], d.y, d.value, "", d.vsize-0.5, p.name)
		d.text(cols[1], d.y, d.value, "", d.vsize-0.5, p.rel)
		d.text(cols[2], d.y, d.value, "", d.vsize-0.5, printA(g.r, p.a))
		d.text(cols[3], d.y, d.value, "", d.vsize-0.5, numeric(born))
	}
	d.y += 10
	g.body(
		"We have received your Form I-589, Application for Asylum and for Withholding of Removal. The "+office[1]+" Asylum Office has jurisdiction over your application. Each person listed above is included in it.",
		"EMPLOYMENT AUTHORIZATION: You may file Form I-765 for a work permit when your asylum application has been pending for 150 days, not counting delays you caused or requested. Based on the date we received your application, "+g.bdate(g.recv)+", that is no earlier than "+g.bdate(g.recv.AddDate(0, 0, 150))+". We cannot grant it before the application has been pending for 180 days.",
		"INTERVIEW: We will mail you a notice of the date, time and place of your asylum interview. Do not come to the asylum office before you receive it. You must tell us of any change of address within 10 days on Form AR-11.")
	g.footer()
}
