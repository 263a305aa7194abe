package main

import (
	"errors"
	"os"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

func (c *cli) recoverVault(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	dir, opts, err := c.locate(vault.CheckFormat)
	if err != nil {
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
	return c.printNewKey("New passphrase set.", recoveryKey)
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
