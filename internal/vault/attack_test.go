package vault

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
)

// These tests play someone who can write to the vault folder (a synced
// folder, a shared computer, malware that runs once) and knows the vault's
// public recipient, which is on the owner's contact card, but not its
// passphrase. Everything they plant must be caught.

// encryptToVault makes an age file for the vault's recipient, as anyone
// with the contact card can.
func encryptToVault(t *testing.T, v *Vault, path string, plaintext []byte) {
	t.Helper()
	r, err := age.ParseHybridRecipient(v.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(plaintext)
	w.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

const plantedIndex = `{"format":"immivault-index/v1","revision":99,"saved":"2026-01-01T00:00:00Z",` +
	`"people":[{"id":"aaaaaaaaaaaaaaaa","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","name":"Planted Person"}],` +
	`"identifiers":[],"cases":[],"notices":[],"events":[],"contacts":[]}`

// TestPlantedIndexIsRefused: an index.age encrypted to the vault's
// recipient by someone else is not taken for the vault's records (before
// authentication it was, silently).
func TestPlantedIndexIsRefused(t *testing.T) {
	v, dir := newVault(t)
	addFamily(t, v)
	for _, body := range []string{
		plantedIndex + "\n",
		strings.TrimSuffix(plantedIndex, "}") + `,"auth":"` + strings.Repeat("0", 64) + `"}` + "\n",
	} {
		encryptToVault(t, v, filepath.Join(dir, indexFile), []byte(body))
		v2, err := Open(dir, pass("correct horse"), fast)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range v2.Index().People {
			if p.Name == "Planted Person" {
				t.Fatal("the planted index was taken for the vault's records")
			}
		}
		if len(v2.Warnings) == 0 || !strings.Contains(v2.Warnings[0], "index.age") {
			t.Fatalf("no warning about the planted index: %v", v2.Warnings)
		}
		rep, err := v2.Verify()
		if err != nil || !hasProblem(rep, indexFile) {
			t.Fatalf("verify did not report index.age: %v %v", err, rep)
		}
	}
}

// TestPlantedGenerationIsRefused: a forged index.age.N is neither a
// fallback nor silently accepted by verify.
func TestPlantedGenerationIsRefused(t *testing.T) {
	v, dir := newVault(t)
	addFamily(t, v)
	encryptToVault(t, v, filepath.Join(dir, generationName(1)), []byte(plantedIndex))
	rep, err := v.Verify()
	if err != nil || !hasProblem(rep, generationName(1)) {
		t.Fatalf("verify did not report the planted generation: %v %v", err, rep)
	}
	// With index.age damaged, the planted generation is not the fallback.
	os.WriteFile(filepath.Join(dir, indexFile), []byte("damaged"), 0o600)
	v2, err := Open(dir, pass("correct horse"), fast)
	if err == nil {
		for _, p := range v2.Index().People {
			if p.Name == "Planted Person" {
				t.Fatal("the planted generation was opened as the previous version")
			}
		}
	}
}

// TestPlantedSigningKeyIsRefused: a signing.age that is not the vault's
// key would change the owner's fingerprint and sign bundles as someone
// else; it is refused, and verify reports it.
func TestPlantedSigningKeyIsRefused(t *testing.T) {
	v, dir := newVault(t)
	pub, err := v.SigningPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	encryptToVault(t, v, filepath.Join(dir, signingFile), bytes.Repeat([]byte{7}, 32))
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := v2.SigningPublicKey(); err == nil {
		t.Fatalf("planted signing key accepted (fingerprint changed: %v)", !got.Equal(pub))
	}
	if _, err := v2.Card("Maria"); err == nil {
		t.Fatal("a contact card was made with the planted key")
	}
	rep, err := v2.Verify()
	if err != nil || !hasProblem(rep, signingFile) {
		t.Fatalf("verify did not report signing.age: %v %v", err, rep)
	}
}

// TestPlantedBlobIsRefused: a notice's blob replaced by another file
// encrypted to the vault does not read as the notice.
func TestPlantedBlobIsRefused(t *testing.T) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	n := addNotice(t, v, pid, []byte("%PDF-1.4 the real notice"))
	encryptToVault(t, v, filepath.Join(dir, blobsDir, n.Blob), append([]byte("%PDF-1.4 a planted one!!"), make([]byte, 232)...))
	r, err := v.OpenBlob(n)
	if err == nil {
		_, err = io.ReadAll(r)
		r.Close()
	}
	var d *DamagedError
	if !errors.As(err, &d) {
		t.Fatalf("planted blob read as the notice: %v", err)
	}
}

// TestGCKeepsBlobsWhileIndexIsDamaged: with index.age damaged, the vault
// opens an older generation, which does not know the newest notice; gc
// must not take that notice's blob (it did: the only copy).
func TestGCKeepsBlobsWhileIndexIsDamaged(t *testing.T) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	n := addNotice(t, v, pid, []byte("%PDF-1.4 the only copy"))
	// Only index.age knows the notice; the fallback, index.age.1, does not.
	os.WriteFile(filepath.Join(dir, indexFile), []byte("damaged"), 0o600)
	backdate(t, dir)
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(v2.Warnings) == 0 {
		t.Fatal("no warning for the damaged index")
	}
	removed, err := v2.CollectGarbage()
	if err == nil || removed != 0 {
		t.Fatalf("gc ran on a vault with a damaged index: removed %d, %v", removed, err)
	}
	if err := v2.DiscardBlob(BlobRef{Name: n.Blob}); err == nil {
		t.Fatal("a blob was discarded while the index is damaged")
	}
	if _, err := os.Stat(filepath.Join(dir, blobsDir, n.Blob)); err != nil {
		t.Fatal("the notice's blob is gone")
	}
}

