package main

import (
	"errors"
	"fmt"
	"strings"

	"filippo.io/age"

	"immivault/internal/bundle"
	"immivault/internal/vault"
)

func (c *cli) importBundle(args []string) error {
	fs := c.flags()
	dryRun := fs.Bool("dry-run", false, "show who sent the bundle and what it would change, and change nothing")
	yes := fs.Bool("yes", false, "import without asking (never from a sender outside the family list: see --trust-sender)")
	trust := fs.String("trust-sender", "", "accept a sender who is not in the family list, once you have compared their `FINGERPRINT` with them")
	usePass := fs.Bool("passphrase", false, "the bundle is protected by a passphrase: ask for it")
	pos, err := c.parse(fs, args, 1)
	if err != nil {
		return err
	}
	f, size, err := openRegular(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	return c.withVault(func(v *vault.Vault) error {
		var id age.Identity
		if *usePass {
			pass, err := c.readPassphrase(bundlePassphrase)
			if err != nil {
				return err
			}
			id = vault.PassphraseIdentity(pass)
		} else if id, err = v.Decrypter(); err != nil {
			return err
		}
		b, err := bundle.Open(f, size, id)
		switch {
		case errors.Is(err, bundle.ErrPassphrase) && !*usePass:
			return errors.New("this bundle is protected by a passphrase: run again with --passphrase")
		case errors.Is(err, bundle.ErrPassphrase):
			return errors.New("wrong passphrase for this bundle")
		case err != nil:
			return err
		}
		accepted, err := c.describeSender(v, b, *trust)
		if err != nil {
			return err
		}
		plan := bundle.Preview(v.Index(), b)
		c.printPlan(plan)
		if *dryRun {
			return nil
		}
		if plan.Changes() == 0 {
			fmt.Fprintln(c.stdout, "Nothing to import: the vault has everything in this bundle.")
			return nil
		}
		if !accepted {
			return c.senderRefusal(v, b)
		}
		if ok, err := c.goAhead(*yes, "Import these changes? [y/N] ",
			"nothing imported: add --yes to import without a terminal to confirm on", "Nothing imported."); !ok {
			return err
		}
		res, err := bundle.Apply(v, b, plan)
		var se *bundle.SenderError
		if errors.As(err, &se) {
			return c.senderRefusal(v, b)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Imported: %d added, %d updated, %d conflicts kept side by side, %d notice files stored.\n",
			res.Added, res.Updated, res.Conflicts, res.Files)
		for _, it := range res.Skipped {
			fmt.Fprintf(c.stdout, "  not imported: %s %s: %s\n", it.Kind, displayable(it.What), displayable(it.Note))
		}
		return nil
	})
}

// describeSender prints who signed the bundle and whether they are in the
// family list, and reports whether importing from them is accepted: they
// are, or they are this vault, or trust names their fingerprint.
func (c *cli) describeSender(v *vault.Vault, b *bundle.Bundle, trust string) (bool, error) {
	s := b.Sender()
	fmt.Fprintf(c.stdout, "Bundle signed by %q, fingerprint %s; the signature is valid.\n", displayable(s.Name), s.Fingerprint())
	fmt.Fprintf(c.stdout, "Made %s", b.Created().Local().Format("2006-01-02 15:04 MST"))
	if b.Passphrase() {
		fmt.Fprintln(c.stdout, ", protected by a passphrase.")
	} else {
		var to []string
		for _, a := range b.AddressedTo() {
			to = append(to, displayable(a.Name))
		}
		fmt.Fprintf(c.stdout, ", for %s.\n", strings.Join(to, ", "))
	}
	accepted := false
	switch ct, known := b.KnownSender(v.Index()); {
	case b.FromVault(v):
		fmt.Fprintln(c.stdout, "Sender: this vault.")
		accepted = true
	case known:
		how := "fingerprint not compared yet: `immivault-cli family verify " + shellWord(ct.Name) + "`"
		if ct.Verified {
			how = "fingerprint compared"
		}
		fmt.Fprintf(c.stdout, "Sender: %s in your family list (%s).\n", displayable(ct.Name), how)
		accepted = true
	default:
		if claimed, ok := b.ClaimedSender(v.Index()); ok {
			fmt.Fprintf(c.stdout, "Sender: NOT the %s in your family list, whose fingerprint is %s.\n", displayable(claimed.Name), claimed.Card().Fingerprint())
		} else {
			fmt.Fprintln(c.stdout, "Sender: NOT in your family list.")
		}
		if trust != "" {
			if err := b.Trust(trust); err != nil {
				return false, err
			}
			fmt.Fprintln(c.stdout, "You accepted this sender with --trust-sender.")
			accepted = true
		}
	}
	if b.PassedOn(v) {
		fmt.Fprintln(c.stderr, "warning: the sender did not make this bundle for you: someone passed it on")
	}
	return accepted, nil
}

func (c *cli) senderRefusal(v *vault.Vault, b *bundle.Bundle) error {
	s := b.Sender()
	if claimed, ok := b.ClaimedSender(v.Index()); ok {
		return fmt.Errorf("nothing imported: this bundle is signed as %q but not with the keys of %q in your family list; if they made a new vault, compare fingerprints with them and run again with --trust-sender %s",
			displayable(s.Name), displayable(claimed.Name), s.Fingerprint())
	}
	return fmt.Errorf("nothing imported: %q (fingerprint %s) is not in your family list; compare the fingerprint with them, then add their card with `immivault-cli family add` or run again with --trust-sender %s",
		displayable(s.Name), s.Fingerprint(), s.Fingerprint())
}

// quoted shows a field's value in a plan: "" for none.
func quoted(s string) string { return fmt.Sprintf("%q", displayable(s)) }

// printPlan lists what importing would change, then counts the rest.
func (c *cli) printPlan(p bundle.Plan) {
	groups := []struct {
		action bundle.Action
		title  string
	}{
		{bundle.Add, "Would add:"},
		{bundle.Update, "Would update (newer versions of records you have not changed):"},
		{bundle.Conflict, "Conflicts (changed on both sides: yours stays, theirs is added beside it, marked \"" + displayable(p.From) + "\"):"},
	}
	for _, g := range groups {
		first := true
		for _, it := range p.Items {
			if it.Action != g.action {
				continue
			}
			if first {
				fmt.Fprintln(c.stdout, g.title)
				first = false
			}
			line := fmt.Sprintf("  %-10s  %s", it.Kind, displayable(it.What))
			if it.Note != "" {
				line += " — " + displayable(it.Note)
			}
			fmt.Fprintln(c.stdout, line)
			// What an update replaces, or a conflict keeps beside: numbers
			// masked, as in `ls`.
			for _, ch := range it.Changes {
				fmt.Fprintf(c.stdout, "              %s: %s → %s\n", ch.Field, quoted(ch.Current), quoted(ch.New))
			}
		}
	}
	counts := map[bundle.Action]int{}
	for _, it := range p.Items {
		counts[it.Action]++
	}
	var rest []string
	for _, x := range []struct {
		a    bundle.Action
		what string
	}{
		{bundle.Unchanged, "already in the vault"},
		{bundle.Older, "older than yours"},
		{bundle.Removed, "removed from your vault since you received them"},
		{bundle.Duplicate, "already in the vault as other records"},
	} {
		if counts[x.a] > 0 {
			rest = append(rest, fmt.Sprintf("%d %s", counts[x.a], x.what))
		}
	}
	if len(rest) > 0 {
		fmt.Fprintf(c.stdout, "Left as they are: %s.\n", strings.Join(rest, "; "))
	}
}
