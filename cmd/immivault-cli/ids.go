package main

import (
	"errors"
	"fmt"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

func (c *cli) idSet(args []string) error {
	fs := c.flags()
	country := fs.String("country", "", "a passport's issuing country, as its ISO 3166-1 code `C` (MEX, MX, IND ...)")
	label := fs.String("label", "", "what an identifier of kind other is: `L`, e.g. \"FBI number\"")
	pos, err := c.parse(fs, args, 2)
	if err != nil {
		return err
	}
	kind, err := ids.ParseKind(pos[1])
	if err != nil {
		return err
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
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	var person *vault.Person
	var id *vault.Identifier
	if err := v.Update(func(ix *vault.Index) error {
		if person, err = ix.Person(pos[0]); err != nil {
			return err
		}
		id, err = ix.SetIdentifier(person.ID, kind, qualifier, value)
		return err
	}); err != nil {
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
	return nil
}

func (c *cli) idShow(args []string) error {
	fs := c.flags()
	country := fs.String("country", "", "which passport, by issuing country `C`, when there are several")
	label := fs.String("label", "", "which identifier of kind other, by label `L`, when there are several")
	pos, err := c.parse(fs, args, 2)
	if err != nil {
		return err
	}
	kind, err := ids.ParseKind(pos[1])
	if err != nil {
		return err
	}
	qualifier, err := qualifierFor(kind, *country, *label, false)
	if err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	ix := v.Index()
	person, err := ix.Person(pos[0])
	if err != nil {
		return err
	}
	id, err := ix.Identifier(person.ID, kind, qualifier)
	var missing *vault.NotFoundError
	if errors.As(err, &missing) {
		what := kind.Title()
		if qualifier != "" {
			what += " (" + qualifier + ")"
		}
		return fmt.Errorf("%s has no %s in this vault", displayable(person.Name), what)
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
		return "", errors.New("a passport needs its issuing country: add --country with its ISO 3166-1 code, e.g. --country MEX")
	case kind == ids.Other && label == "" && required:
		return "", errors.New(`an identifier of kind other needs a label: add --label, e.g. --label "FBI number"`)
	}
	return label, nil
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
