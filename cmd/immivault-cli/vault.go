package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

// options reads the tuning knobs from the environment. scrypt's work factor
// is one only in test builds (testhooks.go).
func (c *cli) options() (vault.Options, error) {
	var o vault.Options
	if workFactorHook != nil {
		n, err := workFactorHook()
		if err != nil {
			return o, err
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
