package naturalization

import (
	"cmp"
	"slices"
	"time"
)

// Rule is the provision the date is worked out under.
type Rule string

const (
	FiveYear          Rule = "5-year"          // INA 316(a)
	ThreeYearMarriage Rule = "3-year-marriage" // INA 319(a)
)

// earlyDays is how long before the continuous residence is complete the
// N-400 may be filed (INA 334(a), 8 CFR 334.2(b)).
const earlyDays = 90

// maxShift bounds how far physical presence may move the date: 10 years
// in the US fill any period, so a longer search means trips still going on.
const maxShift = 3653

// maxSpan bounds the days counted, from Resident Since to the last day
// the search may try: a century and a half covers any life, and keeps a
// mistyped year from costing memory.
const maxSpan = 150 * 366

// provision is what differs between the 5-year and the 3-year rule.
type provision struct {
	rule        Rule
	years       int // the statutory period
	remedyYears int // after a break: file this many years and 1 day after the return (8 CFR 316.5(c)(1)(ii))
	presence    int // days in the US needed in the period: half of it, as USCIS counts (913, 548)
}

var (
	fiveYear  = provision{FiveYear, 5, 4, 913}
	threeYear = provision{ThreeYearMarriage, 3, 2, 548}
)

// Trip is one stay outside the United States.
type Trip struct {
	Departed time.Time
	Returned time.Time // zero while still abroad
	// Destination is the countries, as the person wrote them.
	Destination string
}

// Facts are what the date is worked out from; zero dates are unknown.
type Facts struct {
	ResidentSince time.Time // the "Resident Since" date on the green card
	// ViaMarriage: married to and living with a US citizen, so the 3-year
	// rule may apply. Married is the wedding, SpouseCitizenSince the day
	// the spouse naturalised (zero if born a citizen or unknown).
	ViaMarriage                 bool
	Married, SpouseCitizenSince time.Time
	InStateSince                time.Time // the move to the state of residence
	Trips                       []Trip
}

// Absence is a trip that bears on continuous residence.
type Absence struct {
	Departed, Returned time.Time
	Days               int  // days wholly outside the US
	InProgress         bool // still abroad: Returned is today
}

// Presence is the physical presence count on the filing date.
type Presence struct {
	DaysInUS, Required int
	// From and To are the period counted: From included, To (the filing
	// day) not. Days before ResidentSince are not counted.
	From, To time.Time
}

// Result is the earliest filing date and how it was found.
type Result struct {
	Rule Rule
	// EarliestFiling is the first day the N-400 may be filed; zero when it
	// cannot be worked out (no Resident Since date).
	EarliestFiling time.Time
	Presence       Presence
	Breaks         []Absence // trips of a year or more
	PresumedBreaks []Absence // trips of more than 6 months and less than a year
	// IfNotRebutted is the date if USCIS holds a presumed break to have
	// broken continuous residence; zero without presumed breaks.
	IfNotRebutted time.Time
	Why           []Text // how the date was found, step by step
	Warnings      []Text
}

// Compute works out the earliest N-400 filing date. today is read as a
// calendar day in its own location; it stands in for the return of a
// trip still going on.
func Compute(f Facts, today time.Time) Result {
	today = Day(today)
	if f.ResidentSince.IsZero() {
		return Result{Rule: FiveYear, Warnings: []Text{noResidentSince()}}
	}
	trips := normalise(f.Trips, today)
	five := compute(fiveYear, f, trips)
	if !f.ViaMarriage {
		return five
	}
	three := compute(threeYear, f, trips)
	if three.EarliestFiling.IsZero() || !five.EarliestFiling.IsZero() && five.EarliestFiling.Before(three.EarliestFiling) {
		five.Why = append(five.Why, threeYearLater(three.EarliestFiling))
		five.Warnings = append(five.Warnings, marriageWarnings(f)...)
		return five
	}
	three.Why = append(three.Why, fiveYearLater(five.EarliestFiling))
	return three
}

type trip struct {
	Trip
	inProgress bool
}

// normalise sorts the trips and ends those still going on today. A trip
// not begun yet with no return date (one being planned) is left out: it
// says nothing of how long it will be.
func normalise(in []Trip, today time.Time) []trip {
	out := make([]trip, 0, len(in))
	for _, t := range in {
		t.Departed, t.Returned = Day(t.Departed), Day(t.Returned)
		x := trip{Trip: t}
		switch {
		case t.Departed.IsZero():
			continue
		case t.Returned.IsZero() && t.Departed.After(today):
			continue
		case t.Returned.IsZero():
			x.Returned, x.inProgress = today, true
		}
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b trip) int { return a.Departed.Compare(b.Departed) })
	return out
}

