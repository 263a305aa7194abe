package naturalization

import "time"

// Dates are calendar days at 00:00 UTC.

const day = 24 * time.Hour

// Day is the calendar day of t, in t's location, at 00:00 UTC.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ParseDay reads YYYY-MM-DD; "" and anything else is the zero time.
func ParseDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func format(t time.Time) string { return t.Format(time.DateOnly) }

// later adds years and months for a date one may file from: when the
// month reached has no such day (February 29 plus a year), it is the
// first of the next month, never the last of this one.
func later(t time.Time, years, months int) time.Time {
	return t.AddDate(years, months, 0) // time normalises Feb 29 + 1y to Mar 1
}

// sooner adds years and months for a threshold a trip is measured
// against: when the month reached has no such day, it is that month's
// last day, so that a trip is never found shorter than it was.
func sooner(t time.Time, years, months int) time.Time {
	first := time.Date(t.Year()+years, t.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	if last := first.AddDate(0, 1, -1); t.Day() > last.Day() {
		return last
	}
	return first.AddDate(0, 0, t.Day()-1)
}

func days(from, to time.Time) int { return int(to.Sub(from) / day) }

func maxDay(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func minDay(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
