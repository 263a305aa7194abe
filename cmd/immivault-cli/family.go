package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode"

	"golang.org/x/term"

	"immivault/internal/contact"
	"immivault/internal/vault"
)

func (c *cli) familyAdd(args []string) error {
	pos, err := c.parseRange(c.flags(), args, 1, 2)
	if err != nil {
		return err
	}
	text, err := c.readCard(pos[1:])
	if err != nil {
		return err
	}
	// Refuse a damaged card before the passphrase costs a second of scrypt.
	card, err := contact.Parse(text)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		mine, err := v.Card("")
		if err != nil {
			return err
		}
		if card.SameKeys(mine) {
			return errors.New("this is your own contact card: add the card a family member gave you")
		}
		var added *vault.Contact
		if err := v.Update(func(ix *vault.Index) error {
			added, err = ix.AddContact(pos[0], card)
			return err
		}); err != nil {
			return err
		}
		name := displayable(added.Name)
		fmt.Fprintf(c.stdout, "added %s to the family list", name)
		if added.Name != card.Name {
			fmt.Fprintf(c.stdout, " (the card says %q)", displayable(card.Name))
		}
		fmt.Fprintf(c.stdout, "\nfingerprint: %s\n", card.Fingerprint())
		fmt.Fprintf(c.stdout, "Compare it with the fingerprint %s reads to you, in person or by phone: not with one sent along with the card.\n", name)
		fmt.Fprintf(c.stdout, "When they match, run: immivault-cli family verify %s\n", shellWord(added.Name))
		if card.Classic() {
			fmt.Fprintf(c.stdout, "note: %s has a classic age key (age1...), which age does not mix with post-quantum ones: bundles for them are made separately\n", name)
		}
		return nil
	})
}

// readCard reads a contact card from the file named in path, if any, else
// from standard input.
func (c *cli) readCard(path []string) ([]byte, error) {
	var r io.Reader = c.stdin
	if len(path) == 1 {
		f, err := os.Open(path[0])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	} else if term.IsTerminal(int(c.stdin.Fd())) {
		fmt.Fprintln(c.stderr, "Paste the contact card, then press Ctrl-D on a line of its own (Ctrl-Z and Enter on Windows):")
	}
	// One byte past the limit, so that contact.Parse can say the card is too large.
	text, err := io.ReadAll(io.LimitReader(r, contact.MaxCardSize+1))
	if err != nil {
		return nil, err
	}
	if len(path) == 0 && len(strings.TrimSpace(string(text))) == 0 {
		return nil, errors.New("no card: give the card's file, or pipe the card in on standard input")
	}
	return text, nil
}

