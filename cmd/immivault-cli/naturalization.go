package main

import (
	"encoding/json"
	"fmt"
	"time"

	"immivault/internal/naturalization"
	"immivault/internal/vault"
)

func (c *cli) naturalization(args []string) error {
	fs := c.flags()
	asJSON := fs.Bool("json", false, "write JSON (the schema is in docs/cli.md)")
	lang := fs.String("lang", "en", "the language of the explanation: `en` or es")
	var today func() (time.Time, error)
	if todayHook != nil {
		today = todayHook(fs)
	}
	pos, err := c.parse(fs, args, 1)
	if err != nil {
		return err
	}
	if *lang != "en" && *lang != "es" {
		return fmt.Errorf("--lang is en or es, not %q", *lang)
	}
	now, err := todayOr(today)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		ix := v.Index()
		p, err := ix.Person(pos[0])
		if err != nil {
			return err
		}
		r := naturalization.Compute(naturalization.OfPerson(ix, p), now)
		if *asJSON {
			enc := json.NewEncoder(c.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(naturalizationOf(p, r, *lang))
		}
		c.printNaturalization(p, r, *lang)
		return nil
	})
}

func (c *cli) printNaturalization(p *vault.Person, r naturalization.Result, lang string) {
	name := displayable(p.Name)
	if r.EarliestFiling.IsZero() {
		fmt.Fprintf(c.stdout, "%s: no N-400 filing date can be worked out yet.\n", name)
	} else {
		fmt.Fprintf(c.stdout, "%s: earliest N-400 filing date %s (%s rule)\n", name, day(r.EarliestFiling), r.Rule)
		fmt.Fprintf(c.stdout, "physical presence: %d days in the US of %d needed, %s to %s\n",
			r.Presence.DaysInUS, r.Presence.Required, day(r.Presence.From), day(r.Presence.To))
		fmt.Fprintf(c.stdout, "continuous residence: %d breaks, %d presumed breaks\n", len(r.Breaks), len(r.PresumedBreaks))
		if !r.IfNotRebutted.IsZero() {
			fmt.Fprintf(c.stdout, "if a presumed break is not rebutted: %s\n", day(r.IfNotRebutted))
		}
	}
	for _, t := range r.Why {
		fmt.Fprintln(c.stdout, "  "+t.In(lang))
	}
	for _, t := range r.Warnings {
		fmt.Fprintln(c.stdout, "warning: "+t.In(lang))
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// The JSON of `naturalization --json`, documented in docs/cli.md: fields
// are only ever added, and every field is always present ("" for an
// unknown date).
type (
	naturalizationJSON struct {
		PersonID            string         `json:"person_id"`
		Person              string         `json:"person"`
		EarliestFilingDate  string         `json:"earliest_filing_date"`
		Rule                string         `json:"rule"`
		PhysicalPresence    presenceJSON   `json:"physical_presence"`
		ContinuousResidence continuityJSON `json:"continuous_residence"`
		Why                 []string       `json:"why"`
		Warnings            []string       `json:"warnings"`
	}
	presenceJSON struct {
		DaysInUS int    `json:"days_in_us"`
		Required int    `json:"required"`
		From     string `json:"from"`
		To       string `json:"to"`
	}
	continuityJSON struct {
		Breaks         []absenceJSON `json:"breaks"`
		PresumedBreaks []absenceJSON `json:"presumed_breaks"`
		IfNotRebutted  string        `json:"if_not_rebutted"`
	}
	absenceJSON struct {
		Departed   string `json:"departed"`
		Returned   string `json:"returned"`
		DaysAbroad int    `json:"days_abroad"`
		InProgress bool   `json:"in_progress"`
	}
)

func naturalizationOf(p *vault.Person, r naturalization.Result, lang string) naturalizationJSON {
	absences := func(as []naturalization.Absence) []absenceJSON {
		out := []absenceJSON{}
		for _, a := range as {
			out = append(out, absenceJSON{Departed: day(a.Departed), Returned: day(a.Returned), DaysAbroad: a.Days, InProgress: a.InProgress})
		}
		return out
	}
	texts := func(ts []naturalization.Text) []string {
		out := []string{}
		for _, t := range ts {
			out = append(out, t.In(lang))
		}
		return out
	}
	return naturalizationJSON{
		PersonID: p.ID, Person: p.Name,
		EarliestFilingDate: day(r.EarliestFiling), Rule: string(r.Rule),
		PhysicalPresence: presenceJSON{DaysInUS: r.Presence.DaysInUS, Required: r.Presence.Required,
			From: day(r.Presence.From), To: day(r.Presence.To)},
		ContinuousResidence: continuityJSON{Breaks: absences(r.Breaks), PresumedBreaks: absences(r.PresumedBreaks),
			IfNotRebutted: day(r.IfNotRebutted)},
		Why: texts(r.Why), Warnings: texts(r.Warnings),
	}
}