// TestGCKeepsBlobsWhileAGenerationIsDamaged: a generation that does not
// open may be the only index naming a blob; nothing is removed then.
func TestGCKeepsBlobsWhileAGenerationIsDamaged(t *testing.T) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	n := addNotice(t, v, pid, []byte("%PDF-1.4 kept by a generation"))
	if err := v.Update(func(ix *Index) error { ix.Notices = nil; return nil }); err != nil {
		t.Fatal(err)
	}
	// index.age.1 names the notice; index.age.2 is damaged.
	os.WriteFile(filepath.Join(dir, generationName(2)), []byte("damaged"), 0o600)
	backdate(t, dir)
	if _, err := v.CollectGarbage(); err == nil {
		t.Fatal("gc ran with a damaged generation")
	}
	if _, err := os.Stat(filepath.Join(dir, blobsDir, n.Blob)); err != nil {
		t.Fatal("the blob is gone")
	}
	// A blob a readable generation names is never discarded.
	os.Remove(filepath.Join(dir, generationName(2)))
	if err := v.DiscardBlob(BlobRef{Name: n.Blob}); err == nil {
		t.Fatal("a blob that index.age.1 names was discarded")
	}
}

// TestPurgeHistoryRemovesWhatWasRemoved: replaced and removed values
// stay in the earlier versions of the index until PurgeHistory.
func TestPurgeHistoryRemovesWhatWasRemoved(t *testing.T) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	n := addNotice(t, v, pid, []byte("%PDF-1.4 to be removed for good"))
	if err := v.Update(func(ix *Index) error {
		ix.Notices = nil
		for _, id := range ix.IdentifiersOf(pid) {
			if err := ix.RemoveIdentifier(id.ID); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !generationsHold(t, v, "A012345678") {
		t.Fatal("the generations do not hold the removed value; the test proves nothing")
	}
	backdate(t, dir)
	removed, err := v.PurgeHistory()
	if err != nil {
		t.Fatal(err)
	}
	if generationsHold(t, v, "A012345678") {
		t.Fatal("the removed value is still in an earlier version of the index")
	}
	if _, err := os.Stat(filepath.Join(dir, blobsDir, n.Blob)); err == nil {
		t.Fatal("the removed notice's blob is still there")
	}
	if removed < 2 {
		t.Fatalf("removed %d files", removed)
	}
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil || len(v2.Index().People) != 1 {
		t.Fatalf("the vault after purging: %v", err)
	}
	if rep, err := v2.Verify(); err != nil || len(rep.Problems) > 0 || len(rep.Orphans) > 0 {
		t.Fatalf("verify after purging: %v %+v", err, rep)
	}
}

// TestPassphraseIdentitySkipsOtherRecipients: age's Identity contract, so
// that a bundle for the vault's key opened with a passphrase as well says
// "not for this identity", not "damaged".
func TestPassphraseIdentitySkipsOtherRecipients(t *testing.T) {
	x, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	stanzas, err := x.Recipient().Wrap(make([]byte, 16))
	if err != nil {
		t.Fatal(err)
	}
	_, err = PassphraseIdentity(pass("p")).Unwrap(stanzas)
	if !errors.Is(err, age.ErrIncorrectIdentity) {
		t.Fatalf("got %v, want age.ErrIncorrectIdentity", err)
	}
	var buf bytes.Buffer
	w, _ := age.Encrypt(&buf, x.Recipient())
	w.Write([]byte("bundle"))
	w.Close()
	r, err := age.Decrypt(bytes.NewReader(buf.Bytes()), PassphraseIdentity(pass("p")), x)
	if err != nil {
		t.Fatalf("a file for the other identity did not open: %v", err)
	}
	if got, _ := io.ReadAll(r); string(got) != "bundle" {
		t.Fatal("wrong content")
	}
}

func addNotice(t *testing.T, v *Vault, personID string, content []byte) *Notice {
	t.Helper()
	return addNoticeNamed(t, v, personID, "notice.pdf", content)
}

// addNoticeNamed stores content and adds it as the person's notice under
// fileName.
func addNoticeNamed(t *testing.T, v *Vault, personID, fileName string, content []byte) *Notice {
	t.Helper()
	ref, err := v.AddBlob(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	var n *Notice
	if err := v.Update(func(ix *Index) error {
		n, err = ix.AddNotice(personID, "", fileName, ref)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// backdate makes every blob older than the garbage collector's grace.
func backdate(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-2 * orphanGrace)
	for _, p := range mustGlob(t, filepath.Join(dir, blobsDir, "*")) {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// generationsHold says whether any kept generation holds value.
func generationsHold(t *testing.T, v *Vault, value string) bool {
	t.Helper()
	for g := 1; g <= 5; g++ {
		ix, _, err := v.readIndexFile(generationName(g))
		if err != nil {
			continue
		}
		for _, id := range ix.Identifiers {
			if reveal(t, id.Value) == value {
				return true
			}
		}
	}
	return false
}

func hasProblem(rep *VerifyReport, file string) bool {
	for _, p := range rep.Problems {
		if p.File == file {
			return true
		}
	}
	return false
}
