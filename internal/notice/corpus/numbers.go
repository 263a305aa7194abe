package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Fictional people: surnames that are words for "example" or "sample" in several languages, so
// that no generated notice can be mistaken for a real person's.
var (
	surnames = []string{"EXEMPLO", "MUESTRA", "BEISPIEL", "ESEMPIO", "PRZYKLAD", "VORBILD",
		"SAMPELA", "MALLI", "PRIMJER", "ORNEK", "CONTOH", "VIDUKA"}
	givens = []string{"MARIA", "JOAO", "ANA", "LUCAS", "WEI", "PRIYA", "OLENA", "AMIR", "SOFIA",
		"KWAME", "LINH", "DIEGO", "FATIMA", "IVAN", "CHIDI", "ROSA"}
	streets = []string{"SAMPLE ST", "EXAMPLE AVE", "PLACEHOLDER RD", "FICTION LN", "TEMPLATE BLVD",
		"SPECIMEN CT", "MOCKUP WAY", "DRAFT DR"}
	cities = []string{"SPRINGFIELD IL 62704", "RIVERTON WY 82501", "FAIRVIEW TN 37062",
		"GREENVILLE SC 29601", "MADISON WI 53703", "CLINTON IA 52732", "SALEM OR 97301",
		"FRANKLIN MA 02038"}
	employers = []string{"EXAMPLE ROBOTICS LLC", "SAMPLE BIOTECH INC", "PLACEHOLDER SYSTEMS CORP",
		"FICTIONAL DATA LABS INC", "TEMPLATE UNIVERSITY"}
)

// form is a USCIS form as notices name it: its code and its title as the Case Type line prints
// it (titles follow the forms pages of uscis.gov; old notices keep old titles, and so do these).
type form struct {
	code, title string
	priority    bool // petitions that give the beneficiary a priority date
}

var forms = map[string]form{
	"I-90":   {"I-90", "APPLICATION TO REPLACE PERMANENT RESIDENT CARD", false},
	"I-129":  {"I-129", "PETITION FOR A NONIMMIGRANT WORKER", false},
	"I-129F": {"I-129F", "PETITION FOR ALIEN FIANCE(E)", false},
	"I-130":  {"I-130", "PETITION FOR ALIEN RELATIVE", true},
	"I-131":  {"I-131", "APPLICATION FOR TRAVEL DOCUMENT", false},
	"I-131A": {"I-131A", "APPLICATION FOR TRAVEL DOCUMENT (CARRIER DOCUMENTATION)", false},
	"I-140":  {"I-140", "IMMIGRANT PETITION FOR ALIEN WORKER", true},
	"I-360":  {"I-360", "PETITION FOR AMERASIAN, WIDOW(ER), OR SPECIAL IMMIGRANT", true},
	"I-485":  {"I-485", "APPLICATION TO REGISTER PERMANENT RESIDENCE OR ADJUST STATUS", false},
	"I-526E": {"I-526E", "IMMIGRANT PETITION BY REGIONAL CENTER INVESTOR", true},
	"I-539":  {"I-539", "APPLICATION TO EXTEND/CHANGE NONIMMIGRANT STATUS", false},
	"I-601A": {"I-601A", "APPLICATION FOR PROVISIONAL UNLAWFUL PRESENCE WAIVER", false},
	"I-730":  {"I-730", "REFUGEE/ASYLEE RELATIVE PETITION", false},
	"I-751":  {"I-751", "PETITION TO REMOVE CONDITIONS ON RESIDENCE", false},
	"I-765":  {"I-765", "APPLICATION FOR EMPLOYMENT AUTHORIZATION", false},
	"I-821D": {"I-821D", "CONSIDERATION OF DEFERRED ACTION FOR CHILDHOOD ARRIVALS", false},
	"N-400":  {"N-400", "APPLICATION FOR NATURALIZATION", false},
}

// bare is a form code as old Case Type lines print it, without its hyphen: "I130".
func (f form) bare() string { return strings.Replace(f.code, "-", "", 1) }

// titleCase is a title as newer notices print it: "Petition for Alien Relative".
func titleCase(s string) string {
	small := map[string]bool{"FOR": true, "TO": true, "OR": true, "BY": true, "OF": true, "ON": true}
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && small[w] {
			words[i] = strings.ToLower(w)
			continue
		}
		words[i] = w[:1] + strings.ToLower(w[1:])
	}
	return strings.Join(words, " ")
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func digits(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}