func (c *cli) familyList(args []string) error {
	return c.withVaultArgs(c.flags(), args, 0, func(v *vault.Vault, _ []string) error {
		contacts := v.Index().Contacts
		if len(contacts) == 0 {
			fmt.Fprintln(c.stdout, "No one in the family list yet: add a family member's card with `immivault-cli family add NAME CARD-FILE`.")
			return nil
		}
		w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
		unverified := false
		for _, ct := range contacts {
			card := ct.Card()
			state := "verified"
			if !ct.Verified {
				state, unverified = "not verified", true
			}
			if card.Classic() {
				state += "\tclassic age key: bundles for them are made separately"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\n", displayable(ct.Name), card.Fingerprint(), state)
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if unverified {
			fmt.Fprintln(c.stdout, "Compare each unverified fingerprint with the person, in person or by phone, then run `immivault-cli family verify NAME`.")
			fmt.Fprintln(c.stdout, "Until then, bundles made without --to are not encrypted to them.")
		}
		return nil
	})
}

func (c *cli) familyRemove(args []string) error {
	return c.withVaultArgs(c.flags(), args, 1, func(v *vault.Vault, pos []string) error {
		var name string
		if err := v.Update(func(ix *vault.Index) error {
			ct, err := ix.Contact(pos[0])
			if err != nil {
				return err
			}
			name = ct.Name
			return ix.RemoveContact(ct.ID)
		}); err != nil {
			return familyError(err)
		}
		fmt.Fprintf(c.stdout, "removed %s from the family list; bundles already sent to them stay readable to them\n", displayable(name))
		return nil
	})
}

func (c *cli) familyRename(args []string) error {
	return c.withVaultArgs(c.flags(), args, 2, func(v *vault.Vault, pos []string) error {
		var before, after string
		if err := v.Update(func(ix *vault.Index) error {
			ct, err := ix.Contact(pos[0])
			if err != nil {
				return err
			}
			before = ct.Name
			if err := ix.RenameContact(ct.ID, pos[1]); err != nil {
				return err
			}
			after = ct.Name
			return nil
		}); err != nil {
			return familyError(err)
		}
		fmt.Fprintf(c.stdout, "renamed %s to %s\n", displayable(before), displayable(after))
		return nil
	})
}

func (c *cli) familyVerify(args []string) error {
	fs := c.flags()
	yes := fs.Bool("yes", false, "record it without asking: you compared the fingerprint already")
	pos, err := c.parseRange(fs, args, 1, 2)
	if err != nil {
		return err
	}
	given := ""
	if len(pos) == 2 {
		if given, err = normalizeFingerprint(pos[1]); err != nil {
			return err
		}
	}
	return c.withVault(func(v *vault.Vault) error {
		ct, err := v.Index().Contact(pos[0])
		if err != nil {
			return familyError(err)
		}
		name, fingerprint := displayable(ct.Name), ct.Card().Fingerprint()
		if want, _ := normalizeFingerprint(fingerprint); given != "" && given != want {
			return fmt.Errorf("not verified: that fingerprint is not the one of the card you have for %s (%s), so the card may not be theirs: "+
				"do not share with it; remove it with `immivault-cli family rm` and get their card again, in person if you can", name, fingerprint)
		}
		if ct.Verified {
			fmt.Fprintf(c.stdout, "%s is verified already (fingerprint %s)\n", name, fingerprint)
			return nil
		}
		if given == "" && !*yes {
			if !term.IsTerminal(int(c.stdin.Fd())) {
				return fmt.Errorf("not verified: give the fingerprint %s reads to you (`immivault-cli family verify %s FINGERPRINT`), or add --yes once you compared it",
					name, shellWord(ct.Name))
			}
			fmt.Fprintf(c.stdout, "The card you have for %s has the fingerprint\n\n  %s\n\n"+
				"Ask %s to read theirs to you (from the app's Family sharing screen or `immivault-cli key`), in person or by phone.\n", name, fingerprint, name)
			ok, err := c.confirm("Do they match? [y/N] ")
			if err != nil {
				return err
			}
			if !ok {
				fmt.Fprintf(c.stdout, "not verified: if they differ, the card may not be %s's; do not share with it, "+
					"remove it with `immivault-cli family rm` and get their card again\n", name)
				return nil
			}
		}
		if err := v.Update(func(ix *vault.Index) error { return ix.VerifyContact(ct.ID) }); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "verified %s (fingerprint %s)\n", name, fingerprint)
		return nil
	})
}

// normalizeFingerprint reads a fingerprint as a person may type it: in any
// case, with or without dashes or spaces, and with O for 0 and I or L for 1
// (letters the fingerprint alphabet leaves out for that reason).
func normalizeFingerprint(s string) (string, error) {
	s = strings.Map(func(r rune) rune {
		switch r = unicode.ToUpper(r); r {
		case '-', ' ':
			return -1
		case 'O':
			return '0'
		case 'I', 'L':
			return '1'
		}
		return r
	}, s)
	if len(s) != 16 || strings.ContainsFunc(s, func(r rune) bool { return !strings.ContainsRune("0123456789ABCDEFGHJKMNPQRSTVWXYZ", r) }) {
		return "", errors.New("a fingerprint is 16 letters and digits, e.g. 7K2M-QX9D-4HBT-W0ZA")
	}
	return s, nil
}

// familyError words a contact that is not there for the family commands.
func familyError(err error) error {
	var missing *vault.NotFoundError
	if errors.As(err, &missing) && missing.What == "contact" {
		return fmt.Errorf("%q is not in the family list (see `immivault-cli family ls`)", displayable(missing.Name))
	}
	return err
}
