package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"immivault/internal/atomicfile"
	"immivault/internal/calendar"
	"immivault/internal/deadline"
	"immivault/internal/vault"
)

func (c *cli) deadlines(args []string) error {
	fs := c.flags()
	asJSON := fs.Bool("json", false, "write JSON (the schema is in docs/cli.md)")
	ics := fs.String("ics", "", "write the deadlines to `FILE`, an iCalendar file for calendar apps, instead of listing them")
	force := fs.Bool("force", false, "replace the --ics FILE if it exists")
	person := fs.String("person", "", "only the deadlines of `NAME` (a name or an ID from `person ls`)")
	lang := fs.String("lang", "en", "the language of the deadlines: `en` or es")
	numbers := fs.Bool("include-numbers", false, "add the receipt number of each deadline's case (never any other number)")
	var today func() (time.Time, error)
	if todayHook != nil {
		today = todayHook(fs)
	}
	if _, err := c.parse(fs, args, 0); err != nil {
		return err
	}
	words, ok := listWords[*lang]
	if !ok {
		return fmt.Errorf("--lang is en or es, not %q", *lang)
	}
	now := time.Now()
	if today != nil {
		t, err := today()
		if err != nil {
			return err
		}
		if !t.IsZero() {
			now = t
		}
	}
	if *asJSON && *ics != "" {
		return errors.New("--json and --ics do not go together: the calendar file is the output")
	}
	if *ics != "" {
		if err := c.checkOutput(*ics, *force); err != nil {
			return err
		}
	}
	return c.withVault(func(v *vault.Vault) error {
		ix := v.Index()
		ds := deadline.Compute(ix, now)
		if *person != "" {
			p, err := ix.Person(*person)
			if err != nil {
				return err
			}
			ds = onlyOf(ds, p.ID)
		}
		names := map[string]string{}
		for _, p := range ix.People {
			names[p.ID] = p.Name
		}
		receipts := map[string]string{}
		if *numbers {
			for _, k := range ix.Cases {
				receipts[k.ID] = k.ReceiptNumber
			}
		}
		l := deadlineList{ds: ds, today: dayOf(now), lang: *lang, words: words, names: names, receipts: receipts}
		switch {
		case *ics != "":
			return c.writeCalendar(*ics, l, now)
		case *asJSON:
			return l.writeJSON(c.stdout)
		}
		return l.write(c.stdout)
	})
}

// deadlineList is what the deadlines command shows: the deadlines, and
// what it needs to show them. receipts is empty without --include-numbers.
type deadlineList struct {
	ds       []deadline.Deadline
	today    time.Time
	lang     string
	words    listPhrases
	names    map[string]string // person ID to name
	receipts map[string]string // case ID to receipt number
}

// listPhrases are the list's own words, in each language of the deadlines.
type listPhrases struct {
	overdue, open, today, tomorrow, computed, receipt string
	inDays, daysAgo                                   func(n int) string
}

var listWords = map[string]listPhrases{
	"en": {
		overdue: "OVERDUE", open: "OPEN NOW", today: "today", tomorrow: "tomorrow",
		computed: "computed — check your notice", receipt: "case ",
		inDays:  func(n int) string { return fmt.Sprintf("in %d days", n) },
		daysAgo: func(n int) string { return plural(n, "yesterday", "%d days ago") },
	},
	"es": {
		overdue: "VENCIDO", open: "ABIERTO", today: "hoy", tomorrow: "mañana",
		computed: "fecha calculada — verifique su aviso", receipt: "caso ",
		inDays:  func(n int) string { return fmt.Sprintf("en %d días", n) },
		daysAgo: func(n int) string { return plural(n, "ayer", "hace %d días") },
	},
}

func (c *cli) writeCalendar(path string, l deadlineList, now time.Time) error {
	if len(l.ds) == 0 {
		return fmt.Errorf("no deadlines, so %s was not written: %s", path, noDeadlinesHint)
	}
	o := calendar.Options{
		Lang:           l.lang,
		IncludeNumbers: len(l.receipts) > 0,
		ReceiptNumber:  func(id string) string { return l.receipts[id] },
		PersonName:     func(id string) string { return l.names[id] },
		Now:            now,
	}
	if err := atomicfile.Write(path, 0o600, func(w io.Writer) error { return calendar.Write(w, l.ds, o) }); err != nil {
		return err
	}
	what := "no identifier values"
	if o.IncludeNumbers {
		what = "receipt numbers, no other identifier values"
	}
	fmt.Fprintf(c.stdout, "wrote %s: %s (%s); importing it again updates the same events\n",
		path, plural(len(l.ds), "1 event", "%d events"), what)
	return nil
}

const noDeadlinesHint = "the dates come from notices (`notice add`), document expiry dates " +
	"(`id set PERSON KIND --dates-only --expires DATE`) and permanent residence (`person set NAME --resident-since DATE`)"

