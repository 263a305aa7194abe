package noticetest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// receiptNumber makes a receipt number as docs/identifiers.md#fiscal-year-and-workday describes it:
// the office prefix, the fiscal year and intake workday of the received date, and a sequence
// number. ELIS (IOE) numbers do not encode a date.
func receiptNumber(r *rand.Rand, prefix string, received time.Time) string {
	if prefix == "IOE" {
		return prefix + pick(r, []string{"09", "08", "01"}) + digits(r, 8)
	}
	fy := received.Year()
	if received.Month() >= time.October {
		fy++
	}
	workday := 0
	for d := time.Date(fy-1, time.October, 1, 0, 0, 0, 0, time.UTC); !d.After(received); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			workday++
		}
	}
	return fmt.Sprintf("%s%02d%03d%05d", prefix, fy%100, max(workday, 1), 1+r.IntN(99998))
}

// nextReceipt is the receipt number after rn, as cases filed in one envelope get.
func nextReceipt(rn string) string {
	n, _ := strconv.ParseInt(rn[3:], 10, 64)
	return fmt.Sprintf("%s%010d", rn[:3], (n+1)%10_000_000_000)
}

// printReceipt writes a receipt number in one of the ways notices print it: plain mostly, with
// the star some header boxes print after the prefix, or grouped with dashes as in letters.
func printReceipt(r *rand.Rand, rn string, header bool) string {
	switch n := r.IntN(10); {
	case header && n == 0:
		return rn[:3] + "*" + rn[3:]
	case !header && n < 4 || header && n == 1:
		return rn[:3] + "-" + rn[3:5] + "-" + rn[5:8] + "-" + rn[8:]
	}
	return rn
}

// aNumber makes an A-number in storage form; one in five has 8 digits, as older ones do.
func aNumber(r *rand.Rand) string {
	if r.IntN(5) == 0 {
		return "A0" + fmt.Sprint(1+r.IntN(9)) + digits(r, 7)
	}
	return "A" + fmt.Sprint(1+r.IntN(2)) + digits(r, 8)
}

// printANumber writes a stored A-number as notices do: "A012 345 678" in header rows,
// otherwise also plain, dashed, or without the zero padding of an 8-digit number.
func printANumber(r *rand.Rand, a string, header bool) string {
	d := a[1:]
	switch n := r.IntN(6); {
	case header || n < 2:
		return "A" + d[:3] + " " + d[3:6] + " " + d[6:]
	case n == 2:
		return "A" + d
	case n == 3 && d[0] == '0':
		return "A" + d[1:]
	case n == 4:
		return d[:3] + "-" + d[3:6] + "-" + d[6:]
	}
	return "A-" + d[:3] + "-" + d[3:6] + "-" + d[6:]
}

func printAccount(r *rand.Rand, acct string) string {
	if r.IntN(2) == 0 {
		return acct[:4] + " " + acct[4:8] + " " + acct[8:]
	}
	return acct
}

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// weekday moves t forward to a Monday to Friday.
func weekday(t time.Time) time.Time {
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func usDate(t time.Time) string   { return t.Format("01/02/2006") }
func isoDate(t time.Time) string  { return t.Format("2006-01-02") }
func longDate(t time.Time) string { return t.Format("January 2, 2006") }

// clock prints a time of day as notices do ("9:30 AM", "01:00 PM") and returns it as the
// truth's HH:MM.
func clock(r *rand.Rand) (printed, hhmm string) {
	h, m := 8+r.IntN(8), 15*r.IntN(4)
	t := time.Date(2000, 1, 1, h, m, 0, 0, time.UTC)
	return t.Format(pick(r, []string{"3:04 PM", "03:04 PM", "3:04PM"})), t.Format("15:04")
}
