package main

import (
	"fmt"
	"path/filepath"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

func (c *cli) initVault(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	dir, opts, err := c.locate(func(dir string) error {
		// Refuse before asking for a passphrase; Create checks again.
		if vault.Exists(dir) {
			return fmt.Errorf("there is already a vault in %s", dir)
		}
		return nil
	})
	if err != nil {
		return err
	}
	pass, err := c.readPassphrase(firstPassphrase)
	if err != nil {
		return err
	}
	v, recoveryKey, err := vault.Create(dir, pass, opts)
	if err != nil {
		return err
	}
	defer v.Close()
	fmt.Fprintf(c.stdout, "Created a vault in %s.\n\nRecovery key:\n\n", dir)
	if err := c.printKey(recoveryKey); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, `
Write this down or save it somewhere safe. It is the only way back in if you
forget your passphrase. It will not be shown again.

To choose a new passphrase with it:  immivault-cli recover

Every file of the vault is a standard age file. To read it without immivault,
with the age command-line tool (version 1.3 or newer), save the recovery key
alone in a file, say key.txt, and run:

  age -d -i key.txt %[1]s > vault-identity.txt
  age -d -i vault-identity.txt %[2]s                 (every record, as JSON)
  age -d -i vault-identity.txt %[3]s > FILE   (a notice, followed by zero padding)

vault-identity.txt then holds the vault's key: keep it as safe as the recovery key.
`, shellWord(filepath.Join(dir, "recovery.age")), shellWord(filepath.Join(dir, "index.age")), shellWord(filepath.Join(dir, "blobs", "NAME.age")))
	return nil
}

// printKey writes a recovery key on a line of its own, from inside its
// Secret.
func (c *cli) printKey(key *secret.Secret) error {
	return key.Use(func(b []byte) error {
		if _, err := c.stdout.Write(b); err != nil {
			return err
		}
		_, err := c.stdout.Write([]byte("\n"))
		return err
	})
}
