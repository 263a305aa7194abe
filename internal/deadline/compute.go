package deadline

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

// lookBack is how far into the past Compute reports: long enough to show
// what was just missed, short enough that old dates do not pile up.
const lookBack = 60

// Compute returns every deadline the rules find in the vault, from 60 days
// before today on (and every passed due date and last day of a window not
// yet marked handled, however old: Index.MarkHandled), soonest first; deadlines on the same day are ordered
// by time, then by ID, so the order is the same on every call. today is
// read as a calendar day in its own location.
//
// A date printed on a notice or typed by the user wins over a computed
// one: a response due date on an rfe-due or noid-due event replaces the
// rule that counts from the notice date. Compute never reads identifier
// values.
func Compute(ix *vault.Index, today time.Time) []Deadline {
	day := dayOf(today)
	c := newComputation(ix, day)
	var out []Deadline
	for i := range embedded().Rules {
		out = append(out, c.apply(&embedded().Rules[i])...)
	}
	// A filing window that opened long ago is still open, and stays listed
	// (the N-400 once eligible), unless the record it belongs to has a
	// later date of the same kind that has itself gone (a card that expired
	// long ago). Dates of other kinds on the same record do not count: a
	// move or a birthday long past closes no window of the person's.
	basis := map[string]string{}
	for _, r := range embedded().Rules {
		basis[r.ID] = r.Basis + " " + r.Anchor
	}
	about := func(d Deadline) string { return basis[d.Rule] + " " + recordsOf(d.ID) }
	cutoff := day.AddDate(0, 0, -lookBack)
	gone := map[string]bool{}
	for _, d := range out {
		if d.Date.Before(cutoff) && d.Kind != WindowOpens {
			gone[about(d)] = true
		}
	}
	out = slices.DeleteFunc(out, func(d Deadline) bool {
		switch {
		case ix.IsHandled(d.ID):
			// Dealt with, the person said: gone once its day has passed.
			return d.Date.Before(day)
		case d.Kind == Due || d.Kind == WindowCloses:
			// Something that had to be done by a day stays, overdue,
			// however long ago, until it is marked handled.
			return false
		}
		return d.Date.Before(cutoff) && (d.Kind != WindowOpens || gone[about(d)])
	})
	slices.SortFunc(out, func(a, b Deadline) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Time, b.Time), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// recordsOf is the record part of a deadline ID: what follows the rule id.
func recordsOf(id string) string {
	_, records, _ := strings.Cut(id, "/")
	return records
}

// Urgency says how soon the deadline is, counted in whole days from today
// (read as a calendar day in its own location): Overdue once its day has
// passed, Within14Days up to and including 14 days ahead, Within90Days up
// to and including 90. A filing window that has opened is not overdue: it
// is open, and counts as Within14Days, as it asks for action now.
func (d Deadline) Urgency(today time.Time) Urgency {
	days := int(d.Date.Sub(dayOf(today)) / (24 * time.Hour))
	switch {
	case days < 0 && d.Kind == WindowOpens:
		return Within14Days
	case days < 0:
		return Overdue
	case days <= 14:
		return Within14Days
	case days <= 90:
		return Within90Days
	}
	return Later
}

// dayOf is the calendar day of t, in t's location, at 00:00 UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// computation is one Compute call: the index, looked up by ID.
type computation struct {
	ix      *vault.Index
	today   time.Time
	people  map[string]*vault.Person
	cases   map[string]*vault.Case
	notices map[string]*vault.Notice
	casesOf map[string][]*vault.Case
}

func newComputation(ix *vault.Index, today time.Time) *computation {
	c := &computation{ix: ix, today: today, people: map[string]*vault.Person{},
		cases: map[string]*vault.Case{}, notices: map[string]*vault.Notice{}, casesOf: map[string][]*vault.Case{}}
	for _, p := range ix.People {
		c.people[p.ID] = p
	}
	for _, k := range ix.Cases {
		c.cases[k.ID] = k
		c.casesOf[k.PersonID] = append(c.casesOf[k.PersonID], k)
	}
	for _, n := range ix.Notices {
		c.notices[n.ID] = n
	}
	return c
}

// anchor is one record a rule counts from, before the rule's conditions.
type anchor struct {
	person                         *vault.Person
	caseID, noticeID, identifierID string
	form                           string // "I-485", or ""
	day                            time.Time
	time                           string
	country                        string
	class                          string   // the class printed on the document, or ""
	records                        []string // the record IDs the deadline's ID is made of
	// date is the deadline's day when the basis works it out itself
	// (naturalization.go); zero when the rule's offset gives it.
	date time.Time
}

// apply finds the rule's deadlines.
func (c *computation) apply(r *Rule) []Deadline {
	var out []Deadline
	for _, a := range c.anchors(r) {
		if d, ok := c.deadline(r, a); ok {
			out = append(out, d)
		}
	}
	return out
}

func (c *computation) anchors(r *Rule) []anchor {
	var as []anchor
	switch r.Basis {
	case "event":
		for _, e := range c.ix.Events {
			day, ok := parseDay(e.Date)
			if !ok || !slices.Contains(r.EventKinds, e.Kind) {
				continue
			}
			a := anchor{person: c.people[e.PersonID], caseID: e.CaseID, noticeID: e.NoticeID,
				day: day, records: []string{e.ID}}
			if clock.MatchString(e.Time) {
				a.time = e.Time
			}
			if n := c.notices[e.NoticeID]; n != nil {
				a.form = c.noticeForm(n)
			}
			if k := c.cases[e.CaseID]; k != nil && a.form == "" {
				a.form = normForm(k.Form)
			}
			as = append(as, a)
		}
	case "notice":
		for _, n := range c.ix.Notices {
			day, ok := parseDay(n.Fields["notice_date"])
			if !ok || !slices.ContainsFunc(r.NoticeTypes, func(t string) bool { return strings.EqualFold(t, noticeType(n)) }) ||
				c.printed(r, n, day) {
				continue
			}
			as = append(as, anchor{person: c.people[n.PersonID], caseID: n.CaseID, noticeID: n.ID,
				form: c.noticeForm(n), day: day, records: []string{n.ID}})
		}
	case "document":
		for _, id := range c.ix.Identifiers {
			date := id.Expires // "D/S" and "" are no day
			switch r.Anchor {
			case "issued":
				date = id.Issued
			case "issued-without-expiry":
				date = id.Issued
				if id.Expires != "" {
					date = ""
				}
			}
			day, ok := parseDay(date)
			if !ok || !slices.Contains(r.Documents, documentOf(id)) {
				continue
			}
			a := anchor{person: c.people[id.PersonID], identifierID: id.ID, day: day, class: id.Class, records: []string{id.ID}}
			if a.class == "" && id.Kind == ids.SEVISID {
				a.class = c.durationOfStatusClass(id.PersonID)
			}
			if id.Kind == ids.Passport {
				a.country = id.Country
			}
			as = append(as, a)
		}
	case "naturalization-5-year", "naturalization-3-year":
		as = c.naturalizationAnchors(r)
	case "resident-since", "born", "moved", "job-ended":
		for _, p := range c.ix.People {
			date := map[string]string{"resident-since": p.Since, "born": p.Born, "moved": p.Moved, "job-ended": p.JobEnded}[r.Basis]
			if day, ok := parseDay(date); ok {
				as = append(as, anchor{person: p, day: day, records: []string{p.ID}})
			}
		}
	case "abroad":
		for _, t := range c.ix.Trips {
			if day, ok := parseDay(t.Departed); ok && t.InProgress() {
				as = append(as, anchor{person: c.people[t.PersonID], day: day, records: []string{t.ID}})
			}
		}
	}
	return as
}

var clock = regexp.MustCompile(`^(?:[01][0-9]|2[0-3]):[0-5][0-9]$`)

// deadline applies the rule's conditions and arithmetic to one anchor.
func (c *computation) deadline(r *Rule, a anchor) (Deadline, bool) {
	if a.person == nil || !c.personMatches(r.Person, a.person, a.day) {
		return Deadline{}, false
	}
	if len(r.Forms) > 0 && !slices.Contains(r.Forms, a.form) || a.form != "" && slices.Contains(r.NotForms, a.form) {
		return Deadline{}, false
	}
	if len(r.Classes) > 0 && !slices.Contains(r.Classes, a.class) || a.class != "" && slices.Contains(r.NotClasses, a.class) {
		return Deadline{}, false
	}
	var filed time.Time
	if f := r.Filing; f != nil {
		k, day := c.filing(f, a)
		if (k == nil) != (f.Is == "none") {
			return Deadline{}, false
		}
		if k != nil {
			filed = day
			if a.caseID == "" {
				a.caseID = k.ID
			}
			if a.form == "" {
				a.form = normForm(k.Form)
			}
			a.records = append(a.records, k.ID)
		}
	}
	date := addOffset(a.day, r.Offset, r.Kind == WindowOpens).AddDate(0, 0, r.MailDays)
	computed := r.Offset != (Offset{}) || r.MailDays != 0
	if !a.date.IsZero() {
		date, computed = a.date, true
	}
	var i94 time.Time
	if r.UntilI94 {
		if i94 = c.latestI94(a.person, r.Person.I94Classes); !i94.IsZero() && i94.Before(date) {
			date, computed = i94, false
		}
	}
	var judged time.Time
	switch r.JudgedOn {
	case "", "anchor":
		judged = a.day
	case "filed":
		judged = filed
	case "date":
		judged = date
	case "today":
		judged = c.today
	}
	if !inEffect(r, judged) {
		return Deadline{}, false
	}
	title, action := r.render(facts{person: a.person.Name, form: a.form, time: a.time, country: a.country,
		class: a.class, date: date, from: a.day, filed: filed, i94: i94})
	if r.Kind == Due || r.Kind == WindowCloses {
		action = closedDayNote(action, date)
	}
	return Deadline{
		ID:       r.ID + "/" + strings.Join(a.records, "/"),
		Rule:     r.ID,
		Kind:     r.Kind,
		PersonID: a.person.ID,
		CaseID:   a.caseID, NoticeID: a.noticeID, IdentifierID: a.identifierID,
		Date: date, Time: a.time,
		Computed: computed,
		LeadDays: slices.Clone(r.LeadDays),
		Title:    title, Action: action,
		Source: r.SourceURL, Reliability: r.Reliability,
	}, true
}

// inEffect says whether day falls within the rule's effective range. An
// unknown day (a filing without a received date) is in no range.
func inEffect(r *Rule, day time.Time) bool {
	if day.IsZero() {
		return false
	}
	s := day.Format(time.DateOnly)
	return (r.EffectiveFrom == "" || s >= r.EffectiveFrom) && (r.EffectiveTo == "" || s <= r.EffectiveTo)
}

// personMatches applies the rule's person conditions; day is the anchor.
func (c *computation) personMatches(pc PersonCondition, p *vault.Person, day time.Time) bool {
	if pc.Conditional != nil && *pc.Conditional != p.Conditional ||
		pc.ViaMarriage != nil && *pc.ViaMarriage != p.ViaMarriage ||
		pc.I751Waiver != nil && *pc.I751Waiver != p.I751Waiver ||
		pc.SeeksAsylum != nil && *pc.SeeksAsylum != p.SeeksAsylum ||
		pc.Resident != nil && *pc.Resident != c.resident(p) ||
		pc.DurationOfStatus != nil && *pc.DurationOfStatus != c.durationOfStatus(p) {
		return false
	}
	// A spouse or child whose residence comes through someone else's
	// petition has the principal's forms to file (an investor's family).
	cases := c.casesOf[p.ID]
	if q := c.people[p.PrincipalID]; q != nil && q != p {
		cases = slices.Concat(cases, c.casesOf[q.ID])
	}
	has := func(forms []string) bool {
		return slices.ContainsFunc(cases, func(k *vault.Case) bool { return slices.Contains(forms, normForm(k.Form)) })
	}
	if len(pc.HasCase) > 0 && !has(pc.HasCase) || len(pc.NoCase) > 0 && has(pc.NoCase) {
		return false
	}
	if len(pc.I94Classes) > 0 && !slices.ContainsFunc(c.ix.Identifiers, func(id *vault.Identifier) bool {
		return id.PersonID == p.ID && id.Kind == ids.I94 && slices.Contains(pc.I94Classes, id.Class)
	}) {
		return false
	}
	if o := pc.GreenCardOutlives; o != nil {
		until := addOffset(day, *o, false)
		return slices.ContainsFunc(c.ix.Identifiers, func(id *vault.Identifier) bool {
			if id.PersonID != p.ID || id.Kind != ids.GreenCard {
				return false
			}
			expires, ok := parseDay(id.Expires)
			return !ok || !expires.Before(until)
		})
	}
	return true
}

// resident says whether p is a permanent resident, as far as the vault
// tells: a Resident Since date, or a green card.
func (c *computation) resident(p *vault.Person) bool {
	return p.Since != "" || slices.ContainsFunc(c.ix.Identifiers, func(id *vault.Identifier) bool {
		return id.PersonID == p.ID && id.Kind == ids.GreenCard
	})
}

// durationOfStatus says whether p has an I-94 marked D/S.
func (c *computation) durationOfStatus(p *vault.Person) bool {
	return slices.ContainsFunc(c.ix.Identifiers, func(id *vault.Identifier) bool {
		return id.PersonID == p.ID && id.Kind == ids.I94 && id.Expires == vault.DurationOfStatus
	})
}

// durationOfStatusClass is the class of the person's I-94 marked D/S, for
// an I-20 or DS-2019 whose status was not typed: "" when there is none or
// they disagree.
func (c *computation) durationOfStatusClass(personID string) string {
	class := ""
	for _, id := range c.ix.Identifiers {
		if id.PersonID != personID || id.Kind != ids.I94 || id.Expires != vault.DurationOfStatus || id.Class == "" {
			continue
		}
		if class != "" && class != id.Class {
			return ""
		}
		class = id.Class
	}
	return class
}

// latestI94 is the latest Admit Until date of the person's I-94s (of one
// of classes, when given), or zero when none has a date.
func (c *computation) latestI94(p *vault.Person, classes []string) time.Time {
	var latest time.Time
	for _, id := range c.ix.Identifiers {
		if id.PersonID != p.ID || id.Kind != ids.I94 || len(classes) > 0 && !slices.Contains(classes, id.Class) {
			continue
		}
		if day, ok := parseDay(id.Expires); ok && day.After(latest) {
			latest = day
		}
	}
	return latest
}

// filing finds the person's latest case (or, WithPrincipal, their
// principal's) with one of the forms received on or after the anchor plus
// f.From (for "timely", also on or before the anchor), and its received
// date. A case without a received date is not
// counted: the receipt notice gives it.
func (c *computation) filing(f *FilingCondition, a anchor) (*vault.Case, time.Time) {
	from := addOffset(a.day, f.From, false)
	var found *vault.Case
	var when time.Time
	cases := c.casesOf[a.person.ID]
	if q := c.people[a.person.PrincipalID]; f.WithPrincipal && q != nil && q != a.person {
		cases = slices.Concat(cases, c.casesOf[q.ID])
	}
	for _, k := range cases {
		day, ok := parseDay(k.Received)
		if !ok || !slices.Contains(f.Forms, normForm(k.Form)) || day.Before(from) ||
			f.Is == "timely" && day.After(a.day) {
			continue
		}
		if found == nil || day.After(when) || day.Equal(when) && k.ID > found.ID {
			found, when = k, day
		}
	}
	return found, when
}

// printed says whether an event prints the date this notice rule would
// compute: an event of a PrintedBy kind on the notice, or, typed without a
// notice, on the notice's case and dated on or after the notice.
func (c *computation) printed(r *Rule, n *vault.Notice, noticeDay time.Time) bool {
	for _, e := range c.ix.Events {
		if !slices.Contains(r.PrintedBy, e.Kind) {
			continue
		}
		if e.NoticeID == n.ID {
			return true
		}
		if day, ok := parseDay(e.Date); ok && e.NoticeID == "" && n.CaseID != "" && e.CaseID == n.CaseID && !day.Before(noticeDay) {
			return true
		}
	}
	return false
}

func (c *computation) noticeForm(n *vault.Notice) string {
	if f := normForm(n.Fields["form"]); f != "" {
		return f
	}
	if k := c.cases[n.CaseID]; k != nil {
		return normForm(k.Form)
	}
	return ""
}

func noticeType(n *vault.Notice) string {
	if n.Type != "" {
		return n.Type
	}
	return n.Fields["notice_type"]
}

// normForm writes a form number the one way the rules do ("I-485"), or ""
// when it is not one.
func normForm(s string) string {
	if s == "" {
		return ""
	}
	f, _, err := ids.NormalizeForm(s)
	if err != nil {
		return ""
	}
	return f
}

// documentNames are the documents "document" rules may name. "parole" is
// a parole document that says neither whether it is Advance Parole or a
// humanitarian parole; "sevis-form" is the I-20 or DS-2019 of a SEVIS ID,
// whose expiry date is the program's end date.
var documentNames = []string{"green-card", "ead-card", "passport", "i94", "advance-parole", "humanitarian-parole",
	"parole", "visa", "immigrant-visa", "reentry-permit", "sevis-form"}

// Parole documents, visas and re-entry permits have no identifier kind of
// their own: they are kept as "other" identifiers, told apart by their
// parole kind or else by their label.
var (
	reentryPermitLabel      = regexp.MustCompile(`(?i)re-?\s*entry\s+permit|\bI-?327\b|permiso\s+de\s+reingreso`)
	humanitarianParoleLabel = regexp.MustCompile(`(?i)humanitarian\s+parole|(?:parole|permiso)\s+humanitari|parole\s+in\s+place|re-?parole|\bCHNV\b|\bU4U\b|uniting\s+for\s+ukraine|\bOAW\b`)
	advanceParoleLabel      = regexp.MustCompile(`(?i)advance\s*parole|\bI-?512|permiso\s+de\s+viaje|permiso\s+adelantado`)
	paroleLabel             = regexp.MustCompile(`(?i)\bparole\b`)
	immigrantVisaLabel      = regexp.MustCompile(`(?i)\bimmigrant\s+visa|\bvisa\s+de\s+inmigrante|\bvisado\s+de\s+inmigrante`)
	visaLabel               = regexp.MustCompile(`(?i)\bvisas?\b|\bvisado\b`)
)

// documentOf names the document an identifier's dates are of, or "".
func documentOf(id *vault.Identifier) string {
	switch id.Kind {
	case ids.GreenCard:
		return "green-card"
	case ids.EADCard:
		return "ead-card"
	case ids.Passport:
		return "passport"
	case ids.I94:
		return "i94"
	case ids.SEVISID:
		return "sevis-form"
	case ids.Other:
		switch {
		case id.Parole == vault.ParoleAdvance:
			return "advance-parole"
		case id.Parole == vault.ParoleHumanitarian:
			return "humanitarian-parole"
		case reentryPermitLabel.MatchString(id.Label):
			return "reentry-permit"
		case advanceParoleLabel.MatchString(id.Label):
			return "advance-parole"
		case humanitarianParoleLabel.MatchString(id.Label):
			return "humanitarian-parole"
		case paroleLabel.MatchString(id.Label):
			return "parole"
		case immigrantVisaLabel.MatchString(id.Label):
			return "immigrant-visa"
		case visaLabel.MatchString(id.Label):
			return "visa"
		}
	}
	return ""
}

// addOffset adds years and months, then days. When the month reached is
// too short for the day (February 29 plus a year, August 31 less six
// months), a window that opens moves to the first day of the next month
// and any other date to the last day of the month, so that neither makes
// anyone file early or late.
func addOffset(t time.Time, o Offset, opens bool) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(o.Years*12+o.Months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	switch {
	case d <= last:
		first = first.AddDate(0, 0, d-1)
	case opens:
		first = first.AddDate(0, 1, 0)
	default:
		first = first.AddDate(0, 0, last-1)
	}
	return first.AddDate(0, 0, o.Days)
}
