package fields

import (
	"time"

	"immivault/internal/ids"
)

// A scan's dates are checked against what else the notice says about when things happened,
// and a date that cannot be right is read again with one digit taken for its look-alike: a fax
// at 200 dpi reads "05/24/2021" as "05/24/2071" (a thin 2 taken for a 7), which a plausible
// calendar date alone does not catch. The checks are what holds for every notice:
//
//   - the received date falls in the fiscal year its receipt number carries (October to
//     September, named for the year it ends in, docs/identifiers.md), at most a few months
//     before the receipt number's intake workday (a lockbox's backlog) and shortly after it;
//   - the notice date is on or after the received date, within the years a case lasts;
//   - the priority date is on or before the received date (the filing, or an earlier labour
//     certification) and the notice date;
//   - an appointment or a response due is after the notice date, within a year or two.
//
// Only OCR's dates are read again: a text PDF's digits are the notice's, and a date there that
// breaks these is a real notice's oddity, which warnings() reports. A date no single look-alike
// makes plausible is kept as read and warned about; one that a look-alike fixes is marked
// corrected, for the person to confirm.

// digitLookAlikes are the digits OCR takes a printed digit for, on faxes and poor scans above
// all: thin strokes lost (8 as 3 or 0, 7 as 1) or added (1 as 7, 2 as 7, 5 as 6).
var digitLookAlikes = map[byte]string{
	'0': "689", '1': "74", '2': "7", '3': "85", '4': "19", '5': "63",
	'6': "508", '7': "12", '8': "03695", '9': "084",
}

// Windows of plausibility, in days.
const (
	intakeLagDays  = 120 // a received date may precede its receipt number's intake workday
	intakeLeadDays = 31  // or follow it, with holidays the weekday count leaves out
	caseYears      = 15  // a notice within this many years of the receipt
	eventYears     = 2   // an appointment or a deadline within this many years of the notice
	isoLayout      = "2006-01-02"
)

// plausibleDates checks and repairs n's dates, as above, when they were read by OCR.
func (x *extraction) plausibleDates(n *Notice) {
	lo, hi, intake, ok := receiptWindow(n.ReceiptNumber.Value)
	if ok {
		x.repairDate(&n.ReceivedDate, lo, hi, intake)
	}
	received, hasReceived := parseISO(n.ReceivedDate.Value)
	switch {
	case hasReceived:
		x.repairDate(&n.NoticeDate, received, received.AddDate(caseYears, 0, 0), received)
	case ok:
		x.repairDate(&n.NoticeDate, lo, hi.AddDate(caseYears, 0, 0), intake)
	}
	notice, hasNotice := parseISO(n.NoticeDate.Value)
	if hasReceived {
		last := received
		if hasNotice && notice.Before(last) {
			last = notice
		}
		x.repairDate(&n.PriorityDate, received.AddDate(-caseYears, 0, 0), last, received)
	}
	if hasNotice {
		for i := range n.Events {
			e := &n.Events[i]
			f := Field{Value: e.Date, Confidence: e.Confidence, Corrected: e.Corrected}
			if x.repairDate(&f, notice, notice.AddDate(eventYears, 0, 0), notice) {
				e.Date, e.Confidence, e.Corrected = f.Value, f.Confidence, true
			}
		}
	}
}

// receiptWindow is when a case with receipt number r can have been received, and the day its
// intake workday falls on counting weekdays from the fiscal year's first: false for a number
// that carries no fiscal year (ELIS's IOE) or none at all.
func receiptWindow(r string) (lo, hi, intake time.Time, ok bool) {
	if len(r) != 13 {
		return
	}
	fy := ids.Explain(ids.ReceiptNumber, []byte(r)).FiscalYear
	if fy == 0 {
		return
	}
	start := time.Date(fy-1, time.October, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(fy, time.September, 30, 0, 0, 0, 0, time.UTC)
	workday := 0
	for _, c := range r[5:8] {
		workday = 10*workday + int(c-'0')
	}
	if workday < 1 || workday > 300 {
		return start.AddDate(0, 0, -intakeLagDays), end.AddDate(0, 0, intakeLeadDays), start.Add(end.Sub(start) / 2), true
	}
	intake = start
	for n := 1; n < workday; {
		intake = intake.AddDate(0, 0, 1)
		if wd := intake.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return intake.AddDate(0, 0, -intakeLagDays), intake.AddDate(0, 0, intakeLeadDays), intake, true
}

// repairDate leaves f alone when it is empty or within lo and hi, and otherwise replaces it by
// the date within them that one digit read as its look-alike makes, the nearest to near, marked
// corrected. It reports whether it changed f.
func (x *extraction) repairDate(f *Field, lo, hi, near time.Time) bool {
	if !x.ocr || f.Value == "" {
		return false
	}
	t, ok := parseISO(f.Value)
	if !ok || !t.Before(lo) && !t.After(hi) {
		return false
	}
	digits := []byte(f.Value)
	var best time.Time
	found := false
	for i, c := range digits {
		for _, alt := range []byte(digitLookAlikes[c]) {
			cand := []byte(f.Value)
			cand[i] = alt
			ct, ok := parseISO(string(cand))
			if !ok || ct.Before(lo) || ct.After(hi) {
				continue
			}
			if !found || absDays(ct.Sub(near)) < absDays(best.Sub(near)) {
				best, found = ct, true
			}
		}
	}
	if !found {
		return false
	}
	f.Value = best.Format(isoLayout)
	f.Corrected = true
	f.Confidence = round2(f.Confidence * correctedFactor)
	return true
}

func parseISO(s string) (time.Time, bool) {
	t, err := time.Parse(isoLayout, s)
	return t, err == nil
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
