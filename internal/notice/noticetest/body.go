package noticetest

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// writeBody writes the paragraphs of the notice's kind. They carry the dates a reader must not
// take for header dates: appointments, deadlines, the day of an approval or a transfer.
func (l *letter) writeBody(r *rand.Rand, received, notice time.Time) {
	what := map[string]string{"Applicant": "application", "Petitioner": "petition", "Requestor": "request"}[l.form.party]
	form := "Form " + l.form.name
	add := func(format string, args ...any) { l.body = append(l.body, fmt.Sprintf(format, args...)) }
	event := func(kind string, t time.Time, hhmm string) {
		l.truth.Events = append(l.truth.Events, Event{Kind: kind, Date: isoDate(t), Time: hhmm})
	}
	switch l.kind {
	case receipt:
		add(pick(r, []string{
			"The above %[1]s has been received. Please notify us immediately if any of the above information is incorrect.",
			"This notice confirms that USCIS received your %[2]s %[1]s as shown above. It does not grant any immigration status or benefit.",
		}), what, form)
		if l.form.biometric && l.noticeType != "" && r.IntN(2) == 0 {
			add("If we need your biometrics, we will mail you a separate biometrics appointment notice with the date, time and location of your appointment.")
		}
		add("This notice only shows that the %s was filed on %s. Processing times vary by form; see www.uscis.gov/processing-times.",
			what, longDate(received))
	case approval:
		if r.IntN(2) == 0 {
			add("The above %s has been approved.", what)
		}
		action := weekday(notice.AddDate(0, 0, -r.IntN(4)))
		add("On %s, we approved your %s. %s", longDate(action), form, pick(r, []string{
			"Please keep this notice for your records.",
			"We will mail any card or document you are due separately.",
			"This approval does not itself grant a visa.",
		}))
		switch l.form.name {
		case "I-765", "I-131", "I-129", "I-539", "I-129F", "I-821D":
			from := notice.AddDate(0, 0, r.IntN(10))
			l.right = append(l.right, fmt.Sprintf("Valid from %s to %s", usDate(from), usDate(from.AddDate(2, 0, -1))))
		}
		if l.form.name == "I-765" {
			add("You cannot use this approval notice as proof of employment authorization. Your pending Form I-485 does not change this.")
		}
	case rfe, noid:
		due := notice.AddDate(0, 0, 87)
		kind := "rfe-due"
		if l.kind == noid {
			due, kind = notice.AddDate(0, 0, 33), "noid-due"
			add("This is a notice of our intent to deny your %s, which we received on %s. The record does not establish eligibility.",
				form, longDate(received))
		} else {
			add("We need more evidence before we can make a decision on your %s, received on %s.", form, longDate(received))
		}
		event(kind, due, "")
		if r.IntN(3) == 0 {
			l.right = append(l.right, "Response Due Date: "+usDate(due))
		} else {
			add(pick(r, []string{
				"You must submit the requested evidence so that we receive it no later than %s.",
				"Your response must be received in this office by %s.",
				"Please respond by %s. If you do not respond, we will decide your case on the record.",
				"Response Due: %s",
			}), longDate(due))
		}
		add("Evidence requested: a copy of the birth certificate with a certified English translation, and evidence of lawful entry such as Form I-94.")
	case biometrics:
		add("To process your %s, USCIS must collect your biometrics (fingerprints, photograph and signature). Please come to the Application Support Center below at the date and time specified.", what)
		at := weekday(notice.AddDate(0, 0, 14+r.IntN(21)))
		printed, hhmm := clock(r)
		event("biometrics", at, hhmm)
		if r.IntN(2) == 0 {
			l.appointment = &appointment{place: pick(r, supportCenters), label: "DATE AND TIME OF APPOINTMENT",
				date: usDate(at), time: printed}
		} else {
			add("%s%s at %s", pick(r, []string{"Date and Time of Appointment: ", "Appointment Date: "}),
				pick(r, []string{"", at.Weekday().String() + ", "})+longDate(at), printed)
		}
		add("If you cannot attend, you may reschedule online at least 12 hours before your appointment. Bring this notice and photo identification.")
	case interview:
		add("You are hereby notified to appear for an interview on your %s at the USCIS office below.", form)
		at := weekday(notice.AddDate(0, 0, 21+r.IntN(40)))
		printed, hhmm := clock(r)
		event("interview", at, hhmm)
		add(pick(r, []string{
			"Date and Time of Interview: %s at %s",
			"Interview Date and Time: %s, %s",
			"Your interview is scheduled for %s at %s.",
		}), pick(r, []string{"", at.Weekday().String() + ", "})+longDate(at), printed)
		add("Bring this notice, your passport and the originals of the documents you submitted with your %s.", what)
	case transfer:
		add("We transferred your case to the %s on %s to balance workloads. Your receipt number has not changed.",
			pick(r, offices)[0], longDate(weekday(notice.AddDate(0, 0, -r.IntN(6)))))
		add("Please send any correspondence about this case to the office shown below.")
	case rejection:
		add("Your %s has been rejected because %s. We are returning your filing and any fee.", what, pick(r, []string{
			"the correct fee was not included", "the form was not signed", "an outdated edition of the form was used",
		}))
		add("We received the filing on %s. You may file again with the missing items.", longDate(received))
	case denial:
		add("On %s, we denied your %s after reviewing the record.", longDate(weekday(notice.AddDate(0, 0, -r.IntN(4)))), form)
		add("You may file a motion to reopen or reconsider on Form I-290B within 33 days of this decision.")
	}
	if l.kind == approval && r.IntN(2) == 0 {
		add("NOTICE: Although this %s has been approved, USCIS and the U.S. Department of Homeland Security reserve the right to verify the information submitted.", what)
	}
	for _, i := range r.Perm(len(boilerplate))[:r.IntN(3)] {
		l.body = append(l.body, boilerplate[i])
	}
}

// boilerplate is what many notices print whatever they are about.
var boilerplate = []string{
	"Please see the additional information on the back. You will be notified separately about any other cases you filed.",
	"If you have questions, visit www.uscis.gov/contactcenter or call the USCIS Contact Center at 800-375-5283 (TTY 800-767-1833).",
	"If your address changes, update it online at www.uscis.gov/addresschange within 10 days of moving.",
	"USCIS will use the information you provided to process your case. See our privacy notice at www.uscis.gov/privacy.",
	"You can check the status of your case online at www.uscis.gov/casestatus with the receipt number shown above.",
}
