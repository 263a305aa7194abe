package main

import (
	"errors"
	"flag"
	"slices"
	"strings"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

// The flags of id set that say what a document is beyond its number and
// dates, for the deadline rules (docs/deadlines.md).
func addDocumentFactFlags(fs *flag.FlagSet) {
	fs.String("class", "", "what the document says the person is here as, `C`: a work permit's category (C09, A17, C03B), an I-94's class of admission (F-1, WT, K-1, H-1B), a SEVIS form's status (F-1, J-1); --class= clears it")
	fs.String("parole", "", "for a parole document of kind other: `advance` (travel) or humanitarian (the permitted stay); --parole= clears it")
}

// factsChange is what --class and --parole say; nil is not given.
type factsChange struct {
	class, parole *string
}

func (f factsChange) given() bool { return f.class != nil || f.parole != nil }

func (f factsChange) apply(d vault.DocumentFacts) vault.DocumentFacts {
	if f.class != nil {
		d.Class = *f.class
	}
	if f.parole != nil {
		d.Parole = *f.parole
	}
	return d
}

// documentFactFlags reads --class and --parole, and checks them before the
// passphrase is asked for; SetDocumentFacts checks them again.
func documentFactFlags(fs *flag.FlagSet, kind ids.Kind) (factsChange, error) {
	var f factsChange
	var err error
	fs.Visit(func(fl *flag.Flag) {
		value := strings.TrimSpace(fl.Value.String())
		switch fl.Name {
		case "class":
			class, cerr := vault.NormalizeClass(kind, value)
			switch {
			case cerr != nil:
				err = cerr
			case class != "" && !slices.Contains([]ids.Kind{ids.EADCard, ids.I94, ids.SEVISID}, kind):
				err = errors.New("--class is for a work permit (ead-card), an I-94 or a SEVIS ID (sevis-id)")
			}
			f.class = &class
		case "parole":
			value = strings.ToLower(value)
			switch {
			case value != "" && value != vault.ParoleAdvance && value != vault.ParoleHumanitarian:
				err = errors.New("--parole is advance (a travel document, I-512) or humanitarian (a permitted stay)")
			case value != "" && kind != ids.Other:
				err = errors.New("--parole is for a parole document kept as kind other")
			}
			f.parole = &value
		}
	})
	return f, err
}

// detailsText is "issued 2021-05-01, expires 2031-05-01, class C09", or ""
// when nothing is known.
func detailsText(id *vault.Identifier) string {
	parts := []string{}
	if v := validityText(id.Validity); v != "" {
		parts = append(parts, v)
	}
	if id.Class != "" {
		parts = append(parts, "class "+id.Class)
	}
	if id.Parole != "" {
		parts = append(parts, id.Parole+" parole")
	}
	return strings.Join(parts, ", ")
}
