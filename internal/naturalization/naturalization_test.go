package naturalization

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func away(departed, returned string) Trip {
	t := Trip{Departed: d(departed)}
	if returned != "" {
		t.Returned = d(returned)
	}
	return t
}

// The worked examples. Each want is worked out by hand in the comment
// (and in docs/naturalization.md), not by running the code.
func TestWorkedExamples(t *testing.T) {
	moved := d("2000-01-01") // long settled in the state, unless a case says otherwise
	tests := []struct {
		name          string
		facts         Facts
		today         string
		rule          Rule
		want          string // earliest filing date
		daysInUS      int
		breaks        int
		presumed      int
		ifNotRebutted string
		warning       string // part of a warning that must be there
	}{
		{
			// USCIS's early filing calculator page: Resident Since July 4,
			// 2013; 5 years on July 4, 2018; earliest April 5, 2018.
			// Days as a resident before filing: 2013-07-04 to 2018-04-05,
			// 1826 - 90 = 1736, all in the US.
			name: "USCIS example", facts: Facts{ResidentSince: d("2013-07-04"), InStateSince: moved},
			today: "2018-01-01", rule: FiveYear, want: "2018-04-05", daysInUS: 1736,
		},
		{
			// 2020-01-15 + 3 years = 2023-01-15, less 90 days = 2022-10-17;
			// married 2019-06-01, 3 years on 2022-06-01, earlier.
			name:  "3 years by marriage, the green card years last",
			facts: Facts{ResidentSince: d("2020-01-15"), ViaMarriage: true, Married: d("2019-06-01"), InStateSince: moved},
			today: "2022-01-01", rule: ThreeYearMarriage, want: "2022-10-17", daysInUS: 1006,
		},
		{
			// Married 2021-05-10: 3 years of marriage on 2024-05-10, with
			// no 90 days early, after 2022-10-17; the 5-year rule gives
			// 2024-10-17, later still.
			name:  "3 years by marriage, the marriage last",
			facts: Facts{ResidentSince: d("2020-01-15"), ViaMarriage: true, Married: d("2021-05-10"), InStateSince: moved},
			today: "2022-01-01", rule: ThreeYearMarriage, want: "2024-05-10", daysInUS: 1096,
		},
		{
			// The spouse naturalised 2022-08-20: 3 years on 2025-08-20,
			// after the 5-year rule's 2024-10-17, which wins.
			name: "spouse's citizenship last: the 5-year rule is sooner",
			facts: Facts{ResidentSince: d("2020-01-15"), ViaMarriage: true, Married: d("2018-01-01"),
				SpouseCitizenSince: d("2022-08-20"), InStateSince: moved},
			today: "2022-01-01", rule: FiveYear, want: "2024-10-17", daysInUS: 1737,
		},
		{
			// Resident since 2018-03-15 (5 years less 90 days: 2022-12-15).
			// Away 2020-01-10 to 2021-02-13, 400 days: a year or more. 4
			// years and 1 day after the return: 2025-02-14. Period
			// 2020-02-14 to 2025-02-14, 1827 days, of which 2020-02-14 to
			// 2021-02-12 (365) abroad: 1462 in the US.
			name:  "a 400-day trip",
			facts: Facts{ResidentSince: d("2018-03-15"), InStateSince: moved, Trips: []Trip{away("2020-01-10", "2021-02-13")}},
			today: "2023-01-01", rule: FiveYear, want: "2025-02-14", daysInUS: 1462, breaks: 1,
		},
		{
			// Resident since 2019-05-01: 2024-02-01. Away 2021-03-01 to
			// 2021-10-05: past the 6-month mark (2021-09-01), short of a
			// year. The date holds if the presumption is rebutted;
			// otherwise 2021-10-05 + 4 years + 1 day = 2025-10-06. Days in
			// the US: 1737 as a resident, less 217 abroad (2021-03-02 to
			// 2021-10-04) = 1520.
			name:  "a 7-month trip",
			facts: Facts{ResidentSince: d("2019-05-01"), InStateSince: moved, Trips: []Trip{away("2021-03-01", "2021-10-05")}},
			today: "2023-01-01", rule: FiveYear, want: "2024-02-01", daysInUS: 1520, presumed: 1,
			ifNotRebutted: "2025-10-06", warning: "presumes it broke continuous residence",
		},
		{
			// Back on the 6-month day itself (2021-09-01): not more than 6 months.
			name:  "exactly 6 months",
			facts: Facts{ResidentSince: d("2019-05-01"), InStateSince: moved, Trips: []Trip{away("2021-03-01", "2021-09-01")}},
			today: "2023-01-01", rule: FiveYear, want: "2024-02-01", daysInUS: 1737 - 183,
		},
		{
			// 3-year rule from 2020-01-01: 2022-10-03, with 1006 days as
			// a resident. Abroad 169 + 171 + 168 = 508 days (trips each
			// under 6 months): 498 in the US, 50 short of 548. Every day
			// after adds one (the period still starts on 2020-01-01):
			// 2022-10-03 + 50 = 2022-11-22.
			name: "physical presence moves the date (3-year rule)",
			facts: Facts{ResidentSince: d("2020-01-01"), ViaMarriage: true, Married: d("2015-05-05"), InStateSince: moved,
				Trips: []Trip{away("2020-02-01", "2020-07-20"), away("2020-08-01", "2021-01-20"), away("2021-02-01", "2021-07-20")}},
			today: "2022-01-01", rule: ThreeYearMarriage, want: "2022-11-22", daysInUS: 548,
		},
		{
			// Resident since 2016-01-01: 2020-10-03, 1737 days as a
			// resident, 923 of them abroad (176, 176, 176, 174, 176, 45):
			// 814, 99 short. To 2021-01-01 each day adds one (904); then
			// the period's start passes 2016-01-01..10, days in the US
			// (no change to 2021-01-11), then the first trip's days abroad
			// (one more a day): 913 on 2021-01-20.
			name: "a trip crossing the start of the period",
			facts: Facts{ResidentSince: d("2016-01-01"), InStateSince: moved, Trips: []Trip{
				away("2016-01-10", "2016-07-05"), away("2016-08-01", "2017-01-25"), away("2017-03-01", "2017-08-25"),
				away("2017-10-01", "2018-03-25"), away("2018-05-01", "2018-10-25"), away("2019-01-01", "2019-02-16")}},
			today: "2020-01-01", rule: FiveYear, want: "2021-01-20", daysInUS: 913,
		},
		{
			// Resident since 2019-05-01: 2024-02-01. Away 2024-01-20 to
			// 2024-02-10, across that day: only 2024-01-21..31 fall in the
			// period before it, 1737 - 11 in the US.
			name:  "a trip across the filing date",
			facts: Facts{ResidentSince: d("2019-05-01"), InStateSince: moved, Trips: []Trip{away("2024-01-20", "2024-02-10")}},
			today: "2023-01-01", rule: FiveYear, want: "2024-02-01", daysInUS: 1726,
		},
		{
			// 2016-02-29 + 5 years is 2021-03-01 (no February 29 in 2021),
			// less 90 days: 2020-12-01.
			name:  "leap day Resident Since",
			facts: Facts{ResidentSince: d("2016-02-29"), InStateSince: moved},
			today: "2020-01-01", rule: FiveYear, want: "2020-12-01", daysInUS: 1737,
		},
		{
			// 3 years from 2020-02-29: 2023-03-01, less 90 days is
			// 2022-12-01; married the same day: 2023-03-01, with no 90
			// days. Period 2020-03-01 to 2023-03-01: 1095 days.
			name:  "leap day wedding",
			facts: Facts{ResidentSince: d("2020-02-29"), ViaMarriage: true, Married: d("2020-02-29"), InStateSince: moved},
			today: "2022-01-01", rule: ThreeYearMarriage, want: "2023-03-01", daysInUS: 1095,
		},
		{
			// Away 2020-02-29 to 2021-02-28: the first anniversary of the
			// departure is taken as 2021-02-28, so a year: a break. 4
			// years after the return, 2025-02-28, and 1 day: 2025-03-01.
			// Period 2020-03-01 to 2025-03-01 (1826 days), 364 abroad.
			name:  "leap day departure, a year away",
			facts: Facts{ResidentSince: d("2018-06-01"), InStateSince: moved, Trips: []Trip{away("2020-02-29", "2021-02-28")}},
			today: "2023-01-01", rule: FiveYear, want: "2025-03-01", daysInUS: 1826 - 364, breaks: 1,
		},
		{
			// Back on 2020-02-29 after 13 months: 3-year rule, 2 years
			// later is 2022-03-01, and 1 day: 2022-03-02 (the 5-year
			// rule: 2024-03-01). Period 2019-03-02 to 2022-03-02 (1096
			// days), 2019-03-02 to 2020-02-28 abroad (364).
			name: "leap day return, 3-year rule",
			facts: Facts{ResidentSince: d("2018-06-01"), ViaMarriage: true, Married: d("2010-01-01"), InStateSince: moved,
				Trips: []Trip{away("2019-01-20", "2020-02-29")}},
			today: "2021-01-01", rule: ThreeYearMarriage, want: "2022-03-02", daysInUS: 1096 - 364, breaks: 1,
		},
		{
			// Resident since 2018-01-01 (2022-10-03); abroad since
			// 2024-03-01, 3 months by today 2024-06-01: taken as back
			// today. Period 2019-06-01 to 2024-06-01, 1827 days, 91 abroad.
			name:  "a trip in progress",
			facts: Facts{ResidentSince: d("2018-01-01"), InStateSince: moved, Trips: []Trip{away("2024-03-01", "")}},
			today: "2024-06-01", rule: FiveYear, want: "2024-06-01", daysInUS: 1736,
			warning: "not back yet",
		},
		{
			// Abroad since 2024-03-01 and still away on 2024-11-15: more
			// than 6 months; if not rebutted, 2024-11-15 + 4y + 1d.
			name:  "a trip in progress past 6 months",
			facts: Facts{ResidentSince: d("2018-01-01"), InStateSince: moved, Trips: []Trip{away("2024-03-01", "")}},
			today: "2024-11-15", rule: FiveYear, want: "2024-11-15", daysInUS: 1827 - 258, presumed: 1,
			ifNotRebutted: "2028-11-16",
		},
		{
			// 2018-05-04 + 5 years = 2023-05-04, less 90 days = 2023-02-03;
			// moved 2022-12-15, 3 months in the state on 2023-03-15.
			// Days: 2018-05-04 to 2023-03-15 = 1826 - 50.
			name:  "3 months in the state",
			facts: Facts{ResidentSince: d("2018-05-04"), InStateSince: d("2022-12-15")},
			today: "2022-12-20", rule: FiveYear, want: "2023-03-15", daysInUS: 1776,
		},
		{
			name:  "no move date",
			facts: Facts{ResidentSince: d("2013-07-04")},
			today: "2018-01-01", rule: FiveYear, want: "2018-04-05", daysInUS: 1736, warning: "3 months living in the state",
		},
		{
			// A trip planned from 2025-06-01 with no return date says
			// nothing yet; one mistyped far ahead must cost nothing.
			name:  "a planned trip with no return",
			facts: Facts{ResidentSince: d("2013-07-04"), InStateSince: moved, Trips: []Trip{away("2025-06-01", "")}},
			today: "2018-01-01", rule: FiveYear, want: "2018-04-05", daysInUS: 1736,
		},
		{
			name:  "a year mistyped",
			facts: Facts{ResidentSince: d("2013-07-04"), InStateSince: d("9999-01-01")},
			today: "2018-01-01", rule: FiveYear, want: "", warning: "too far ahead",
		},
		{
			name:  "no Resident Since",
			facts: Facts{InStateSince: moved, Trips: []Trip{away("2020-01-01", "2020-02-01")}},
			today: "2022-01-01", rule: FiveYear, want: "", warning: "Resident Since",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(tt.facts, d(tt.today))
			got := ""
			if !r.EarliestFiling.IsZero() {
				got = format(r.EarliestFiling)
			}
			if got != tt.want || r.Rule != tt.rule {
				t.Errorf("earliest %s under %s, want %s under %s\nwhy: %v", got, r.Rule, tt.want, tt.rule, r.Why)
			}
			if tt.want != "" && r.Presence.DaysInUS != tt.daysInUS {
				t.Errorf("days in the US %d, want %d", r.Presence.DaysInUS, tt.daysInUS)
			}
			if len(r.Breaks) != tt.breaks || len(r.PresumedBreaks) != tt.presumed {
				t.Errorf("breaks %d, presumed %d", len(r.Breaks), len(r.PresumedBreaks))
			}
			gotNR := ""
			if !r.IfNotRebutted.IsZero() {
				gotNR = format(r.IfNotRebutted)
			}
			if gotNR != tt.ifNotRebutted {
				t.Errorf("if not rebutted %q, want %q", gotNR, tt.ifNotRebutted)
			}
			if tt.warning != "" && !hasWarning(r, tt.warning) {
				t.Errorf("no warning with %q: %v", tt.warning, r.Warnings)
			}
			for _, w := range append(r.Warnings, r.Why...) {
				if w.EN == "" || w.ES == "" || w.EN == w.ES {
					t.Errorf("a text not in both languages: %+v", w)
				}
			}
		})
	}
}

