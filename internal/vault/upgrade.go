package vault

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"

	"immivault/internal/atomicfile"
	"immivault/internal/secret"
)

// upgrade turns a format v1 vault, whose files nothing authenticated, into
// the current format, keeping everything: every index file that opens is
// rewritten with its authentication code, the signing key's public half
// goes into the index, identity.age is re-encrypted with the same
// passphrase and gains the marker line (after which unauthenticated index
// files are refused), and the format file says so, last. Each step is an
// atomic replacement that a rerun repeats harmlessly, so a crash in between
// is completed by the next Open. What was planted in a v1 vault before its
// upgrade cannot be told apart from what its owner wrote, and is kept.
func (v *Vault) upgrade(passphrase *secret.Secret) error {
	lock, err := acquireLock(v)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	names := []string{indexFile}
	for g := 1; g <= v.generations(); g++ {
		names = append(names, generationName(g))
	}
	for _, name := range names {
		ix, _, err := v.readIndexFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			// Left as it is: verify names it, and it is not authenticated,
			// so nothing will take it for a version of the vault.
			continue
		}
		if err := v.writeIndexFile(filepath.Join(v.dir, name), ix); err != nil {
			return err
		}
	}
	v.stamp = nil
	if err := v.load(); err != nil {
		return err
	}
	switch seed, err := v.readSigningKey(); {
	case err == nil:
		if err := v.recordSigningKey(seed); err != nil {
			return err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if err := v.writeIdentity(filepath.Join(v.dir, identityFile),
		&passphraseRecipient{pass: passphrase, logN: v.opts.WorkFactor}); err != nil {
		return err
	}
	v.legacy = false
	return writeFormat(v.dir)
}

// writeFormat writes the format file, which says the vault is the current format.
func writeFormat(dir string) error {
	return atomicfile.Write(filepath.Join(dir, formatFile), 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, Format+"\n")
		return err
	})
}
