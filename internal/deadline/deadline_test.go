package deadline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

func TestTextsAreCompleteAndSafe(t *testing.T) {
	t.Parallel()
	ix := richVault()
	names := map[string]string{}
	for _, p := range ix.People {
		names[p.ID] = p.Name
	}
	for _, d := range Compute(ix, richToday) {
		texts := map[string]string{"title.en": d.Title.EN, "title.es": d.Title.ES, "action.en": d.Action.EN, "action.es": d.Action.ES}
		for what, s := range texts {
			if strings.TrimSpace(s) == "" || strings.Contains(s, "{{") || strings.Contains(s, "}}") || strings.Contains(s, "<no value>") {
				t.Errorf("%s %s: unresolved or empty: %q", d.ID, what, s)
			}
			if strings.Contains(s, "  ") || strings.Contains(s, " .") || strings.Contains(s, " ,") || strings.Contains(s, "()") {
				t.Errorf("%s %s: a placeholder left a gap: %q", d.ID, what, s)
			}
			for _, v := range secretValues {
				if strings.Contains(strings.ToUpper(s), v) {
					t.Errorf("%s %s: contains the identifier value %s: %q", d.ID, what, v, s)
				}
			}
		}
		if !strings.Contains(d.Title.EN, names[d.PersonID]) || !strings.Contains(d.Title.ES, names[d.PersonID]) {
			t.Errorf("%s: the title does not name the person: %q / %q", d.ID, d.Title.EN, d.Title.ES)
		}
		date := d.Date.Format("January 2, 2006")
		if !strings.Contains(d.Action.EN, date) {
			t.Errorf("%s: the action does not say when (%s): %q", d.ID, date, d.Action.EN)
		}
		if !strings.Contains(d.Action.ES, longDate(1, d.Date)) {
			t.Errorf("%s: la acción no dice cuándo (%s): %q", d.ID, longDate(1, d.Date), d.Action.ES)
		}
	}
}

// Rendering every rule with the optional placeholders set and unset is
// what the loader does; this checks it on the embedded table directly.
func TestEveryRuleRendersInBothLanguages(t *testing.T) {
	t.Parallel()
	for _, r := range Rules() {
		for _, f := range []facts{
			{person: "Maria", form: "I-485", time: "09:00", country: "MEX",
				date: day("2026-03-04"), from: day("2026-01-02"), filed: day("2025-12-01")},
			{person: "Maria", date: day("2026-03-04"), from: day("2026-01-02")},
		} {
			title, action := r.render(f)
			for _, s := range []string{title.EN, title.ES, action.EN, action.ES} {
				if strings.TrimSpace(s) == "" || strings.Contains(s, "{{") || strings.Contains(s, "<no value>") {
					t.Errorf("rule %s renders %q", r.ID, s)
				}
			}
			if title.EN == title.ES || action.EN == action.ES {
				t.Errorf("rule %s: the Spanish text is the English one", r.ID)
			}
		}
	}
}

func TestRulesTable(t *testing.T) {
	t.Parallel()
	v, updated := TableVersion()
	if v < 1 || !isDate(updated) {
		t.Errorf("table version %d, updated %q", v, updated)
	}
	for _, r := range Rules() {
		if r.Reliability != "unverified" && r.VerifiedOn == "" {
			t.Errorf("rule %s: %s without a verified_on date", r.ID, r.Reliability)
		}
	}
	// Rules returns a copy: changing it changes nothing.
	rs := Rules()
	rs[0].ID = "changed"
	if Rules()[0].ID == "changed" {
		t.Error("Rules returned the table itself")
	}
}

func TestStableIDsAndOrder(t *testing.T) {
	t.Parallel()
	ix := richVault()
	first := Compute(ix, richToday)
	again := Compute(ix, richToday)
	if !slices.EqualFunc(first, again, equalDeadline) {
		t.Fatal("two Compute calls on the same vault differ")
	}
	seen := map[string]bool{}
	for i, d := range first {
		if seen[d.ID] {
			t.Errorf("ID %s appears twice", d.ID)
		}
		seen[d.ID] = true
		if i > 0 {
			p := first[i-1]
			if p.Date.After(d.Date) || p.Date.Equal(d.Date) && (p.Time > d.Time || p.Time == d.Time && p.ID > d.ID) {
				t.Errorf("out of order: %s (%v %s) before %s (%v %s)", p.ID, p.Date, p.Time, d.ID, d.Date, d.Time)
			}
		}
	}

	// Unrelated edits: a new person with documents and cases, a renamed
	// person, records reordered, a day later.
	b := &vaultBuilder{ix: ix, n: 1000}
	zoe := b.person("Zoe", vault.Residence{Since: "2023-03-03"})
	b.doc(zoe, ids.Passport, "CAN", "X7654321", "2026-07-01")
	b.notice(b.filed(zoe, "I-131", "2025-12-01"), "Request for Evidence", "2026-01-10")
	ix.People[0].Name = "Ana Maria"
	slices.Reverse(ix.Identifiers)
	slices.Reverse(ix.Events)
	later := map[string]Deadline{}
	for _, d := range Compute(ix, richToday.AddDate(0, 0, 1)) {
		later[d.ID] = d
	}
	for _, d := range first {
		l, ok := later[d.ID]
		if !ok {
			t.Errorf("%s is gone after unrelated edits", d.ID)
			continue
		}
		if !l.Date.Equal(d.Date) || l.Rule != d.Rule {
			t.Errorf("%s changed after unrelated edits: %v → %v", d.ID, d.Date, l.Date)
		}
	}
}

