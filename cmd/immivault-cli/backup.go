package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"immivault/internal/backup"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// backupVault writes a backup into the folder --to names, reads it back,
// and thins out the older backups there.
func (c *cli) backupVault(args []string) error {
	fs := c.flags()
	to := fs.String("to", "", "the backups `FOLDER` (a USB drive, another disk, a synced folder)")
	return c.withVaultArgs(fs, args, 0, func(v *vault.Vault, _ []string) error {
		if *to == "" {
			return errors.New("say where with --to FOLDER")
		}
		b, removed, err := backup.Write(v, *to, time.Now())
		if err != nil {
			return err
		}
		ix := v.Index()
		fmt.Fprintf(c.stdout, "backup written and read back: %s (%s; %d people, %d notices)\n",
			b.Path, byteSize(b.Size), len(ix.People), len(ix.Notices))
		if removed > 0 {
			fmt.Fprintf(c.stdout, "removed %d older backups (kept: the last 10, one a day for a month, one a month for two years)\n", removed)
		}
		fmt.Fprintln(c.stdout, "it opens with the passphrase or the recovery key the vault has today")
		return nil
	})
}

// restoreVault makes the vault (--vault, or the default place) from a
// backup, with the passphrase of the backup's day or, with
// --recovery-key-file, its recovery key and a new passphrase; then checks
// every file.
func (c *cli) restoreVault(args []string) error {
	fs := c.flags()
	keyFile := fs.String("recovery-key-file", "", "open the backup with the recovery key in `FILE`, and choose a new passphrase")
	pos, err := c.parse(fs, args, 1)
	if err != nil {
		return err
	}
	dir, opts, err := c.locate(func(dir string) error {
		if _, err := os.Lstat(dir); err == nil {
			return fmt.Errorf("%s already exists; restore with --vault NEW-FOLDER, or move it away first", dir)
		}
		return nil
	})
	if err != nil {
		return err
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	var pass, key *secret.Secret
	if *keyFile != "" {
		if key, err = readSecretPath(*keyFile, "the recovery key file"); err != nil {
			return err
		}
	} else if pass, err = c.readPassphrase(currentPassphrase); err != nil {
		return err
	}
	if err := vault.RestoreBackup(f, dir, pass, key); err != nil {
		return err
	}
	var v *vault.Vault
	var newKey *secret.Secret
	if key != nil {
		var newPass *secret.Secret
		if newPass, err = c.readPassphrase(newPassphrase); err == nil {
			v, newKey, err = vault.Recover(dir, key, newPass, opts)
		}
	} else {
		v, err = vault.Open(dir, pass, opts)
	}
	if err != nil {
		return fmt.Errorf("the backup was restored into %s but does not open: %w", dir, err)
	}
	defer v.Close()
	rep, err := v.Verify()
	if err != nil {
		return err
	}
	if len(rep.Problems) > 0 {
		return fmt.Errorf("the restored vault in %s has %d damaged files; run verify there", dir, len(rep.Problems))
	}
	ix := v.Index()
	fmt.Fprintf(c.stdout, "restored into %s: %d people, %d notices; checked %d files, no problems found\n",
		dir, len(ix.People), len(ix.Notices), rep.Files)
	if newKey != nil {
		return c.printNewKey("New passphrase set.", newKey)
	}
	return nil
}
