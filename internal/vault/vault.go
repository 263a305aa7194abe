package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"

	"immivault/internal/atomicfile"
	"immivault/internal/secret"
)

// Format is the content of the plaintext "format" file, the only thing a
// vault directory says in the clear.
const Format = "immivault-vault/v2"

// formatV1 is a vault made before its files were authenticated; Open
// upgrades it (upgrade.go).
const formatV1 = "immivault-vault/v1"

const (
	formatFile   = "format"
	identityFile = "identity.age"
	recoveryFile = "recovery.age"
	indexFile    = "index.age"
	lockFile     = "lock"
	blobsDir     = "blobs"
)

// Options tune a vault. The zero value is what the app uses.
type Options struct {
	// WorkFactor is scrypt's log2(N) for a new passphrase: 18 (~1 s, 256 MiB)
	// unless set. Tests lower it; opening honours whatever the file says.
	WorkFactor int
	// LockTimeout is how long a writer waits for another process's write.
	LockTimeout time.Duration
	// Generations is how many previous indexes are kept (index.age.1 ... .N).
	Generations int
}

func (o Options) withDefaults() Options {
	if o.WorkFactor == 0 {
		o.WorkFactor = 18
	}
	if o.LockTimeout == 0 {
		o.LockTimeout = 5 * time.Second
	}
	if o.Generations == 0 {
		o.Generations = 5
	}
	return o
}

// Vault is an open vault. Its identity is held in a Secret; records are
// in Index, refreshed from disk under the write lock by Update.
type Vault struct {
	dir      string
	opts     Options
	identity *secret.Secret // "AGE-SECRET-KEY-PQ-1..."
	authKey  *secret.Secret // HMAC key for index files, derived from identity
	signing  *secret.Secret // Ed25519 seed, read from signing.age when first needed
	// legacy is a vault whose identity file has no marker yet (format v1):
	// its index files may lack authentication until it is upgraded.
	legacy    bool
	recipient *age.HybridRecipient
	index     *Index
	stamp     os.FileInfo // index.age as last read or written by us
	// Warnings says what opening had to work around (an index generation
	// that was damaged, orphaned blobs); for the user to read.
	Warnings []string
	// Merged says what merging sync services' conflict copies of the index
	// did (syncconflicts.go), for the user to read once: the caller reads
	// and clears it.
	Merged []MergedCopy
}

// Dir is the vault's directory.
func (v *Vault) Dir() string { return v.dir }

// Index is the vault's records as of the last Open, Refresh or Update.
// Treat it as read-only: change records through Update.
func (v *Vault) Index() *Index { return v.index }

// Recipient is the vault's public age recipient (age1pq1...).
func (v *Vault) Recipient() string { return v.recipient.String() }

// Exists reports whether dir holds a vault.
func Exists(dir string) bool {
	return CheckFormat(dir) == nil
}

// Create makes a new vault in dir, which must not exist or be empty, and
// returns it open, with the recovery key to show the user once.
func Create(dir string, passphrase *secret.Secret, opts Options) (*Vault, *secret.Secret, error) {
	opts = opts.withDefaults()
	if passphrase.IsEmpty() {
		return nil, nil, errors.New("the passphrase cannot be empty")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		if Exists(dir) {
			return nil, nil, fmt.Errorf("there is already a vault in %s", dir)
		}
		return nil, nil, fmt.Errorf("%s is not empty; choose a new or empty folder for the vault", dir)
	}
	if err := os.MkdirAll(filepath.Join(dir, blobsDir), 0o700); err != nil {
		return nil, nil, err
	}
	id, err := age.GenerateHybridIdentity()
	if err != nil {
		return nil, nil, err
	}
	rec, err := age.GenerateHybridIdentity()
	if err != nil {
		return nil, nil, err
	}
	// age hands keys out only as strings; these are the copies we cannot
	// wipe (see docs/adr/0002-secrets-in-memory.md).
	identity := secret.New([]byte(id.String()))
	recoveryKey := secret.New([]byte(rec.String()))
	v := &Vault{dir: dir, opts: opts, identity: identity, recipient: id.Recipient(),
		index: &Index{}}
	if v.authKey, err = deriveAuthKey(identity); err != nil {
		return nil, nil, err
	}
	if err := v.writeIdentity(filepath.Join(dir, identityFile), &passphraseRecipient{pass: passphrase, logN: opts.WorkFactor}); err != nil {
		return nil, nil, err
	}
	if err := v.writeIdentity(filepath.Join(dir, recoveryFile), rec.Recipient()); err != nil {
		return nil, nil, err
	}
	if v.index.RecoverySHA256, err = fileSHA256(filepath.Join(dir, recoveryFile)); err != nil {
		return nil, nil, err
	}
	if v.signing, err = v.writeSigningKey(filepath.Join(dir, signingFile), nil); err != nil {
		return nil, nil, err
	}
	if v.index.SigningPublicKey, err = signingPublicKey(v.signing); err != nil {
		return nil, nil, err
	}
	if err := v.commit(v.index); err != nil {
		return nil, nil, err
	}
	// The format file goes last: a folder without it is not (yet) a vault.
	if err := writeFormat(dir); err != nil {
		return nil, nil, err
	}
	return v, recoveryKey, nil
}

