package vault

import (
	"archive/tar"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"

	"immivault/internal/atomicfile"
	"immivault/internal/secret"
)

// ErrNotBackup is a file that is no immivault backup, or a damaged one.
var ErrNotBackup = errors.New("not an immivault backup, or a damaged one")

// BackupKeyError is a passphrase or recovery key that does not open a
// backup: it opens with the key the vault had on the day it was made.
type BackupKeyError struct {
	Made     time.Time
	Recovery bool
}

func (e *BackupKeyError) Error() string {
	what := "passphrase"
	if e.Recovery {
		what = "recovery key"
	}
	return fmt.Sprintf("wrong %s for this backup: it opens with the vault's %s as it was on %s (a later change does not apply to it)",
		what, what, e.Made.Format("2006-01-02"))
}

// maxBackupFiles bounds the files an archive may hold: far more notices
// than a family has, few enough that a hostile archive cannot exhaust the
// disk's directory entries.
const maxBackupFiles = 200_000

// openedBackup is a backup's outer archive read up to vault.tar.age, with
// the small files before it.
type openedBackup struct {
	outer              *tar.Reader
	made               time.Time
	identity, recovery []byte
	archive            int64 // size of vault.tar.age
}

// openBackup reads the outer archive's members up to vault.tar.age, which
// it leaves for the caller to read from b.outer.
func openBackup(r io.Reader) (*openedBackup, error) {
	b := &openedBackup{outer: tar.NewReader(r)}
	for want := []string{backupReadme, formatFile, identityFile, recoveryFile, backupArchive}; ; want = want[1:] {
		h, err := b.outer.Next()
		if err != nil || h.Name != want[0] || h.Typeflag != tar.TypeReg {
			return nil, ErrNotBackup
		}
		if h.Name == backupArchive {
			b.archive = h.Size
			return b, nil
		}
		if h.Size > maxSmallFile {
			return nil, ErrNotBackup
		}
		data, err := io.ReadAll(b.outer)
		if err != nil {
			return nil, ErrNotBackup
		}
		switch h.Name {
		case formatFile:
			if strings.TrimSuffix(string(data), "\n") != Format {
				return nil, fmt.Errorf("%w (its format is not %s)", ErrNotBackup, Format)
			}
		case identityFile:
			b.identity, b.made = data, h.ModTime.UTC()
		case recoveryFile:
			b.recovery = data
		}
	}
}

// CheckBackup reads a backup back and checks it against what WriteBackup
// said it wrote: every member of the file is there, in its order, with the
// SHA-256 it had on the way out, nothing follows, and the vault's key opens
// the archive. It does not decrypt the whole archive again: what is on the
// disk is byte for byte what the encryption wrote, which restore then
// authenticates to the last byte.
func (v *Vault) CheckBackup(r io.Reader, info BackupInfo) error {
	id, err := v.decrypter()
	if err != nil {
		return err
	}
	outer := tar.NewReader(r)
	for _, name := range []string{backupReadme, formatFile, identityFile, recoveryFile, backupArchive} {
		h, err := outer.Next()
		if err != nil || h.Name != name {
			return fmt.Errorf("the backup does not read back whole: %s is missing", name)
		}
		sum := sha256.New()
		var content io.Reader = io.TeeReader(outer, sum)
		if name == backupArchive {
			// The key opens it: its header and first chunk decrypt.
			dec, err := age.Decrypt(content, id)
			if err == nil {
				_, err = io.ReadFull(dec, make([]byte, 1))
			}
			if err != nil {
				return fmt.Errorf("the backup does not read back whole: %s does not decrypt (%v)", name, err)
			}
		}
		if _, err := io.Copy(sum, outer); err != nil {
			return fmt.Errorf("the backup does not read back whole: %w", err)
		}
		if [sha256.Size]byte(sum.Sum(nil)) != info.files[name] {
			return fmt.Errorf("the backup does not read back whole: %s reads back different from what was written", name)
		}
	}
	if _, err := outer.Next(); err != io.EOF {
		return errors.New("the backup does not read back whole: something follows its archive")
	}
	return nil
}

