package corpus

import (
	"fmt"
	"strings"
	"time"
)

// Decoys are letters from the Department of State that people keep with their USCIS notices
// and that a reader must not take for one. Their truth is what a correct reader reports:
//
//   - no receipt numbers: an NVC case number and an invoice ID have a receipt number's shape
//     (three letters, ten digits) but are not USCIS receipts;
//   - no form, no notice type, no notice or received date: the letter is no Form I-797, and the
//     forms its body names (DS-260, I-864) are ones to file, not the one it is about;
//   - the priority date, when the letter prints it under the label "Priority Date": it is the
//     case's priority date, the same thing a USCIS header's means;
//   - the interview, when the letter sets one: a dated appointment the person must keep.

// posts are consular posts and their codes, which start NVC case numbers (public on
// travel.state.gov).
var posts = []struct{ code, name string }{
	{"MTL", "U.S. Consulate General Montreal"},
	{"CDJ", "U.S. Consulate General Ciudad Juarez"},
	{"GUZ", "U.S. Consulate General Guangzhou"},
	{"MNL", "U.S. Embassy Manila"},
	{"BMB", "U.S. Consulate General Mumbai"},
	{"LGS", "U.S. Consulate General Lagos"},
}

func nvcCase(g *gen, code string) string {
	return fmt.Sprintf("%s%d%s", code, 2018+g.r.IntN(8), digits(g.r, 6))
}

func nvcWelcome(g *gen) {
	d := g.d
	post := pick(g.r, posts)
	letter := day(g.r)
	prio := letter.AddDate(-1-g.r.IntN(6), -g.r.IntN(11), 0)
	caseNo := nvcCase(g, post.code)
	invoice := nvcCase(g, post.code)
	person := pick(g.r, surnames) + ", " + pick(g.r, givens)
	d.text(left, 46, "Times", "B", 12, "U.S. Department of State")
	d.text(left, 60, "Times", "", 10, "National Visa Center")
	d.text(left, 72, "Times", "", 9, "31 Rochester Avenue, Portsmouth, NH 03801-2909")
	d.rightAlign(right, 60, "Times", "", 10, pick(g.r, []func(time.Time) string{long, dayFirst, numeric})(letter))
	d.y = 84
	g.address(person)
	cells := []cell{
		{label: "NVC Case Number", value: caseNo},
		{label: "Invoice ID Number", value: invoice},
		{label: "Principal Applicant", value: person},
		{label: "Petitioner", value: pick(g.r, surnames) + ", " + pick(g.r, givens)},
		{label: "Preference Category", value: pick(g.r, []string{"IR1", "CR1", "F2A", "F4", "E3"})},
	}
	if g.chance(0.8) {
		cells = append(cells, cell{label: "Priority Date", value: pick(g.r, []func(time.Time) string{numeric, long, dayFirst})(prio)})
		g.tr.PriorityDate = iso(prio)
	}
	cells = append(cells, cell{label: "Foreign State Chargeability", value: pick(g.r, []string{"CANADA", "MEXICO", "PHILIPPINES", "INDIA", "NIGERIA"})})
	if g.chance(0.5) {
		d.beside(cells, 1, g.chance(0.5))
	} else {
		d.colon(cells, 1)
	}
	d.y += 8
	d.center(d.y+10, "Times", "B", 12, "Welcome Letter")
	d.y += 16
	g.body("Dear "+strings.SplitN(person, ", ", 2)[1]+":",
		"U.S. Citizenship and Immigration Services (USCIS) approved the immigrant visa petition filed on your behalf and sent it to the National Visa Center (NVC). We have created a case for you. Please write your case number, "+caseNo+", on every document you send us.",
		"Next steps: 1. Pay the immigrant visa application fee and the Affidavit of Support fee online. 2. Submit Form DS-260, the online immigrant visa application. 3. Ask your financial sponsor to complete Form I-864, Affidavit of Support, and submit it with the financial evidence. 4. Collect and upload your civil documents.",
		"When we have received all documents and fees, we will schedule your interview at the "+post.name+" and send you an appointment letter.",
		"Please do not contact USCIS about this case; it is now with the Department of State. Visit travel.state.gov or use the Public Inquiry Form.")
	d.y = max(d.y+20, 720)
	d.text(left, d.y, "Times", "I", 8, "This letter is not a visa. Invoice "+invoice+".")
}

func consulateInterview(g *gen) {
	d := g.d
	post := pick(g.r, posts)
	letter := day(g.r)
	at := after(g.r, letter, 30, 90)
	printed, truth := clock(g.r)
	caseNo := nvcCase(g, post.code)
	person := pick(g.r, surnames) + ", " + pick(g.r, givens)
	d.text(left, 46, "Times", "B", 12, post.name)
	d.text(left, 60, "Times", "", 10, "Immigrant Visa Unit")
	d.rightAlign(right, 46, "Times", "", 10, pick(g.r, []func(time.Time) string{dayFirst, long})(letter))
	d.y = 70
	g.address(person)
	cells := []cell{
		{label: "Case Number", value: caseNo},
		{label: "Applicant", value: person},
		{label: "Visa Class", value: pick(g.r, []string{"IR1", "CR1", "F2A", "IR5", "EB3"})},
	}
	d.colon(cells, 1)
	d.y += 6
	d.center(d.y+10, "Times", "B", 12, "Immigrant Visa Interview Appointment")
	d.y += 16
	date := pick(g.r, []func(time.Time) string{dayFirst, long, weekday})(at)
	g.tr.Events = append(g.tr.Events, event("interview", at, truth))
	if g.chance(0.5) {
		g.body("Dear Applicant:", "The National Visa Center has scheduled your immigrant visa interview. Your interview is scheduled for "+strings.ReplaceAll(date+" at "+printed, " ", nb)+" at the "+post.name+".")
	} else {
		g.body("Dear Applicant:", "The National Visa Center has scheduled your immigrant visa interview at the "+post.name+".")
		d.text(left+20, d.y+6, "Times", "B", 11, "Interview Date and Time: "+date+", "+printed)
		d.y += 16
	}
	g.body("Before your interview you must complete a medical examination with a panel physician and register for document delivery. Bring your DS-260 confirmation page, your passport, the original civil documents you uploaded, and the sponsor's Form I-864 with the latest tax transcript.",
		"Applicants who do not appear for the interview and do not ask for a new date within one year may have their registration cancelled. Please do not contact USCIS about this appointment.",
		fmt.Sprintf("Case %s. Keep this letter and bring it to your interview.", caseNo))
}
