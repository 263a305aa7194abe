package main

import (
	"fmt"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

func (c *cli) passwd(args []string) error {
	return c.withVaultArgs(c.flags(), args, 0, func(v *vault.Vault, _ []string) error {
		pass, err := c.readPassphrase(newPassphrase)
		if err != nil {
			return err
		}
		recoveryKey, err := v.ChangeKey(pass)
		if err != nil {
			return err
		}
		return c.printNewKey("Passphrase changed.", recoveryKey)
	})
}

// printNewKey tells, after passwd and recover, what was done, then shows
// the new recovery key and what it means.
func (c *cli) printNewKey(done string, recoveryKey *secret.Secret) error {
	fmt.Fprintf(c.stdout, "%s\n\nNew recovery key:\n\n", done)
	if err := c.printKey(recoveryKey); err != nil {
		return err
	}
	fmt.Fprint(c.stdout, newKeyText)
	return nil
}

// newKeyText follows the new recovery key.
const newKeyText = `
The vault has a new key: everything in it was encrypted again. The old
passphrase, the old recovery key and any copy of the vault's files from
before (a backup, a sync service's history) no longer open what is saved
from now on; they still open what those old copies already hold.

Write the new recovery key down or save it somewhere safe, in place of the
old one. It will not be shown again.
`
