package main

import (
	"fmt"

	"immivault/internal/vault"
)

func (c *cli) collectGarbage(args []string) error {
	fs := c.flags()
	history := fs.Bool("history", false, "")
	return c.withVaultArgs(fs, args, 0, func(v *vault.Vault, _ []string) error {
		if *history {
			n, err := v.PurgeHistory()
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "removed %d files: the earlier versions of the index and the notice files only they referred to\n", n)
			return nil
		}
		n, err := v.CollectGarbage()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "removed %d unreferenced notice files\n", n)
		return nil
	})
}
