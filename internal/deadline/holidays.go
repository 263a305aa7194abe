package deadline

import (
	"fmt"
	"time"
)

// A deadline on a weekend or a federal holiday stays on its day. Some
// rules let such a deadline run to the next business day (8 CFR 1.4 for
// USCIS, 8 CFR 1003.38(c) for appeals to the Board of Immigration
// Appeals), others do not say, and mail and offices are closed on it
// either way: the safe answer is the business day before, which the
// action then names.

// holiday is a legal public holiday of 5 U.S.C. 6103(a), in both languages.
type holiday struct{ en, es string }

// holidayOn says whether day is a federal holiday as observed: one that
// falls on a Saturday is observed on the Friday before, one on a Sunday on
// the Monday after.
func holidayOn(day time.Time) (holiday, bool) {
	for _, d := range []time.Time{day, day.AddDate(0, 0, 1), day.AddDate(0, 0, -1)} {
		h, ok := holidayDate(d)
		if !ok {
			continue
		}
		switch {
		case d.Equal(day) && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday,
			d.After(day) && d.Weekday() == time.Saturday,
			d.Before(day) && d.Weekday() == time.Sunday:
			return h, true
		}
	}
	return holiday{}, false
}

// holidayDate says whether day is the date of a holiday, before moving
// it off a weekend.
func holidayDate(day time.Time) (holiday, bool) {
	y, m, d := day.Date()
	nth := func(n int, wd time.Weekday) bool { return day.Weekday() == wd && (d-1)/7 == n-1 }
	last := func(wd time.Weekday) bool { return day.Weekday() == wd && d+7 > daysIn(y, m) }
	switch {
	case m == time.January && d == 1:
		return holiday{"New Year's Day", "Año Nuevo"}, true
	case m == time.January && nth(3, time.Monday):
		return holiday{"Martin Luther King Jr. Day", "Día de Martin Luther King Jr."}, true
	case m == time.February && nth(3, time.Monday):
		return holiday{"Washington's Birthday", "Natalicio de Washington"}, true
	case m == time.May && last(time.Monday):
		return holiday{"Memorial Day", "Día de los Caídos"}, true
	case m == time.June && d == 19 && y >= 2021:
		return holiday{"Juneteenth", "Juneteenth"}, true
	case m == time.July && d == 4:
		return holiday{"Independence Day", "Día de la Independencia"}, true
	case m == time.September && nth(1, time.Monday):
		return holiday{"Labor Day", "Día del Trabajo"}, true
	case m == time.October && nth(2, time.Monday):
		return holiday{"Columbus Day", "Día de Colón"}, true
	case m == time.November && d == 11:
		return holiday{"Veterans Day", "Día de los Veteranos"}, true
	case m == time.November && nth(4, time.Thursday):
		return holiday{"Thanksgiving Day", "Día de Acción de Gracias"}, true
	case m == time.December && d == 25:
		return holiday{"Christmas Day", "Navidad"}, true
	}
	return holiday{}, false
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// closed says why offices are closed on day, in each language, or ok
// false on a business day.
func closed(day time.Time) (why [2]string, ok bool) {
	if h, ok := holidayOn(day); ok {
		return [2]string{"a federal holiday (" + h.en + ")", "un día feriado federal (" + h.es + ")"}, true
	}
	switch day.Weekday() {
	case time.Saturday:
		return [2]string{"a Saturday", "sábado"}, true
	case time.Sunday:
		return [2]string{"a Sunday", "domingo"}, true
	}
	return why, false
}

var weekdaysES = [...]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"}

// closedDayNote adds to a deadline's action, when its day is a weekend or
// a federal holiday, that the deadline does not move and which business
// day to aim for instead.
func closedDayNote(action Text, day time.Time) Text {
	why, ok := closed(day)
	if !ok {
		return action
	}
	before := day.AddDate(0, 0, -1)
	for _, shut := closed(before); shut; _, shut = closed(before) {
		before = before.AddDate(0, 0, -1)
	}
	action.EN += fmt.Sprintf(" %s falls on %s. Some rules let such a deadline move to the next business day; do not count on it: aim for %s, %s, the business day before.",
		longDate(0, day), why[0], before.Weekday(), longDate(0, before))
	action.ES += fmt.Sprintf(" El %s cae en %s. Algunas reglas permiten pasar ese plazo al siguiente día hábil; no cuente con ello: procure el %s %s, el día hábil anterior.",
		longDate(1, day), why[1], weekdaysES[before.Weekday()], longDate(1, before))
	return action
}
