package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"immivault/internal/vault"
	"immivault/internal/vaultdir"
)

// dir is the vault directory: --vault, else $IMMIVAULT_VAULT, else the
// default under the user's configuration folder (vaultdir.Default, which
// the app follows too).
func (c *cli) dir() (string, error) {
	dir := c.vaultFlag
	if dir == "" {
		var err error
		if dir, err = vaultdir.Default(); err != nil {
			return "", fmt.Errorf("no default vault location (%v); use --vault DIR", err)
		}
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

// locate finds the vault directory, reads the options and runs check on
// the directory (vault.CheckFormat for a vault that must be there): all of
// it before anyone is asked for a passphrase.
func (c *cli) locate(check func(dir string) error) (string, vault.Options, error) {
	dir, err := c.dir()
	if err != nil {
		return "", vault.Options{}, err
	}
	opts, err := c.options()
	if err != nil {
		return "", vault.Options{}, err
	}
	return dir, opts, check(dir)
}

// withVault unlocks the vault with the passphrase, reports on stderr what
// opening it had to work around, runs f on it and closes it.
func (c *cli) withVault(f func(v *vault.Vault) error) error {
	dir, opts, err := c.locate(vault.CheckFormat)
	if err != nil {
		return err
	}
	pass, err := c.readPassphrase(currentPassphrase)
	if err != nil {
		return err
	}
	v, err := vault.Open(dir, pass, opts)
	if err != nil {
		return err
	}
	defer v.Close()
	for _, w := range v.Warnings {
		fmt.Fprintln(c.stderr, "warning: "+oneLine(w))
	}
	for _, m := range v.Merged {
		fmt.Fprintln(c.stderr, "note: "+oneLine(m.String()))
	}
	v.Merged = nil
	return f(v)
}

// withVaultArgs is withVault for a command that has nothing to check
// before the passphrase: it parses the command's n positional arguments
// and its flags fs (c.parse), then runs f with the open vault and them.
func (c *cli) withVaultArgs(fs *flag.FlagSet, args []string, n int, f func(v *vault.Vault, pos []string) error) error {
	pos, err := c.parse(fs, args, n)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error { return f(v, pos) })
}
