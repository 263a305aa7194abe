package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"immivault/internal/atomicfile"
	"immivault/internal/bundle"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func (c *cli) export(args []string) error {
	fs := c.flags()
	out := fs.String("o", "", "write the bundle to `FILE`")
	var to, people, cases, logins listFlag
	fs.Var(&to, "to", "encrypt to this family member (`CONTACT`: name or fingerprint); repeat for several (default: the family members whose fingerprint you compared)")
	usePass := fs.Bool("passphrase", false, "encrypt to a passphrase instead, for someone without immivault")
	fs.Var(&people, "person", "include this `PERSON` and everything of theirs; repeat for several (default: everyone)")
	fs.Var(&cases, "case", "include this case (`RECEIPT` number), its notices and events, and its person's name; repeat for several")
	fs.Var(&logins, "login", "include this login (`PERSON/SERVICE`, or PERSON/other/NAME) with its password and codes; repeat for several (default: none, whatever else is included)")
	armored := fs.Bool("armor", false, "write the bundle as text, for pasting into mail")
	force := fs.Bool("force", false, "replace FILE if it exists")
	name := fs.String("name", "", "the `NAME` on your card in the bundle (default: the name key --name remembered, else the person whose relation is self)")
	if _, err := c.parse(fs, args, 0); err != nil {
		return err
	}
	if err := c.checkOutput(*out, *force); err != nil {
		return err
	}
	if *usePass && len(to) > 0 {
		return errors.New("--passphrase and --to cannot go together (age forbids mixing a passphrase with keys): export twice")
	}
	return c.withVault(func(v *vault.Vault) error {
		o := bundle.ExportOptions{SenderName: strings.TrimSpace(*name), People: people, Cases: cases, Armor: *armored}
		if o.SenderName == "" {
			var err error
			if o.SenderName, err = ownerCardName(v.Index()); err != nil {
				return err
			}
		}
		for _, ref := range logins {
			id, err := loginRefID(v.Index(), ref)
			if err != nil {
				return err
			}
			o.Logins = append(o.Logins, id)
		}
		for _, ref := range to {
			ct, err := v.Index().Contact(ref)
			if err != nil {
				return familyError(err)
			}
			o.To = append(o.To, ct.Card())
		}
		if *usePass {
			o.Passphrase = &secret.Secret{} // for Describe, which does not read it
		}
		summary, err := bundle.Describe(v, o)
		if err != nil {
			return err
		}
		if err := c.unverifiedLeftOut(summary); err != nil {
			return err
		}
		if *usePass {
			if o.Passphrase, err = c.readPassphrase(newBundlePassphrase); err != nil {
				return err
			}
			opts, err := c.options()
			if err != nil {
				return err
			}
			o.WorkFactor = opts.WorkFactor
		}
		// A bundle that fails half-way (a damaged notice) leaves no file.
		if err := atomicfile.Write(*out, 0o600, func(w io.Writer) error { return bundle.Export(w, v, o) }); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "wrote %s: %s\n", *out, summaryLine(summary))
		if summary.Passphrase {
			fmt.Fprintln(c.stdout, "protected by the passphrase: send the file one way and tell the passphrase another (by phone, in person)")
			return nil
		}
		var names []string
		for _, card := range summary.To {
			n := displayable(card.Name)
			if summary.IncludesSender && card.Recipient == v.Recipient() {
				n += " (you)"
			}
			names = append(names, n)
		}
		fmt.Fprintf(c.stdout, "encrypted to: %s\n", strings.Join(names, ", "))
		return nil
	})
}

// unverifiedLeftOut says which family members a bundle without --to
// leaves out because nobody compared their fingerprint, and refuses a
// bundle that would then be for no one but the sender: the person surely
// meant it for them.
func (c *cli) unverifiedLeftOut(s bundle.Summary) error {
	if len(s.Unverified) == 0 {
		return nil
	}
	var names []string
	for _, card := range s.Unverified {
		names = append(names, displayable(card.Name))
	}
	list := strings.Join(names, ", ")
	if s.IncludesSender && len(s.To) == 1 {
		return fmt.Errorf("nothing written: no one in your family list has a compared fingerprint (not yet: %s); compare it with them and run `immivault-cli family verify NAME`, or name whom the bundle is for with --to", list)
	}
	fmt.Fprintf(c.stderr, "note: not encrypted to %s: fingerprint not compared yet (`immivault-cli family verify NAME`, or name them with --to)\n", list)
	return nil
}

func summaryLine(s bundle.Summary) string {
	line := fmt.Sprintf("%s, %s, %s, %s (%s), %s", plural(s.People, "1 person", "%d people"),
		plural(s.Identifiers, "1 identifier", "%d identifiers"), plural(s.Cases, "1 case", "%d cases"),
		plural(s.Notices, "1 notice", "%d notices"), byteSize(s.Bytes), plural(s.Events, "1 event", "%d events"))
	if s.Trips > 0 {
		line += ", " + plural(s.Trips, "1 trip", "%d trips")
	}
	if s.Logins > 0 {
		line += ", " + plural(s.Logins, "1 login", "%d logins")
	}
	return line
}

// loginRefID finds the login that --login names: PERSON/SERVICE, or
// PERSON/other/NAME for another site.
func loginRefID(ix *vault.Index, ref string) (string, error) {
	parts := strings.SplitN(ref, "/", 3)
	if len(parts) < 2 {
		return "", fmt.Errorf("--login %.60q: give PERSON/SERVICE, e.g. \"Ana Morales/uscis\"", ref)
	}
	p, err := ix.Person(strings.TrimSpace(parts[0]))
	if err != nil {
		return "", err
	}
	svc, err := vault.ParseService(parts[1])
	if err != nil {
		return "", err
	}
	name := ""
	if len(parts) == 3 {
		name = strings.TrimSpace(parts[2])
	}
	l, err := ix.Login(p.ID, svc, name)
	if err != nil {
		return "", err
	}
	return l.ID, nil
}