// writeIdentity stores the vault identity, encrypted to r, at path: the
// marker line, then the identity (an age identity file, comment and key).
func (v *Vault) writeIdentity(path string, r age.Recipient) error {
	return atomicfile.Write(path, 0o600, func(w io.Writer) error {
		aw, err := age.Encrypt(w, r)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(aw, identityMarker+"\n"); err != nil {
			return err
		}
		if err := v.identity.Use(func(b []byte) error {
			if _, err := aw.Write(b); err != nil {
				return err
			}
			_, err := aw.Write([]byte{'\n'})
			return err
		}); err != nil {
			return err
		}
		return aw.Close()
	})
}

// Open unlocks the vault in dir with the passphrase. A vault made before
// its files were authenticated is upgraded on the way (upgrade.go).
func Open(dir string, passphrase *secret.Secret, opts Options) (*Vault, error) {
	format, err := readFormat(dir)
	if err != nil {
		return nil, err
	}
	identity, marked, err := readIdentity(dir, identityFile, &passphraseIdentity{pass: passphrase})
	if errors.Is(err, age.ErrIncorrectIdentity) {
		return nil, ErrWrongPassphrase
	}
	if err != nil {
		return nil, err
	}
	v, err := open(dir, identity, !marked && format == formatV1, opts)
	if err != nil {
		return nil, err
	}
	if v.legacy || format != Format {
		if err := v.upgrade(passphrase); err != nil {
			v.warn(fmt.Sprintf("this vault could not be upgraded to authenticated files (%v); it opens as before", err))
		}
	}
	return v, nil
}

// Recover opens the vault with its recovery key and gives it a new key
// (ChangeKey): the new passphrase opens it, and the returned recovery key,
// to be shown once, replaces the one used, which no longer opens it.
func Recover(dir string, recoveryKey, newPassphrase *secret.Secret, opts Options) (*Vault, *secret.Secret, error) {
	format, err := readFormat(dir)
	if err != nil {
		return nil, nil, err
	}
	if newPassphrase.IsEmpty() {
		return nil, nil, errors.New("the passphrase cannot be empty")
	}
	rid, err := parseRecoveryKey(recoveryKey)
	if err != nil {
		return nil, nil, err
	}
	identity, marked, err := readIdentity(dir, recoveryFile, rid)
	if errors.Is(err, age.ErrIncorrectIdentity) {
		return nil, nil, ErrWrongRecoveryKey
	}
	if err != nil {
		return nil, nil, err
	}
	v, err := open(dir, identity, !marked && format == formatV1, opts)
	if err != nil {
		return nil, nil, err
	}
	newKey, err := v.ChangeKey(newPassphrase)
	if err != nil {
		return nil, nil, err
	}
	return v, newKey, nil
}

// parseRecoveryKey reads a recovery key as the user gives it.
func parseRecoveryKey(recoveryKey *secret.Secret) (*age.HybridIdentity, error) {
	var rid *age.HybridIdentity
	err := recoveryKey.Use(func(b []byte) error {
		var err error
		// A key copied from the printed kit is grouped with spaces and
		// line breaks; an age key never contains either.
		compact := bytes.Join(bytes.Fields(b), nil)
		defer clear(compact)
		rid, err = age.ParseHybridIdentity(string(compact))
		return err
	})
	if err != nil {
		return nil, errors.New("that is not a recovery key (it starts with AGE-SECRET-KEY-PQ-1)")
	}
	return rid, nil
}

