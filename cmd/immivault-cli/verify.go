package main

import (
	"errors"
	"fmt"

	"immivault/internal/vault"
)

func (c *cli) verify(args []string) error {
	return c.withVaultArgs(c.flags(), args, 0, func(v *vault.Vault, _ []string) error {
		rep, err := v.Verify()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "checked %d files, %s\n", rep.Files, byteSize(rep.Bytes))
		for _, p := range rep.Problems {
			fmt.Fprintln(c.stdout, oneLine(p.String()))
		}
		for _, o := range rep.Orphans {
			if len(rep.Problems) == 0 {
				fmt.Fprintf(c.stdout, "%s: no record refers to it (`immivault-cli gc` removes it once it is an hour old)\n", o)
			} else {
				// It may belong to the damaged file's records: gc refuses now, and rightly.
				fmt.Fprintf(c.stdout, "%s: no readable record refers to it; keep it until the problems above are repaired\n", o)
			}
		}
		switch n := len(rep.Problems); n {
		case 0:
			fmt.Fprintln(c.stdout, "no problems found")
			return nil
		case 1:
			return errors.New("verify found 1 damaged file")
		default:
			return fmt.Errorf("verify found %d damaged files", n)
		}
	})
}