func compute(p provision, f Facts, trips []trip) Result {
	r := Result{Rule: p.rule}
	since := Day(f.ResidentSince)
	anniversary := later(since, p.years, 0)
	date := anniversary.AddDate(0, 0, -earlyDays)
	r.Why = append(r.Why, residenceStep(since, p.years, anniversary, date))
	raise := func(d time.Time, why Text) {
		if d.After(date) {
			date = d
			r.Why = append(r.Why, why)
		}
	}
	if p == threeYear {
		if !f.Married.IsZero() {
			raise(later(Day(f.Married), 3, 0), marriageStep(Day(f.Married), later(Day(f.Married), 3, 0)))
		}
		if !f.SpouseCitizenSince.IsZero() {
			raise(later(Day(f.SpouseCitizenSince), 3, 0), spouseStep(Day(f.SpouseCitizenSince), later(Day(f.SpouseCitizenSince), 3, 0)))
		}
		r.Warnings = append(r.Warnings, marriageWarnings(f)...)
	}
	if f.InStateSince.IsZero() {
		r.Warnings = append(r.Warnings, noStateDate())
	} else {
		raise(later(Day(f.InStateSince), 0, 3), stateStep(Day(f.InStateSince), later(Day(f.InStateSince), 0, 3)))
	}
	var notRebutted time.Time
	for _, t := range trips {
		if !t.Returned.After(since) {
			continue // over before the residence began
		}
		start := maxDay(t.Departed, since)
		a := Absence{Departed: t.Departed, Returned: t.Returned, Days: DaysAbroad(t.Departed, t.Returned), InProgress: t.inProgress}
		remedy := later(t.Returned, p.remedyYears, 0).AddDate(0, 0, 1)
		switch {
		case !t.Returned.Before(sooner(start, 1, 0)):
			r.Breaks = append(r.Breaks, a)
			raise(remedy, breakStep(a, p.remedyYears, remedy))
		case t.Returned.After(sooner(start, 0, 6)):
			r.PresumedBreaks = append(r.PresumedBreaks, a)
			notRebutted = maxDay(notRebutted, remedy)
			r.Warnings = append(r.Warnings, presumedWarning(a, p.remedyYears, remedy))
		}
		if t.inProgress {
			raise(t.Returned, inProgressStep(t.Departed))
			r.Warnings = append(r.Warnings, inProgressWarning(t.Departed))
		}
	}
	horizon := maxDay(date, notRebutted).AddDate(0, 0, maxShift+1)
	if days(since, horizon) > maxSpan {
		r.Warnings = append(r.Warnings, tooFar())
		return r
	}
	abroad := newAbroadDays(since, horizon, trips)
	filing, presence, ok := presenceFrom(p, abroad, date)
	r.Presence = presence
	if !ok {
		r.Warnings = append(r.Warnings, presenceNever(p))
		return r
	}
	if filing.After(date) {
		r.Why = append(r.Why, presenceStep(p, date, filing))
	}
	r.EarliestFiling = filing
	if !notRebutted.IsZero() && notRebutted.After(filing) {
		r.IfNotRebutted, _, _ = presenceFrom(p, abroad, notRebutted)
	}
	return r
}

// presenceFrom finds the first day from from on when the days in the US
// in the period before it reach what p needs. A day later adds at most one
// day in the US (the period's end moves on by one, its start never moves
// back), so when n are missing, the next n-1 days cannot do and are
// skipped.
func presenceFrom(p provision, abroad *abroadDays, from time.Time) (time.Time, Presence, bool) {
	for f := from; days(from, f) <= maxShift; {
		pr := presenceOn(p, abroad, f)
		if pr.DaysInUS >= p.presence {
			return f, pr, true
		}
		f = f.AddDate(0, 0, p.presence-pr.DaysInUS)
	}
	return time.Time{}, presenceOn(p, abroad, from), false
}

// presenceOn counts the days in the US in the statutory period before
// filing on the day filing. The days of departure and return are days in
// the US (Policy Manual Vol. 12 Part D ch. 4); days before the residence
// began are not counted.
func presenceOn(p provision, abroad *abroadDays, filing time.Time) Presence {
	from := maxDay(filing.AddDate(-p.years, 0, 0), abroad.since)
	return Presence{DaysInUS: max(days(from, filing)-abroad.between(from, filing), 0), Required: p.presence, From: from, To: filing}
}

// abroadDays counts the days wholly abroad from the residence's start to
// a horizon by running sums, so that each day the search tries costs the
// same however many trips there are. A day two trips share (which the
// vault refuses, but a day is a day) counts once.
type abroadDays struct {
	since time.Time
	sums  []int // sums[i]: the days abroad in [since, since+i days)
}

func newAbroadDays(since, horizon time.Time, trips []trip) *abroadDays {
	n := days(since, horizon)
	change := make([]int, n+1)
	for _, t := range trips {
		first, end := max(days(since, t.Departed)+1, 0), min(days(since, t.Returned), n)
		if end > first {
			change[first]++
			change[end]--
		}
	}
	sums := make([]int, n+1)
	away := 0
	for i := range n {
		away += change[i]
		sums[i+1] = sums[i] + min(away, 1)
	}
	return &abroadDays{since: since, sums: sums}
}

// between counts the days abroad in [from, to), both within the horizon
// and not before since.
func (a *abroadDays) between(from, to time.Time) int {
	return a.sums[days(a.since, to)] - a.sums[days(a.since, from)]
}

// N400Trip is one line of the N-400's list of trips.
type N400Trip struct {
	Departed, Returned time.Time // Returned is zero while still abroad
	Days               int       // days wholly outside the US, so far for a trip still going on
	Destination        string
}

// TripsForN400 lists the trips the N-400 asks for on the day it is
// filed: those of 24 hours or more in the 5 years before, most recent
// first (the form's order). A trip that began before the 5 years and
// ended within them is listed whole.
func TripsForN400(trips []Trip, filing time.Time) []N400Trip {
	filing = Day(filing)
	from := filing.AddDate(-5, 0, 0)
	var out []N400Trip
	for _, t := range trips {
		d, r := Day(t.Departed), Day(t.Returned)
		end := r
		if r.IsZero() {
			end = filing
		}
		if !end.After(d) || end.Before(from) || !d.Before(filing) {
			continue // a day trip, or outside the 5 years
		}
		out = append(out, N400Trip{Departed: d, Returned: r, Days: DaysAbroad(d, end), Destination: t.Destination})
	}
	slices.SortFunc(out, func(a, b N400Trip) int { return cmp.Compare(b.Departed.Unix(), a.Departed.Unix()) })
	return out
}

// DaysAbroad counts the days wholly outside the US of a trip: USCIS counts
// the days of departure and return as days in the US.
func DaysAbroad(departed, returned time.Time) int {
	return max(days(Day(departed), Day(returned))-1, 0)
}
