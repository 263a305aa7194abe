package corpus

import (
	"fmt"
	"strings"
	"time"
)

var fieldOffices = []string{"Springfield", "Riverton", "Fairview", "Greenville", "Madison", "Salem"}

func interview(g *gen) {
	pages := 1
	if g.chance(0.5) {
		pages = 2
	}
	g.start(g.chance(0.5), []string{"I-485", "I-485", "N-400", "I-751", "I-130"}, []string{"MSC", "NBC", "IOE", "LIN", "SRC"}, 60, 500, pages)
	heading := "Interview Notice"
	if g.f.code == "N-400" && g.chance(0.5) {
		heading = "Request for Applicant to Appear for Naturalization Initial Interview"
	}
	g.noticeType(heading, "Interview Notice")
	at := after(g.r, g.note, 20, 60)
	printed, truth := clock(g.r)
	g.tr.Events = append(g.tr.Events, event("interview", at, truth))
	office := pick(g.r, fieldOffices)
	where := fmt.Sprintf("USCIS %s Field Office, %d %s, %s", office, 100+g.r.IntN(900), pick(g.r, streets), pick(g.r, cities))
	d := g.d
	switch g.r.IntN(4) {
	case 0:
		g.body("You are hereby notified to appear for an interview appointment, as scheduled below, for the completion of your case. Failure to appear may result in the denial of your case.")
		d.y += 4
		for i, l := range [][2]string{{"Date:", pick(g.r, []func(time.Time) string{weekday, long, numeric})(at)}, {"Time:", printed}, {"Where:", where}} {
			d.text(left+20, d.y+float64(i)*13, d.value, "B", d.vsize, l[0])
			d.text(left+80, d.y+float64(i)*13, d.value, "", d.vsize, l[1])
		}
		d.y += 44
	case 1:
		g.body("You are hereby notified to appear for an interview appointment, as scheduled below.")
		d.y += 6
		d.text(left+20, d.y, d.value, "", d.vsize, "Interview Date and Time: "+long(at)+" at "+printed)
		d.y += 14
		d.text(left+20, d.y, d.value, "", d.vsize, "Location: "+where)
		d.y += 12
	case 2:
		g.body("Your interview is scheduled for " + strings.ReplaceAll(weekday(at)+" at "+printed, " ", nb) + " at the office shown below. Please arrive 30 minutes early; you will not be admitted more than 30 minutes before your appointment.")
		g.body(where)
	default:
		g.body("Please appear for an interview at the office below.")
		d.y += 4
		d.text(left+20, d.y, d.label, "B", d.lsize+1, "Appointment Date")
		d.text(left+180, d.y, d.label, "B", d.lsize+1, "Appointment Time")
		d.text(left+20, d.y+13, d.value, "", d.vsize, numeric(at))
		d.text(left+180, d.y+13, d.value, "", d.vsize, printed)
		d.y += 26
		g.body(where)
	}
	g.body("Bring this notice and your government-issued photo identification. If you need to reschedule, make the request in writing before " + g.bdate(at.AddDate(0, 0, -7)) + "; rescheduling may delay your case by months.")
	bring := []string{
		"Please bring the following documents to your interview:",
		"1. Your passport and any other travel documents, including ones that have expired.",
		"2. The original of every document you submitted with your case, including birth and marriage certificates and their certified translations.",
		"3. Proof of your address and, if you are married, evidence of your shared life since " + g.bdate(g.recv.AddDate(-1-g.r.IntN(5), -g.r.IntN(10), 0)) + ".",
	}
	if g.chance(0.5) {
		bring = append(bring, "4. The approval notice of the related petition, receipt number "+g.related(centres)+".")
	}
	if pages == 2 {
		g.continuation()
	}
	g.body(bring...)
	g.footer()
}

