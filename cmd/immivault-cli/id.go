package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

func (c *cli) idSet(args []string) error {
	fs := c.flags()
	country := fs.String("country", "", "a passport's issuing country `C`: its name in English or Spanish, or its ISO 3166-1 code (México, MEX, MX ...)")
	label := fs.String("label", "", "what an identifier of kind other is: `L`, e.g. \"FBI number\"")
	fs.String("issued", "", "the document's issue date, `YYYY-MM-DD` (--issued= clears it)")
	fs.String("expires", "", "the document's expiry date, `YYYY-MM-DD`, or D/S for an I-94 (--expires= clears it); a SEVIS ID's is the program end date on the I-20 or DS-2019")
	addDocumentFactFlags(fs)
	datesOnly := fs.Bool("dates-only", false, "set only the dates, --class and --parole, keeping the stored value; reads nothing")
	ref, kind, err := c.parsePersonKind(fs, args)
	if err != nil {
		return err
	}
	dates, err := validityFlags(fs, kind)
	if err != nil {
		return err
	}
	if dates.facts, err = documentFactFlags(fs, kind); err != nil {
		return err
	}
	if *datesOnly {
		return c.idSetDates(ref, kind, *country, *label, dates)
	}
	qualifier, err := qualifierFor(kind, *country, *label, true)
	if err != nil {
		return err
	}
	value, err := c.readValue("Value: ")
	if err != nil {
		return err
	}
	if value.IsEmpty() {
		return errors.New("no value: type it at the prompt or pipe it in on standard input")
	}
	// Refuse a malformed value before the passphrase costs a second of
	// scrypt; SetIdentifier checks it again.
	if err := value.Use(func(b []byte) error {
		n, err := ids.Normalize(kind, b)
		clear(n)
		return err
	}); err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		person, id, err := updateIdentifier(v, ref, dates, func(ix *vault.Index, p *vault.Person) (*vault.Identifier, error) {
			return ix.SetIdentifier(p.ID, kind, qualifier, value)
		})
		if err != nil {
			return err
		}
		var mask string
		var about ids.Explanation
		if err := id.Value.Use(func(b []byte) error {
			mask, about = ids.Mask(kind, b), ids.Explain(kind, b)
			return nil
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "set %s for %s: %s\n", identifierTitle(id), displayable(person.Name), mask)
		if about.Summary != kind.Title() {
			fmt.Fprintln(c.stdout, about.Summary)
		}
		for _, w := range about.Warnings {
			fmt.Fprintln(c.stdout, "warning: "+w)
		}
		if d := detailsText(id); d != "" {
			fmt.Fprintln(c.stdout, d)
		}
		return nil
	})
}

// idSetDates is `id set --dates-only`: the dates of the identifier there
// is, which is found as `id show` finds it.
func (c *cli) idSetDates(ref string, kind ids.Kind, country, label string, dates validityChange) error {
	if !dates.given() {
		return errors.New("--dates-only sets --issued, --expires, --class or --parole: give one or more")
	}
	qualifier, err := qualifierFor(kind, country, label, false)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		person, id, err := updateIdentifier(v, ref, dates, func(ix *vault.Index, p *vault.Person) (*vault.Identifier, error) {
			id, err := ix.Identifier(p.ID, kind, qualifier)
			var missing *vault.NotFoundError
			if errors.As(err, &missing) {
				return nil, fmt.Errorf("%s has no %s in this vault: set it first, with its value on standard input", displayable(p.Name), kindTitle(kind, qualifier))
			}
			return id, err
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "set the dates of %s for %s: %s\n", identifierTitle(id), displayable(person.Name), cmp.Or(detailsText(id), "none"))
		return nil
	})
}

// updateIdentifier, in one update of the vault, finds the person ref
// names, sets or finds their identifier with find, and gives it the dates,
// if any were given.
func updateIdentifier(v *vault.Vault, ref string, dates validityChange, find func(*vault.Index, *vault.Person) (*vault.Identifier, error)) (*vault.Person, *vault.Identifier, error) {
	var person *vault.Person
	var id *vault.Identifier
	err := v.Update(func(ix *vault.Index) error {
		var err error
		if person, err = ix.Person(ref); err != nil {
			return err
		}
		if id, err = find(ix, person); err != nil || !dates.given() {
			return err
		}
		if dates.facts.given() {
			if err := ix.SetDocumentFacts(id.ID, dates.facts.apply(id.DocumentFacts)); err != nil {
				return err
			}
		}
		if dates.issued == nil && dates.expires == nil {
			return nil
		}
		return ix.SetValidity(id.ID, dates.apply(id.Validity))
	})
	return person, id, err
}

// validityChange is what --issued and --expires say, and with them
// --class and --parole: a flag not given leaves its value as it is, one
// given empty clears it.
type validityChange struct {
	issued, expires *string
	facts           factsChange
}

func (d validityChange) given() bool { return d.issued != nil || d.expires != nil || d.facts.given() }

// apply changes the stored dates. Dates typed by hand have no notice as
// their source any more.
func (d validityChange) apply(v vault.Validity) vault.Validity {
	if d.issued != nil {
		v.Issued = *d.issued
	}
	if d.expires != nil {
		v.Expires = *d.expires
	}
	v.Source = ""
	return v
}

