package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"immivault/internal/vault"
)

// dir is the vault directory: --vault, else $IMMIVAULT_VAULT, else the
// default under the user's configuration folder.
func (c *cli) dir() (string, error) {
	dir := c.vaultFlag
	if dir == "" {
		dir = os.Getenv("IMMIVAULT_VAULT")
	}
	if dir == "" {
		config, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("no default vault location (%v); use --vault DIR", err)
		}
		dir = filepath.Join(config, "immivault", "vault")
	}
	return filepath.Abs(dir)
}

// options reads the tuning knobs from the environment.
func (c *cli) options() (vault.Options, error) {
	var o vault.Options
	if s := os.Getenv("IMMIVAULT_SCRYPT_LOGN"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 10 || n > 22 {
			return o, errors.New("IMMIVAULT_SCRYPT_LOGN must be a whole number from 10 to 22 (it is for tests: leave it unset)")
		}
		o.WorkFactor = n
	}
	if s := os.Getenv("IMMIVAULT_LOCK_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return o, errors.New("IMMIVAULT_LOCK_TIMEOUT must be a duration such as 5s or 200ms")
		}
		o.LockTimeout = d
	}
	return o, nil
}

// open unlocks the vault with the passphrase and reports, on stderr, what
// opening had to work around.
func (c *cli) open() (*vault.Vault, error) {
	dir, err := c.dir()
	if err != nil {
		return nil, err
	}
	opts, err := c.options()
	if err != nil {
		return nil, err
	}
	if err := vault.CheckFormat(dir); err != nil {
		return nil, err
	}
	pass, err := c.readPassphrase(currentPassphrase)
	if err != nil {
		return nil, err
	}
	v, err := vault.Open(dir, pass, opts)
	if err != nil {
		return nil, err
	}
	for _, w := range v.Warnings {
		fmt.Fprintln(c.stderr, "warning: "+oneLine(w))
	}
	return v, nil
}