func transfer(g *gen) {
	g.start(g.chance(0.5), []string{"I-485", "I-130", "I-765", "I-131", "N-400", "I-751"}, centres, 30, 400, 1)
	g.noticeType("Transfer Notice", "Transfer Notice")
	to := strings.Split(pick(g.r, offices), "|")
	moved := after(g.r, g.note, -14, -2)
	g.body("On "+g.bdate(moved)+", we transferred your case to another office for processing, to balance our workload and to speed up processing. The office now handling your case is:",
		to[1]+", "+to[2]+", "+to[3]+".",
		"You do not need to do anything because of this transfer. Please keep this notice with your records. Processing times of the new office are at uscis.gov/processing-times; send any correspondence to the new office and include a copy of this notice.")
	g.footer()
}

func rejection(g *gen) {
	g.start(g.chance(0.5), []string{"I-485", "I-765", "I-130", "I-131", "N-400", "I-90", "I-539"}, centres, 5, 40, 1)
	g.noticeType("Rejection Notice", "Rejection Notice")
	reason := pick(g.r, []string{
		"The filing fee was not included or was not the correct amount.",
		"The form was not signed.",
		"You submitted an edition of the form that is no longer accepted.",
		"Required pages of the form are missing.",
	})
	g.body("Your "+pick(g.r, []string{"application", "petition", "request"})+" has been rejected for the reason below. We received it on "+g.bdate(g.recv)+".",
		"Reason: "+reason,
		"We are returning your filing with this notice. If you wish to file again, correct the problem and file a new form with the correct fee. A rejected filing does not keep its received date.")
	g.footer()
}

func i797d(g *gen) {
	g.start(g.chance(0.5), []string{"I-765", "I-765", "I-90", "I-485", "I-751", "I-821D"}, centres, 60, 300, 1)
	g.noticeType("Approval Notice", "Approval Notice")
	ead := g.f.code == "I-765" || g.f.code == "I-821D"
	what := "Permanent Resident Card"
	if ead {
		what = "Employment Authorization Document"
	}
	g.body("Your "+pick(g.r, []string{"application", "request"})+" has been approved. Your new "+what+" is attached below. Carefully remove it and check that the information on it is correct; if it is not, contact us.",
		"Keep this notice in a safe place, separate from the card.")
	// The card: its USCIS# is the person's A-number, its card number has a receipt number's
	// shape but is no receipt, and its dates are the card's.
	a := g.personA()
	d := g.d
	x, y := left+contentW/2-20, max(d.y+30, 520)
	d.rect(x, y, 250, 150)
	valid := after(g.r, g.note, -5, 10)
	lines := []string{"UNITED STATES OF AMERICA"}
	names := strings.SplitN(g.person, ", ", 2)
	if ead {
		card := g.own
		for card == g.own {
			card = receipt(g.r, pick(g.r, []string{"IOE", "SRC", "EAC", "MSC"}), g.note)
		}
		lines = append(lines, "EMPLOYMENT AUTHORIZATION CARD", "Surname "+names[0], "Given Name "+names[1],
			"USCIS# "+printA(g.r, a)+"   Category "+pick(g.r, []string{"C09", "C08", "A05", "C33"}),
			"Card# "+card, "Valid From: "+numeric(valid), "Card Expires: "+numeric(valid.AddDate(2, 0, -1)))
	} else {
		lines = append(lines, "PERMANENT RESIDENT", "Surname "+names[0], "Given Name "+names[1],
			"USCIS# "+printA(g.r, a)+"   Category "+pick(g.r, []string{"IR1", "CR1", "E21", "F21"}),
			"Resident Since: "+numeric(valid), "Card Expires: "+numeric(valid.AddDate(10, 0, 0)))
	}
	for i, l := range lines {
		style, size := "", 7.5
		if i < 2 {
			style, size = "B", 8
		}
		d.text(x+10, y+16+float64(i)*15, "Helvetica", style, size, l)
	}
	d.y = y + 160
	g.footer()
}

