package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"immivault/internal/naturalization"
	"immivault/internal/vault"
)

func (c *cli) tripAdd(args []string) error {
	fs := c.flags()
	departed := fs.String("departed", "", "the day the person left the US, `YYYY-MM-DD`")
	returned := fs.String("returned", "", "the day they came back, `YYYY-MM-DD`; leave it out while they are away")
	to := fs.String("to", "", "the `COUNTRY` or countries, as the N-400 should list them")
	purpose := fs.String("purpose", "", "why: work, family, holiday... (`TEXT`)")
	pos, err := c.parse(fs, args, 1)
	if err != nil {
		return err
	}
	f := vault.TripFields{Departed: *departed, Returned: *returned, Destination: *to, Purpose: *purpose}
	// The dates are checked before the passphrase is asked for.
	if err := vault.CheckTripFields(f); err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		var p *vault.Person
		var t *vault.Trip
		if err := v.Update(func(ix *vault.Index) error {
			if p, err = ix.Person(pos[0]); err != nil {
				return err
			}
			t, err = ix.AddTrip(p.ID, f)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "added a trip for %s: %s (id %s)\n", displayable(p.Name), tripLine(t), t.ID)
		return nil
	})
}

func (c *cli) tripList(args []string) error {
	fs := c.flags()
	n400 := fs.Bool("n400", false, "print the N-400's list of trips: those of 24 hours or more in the 5 years before today (or --on), most recent first, tab-separated")
	on := fs.String("on", "", "with --n400: the filing day, `YYYY-MM-DD`, the 5 years are counted back from")
	var today func() (time.Time, error)
	if todayHook != nil {
		today = todayHook(fs)
	}
	pos, err := c.parse(fs, args, 1)
	if err != nil {
		return err
	}
	now, err := todayOr(today)
	if err != nil {
		return err
	}
	if *on != "" {
		if now, err = time.Parse(time.DateOnly, *on); err != nil || !*n400 {
			return errors.New("--on is a filing day as YYYY-MM-DD, with --n400")
		}
	}
	return c.withVault(func(v *vault.Vault) error {
		ix := v.Index()
		p, err := ix.Person(pos[0])
		if err != nil {
			return err
		}
		if *n400 {
			return c.printN400Trips(ix, p, now)
		}
		trips := ix.TripsOf(p.ID)
		if len(trips) == 0 {
			fmt.Fprintf(c.stdout, "No trips for %s yet: add one with `immivault-cli trip add %s --departed YYYY-MM-DD --returned YYYY-MM-DD`.\n",
				displayable(p.Name), shellWord(p.Name))
			return nil
		}
		for _, t := range trips {
			fmt.Fprintf(c.stdout, "%s  %s\n", t.ID, tripLine(t))
		}
		return nil
	})
}

// tripLine is "2024-03-01 to 2024-03-20, 18 days abroad, Mexico (family)".
func tripLine(t *vault.Trip) string {
	parts := []string{t.Dates()}
	if !t.InProgress() {
		parts = append(parts, fmt.Sprintf("%d days abroad", naturalization.DaysAbroad(naturalization.ParseDay(t.Departed), naturalization.ParseDay(t.Returned))))
	}
	if t.Destination != "" {
		parts = append(parts, displayable(t.Destination))
	}
	s := strings.Join(parts, ", ")
	if t.Purpose != "" {
		s += " (" + displayable(t.Purpose) + ")"
	}
	if t.Source == vault.TripFromI94 {
		s += " [I-94]"
	}
	return s
}

// printN400Trips prints the trips as the N-400 asks for them, in columns
// separated by tabs, which a spreadsheet or the form's fields take as they are.
func (c *cli) printN400Trips(ix *vault.Index, p *vault.Person, filing time.Time) error {
	f := naturalization.OfPerson(ix, p)
	trips := naturalization.TripsForN400(f.Trips, filing)
	fmt.Fprintf(c.stdout, "Trips outside the United States of %s, 24 hours or more, in the 5 years before %s:\n",
		displayable(p.Name), filing.Format(time.DateOnly))
	w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "Date you left\tDate you returned\tTotal days outside the US\tCountries")
	total := 0
	for _, t := range trips {
		back := "(not back yet)"
		if !t.Returned.IsZero() {
			back = t.Returned.Format(time.DateOnly)
		}
		total += t.Days
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\n", t.Departed.Format(time.DateOnly), back, t.Days, displayable(t.Destination))
	}
	w.Flush()
	fmt.Fprintf(c.stdout, "%d trips, %d days outside the US (the days you left and came back count as days in the US).\n", len(trips), total)
	return nil
}

func (c *cli) tripSet(args []string) error {
	fs := c.flags()
	fs.String("departed", "", "the day the person left the US, `YYYY-MM-DD`")
	fs.String("returned", "", "the day they came back, `YYYY-MM-DD` (--returned= while still away)")
	fs.String("to", "", "the `COUNTRY` or countries, as the N-400 should list them")
	fs.String("purpose", "", "why: work, family, holiday... (`TEXT`)")
	pos, err := c.parse(fs, args, 2)
	if err != nil {
		return err
	}
	set := map[string]string{}
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "vault" {
			set[f.Name] = f.Value.String()
		}
	})
	if len(set) == 0 {
		return errors.New("nothing to set: add --departed, --returned, --to or --purpose")
	}
	return c.withVault(func(v *vault.Vault) error {
		var p *vault.Person
		var t *vault.Trip
		if err := v.Update(func(ix *vault.Index) error {
			if p, err = ix.Person(pos[0]); err != nil {
				return err
			}
			if t, err = ix.Trip(p.ID, pos[1]); err != nil {
				return err
			}
			f := vault.TripFields{Departed: t.Departed, Returned: t.Returned, Destination: t.Destination, Purpose: t.Purpose, Source: t.Source}
			fields := map[string]*string{"departed": &f.Departed, "returned": &f.Returned, "to": &f.Destination, "purpose": &f.Purpose}
			for name, value := range set {
				*fields[name] = value
			}
			if f.Departed != t.Departed || f.Returned != t.Returned {
				f.Source = "" // the dates are typed now
			}
			t, err = ix.EditTrip(t.ID, f)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "set the trip of %s: %s\n", displayable(p.Name), tripLine(t))
		return nil
	})
}

func (c *cli) tripRemove(args []string) error {
	return c.withVaultArgs(c.flags(), args, 2, func(v *vault.Vault, pos []string) error {
		var p *vault.Person
		var t *vault.Trip
		if err := v.Update(func(ix *vault.Index) error {
			var err error
			if p, err = ix.Person(pos[0]); err != nil {
				return err
			}
			if t, err = ix.Trip(p.ID, pos[1]); err != nil {
				return err
			}
			return ix.RemoveTrip(t.ID)
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "removed the trip of %s: %s\n", displayable(p.Name), t.Dates())
		return nil
	})
}

// todayOr is the test hook's --today when given, else now.
func todayOr(today func() (time.Time, error)) (time.Time, error) {
	if today != nil {
		t, err := today()
		if err != nil || !t.IsZero() {
			return t, err
		}
	}
	return time.Now(), nil
}