func hasWarning(r Result, s string) bool {
	for _, w := range r.Warnings {
		if strings.Contains(w.EN, s) {
			return true
		}
	}
	return false
}

// TestPresenceAgainstDayByDay checks the earliest date against a count of
// every day, for random trips: on the date the days in the US reach what
// is needed, and on the day before (when presence moved it) they do not.
func TestPresenceAgainstDayByDay(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		since := d("2012-01-01").AddDate(0, 0, rng.IntN(3000))
		f := Facts{ResidentSince: since, InStateSince: d("2000-01-01"), ViaMarriage: rng.IntN(2) == 0, Married: since.AddDate(0, 0, rng.IntN(900)-600)}
		at := since.AddDate(0, 0, -rng.IntN(60))
		for range rng.IntN(12) {
			at = at.AddDate(0, 0, rng.IntN(90))
			back := at.AddDate(0, 0, rng.IntN(170))
			f.Trips = append(f.Trips, Trip{Departed: at, Returned: back})
			at = back
		}
		r := Compute(f, d("2030-01-01"))
		if r.EarliestFiling.IsZero() {
			t.Fatalf("case %d: no date: %v", i, r.Warnings)
		}
		p := fiveYear
		if r.Rule == ThreeYearMarriage {
			p = threeYear
		}
		count := func(filing time.Time) int {
			n := 0
			for day := filing.AddDate(-p.years, 0, 0); day.Before(filing); day = day.AddDate(0, 0, 1) {
				if day.Before(since) {
					continue
				}
				abroad := false
				for _, tr := range f.Trips {
					if day.After(tr.Departed) && day.Before(tr.Returned) {
						abroad = true
					}
				}
				if !abroad {
					n++
				}
			}
			return n
		}
		if got := count(r.EarliestFiling); got != r.Presence.DaysInUS || got < p.presence {
			t.Fatalf("case %d: %d days counted one by one, %d reported, %d needed", i, got, r.Presence.DaysInUS, p.presence)
		}
		moved := false
		for _, w := range r.Why {
			moved = moved || strings.Contains(w.EN, "days in the US")
		}
		if moved && count(r.EarliestFiling.AddDate(0, 0, -1)) >= p.presence {
			t.Fatalf("case %d: presence was met the day before %s", i, format(r.EarliestFiling))
		}
	}
}