// readArchive decrypts vault.tar.age with id and calls each with every
// file in it, after checking its name is one a vault has.
func readArchive(outer *tar.Reader, id age.Identity, each func(name string, h *tar.Header, content io.Reader) error) error {
	dec, err := age.Decrypt(outer, id)
	if err != nil {
		return fmt.Errorf("%w (%v)", ErrNotBackup, err)
	}
	inner := tar.NewReader(dec)
	seen := map[string]bool{}
	for {
		h, err := inner.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%w (%v)", ErrNotBackup, err)
		}
		if h.Typeflag != tar.TypeReg || !archiveName(h.Name) || seen[h.Name] || len(seen) >= maxBackupFiles {
			return fmt.Errorf("%w (unexpected %q in its archive)", ErrNotBackup, h.Name)
		}
		seen[h.Name] = true
		if err := each(h.Name, h, inner); err != nil {
			return err
		}
	}
	// The rest of the stream (tar's end blocks) must authenticate too.
	if _, err := io.Copy(io.Discard, dec); err != nil {
		return fmt.Errorf("%w (%v)", ErrNotBackup, err)
	}
	// Nothing may follow the archive but the end of the backup.
	if _, err := outer.Next(); err != io.EOF {
		return fmt.Errorf("%w (something follows its archive)", ErrNotBackup)
	}
	for _, name := range []string{formatFile, identityFile, recoveryFile, indexFile} {
		if !seen[name] {
			return fmt.Errorf("%w (its archive has no %s)", ErrNotBackup, name)
		}
	}
	return nil
}

// archiveName says whether name is a file a backup's archive may hold.
func archiveName(name string) bool {
	switch name {
	case formatFile, identityFile, recoveryFile, signingFile, indexFile:
		return true
	}
	blob, ok := strings.CutPrefix(name, blobsDir+"/")
	return ok && validBlobName(blob)
}

// RestoreBackup makes the vault folder dir, which must not exist, from the
// backup r, opened with passphrase or, when passphrase is nil, with
// recoveryKey. It writes into a new folder beside dir and renames it to
// dir only when every file is written and flushed, so that an interrupted
// restore leaves no half vault. The caller then opens the vault (Open, or
// Recover with the recovery key) and verifies it.
func RestoreBackup(r io.Reader, dir string, passphrase, recoveryKey *secret.Secret) error {
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("%s already exists; restore into a new folder", dir)
	}
	b, err := openBackup(r)
	if err != nil {
		return err
	}
	id, err := backupIdentity(b, passphrase, recoveryKey)
	if err != nil {
		return err
	}
	suffix := make([]byte, 6)
	rand.Read(suffix)
	staging := dir + ".restoring-" + hex.EncodeToString(suffix)
	if err := os.MkdirAll(filepath.Join(staging, blobsDir), 0o700); err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(staging)
		}
	}()
	err = readArchive(b.outer, id, func(name string, h *tar.Header, content io.Reader) error {
		limit := int64(maxSmallFile)
		switch {
		case name == indexFile:
			limit = maxIndexSize
		case strings.HasPrefix(name, blobsDir+"/"):
			limit = h.Size
		}
		if h.Size > limit {
			return fmt.Errorf("%w (%s is too large)", ErrNotBackup, name)
		}
		return writeRestored(filepath.Join(staging, filepath.FromSlash(name)), content)
	})
	if err != nil {
		return err
	}
	for _, d := range []string{filepath.Join(staging, blobsDir), staging} {
		if err := atomicfile.SyncDir(d); err != nil {
			return err
		}
	}
	if err := os.Rename(staging, dir); err != nil {
		return err
	}
	done = true
	return atomicfile.SyncDir(filepath.Dir(dir))
}

// backupIdentity is the vault identity from the backup's identity.age and
// the passphrase, or from its recovery.age and the recovery key.
func backupIdentity(b *openedBackup, passphrase, recoveryKey *secret.Secret) (age.Identity, error) {
	file, data := identityFile, b.identity
	var key age.Identity = &passphraseIdentity{pass: passphrase}
	if passphrase == nil {
		rid, err := parseRecoveryKey(recoveryKey)
		if err != nil {
			return nil, err
		}
		file, data, key = recoveryFile, b.recovery, rid
	}
	identity, _, err := decryptIdentity(file, bytes.NewReader(data), key)
	if errors.Is(err, age.ErrIncorrectIdentity) {
		return nil, &BackupKeyError{Made: b.made, Recovery: passphrase == nil}
	}
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNotBackup, err)
	}
	var id age.Identity
	err = identity.Use(func(k []byte) error {
		var err error
		id, err = age.ParseHybridIdentity(string(k))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%w (its %s holds no age identity)", ErrNotBackup, file)
	}
	return id, nil
}

func writeRestored(path string, content io.Reader) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, content); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