// receipt is a receipt number in storage form: an office prefix, the two digits of the fiscal
// year the case was received in, a workday of that year and a sequence number
// (docs/identifiers.md). ELIS numbers (IOE) follow no such layout.
func receipt(r *rand.Rand, prefix string, received time.Time) string {
	if prefix == "IOE" {
		return "IOE" + pick(r, []string{"09", "80", "81", "91"}) + digits(r, 8)
	}
	fy := received.Year()
	if received.Month() >= time.October {
		fy++
	}
	workday := 1
	for d := time.Date(fy-1, time.October, 1, 0, 0, 0, 0, time.UTC); d.Before(received); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			workday++
		}
	}
	return fmt.Sprintf("%s%02d%03d%05d", prefix, fy%100, min(workday, 260), 1+r.IntN(99998))
}

// receiptDashed is a receipt number as letters print it: "EAC-25-123-45678".
func receiptDashed(n string) string {
	if strings.HasPrefix(n, "IOE") {
		return n
	}
	return n[:3] + "-" + n[3:5] + "-" + n[5:8] + "-" + n[8:]
}

// aNumber is an A-number in storage form: A and nine digits, most starting 0 or 2 as issued
// numbers do.
func aNumber(r *rand.Rand) string {
	return "A" + pick(r, []string{"0", "0", "2", "2", "1"}) + digits(r, 8)
}

// printA prints an A-number the ways notices and cards do: with or without the A, grouped by
// spaces or dashes, and eight-digit numbers without their leading zero.
func printA(r *rand.Rand, a string) string {
	d := a[1:]
	switch r.IntN(8) {
	case 0:
		return a
	case 1:
		return "A" + d[:3] + " " + d[3:6] + " " + d[6:]
	case 2:
		return "A-" + d[:3] + "-" + d[3:6] + "-" + d[6:]
	case 3:
		return d
	case 4:
		return d[:3] + "-" + d[3:6] + "-" + d[6:]
	case 5:
		return d[:3] + " " + d[3:6] + " " + d[6:]
	case 6:
		if d[0] == '0' {
			return "A" + d[1:]
		}
		return "A" + d
	default:
		return "A " + d
	}
}

// printAPrefixed prints an A-number that has no label of its own (after a party's name on a
// header row), where notices always keep its A: without it nine digits would say nothing.
func printAPrefixed(r *rand.Rand, a string) string {
	for {
		if p := printA(r, a); strings.HasPrefix(p, "A") {
			return p
		}
	}
}

// Date styles. Header dates on I-797s are numeric; letters and bodies write the month out.
func numeric(t time.Time) string  { return t.Format("01/02/2006") }
func long(t time.Time) string     { return t.Format("January 2, 2006") }
func abbrev(t time.Time) string   { return t.Format("Jan 2, 2006") }
func dayFirst(t time.Time) string { return t.Format("2 January 2006") }
func weekday(t time.Time) string  { return t.Format("Monday, January 2, 2006") }
func iso(t time.Time) string      { return t.Format("2006-01-02") }

// clock is a time of day as notices print it, and as the truth keeps it.
func clock(r *rand.Rand) (printed, truth string) {
	h := 8 + r.IntN(8)
	m := pick(r, []int{0, 0, 0, 15, 30, 30, 45})
	h12, pm := twelveHour(h)
	ampm := "AM"
	if pm {
		ampm = "PM"
	}
	format := pick(r, []string{"%d:%02d %s", "%02d:%02d %s", "%d:%02d %s"})
	return fmt.Sprintf(format, h12, m, ampm), fmt.Sprintf("%02d:%02d", h, m)
}

// twelveHour is an hour of the day (8 to 23) on a 12-hour clock, and whether it is after noon.
func twelveHour(h int) (int, bool) {
	if h > 12 {
		return h - 12, true
	}
	return h, h == 12
}

// day is a date between 2018 and 2026 on a weekday, as USCIS works on weekdays.
func day(r *rand.Rand) time.Time {
	t := time.Date(2018+r.IntN(8), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365))
	return workday(t)
}

func workday(t time.Time) time.Time {
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func after(r *rand.Rand, t time.Time, lo, hi int) time.Time {
	return workday(t.AddDate(0, 0, lo+r.IntN(hi-lo+1)))
}
