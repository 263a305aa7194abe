package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

func (c *cli) initVault(args []string) error {
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
	// Refuse before asking for a passphrase; Create checks again.
	if vault.Exists(dir) {
		return fmt.Errorf("there is already a vault in %s", dir)
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
`, filepath.Join(dir, "recovery.age"), filepath.Join(dir, "index.age"), filepath.Join(dir, "blobs", "NAME.age"))
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

// newKeyText follows the new recovery key after passwd and recover.
const newKeyText = `
The vault has a new key: everything in it was encrypted again. The old
passphrase, the old recovery key and any copy of the vault's files from
before (a backup, a sync service's history) no longer open what is saved
from now on; they still open what those old copies already hold.

Write the new recovery key down or save it somewhere safe, in place of the
old one. It will not be shown again.
`

func (c *cli) status(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	ix := v.Index()
	saved := "never"
	if !ix.Saved.IsZero() {
		saved = ix.Saved.Local().Format("2006-01-02 15:04:05 MST")
	}
	row := func(k string, v any) { fmt.Fprintf(c.stdout, "%-15s %v\n", k+":", v) }
	row("vault", v.Dir())
	row("format", vault.Format)
	row("revision", ix.Revision)
	row("last saved", saved)
	row("people", len(ix.People))
	row("identifiers", len(ix.Identifiers))
	row("cases", len(ix.Cases))
	row("notices", len(ix.Notices))
	row("events", len(ix.Events))
	row("recipient", v.Recipient())
	row("locked memory", c.memoryStatus())
	if len(v.Warnings) == 0 {
		row("warnings", "none")
	}
	for _, w := range v.Warnings {
		row("warning", oneLine(w))
	}
	return nil
}

// memoryStatus says in a few words what the locked-memory preflight found.
func (c *cli) memoryStatus() string {
	r := c.memory
	switch {
	case r.Unlocked:
		return fmt.Sprintf("limited to %d KiB, too little: secrets are kept in ordinary memory", r.Limit>>10)
	case r.Degraded:
		return fmt.Sprintf("limited to %d KiB: secrets are opened one at a time", r.Limit>>10)
	case r.Limit == 0:
		return "not limited: secrets are locked in RAM"
	}
	return fmt.Sprintf("%d KiB available: secrets are locked in RAM", r.Limit>>10)
}

func (c *cli) passwd(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	pass, err := c.readPassphrase(newPassphrase)
	if err != nil {
		return err
	}
	recoveryKey, err := v.ChangeKey(pass)
	if err != nil {
		return err
	}
	fmt.Fprint(c.stdout, "Passphrase changed.\n\nNew recovery key:\n\n")
	if err := c.printKey(recoveryKey); err != nil {
		return err
	}
	fmt.Fprint(c.stdout, newKeyText)
	return nil
}

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

func (c *cli) verify(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
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
}

func (c *cli) collectGarbage(args []string) error {
	fs := c.flags()
	history := fs.Bool("history", false, "")
	if _, err := c.parse(fs, args, 0); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
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
}

func (c *cli) version(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "immivault-cli %s (%s %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

// byteSize prints n bytes for people: 512 B, 12.3 KiB, 4.0 MiB.
func byteSize(n int64) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	f, unit := float64(n)/1024, "KiB"
	for _, u := range []string{"MiB", "GiB", "TiB"} {
		if f < 1024 {
			break
		}
		f, unit = f/1024, u
	}
	return fmt.Sprintf("%.1f %s", f, unit)
}