func TestTripsForN400(t *testing.T) {
	trips := []Trip{
		away("2018-11-01", "2018-11-30"), // over before the 5 years
		away("2018-12-20", "2019-02-10"), // ends within them: listed whole
		away("2021-07-04", "2021-07-04"), // a day trip: not 24 hours
		{Departed: d("2023-12-20"), Returned: d("2024-01-05"), Destination: "Mexico"},
		away("2024-01-25", ""), // still away
	}
	got := TripsForN400(trips, d("2024-02-01"))
	want := []struct {
		departed, returned string
		days               int
	}{
		{"2024-01-25", "", 6}, // 01-26..01-31
		{"2023-12-20", "2024-01-05", 15},
		{"2018-12-20", "2019-02-10", 51},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d trips: %+v", len(got), got)
	}
	for i, w := range want {
		g := got[i]
		r := ""
		if !g.Returned.IsZero() {
			r = format(g.Returned)
		}
		if format(g.Departed) != w.departed || r != w.returned || g.Days != w.days {
			t.Errorf("%d: %s to %s, %d days; want %+v", i, format(g.Departed), r, g.Days, w)
		}
	}
	if got[1].Destination != "Mexico" {
		t.Errorf("destination %q", got[1].Destination)
	}
}

func TestThresholdsNeverShortenATrip(t *testing.T) {
	tests := []struct{ from, sooner, later string }{
		{"2020-02-29", "2021-02-28", "2021-03-01"},
		{"2021-08-31", "2022-02-28", "2022-03-03"}, // + 6 months
		{"2021-01-15", "2022-01-15", "2022-01-15"},
	}
	for _, tt := range tests {
		years, months := 1, 0
		if strings.HasSuffix(tt.from, "08-31") {
			years, months = 0, 6
		}
		if got := format(sooner(d(tt.from), years, months)); got != tt.sooner {
			t.Errorf("sooner(%s) = %s, want %s", tt.from, got, tt.sooner)
		}
		if got := format(later(d(tt.from), years, months)); got != tt.later {
			t.Errorf("later(%s) = %s, want %s", tt.from, got, tt.later)
		}
	}
}

// BenchmarkCompute: a frequent traveller, 60 trips over 10 years, married
// to a citizen (both rules), presence short so the date moves.
func BenchmarkCompute(b *testing.B) {
	f := Facts{ResidentSince: d("2015-01-01"), ViaMarriage: true, Married: d("2016-01-01"), InStateSince: d("2015-01-01")}
	at := d("2015-01-05")
	for range 60 {
		f.Trips = append(f.Trips, Trip{Departed: at, Returned: at.AddDate(0, 0, 40)})
		at = at.AddDate(0, 0, 60)
	}
	for b.Loop() {
		Compute(f, d("2025-01-01"))
	}
}