// write prints the list: per deadline, a line with its day, how soon it
// is and its title, then what to do.
//
//	2027-01-09 08:00  in 41 days  Ana García: biometrics appointment
//	    Go to the biometrics appointment on January 9, 2027.
func (l deadlineList) write(w io.Writer) error {
	if len(l.ds) == 0 {
		_, err := fmt.Fprintf(w, "No deadlines from %s on: %s.\n", l.today.AddDate(0, 0, -60).Format(time.DateOnly), noDeadlinesHint)
		return err
	}
	markers := make([]string, len(l.ds))
	width := 0
	for i, d := range l.ds {
		markers[i] = l.marker(d)
		width = max(width, len([]rune(markers[i])))
	}
	for i, d := range l.ds {
		when := d.Date.Format(time.DateOnly)
		if d.Time != "" {
			when += " " + d.Time
		}
		title := l.title(d)
		if d.Computed {
			title += " (" + l.words.computed + ")"
		}
		fmt.Fprintf(w, "%-16s  %s%s  %s\n", when, markers[i], strings.Repeat(" ", width-len([]rune(markers[i]))), displayable(title))
		if action := pickText(d.Action, l.lang); action != "" {
			fmt.Fprintf(w, "    %s\n", displayable(action))
		}
		if r := l.receipts[d.CaseID]; r != "" {
			fmt.Fprintf(w, "    %s%s\n", l.words.receipt, r)
		}
	}
	return nil
}

// marker says how soon: OVERDUE, today, tomorrow, in 5 days; a filing
// window that has opened says OPEN NOW.
func (l deadlineList) marker(d deadline.Deadline) string {
	days := l.days(d)
	switch {
	case d.Urgency(l.today) == deadline.Overdue:
		return l.words.overdue
	case days < 0 && d.Kind == deadline.WindowOpens:
		return l.words.open
	case days < 0:
		return l.words.daysAgo(-days)
	case days == 0:
		return l.words.today
	case days == 1:
		return l.words.tomorrow
	}
	return l.words.inDays(days)
}

func (l deadlineList) days(d deadline.Deadline) int {
	return int(d.Date.Sub(l.today) / (24 * time.Hour))
}

// title is the deadline's title, with the person's name in front unless
// it names them already, as the calendar's summaries do.
func (l deadlineList) title(d deadline.Deadline) string {
	title := pickText(d.Title, l.lang)
	if name := l.names[d.PersonID]; name != "" && !strings.Contains(title, name) {
		title = name + ": " + title
	}
	return title
}

// The JSON of `deadlines --json`, documented in docs/cli.md: fields are only
// ever added, and every field is always present.
type (
	deadlinesJSON struct {
		Today     string         `json:"today"`
		Lang      string         `json:"lang"`
		Deadlines []deadlineJSON `json:"deadlines"`
	}
	deadlineJSON struct {
		ID            string `json:"id"`
		Rule          string `json:"rule"`
		Kind          string `json:"kind"`
		Date          string `json:"date"`
		Time          string `json:"time"`
		Days          int    `json:"days"`
		Urgency       string `json:"urgency"`
		PersonID      string `json:"person_id"`
		Person        string `json:"person"`
		CaseID        string `json:"case_id"`
		NoticeID      string `json:"notice_id"`
		IdentifierID  string `json:"identifier_id"`
		ReceiptNumber string `json:"receipt_number"`
		Computed      bool   `json:"computed"`
		Title         string `json:"title"`
		Action        string `json:"action"`
		LeadDays      []int  `json:"lead_days"`
		Source        string `json:"source"`
		Reliability   string `json:"reliability"`
	}
)

var urgencyNames = map[deadline.Urgency]string{
	deadline.Overdue:      "overdue",
	deadline.Within14Days: "within-14-days",
	deadline.Within90Days: "within-90-days",
	deadline.Later:        "later",
}

func (l deadlineList) writeJSON(w io.Writer) error {
	out := deadlinesJSON{Today: l.today.Format(time.DateOnly), Lang: l.lang, Deadlines: []deadlineJSON{}}
	for _, d := range l.ds {
		lead := d.LeadDays
		if lead == nil {
			lead = []int{}
		}
		out.Deadlines = append(out.Deadlines, deadlineJSON{
			ID: d.ID, Rule: d.Rule, Kind: string(d.Kind), Date: d.Date.Format(time.DateOnly), Time: d.Time,
			Days: l.days(d), Urgency: urgencyNames[d.Urgency(l.today)],
			PersonID: d.PersonID, Person: l.names[d.PersonID],
			CaseID: d.CaseID, NoticeID: d.NoticeID, IdentifierID: d.IdentifierID, ReceiptNumber: l.receipts[d.CaseID],
			Computed: d.Computed, Title: pickText(d.Title, l.lang), Action: pickText(d.Action, l.lang),
			LeadDays: lead, Source: d.Source, Reliability: d.Reliability,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// onlyOf keeps one person's deadlines.
func onlyOf(ds []deadline.Deadline, personID string) []deadline.Deadline {
	var out []deadline.Deadline
	for _, d := range ds {
		if d.PersonID == personID {
			out = append(out, d)
		}
	}
	return out
}

// pickText is the text in lang, or in English when it has no translation.
func pickText(t deadline.Text, lang string) string {
	if lang == "es" && t.ES != "" {
		return t.ES
	}
	return t.EN
}

// dayOf is t's calendar day, in t's location, at 00:00 UTC: how the
// deadlines' days are kept.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