func rfe(g *gen) {
	g.start(g.chance(0.5), []string{"I-485", "I-130", "I-129", "I-140", "I-765", "I-751", "N-400", "I-601A"}, centres, 40, 400, 2)
	g.noticeType("Request for Evidence", "Request for Evidence")
	due := workday(g.note.AddDate(0, 0, 87))
	g.tr.Events = append(g.tr.Events, event("rfe-due", due, ""))
	d := g.d
	g.body("We need more evidence to make a decision on your case. Please read this notice carefully and send us the evidence listed below.")
	switch g.r.IntN(3) {
	case 0:
		d.y += 4
		d.text(left, d.y+8, d.value, "B", d.vsize+1, "Response Due Date: "+pick(g.r, []func(time.Time) string{numeric, long})(due))
		d.y += 18
	case 1:
		g.body("Your response must be received in this office no later than " + g.bdate(due) + ". If we do not receive it by then, we may deny your case.")
	default:
		g.body("You must submit the requested evidence by " + g.bdate(due) + ". Send everything at one time, with this notice on top.")
	}
	g.body("We may deny your case if you do not respond, or if your response does not establish eligibility. We will not grant extensions of the response time.")
	g.continuation()
	g.body("EVIDENCE NEEDED")
	// What is asked for depends on the kind of case; family cases name other forms (I-864,
	// I-693) that are not the notice's.
	var items []string
	switch g.f.code {
	case "I-129", "I-140":
		items = []string{
			"1. Submit evidence that the petitioner has been able to pay the offered wage since " + g.bdate(g.recv.AddDate(0, -6, 0)) + ", such as annual reports or federal tax returns.",
			"2. Submit a copy of the beneficiary's degree with a credentials evaluation.",
			"3. Submit copies of the beneficiary's passport pages and most recent Form I-94.",
		}
	case "N-400":
		items = []string{
			"1. Submit certified court dispositions for every arrest or citation you listed.",
			"2. Submit IRS tax transcripts for the last five tax years.",
			"3. Submit evidence of your residence in the United States since " + g.bdate(g.recv.AddDate(-5, 0, 0)) + ".",
		}
	default:
		items = []string{
			"1. Submit a completed Form I-864, Affidavit of Support, with the sponsor's federal income tax return for the most recent tax year.",
			"2. Submit a Form I-693, Report of Immigration Medical Examination, signed by a civil surgeon no more than 60 days before you send it.",
			"3. Submit evidence of the relationship, such as joint bank statements covering " + g.bdate(g.recv.AddDate(-1, 0, 0)) + " to " + g.bdate(g.recv) + ".",
		}
	}
	if g.chance(0.5) {
		rel := "I-130"
		if g.f.code == "I-129" || g.f.code == "I-140" {
			rel = "I-140"
		}
		items = append(items, "4. We note that the related Form "+rel+", receipt number "+g.related(centres)+", was approved on "+g.bdate(g.recv.AddDate(0, -3, 0))+". You do not need to submit that notice again.")
	}
	g.body(items...)
	g.body("Send your response to the address below. Include the original of this notice on top of your response.")
	g.footer()
}

func i797f(g *gen) {
	g.start(g.chance(0.5), []string{"I-730", "I-730", "I-131A"}, []string{"NSC", "LIN", "IOE", "MSC"}, 60, 400, 1)
	// The letter names its own type; it documents an approval, but what it is to its holder is
	// a travel document, and a reader that says what the Notice Type line says is right.
	g.noticeType("Transportation Letter", "Transportation Letter")
	until := g.note.AddDate(0, 4, 0)
	subject := "The Form I-730 filed for the beneficiary named above has been approved."
	if g.f.code == "I-131A" {
		subject = "The application for travel document (carrier documentation) filed by the applicant named above has been approved."
	}
	g.body(subject,
		"This letter allows the person named above to board a flight to the United States. It is valid for one trip until "+g.bdate(until)+". The airline should accept this letter in place of a visa or a Permanent Resident Card.",
		"The traveller must present this letter, with a valid passport, to the U.S. Customs and Border Protection officer at the port of entry.")
	g.footer()
}