// validityFlags reads --issued and --expires, and checks them before the
// passphrase is asked for; SetValidity checks them again, with the dates
// already stored.
func validityFlags(fs *flag.FlagSet, kind ids.Kind) (validityChange, error) {
	var d validityChange
	var err error
	fs.Visit(func(f *flag.Flag) {
		value := strings.TrimSpace(f.Value.String())
		switch f.Name {
		case "issued":
			d.issued = &value
			if _, perr := time.Parse(time.DateOnly, value); value != "" && perr != nil {
				err = errors.New("the issue date must be a date as YYYY-MM-DD, e.g. 2025-03-14")
			}
		case "expires":
			if strings.EqualFold(value, vault.DurationOfStatus) {
				value = vault.DurationOfStatus
			}
			d.expires = &value
			switch _, perr := time.Parse(time.DateOnly, value); {
			case value == vault.DurationOfStatus && kind != ids.I94:
				err = errors.New("only an I-94 can be valid for the duration of status (D/S)")
			case value == "" || value == vault.DurationOfStatus:
			case perr != nil && kind == ids.I94:
				err = errors.New("the expiry date must be a date as YYYY-MM-DD, e.g. 2025-03-14, or D/S")
			case perr != nil:
				err = errors.New("the expiry date must be a date as YYYY-MM-DD, e.g. 2025-03-14")
			}
		}
	})
	if err == nil && d.issued != nil && d.expires != nil && *d.issued != "" && *d.expires != "" &&
		*d.expires != vault.DurationOfStatus && *d.expires < *d.issued {
		err = errors.New("the expiry date is before the issue date")
	}
	return d, err
}

// validityText is "issued 2021-05-01, expires 2031-05-01", or "" without
// dates.
func validityText(v vault.Validity) string {
	var parts []string
	if v.Issued != "" {
		parts = append(parts, "issued "+v.Issued)
	}
	switch v.Expires {
	case "":
	case vault.DurationOfStatus:
		parts = append(parts, "valid for the duration of status (D/S)")
	default:
		parts = append(parts, "expires "+v.Expires)
	}
	return strings.Join(parts, ", ")
}

func (c *cli) idShow(args []string) error {
	fs := c.flags()
	country := fs.String("country", "", "which passport, by issuing country `C`, when there are several")
	label := fs.String("label", "", "which identifier of kind other, by label `L`, when there are several")
	ref, kind, err := c.parsePersonKind(fs, args)
	if err != nil {
		return err
	}
	qualifier, err := qualifierFor(kind, *country, *label, false)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		ix := v.Index()
		person, err := ix.Person(ref)
		if err != nil {
			return err
		}
		id, err := ix.Identifier(person.ID, kind, qualifier)
		var missing *vault.NotFoundError
		if errors.As(err, &missing) {
			return fmt.Errorf("%s has no %s in this vault", displayable(person.Name), kindTitle(kind, qualifier))
		}
		if err != nil {
			return err
		}
		return id.Value.Use(func(b []byte) error {
			if _, err := c.stdout.Write(b); err != nil {
				return err
			}
			_, err := c.stdout.Write([]byte("\n"))
			return err
		})
	})
}

// parsePersonKind parses the arguments of the id commands, PERSON KIND.
func (c *cli) parsePersonKind(fs *flag.FlagSet, args []string) (string, ids.Kind, error) {
	pos, err := c.parse(fs, args, 2)
	if err != nil {
		return "", "", err
	}
	kind, err := ids.ParseKind(pos[1])
	return pos[0], kind, err
}

// qualifierFor checks the flags that tell identifiers of one kind apart: a
// passport's country, the label of kind other. set needs them; show only
// when a person has several.
func qualifierFor(kind ids.Kind, country, label string, required bool) (string, error) {
	if country != "" && kind != ids.Passport {
		return "", errors.New("--country is only for passports")
	}
	if label != "" && kind != ids.Other {
		return "", errors.New("--label is only for identifiers of kind other")
	}
	switch {
	case kind == ids.Passport && country != "":
		return ids.NormalizeCountry(country)
	case kind == ids.Passport && required:
		return "", errors.New("a passport needs its issuing country: add --country with its name or code, e.g. --country Mexico")
	case kind == ids.Other && label == "" && required:
		return "", errors.New(`an identifier of kind other needs a label: add --label, e.g. --label "FBI number"`)
	}
	return label, nil
}

// kindTitle names what a person may not have: "A-number", "Passport
// number (USA)".
func kindTitle(kind ids.Kind, qualifier string) string {
	if qualifier != "" {
		return kind.Title() + " (" + displayable(qualifier) + ")"
	}
	return kind.Title()
}

// identifierTitle names an identifier for people: "A-number",
// "Passport number (MEX)", "Other identifier (FBI number)".
func identifierTitle(id *vault.Identifier) string {
	switch {
	case id.Kind == ids.Passport && id.Country != "":
		return id.Kind.Title() + " (" + id.Country + ")"
	case id.Kind == ids.Other && id.Label != "":
		return id.Kind.Title() + " (" + displayable(id.Label) + ")"
	}
	return id.Kind.Title()
}