func open(dir string, identity *secret.Secret, legacy bool, opts Options) (*Vault, error) {
	v := &Vault{dir: dir, opts: opts.withDefaults(), identity: identity, legacy: legacy}
	err := identity.Use(func(b []byte) error {
		id, err := age.ParseHybridIdentity(string(b))
		if err != nil {
			return damaged(identityFile, errors.New("it does not hold an age identity"))
		}
		v.recipient = id.Recipient()
		return nil
	})
	if err != nil {
		return nil, err
	}
	if v.authKey, err = deriveAuthKey(identity); err != nil {
		return nil, err
	}
	if err := v.load(); err != nil {
		return nil, err
	}
	if keyChangePending(dir) {
		// A key change committed but was interrupted before it tidied up;
		// reading works as it is (keychange.go), so failing here is no loss.
		if err := v.finishKeyChangeLocking(); err != nil {
			v.warn(fmt.Sprintf("a key change could not be completed yet (%v); it will be tried again", err))
		}
	}
	if len(conflictCopies(dir)) > 0 && !legacy {
		// A sync service's copies of the index: merged and saved now, so
		// that what the other computer saved shows at once.
		if err := v.Update(func(*Index) error { return nil }); err != nil {
			v.warn(fmt.Sprintf("copies of the index that a sync service made could not be merged yet (%v); they will be at the next save", err))
		}
	}
	return v, nil
}

// CheckFormat says why dir holds no vault this immivault can open (none,
// a damaged format file, a newer format), or nil. It needs no passphrase.
func CheckFormat(dir string) error {
	_, err := readFormat(dir)
	return err
}

// readFormat reads the format file: Format, or formatV1 for a vault to upgrade.
func readFormat(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, formatFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w: %s (create one with `immivault-cli init`)", ErrNoVault, dir)
	}
	if err != nil {
		return "", err
	}
	got := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	switch {
	case got == Format || got == formatV1:
		return got, nil
	case strings.HasPrefix(got, "immivault-vault/v") && len(got) < 40:
		return "", fmt.Errorf("this vault is format %q; this immivault reads %q (update immivault)", got, Format)
	}
	return "", damaged(formatFile, errors.New("it does not say "+Format))
}

// readIdentity decrypts an identity file into a Secret, and says whether
// it carries the marker of an authenticated vault. The file is read from a
// committed key change if there is one (keychange.go).
func readIdentity(dir, file string, id age.Identity) (*secret.Secret, bool, error) {
	f, err := os.Open(current(dir, file))
	if err != nil {
		return nil, false, damaged(file, err)
	}
	defer f.Close()
	return decryptIdentity(file, f, id)
}

// decryptIdentity decrypts the identity file file, read from src, as
// readIdentity does.
func decryptIdentity(file string, src io.Reader, id age.Identity) (*secret.Secret, bool, error) {
	r, err := age.Decrypt(io.LimitReader(src, 64<<10), id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) || errors.Is(err, age.ErrIncorrectIdentity) {
			return nil, false, age.ErrIncorrectIdentity
		}
		return nil, false, damaged(file, err)
	}
	buf := make([]byte, 512)
	defer clear(buf)
	n, err := io.ReadFull(r, buf)
	if err != io.ErrUnexpectedEOF {
		switch err {
		case io.EOF:
			err = errors.New("it is empty")
		case nil:
			err = errors.New("too long for an identity")
		}
		return nil, false, damaged(file, err)
	}
	// An age identity file: comment lines, blank lines, and one key.
	var key []byte
	marked := false
	for line := range bytes.Lines(buf[:n]) {
		line = bytes.TrimSpace(line)
		switch {
		case string(line) == identityMarker:
			marked = true
		case len(line) == 0 || line[0] == '#':
		case key != nil:
			return nil, false, damaged(file, errors.New("it holds more than one key"))
		default:
			key = line
		}
	}
	if key == nil {
		return nil, false, damaged(file, errors.New("it is empty"))
	}
	return secret.New(bytes.Clone(key)), marked, nil
}

// Close forgets the vault's keys and records. Call secret.Purge after it
// to destroy the enclave key as well.
func (v *Vault) Close() {
	v.identity, v.signing, v.index, v.recipient = nil, nil, nil, nil
}

// decrypter parses the vault identity for one decryption. age takes keys
// only as strings; the copy lives until the garbage collector takes it.
func (v *Vault) decrypter() (age.Identity, error) {
	if v.identity == nil {
		return nil, errors.New("the vault is locked")
	}
	var id age.Identity
	err := v.identity.Use(func(b []byte) error {
		var err error
		id, err = age.ParseHybridIdentity(string(b))
		return err
	})
	return id, err
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