func TestSameDayOrder(t *testing.T) {
	t.Parallel()
	b := newVault()
	p := b.person("Ana", vault.Residence{})
	b.event(p, nil, nil, "interview", "2026-12-03", "13:00")
	b.event(p, nil, nil, "biometrics", "2026-12-03", "09:30")
	b.doc(p, ids.Passport, "MEX", "X1234567", "2026-12-03")
	var got []string
	for _, d := range Compute(b.ix, day("2026-11-29")) {
		got = append(got, d.Rule)
	}
	want := []string{"passport-expires", "biometrics-appointment", "interview-appointment"}
	if !slices.Equal(got, want) {
		t.Errorf("same-day order: got %v, want %v (all-day first, then by time)", got, want)
	}
}

func TestLookBack(t *testing.T) {
	t.Parallel()
	b := newVault()
	p := b.person("Ana", vault.Residence{})
	b.event(p, nil, nil, "appointment", "2026-09-30", "") // 60 days before
	b.event(p, nil, nil, "appointment", "2026-09-29", "") // 61 days before
	got := Compute(b.ix, day("2026-11-29"))
	if len(got) != 1 || !got[0].Date.Equal(day("2026-09-30")) {
		t.Errorf("got %d deadlines, want only the one 60 days back: %+v", len(got), got)
	}
}

func TestUrgency(t *testing.T) {
	t.Parallel()
	today := day("2026-11-29")
	cases := []struct {
		kind Kind
		days int
		want Urgency
	}{
		{Due, -1, Overdue},
		{Due, 0, Within14Days},
		{Due, 14, Within14Days},
		{Due, 15, Within90Days},
		{Due, 90, Within90Days},
		{Due, 91, Later},
		{Appointment, -1, Overdue},
		{WindowOpens, -10, Within14Days},
		{WindowOpens, 30, Within90Days},
		{WindowCloses, -1, Overdue},
		{Expires, 365, Later},
	}
	for _, tc := range cases {
		d := Deadline{Kind: tc.kind, Date: today.AddDate(0, 0, tc.days)}
		if got := d.Urgency(today); got != tc.want {
			t.Errorf("%s in %d days: got %v, want %v", tc.kind, tc.days, got, tc.want)
		}
	}
	// Today is a calendar day where the user is: 23:30 on November 29 in
	// Los Angeles is November 30 in UTC, but still 14 days before December 13.
	la := time.FixedZone("PST", -8*3600)
	late := time.Date(2026, 11, 29, 23, 30, 0, 0, la)
	if got := (Deadline{Kind: Due, Date: day("2026-12-13")}).Urgency(late); got != Within14Days {
		t.Errorf("late evening west of UTC: got %v, want Within14Days", got)
	}
	if got := (Deadline{Kind: Due, Date: day("2026-11-29")}).Urgency(late); got != Within14Days {
		t.Errorf("due today, late evening west of UTC: got %v, want Within14Days", got)
	}
}

func TestComputeOnAnEmptyVault(t *testing.T) {
	t.Parallel()
	if got := Compute(&vault.Index{}, richToday); len(got) != 0 {
		t.Errorf("an empty vault has deadlines: %+v", got)
	}
}

func TestBadDatesAreSkipped(t *testing.T) {
	t.Parallel()
	b := newVault()
	p := b.person("Ana", vault.Residence{Since: "2020-13-01"})
	b.doc(p, ids.Passport, "MEX", "X1234567", "someday")
	b.event(p, nil, nil, "interview", "2026-02-30", "")
	b.notice(b.filed(p, "I-485", ""), "Request for Evidence", "03/02/2026")
	if got := Compute(b.ix, richToday); len(got) != 0 {
		t.Errorf("malformed dates gave deadlines: %+v", got)
	}
}

// TestOpenWindowsStayListed: a filing window that opened long ago is still
// open (N-400 once eligible), but one for a card that expired long ago is
// gone with the card.
func TestOpenWindowsStayListed(t *testing.T) {
	t.Parallel()
	b := newVault()
	ana := b.person("Ana", vault.Residence{Since: "2018-03-01"})
	luis := b.person("Luis", vault.Residence{})
	b.doc(luis, ids.GreenCard, "", "SRC0123456789", "2024-01-10")
	got := Compute(b.ix, day("2026-11-29"))
	var n400, i90 bool
	for _, d := range got {
		if d.PersonID == ana.ID && strings.HasPrefix(d.Rule, "n400") && d.Kind == WindowOpens {
			n400 = true
		}
		if d.PersonID == luis.ID && strings.HasPrefix(d.Rule, "i90") {
			i90 = true
		}
	}
	if !n400 {
		t.Errorf("the N-400 window that opened in 2022 is not listed: %+v", got)
	}
	if i90 {
		t.Errorf("the I-90 window of a card that expired in 2024 is still listed: %+v", got)
	}
}
