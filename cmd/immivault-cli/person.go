package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"immivault/internal/vault"
)

func (c *cli) personAdd(args []string) error {
	fs := c.flags()
	born := fs.String("born", "", "date of birth as `YYYY-MM-DD`")
	relation := fs.String("relation", "", "how they are related to you: self, spouse, child, parent, sibling, or other words")
	return c.withVaultArgs(fs, args, 1, func(v *vault.Vault, pos []string) error {
		var p *vault.Person
		if err := v.Update(func(ix *vault.Index) error {
			var err error
			p, err = ix.AddPerson(pos[0], *born, *relation)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "added %s (id %s)\n", displayable(p.Name), p.ID)
		return nil
	})
}

func (c *cli) personList(args []string) error {
	return c.withVaultArgs(c.flags(), args, 0, func(v *vault.Vault, _ []string) error {
		people := v.Index().People
		if len(people) == 0 {
			fmt.Fprintln(c.stdout, "No one in this vault yet: add someone with `immivault-cli person add NAME`.")
			return nil
		}
		for _, p := range people {
			fmt.Fprintf(c.stdout, "%s  %s%s\n", p.ID, displayable(p.Name), personDetails(p))
		}
		return nil
	})
}

// personDetails is " (self, born 1990-01-02)", or "" when neither is known.
func personDetails(p *vault.Person) string {
	var d []string
	if p.Relation != "" {
		d = append(d, displayable(p.Relation))
	}
	if p.Born != "" {
		d = append(d, "born "+p.Born)
	}
	if p.Since != "" {
		d = append(d, "resident since "+p.Since)
	}
	if p.Conditional {
		d = append(d, "conditional")
	}
	if p.ViaMarriage {
		d = append(d, "via marriage")
	}
	if p.I751Waiver {
		d = append(d, "I-751 waiver")
	}
	if p.Moved != "" {
		d = append(d, "moved "+p.Moved)
	}
	if p.JobEnded != "" {
		d = append(d, "job ended "+p.JobEnded)
	}
	if p.SeeksAsylum {
		d = append(d, "seeks asylum")
	}
	if d == nil {
		return ""
	}
	return " (" + strings.Join(d, ", ") + ")"
}

func (c *cli) personSet(args []string) error {
	fs := c.flags()
	fs.String("resident-since", "", "the \"Resident Since\" date on the green card, `YYYY-MM-DD` (--resident-since= clears it)")
	fs.Bool("conditional", false, "the green card is a 2-year conditional one (--conditional=false: a 10-year card)")
	fs.Bool("via-marriage", false, "married to and living with a US citizen, who may naturalise after 3 years instead of 5 (--via-marriage=false: not)")
	fs.String("married", "", "the wedding to the US-citizen spouse, `YYYY-MM-DD`, for the 3-year rule (--married= clears it)")
	fs.String("spouse-citizen-since", "", "the day the spouse became a US citizen, `YYYY-MM-DD`; leave it out if born one")
	fs.String("in-state-since", "", "the day the person moved to the state they live in, `YYYY-MM-DD`: the N-400 needs 3 months there")
	addSituationFlags(fs)
	pos, err := c.parse(fs, args, 1)
	if err != nil {
		return err
	}
	situation, err := situationFlags(fs)
	if err != nil {
		return err
	}
	change, err := residenceFlags(fs)
	if errors.Is(err, errNothingToSet) && situation.given() {
		change, err = nil, nil
	}
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		var p *vault.Person
		if err := v.Update(func(ix *vault.Index) error {
			if p, err = ix.Person(pos[0]); err != nil {
				return err
			}
			if situation.given() {
				if err := situation.apply(ix, p); err != nil {
					return err
				}
			}
			if change == nil {
				return nil
			}
			r := p.Residence
			change(&r)
			r.Source = "" // typed, not read from a notice
			return ix.SetResidence(p.ID, r)
		}); err != nil {
			return err
		}
		if change != nil {
			fmt.Fprintf(c.stdout, "set %s: %s\n", displayable(p.Name), residenceText(p.Residence))
		}
		if situation.given() {
			fmt.Fprintf(c.stdout, "set %s: %s\n", displayable(p.Name), cmp.Or(situationText(v.Index(), p.Situation), "nothing for the deadlines"))
		}
		return nil
	})
}

// errNothingToSet is person set without a flag.
var errNothingToSet = errors.New("nothing to set: add --resident-since, --conditional, --via-marriage, --married, --spouse-citizen-since, --in-state-since, --i751-waiver, --principal, --moved, --job-ended or --seeks-asylum")

// residenceFlags reads the flags person set was given, and checks them
// before the passphrase is asked for; the flags not given leave what is
// stored as it is.
func residenceFlags(fs *flag.FlagSet) (func(*vault.Residence), error) {
	var changes []func(*vault.Residence)
	var err error
	fs.Visit(func(f *flag.Flag) {
		value := f.Value.String()
		switch f.Name {
		case "resident-since", "married", "spouse-citizen-since", "in-state-since":
			value = strings.TrimSpace(value)
			if _, perr := time.Parse(time.DateOnly, value); value != "" && perr != nil && err == nil {
				err = fmt.Errorf("the %s date must be a date as YYYY-MM-DD, e.g. 2025-03-14", f.Name)
			}
			field := map[string]func(*vault.Residence) *string{
				"resident-since":       func(r *vault.Residence) *string { return &r.Since },
				"married":              func(r *vault.Residence) *string { return &r.Married },
				"spouse-citizen-since": func(r *vault.Residence) *string { return &r.SpouseCitizenSince },
				"in-state-since":       func(r *vault.Residence) *string { return &r.InStateSince },
			}[f.Name]
			changes = append(changes, func(r *vault.Residence) { *field(r) = value })
		case "conditional":
			changes = append(changes, func(r *vault.Residence) { r.Conditional = value == "true" })
		case "via-marriage":
			changes = append(changes, func(r *vault.Residence) { r.ViaMarriage = value == "true" })
		}
	})
	if err == nil && changes == nil {
		err = errNothingToSet
	}
	return func(r *vault.Residence) {
		for _, change := range changes {
			change(r)
		}
	}, err
}

// residenceText is "permanent resident since 2021-05-01, conditional
// 2-year card, married to a US citizen".
func residenceText(r vault.Residence) string {
	parts := []string{"no resident-since date"}
	if r.Since != "" {
		parts[0] = "permanent resident since " + r.Since
	}
	if r.Conditional {
		parts = append(parts, "conditional 2-year card")
	}
	if r.ViaMarriage {
		parts = append(parts, "married to a US citizen")
	}
	for _, d := range []struct{ what, date string }{{"married", r.Married}, {"spouse a citizen since", r.SpouseCitizenSince},
		{"in the state since", r.InStateSince}} {
		if d.date != "" {
			parts = append(parts, d.what+" "+d.date)
		}
	}
	return strings.Join(parts, ", ")
}
