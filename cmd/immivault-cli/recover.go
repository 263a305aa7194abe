package main

import (
	"errors"
	"fmt"
	"os"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

func (c *cli) recoverVault(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	dir, err := c.dir()
	if err != nil {
		return err
	}
	opts, err := c.options()
	if err != nil {
		return err
	}
	if err := vault.CheckFormat(dir); err != nil {
		return err
	}
	key, err := c.recoveryKey()
	if err != nil {
		return err
	}
	pass, err := c.readPassphrase(newPassphrase)
	if err != nil {
		return err
	}
	v, recoveryKey, err := vault.Recover(dir, key, pass, opts)
	if err != nil {
		return err
	}
	defer v.Close()
	fmt.Fprint(c.stdout, "New passphrase set.\n\nNew recovery key:\n\n")
	if err := c.printKey(recoveryKey); err != nil {
		return err
	}
	fmt.Fprint(c.stdout, newKeyText)
	return nil
}

// recoveryKey reads the recovery key from the file named by
// IMMIVAULT_RECOVERY_KEY_FILE, else from standard input.
func (c *cli) recoveryKey() (*secret.Secret, error) {
	if os.Getenv("IMMIVAULT_RECOVERY_KEY_FILE") != "" {
		return readSecretFile("IMMIVAULT_RECOVERY_KEY_FILE")
	}
	key, err := c.readValue("Recovery key: ")
	if err == nil && key.IsEmpty() {
		err = errors.New("no recovery key: type it at the prompt, pipe it in, or set IMMIVAULT_RECOVERY_KEY_FILE")
	}
	return key, err
}
