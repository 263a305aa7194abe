package vault

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"

	"immivault/internal/atomicfile"
	"immivault/internal/secret"
)

// A key change gives the vault a new identity: everything is re-encrypted
// to it, a new passphrase and a new recovery key open it, and the old
// identity.age (in a backup, or a sync service's history) with the old
// passphrase no longer opens anything saved from then on.
//
// It must survive a crash at any instant with the vault opening under the
// old key or the new one, never neither. Everything new is written first,
// beside the old: re-encrypted blobs under new names in blobs/, and the new
// identity.age, recovery.age, signing.age and index.age in a staging folder
// ".key-change-<random>". Renaming that folder to "key-change" is the commit
// point. From then on readers take those four files from key-change/ while
// it holds them (current), and whoever opens the vault next with the new
// key completes the change: it moves the four files into place one rename
// at a time, removes the old index generations and the old blobs listed in
// key-change/old-blobs, and removes the folder last.
const (
	keyChangeDir     = "key-change"
	keyChangeStaging = ".key-change-"
	oldBlobsFile     = "old-blobs"
)

// keyChangeFiles are the files a key change replaces, in the order they are
// moved into place.
var keyChangeFiles = []string{signingFile, recoveryFile, indexFile, identityFile}

// current is the path to read a vault file from: the committed key
// change's copy while there is one, else the file itself.
func current(dir, name string) string {
	staged := filepath.Join(dir, keyChangeDir, name)
	if _, err := os.Lstat(staged); err == nil {
		return staged
	}
	return filepath.Join(dir, name)
}

// keyChangePending says whether a committed key change is not yet complete.
func keyChangePending(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, keyChangeDir))
	return err == nil
}

// ChangeKey gives the vault a new identity, re-encrypts everything to it
// and sets newPassphrase. It returns the new recovery key, to show the
// user once: the old one no longer opens the vault. Earlier versions of
// the index are not carried over. It streams: memory does not grow with
// the notices' size.
func (v *Vault) ChangeKey(newPassphrase *secret.Secret) (*secret.Secret, error) {
	if v.identity == nil {
		return nil, errors.New("the vault is locked")
	}
	if newPassphrase.IsEmpty() {
		return nil, errors.New("the passphrase cannot be empty")
	}
	// Before the lock: a vault that never shared makes its signing key now,
	// which takes the lock itself.
	seed, err := v.SigningKey()
	if err != nil {
		return nil, err
	}
	lock, err := v.lockFresh()
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	if len(v.Warnings) > 0 {
		return nil, fmt.Errorf("the vault has a problem to repair first (%s); run verify", v.Warnings[0])
	}
	if keyChangePending(v.dir) {
		if err := v.finishKeyChange(); err != nil {
			return nil, err
		}
	}
	if len(conflictCopies(v.dir)) > 0 {
		// Merged first: after the change, the old key no longer opens them.
		if err := v.updateLocked(func(*Index) error { return nil }); err != nil {
			return nil, err
		}
	}

	id, err := age.GenerateHybridIdentity()
	if err != nil {
		return nil, err
	}
	rec, err := age.GenerateHybridIdentity()
	if err != nil {
		return nil, err
	}
	next := &Vault{dir: v.dir, opts: v.opts, recipient: id.Recipient(),
		identity: secret.New([]byte(id.String()))}
	recoveryKey := secret.New([]byte(rec.String()))
	if next.authKey, err = deriveAuthKey(next.identity); err != nil {
		return nil, err
	}

	oldBlobs, err := os.ReadDir(filepath.Join(v.dir, blobsDir))
	if err != nil {
		return nil, err
	}
	var suffix [8]byte
	rand.Read(suffix[:])
	staging := filepath.Join(v.dir, keyChangeStaging+hex.EncodeToString(suffix[:]))
	if err := os.Mkdir(staging, 0o700); err != nil {
		return nil, err
	}
	var newBlobs []string
	committed := false
	defer func() {
		if committed {
			return
		}
		os.RemoveAll(staging)
		for _, b := range newBlobs {
			os.Remove(filepath.Join(v.dir, blobsDir, b))
		}
	}()

	ix := v.index.clone()
	for _, n := range ix.Notices {
		ref, err := next.copyBlob(v, n)
		if err != nil {
			return nil, err
		}
		newBlobs = append(newBlobs, ref.Name)
		n.Blob = ref.Name
	}
	if err := next.writeIdentity(filepath.Join(staging, identityFile),
		&passphraseRecipient{pass: newPassphrase, logN: v.opts.WorkFactor}); err != nil {
		return nil, err
	}
	if err := next.writeIdentity(filepath.Join(staging, recoveryFile), rec.Recipient()); err != nil {
		return nil, err
	}
	if _, err := next.writeSigningKey(filepath.Join(staging, signingFile), seed); err != nil {
		return nil, err
	}
	if ix.RecoverySHA256, err = fileSHA256(filepath.Join(staging, recoveryFile)); err != nil {
		return nil, err
	}
	ix.Revision++
	ix.Saved = now().UTC().Truncate(1e6)
	if err := next.writeIndexFile(filepath.Join(staging, indexFile), ix); err != nil {
		return nil, err
	}
	var list strings.Builder
	for _, e := range oldBlobs {
		if validBlobName(e.Name()) {
			list.WriteString(e.Name() + "\n")
		}
	}
	if err := atomicfile.Write(filepath.Join(staging, oldBlobsFile), 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, list.String())
		return err
	}); err != nil {
		return nil, err
	}
	if err := atomicfile.SyncDir(staging); err != nil {
		return nil, err
	}

	// The commit point.
	if err := os.Rename(staging, filepath.Join(v.dir, keyChangeDir)); err != nil {
		return nil, err
	}
	committed = true
	if err := atomicfile.SyncDir(v.dir); err != nil {
		return nil, err
	}

	v.identity, v.authKey, v.recipient, v.legacy = next.identity, next.authKey, next.recipient, false
	v.signing = seed
	v.Warnings = nil
	if err := v.finishKeyChange(); err != nil {
		// The change is made; what is left is tidying that the next Open
		// does. Reading works meanwhile.
		v.warn(fmt.Sprintf("the new key is in place, but tidying up failed (%v); it will be tried again", err))
	}
	v.stamp = nil
	if err := v.load(); err != nil {
		return nil, err
	}
	return recoveryKey, nil
}

// copyBlob re-encrypts a notice's blob from old's key to v's, under a new
// name, checking its SHA-256 on the way.
func (v *Vault) copyBlob(old *Vault, n *Notice) (BlobRef, error) {
	r, err := old.OpenBlob(n)
	if err != nil {
		return BlobRef{}, err
	}
	defer r.Close()
	ref, err := v.AddBlob(r)
	if err != nil {
		return BlobRef{}, err
	}
	if ref.Size != n.Size || ref.SHA256 != n.SHA256 {
		os.Remove(filepath.Join(v.dir, blobsDir, ref.Name))
		return BlobRef{}, damaged(blobsDir+"/"+n.Blob, errors.New("it does not match the index"))
	}
	return ref, nil
}

// writeIndexFile writes ix, encrypted and authenticated with v's keys, at path.
func (v *Vault) writeIndexFile(path string, ix *Index) error {
	return atomicfile.Write(path, 0o600, func(w io.Writer) error {
		aw, err := age.Encrypt(w, v.recipient)
		if err != nil {
			return err
		}
		mac, err := v.newMAC()
		if err != nil {
			return err
		}
		if err := writeIndex(aw, ix, mac); err != nil {
			return err
		}
		return aw.Close()
	})
}

// finishKeyChangeLocking is finishKeyChange for a caller without the lock.
func (v *Vault) finishKeyChangeLocking() error {
	lock, err := acquireLock(v)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	return v.finishKeyChange()
}

// finishKeyChange completes a committed key change. Every step is a rename
// or a removal that may be repeated, so an interrupted run is completed by
// the next. The caller holds the write lock.
func (v *Vault) finishKeyChange() error {
	dir := filepath.Join(v.dir, keyChangeDir)
	if !keyChangePending(v.dir) {
		return nil
	}
	// Only a vault that reads the new index may finish: the old key must
	// never move the new files (it would not notice what it cannot read).
	if _, _, err := v.readIndexFile(indexFile); err != nil {
		return err
	}
	for _, name := range keyChangeFiles {
		err := os.Rename(filepath.Join(dir, name), filepath.Join(v.dir, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := atomicfile.SyncDir(v.dir); err != nil {
		return err
	}
	for g := 1; g <= max(v.opts.Generations, 5); g++ {
		if err := os.Remove(filepath.Join(v.dir, generationName(g))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	list, err := os.ReadFile(filepath.Join(dir, oldBlobsFile))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, name := range strings.Fields(string(list)) {
		if !validBlobName(name) {
			continue
		}
		if err := os.Remove(filepath.Join(v.dir, blobsDir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	// A v1 vault recovered with its recovery key is upgraded by the change.
	if format, err := readFormat(v.dir); err != nil || format != Format {
		if err := writeFormat(v.dir); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return atomicfile.SyncDir(v.dir)
}

// NewRecoveryKey replaces the recovery key, for one lost or kept somewhere
// unsafe: a key change (ChangeKey) that keeps the passphrase. The passphrase
// is checked against identity.age first, so that a mistyped one is refused
// rather than becoming the vault's new passphrase.
func (v *Vault) NewRecoveryKey(passphrase *secret.Secret) (*secret.Secret, error) {
	if v.identity == nil {
		return nil, errors.New("the vault is locked")
	}
	_, _, err := readIdentity(v.dir, identityFile, &passphraseIdentity{pass: passphrase})
	if errors.Is(err, age.ErrIncorrectIdentity) {
		return nil, ErrWrongPassphrase
	}
	if err != nil {
		return nil, err
	}
	return v.ChangeKey(passphrase)
}
