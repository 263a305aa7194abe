package vault

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"

	"immivault/internal/atomicfile"
)

// BlobRef is a stored file as the index refers to it.
type BlobRef struct {
	Name   string // file name under blobs/
	Size   int64  // plaintext size, before padding
	SHA256 string // hex, of the plaintext
}

// orphanGrace is how old an unreferenced blob must be before garbage
// collection removes it: a blob is written before the index that refers to
// it, possibly by another process that is about to commit.
const orphanGrace = time.Hour

// AddBlob encrypts r into a new file under blobs/, padded to hide its exact
// size, and flushes it to disk. It needs no lock (the name is new and
// random); the blob counts once an Update records it with Index.AddNotice.
// It streams: memory use does not grow with the file.
func (v *Vault) AddBlob(r io.Reader) (BlobRef, error) {
	if v.recipient == nil {
		return BlobRef{}, errors.New("the vault is locked")
	}
	var name [16]byte
	rand.Read(name[:])
	ref := BlobRef{Name: hex.EncodeToString(name[:]) + ".age"}
	h := sha256.New()
	err := atomicfile.Create(filepath.Join(v.dir, blobsDir, ref.Name), 0o600, func(w io.Writer) error {
		aw, err := age.Encrypt(w, v.recipient)
		if err != nil {
			return err
		}
		n, err := copyHashing(aw, r, h)
		if err != nil {
			return err
		}
		ref.Size = n
		if err := writeZeros(aw, padding(n)); err != nil {
			return err
		}
		return aw.Close()
	})
	if err != nil {
		return BlobRef{}, err
	}
	ref.SHA256 = hex.EncodeToString(h.Sum(nil))
	return ref, nil
}

// copyHashing copies src to dst and feeds the same bytes to h on a second
// goroutine, so that hashing overlaps encrypting and writing: on two
// cores this takes a third off adding a large file.
func copyHashing(dst io.Writer, src io.Reader, h hash.Hash) (int64, error) {
	const chunk = 256 << 10
	var bufs [2][]byte
	bufs[0], bufs[1] = make([]byte, chunk), make([]byte, chunk)
	toHash := make(chan []byte)
	hashed := make(chan struct{})
	go func() {
		for b := range toHash {
			h.Write(b)
			hashed <- struct{}{}
		}
	}()
	defer close(toHash)
	var total int64
	for i := 0; ; i ^= 1 {
		n, err := io.ReadFull(src, bufs[i])
		if n > 0 {
			toHash <- bufs[i][:n]
			_, werr := dst.Write(bufs[i][:n])
			<-hashed
			if werr != nil {
				return total, werr
			}
			total += int64(n)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// DiscardBlob removes a blob that AddBlob wrote but no Update recorded
// (the user cancelled, or the notice was refused as a duplicate). It
// refuses a blob that the index or any kept generation refers to, and
// refuses to remove anything while the vault cannot tell (canRemove).
func (v *Vault) DiscardBlob(ref BlobRef) error {
	if !validBlobName(ref.Name) {
		return errors.New("not a blob name")
	}
	lock, err := acquireLock(v)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	keep, err := v.referencedBlobs()
	if err != nil {
		return err
	}
	if keep[ref.Name] {
		return fmt.Errorf("blobs/%s belongs to a notice", ref.Name)
	}
	return os.Remove(filepath.Join(v.dir, blobsDir, ref.Name))
}

// padding is how many zero bytes follow n bytes of content: Padmé
// (Nikitin et al., PETS 2019) rounds to a size that leaks O(log log n)
// bits of the length, at most 12% overhead, ~3% for a 5 MB notice.
func padding(n int64) int64 {
	if n < 256 {
		return 256 - n
	}
	e := bits.Len64(uint64(n)) - 1
	s := bits.Len64(uint64(e))
	mask := int64(1)<<(e-s) - 1
	return (n+mask)&^mask - n
}

var zeros [32 << 10]byte

func writeZeros(w io.Writer, n int64) error {
	for n > 0 {
		k := min(n, int64(len(zeros)))
		if _, err := w.Write(zeros[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// OpenBlob decrypts a notice's file as a stream of exactly its size. The
// stream reports a damaged blob as a *DamagedError naming it, and so a blob
// whose content is not what the index recorded (a planted file: anyone with
// the vault's recipient can encrypt one); read it to the end to know it was
// intact.
func (v *Vault) OpenBlob(n *Notice) (io.ReadCloser, error) {
	if !validBlobName(n.Blob) {
		return nil, damaged(indexFile, fmt.Errorf("notice %s names no valid blob", n.ID))
	}
	name := blobsDir + "/" + n.Blob
	want, err := hex.DecodeString(n.SHA256)
	if err != nil || len(want) != sha256.Size {
		return nil, damaged(indexFile, fmt.Errorf("notice %s has no valid SHA-256", n.ID))
	}
	id, err := v.decrypter()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(v.dir, blobsDir, n.Blob))
	if err != nil {
		return nil, damaged(name, err)
	}
	r, err := age.Decrypt(f, id)
	if err != nil {
		f.Close()
		return nil, damaged(name, err)
	}
	return &blobReader{name: name, f: f, r: r, left: n.Size, h: sha256.New(), want: want}, nil
}

type blobReader struct {
	name string
	f    *os.File
	r    io.Reader
	left int64
	h    hash.Hash
	want []byte
}

func (b *blobReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, b.end()
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.h.Write(p[:n])
	b.left -= int64(n)
	if err == io.EOF && b.left > 0 {
		err = errors.New("it is shorter than the index says")
	}
	if err != nil && err != io.EOF {
		return n, damaged(b.name, err)
	}
	if b.left == 0 {
		if err := b.end(); err != io.EOF {
			return n, err
		}
	}
	return n, err
}

// end is what reading past the last byte gives: EOF if the content is
// what the index recorded.
func (b *blobReader) end() error {
	if b.h != nil && !bytes.Equal(b.h.Sum(nil), b.want) {
		return damaged(b.name, errors.New("its content is not what the index recorded (replaced?)"))
	}
	return io.EOF
}

func (b *blobReader) Close() error { return b.f.Close() }

func validBlobName(name string) bool {
	hexPart, ok := strings.CutSuffix(name, ".age")
	if !ok || len(hexPart) != 32 {
		return false
	}
	_, err := hex.DecodeString(hexPart)
	return err == nil && strings.ToLower(hexPart) == hexPart
}

// CollectGarbage removes blobs that no kept index generation refers to and
// that are older than orphanGrace (left by a crash or a removed notice),
// and crashed writers' temporary files. It reports how many it removed.
// It removes nothing while the vault cannot tell which blobs are in use
// (canRemove).
func (v *Vault) CollectGarbage() (int, error) {
	lock, err := acquireLock(v)
	if err != nil {
		return 0, err
	}
	defer lock.Unlock()
	keep, err := v.referencedBlobs()
	if err != nil {
		return 0, err
	}
	return v.removeUnreferenced(keep, orphanGrace)
}

// removeUnreferenced removes the blobs not in keep that are older than
// grace, and crashed writers' temporary files and key-change folders.
func (v *Vault) removeUnreferenced(keep map[string]bool, grace time.Duration) (int, error) {
	entries, err := os.ReadDir(filepath.Join(v.dir, blobsDir))
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || keep[e.Name()] || time.Since(info.ModTime()) < grace {
			continue
		}
		if os.Remove(filepath.Join(v.dir, blobsDir, e.Name())) == nil {
			removed++
		}
	}
	// A crashed writer's temporary files and a key change that never
	// committed: never read, safe to remove.
	temps, _ := filepath.Glob(filepath.Join(v.dir, ".*.tmp-*"))
	staged, _ := filepath.Glob(filepath.Join(v.dir, keyChangeStaging+"*"))
	for _, t := range append(temps, staged...) {
		if info, err := os.Stat(t); err == nil && time.Since(info.ModTime()) >= orphanGrace && os.RemoveAll(t) == nil {
			removed++
		}
	}
	return removed, nil
}

// referencedBlobs is every blob that index.age or a kept generation names.
// The caller holds the write lock. It fails, so that nothing is removed,
// when the vault cannot know every blob in use: opening had to work around
// damage (Warnings), a key change is incomplete, or a kept generation does
// not open (it may be the only index that names a newer notice).
func (v *Vault) referencedBlobs() (map[string]bool, error) {
	if err := v.refresh(); err != nil {
		return nil, err
	}
	if err := v.canRemove(); err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for _, n := range v.index.Notices {
		keep[n.Blob] = true
	}
	for g := 1; g <= v.opts.Generations; g++ {
		ix, _, err := v.readIndexFile(generationName(g))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("nothing is removed while %v; run verify", err)
		}
		for _, n := range ix.Notices {
			keep[n.Blob] = true
		}
	}
	// A sync service's copy of the index not merged yet names blobs that
	// the merge will keep. One that does not open with this key (a planted
	// file, or one from before a key change, whose blobs that change
	// removed) names none of ours.
	for _, name := range conflictCopies(v.dir) {
		if ix, _, err := v.readIndexFile(name); err == nil {
			for _, n := range ix.Notices {
				keep[n.Blob] = true
			}
		}
	}
	return keep, nil
}

// canRemove says why stored files must not be removed now, or nil.
func (v *Vault) canRemove() error {
	if len(v.Warnings) > 0 {
		return fmt.Errorf("nothing is removed while the vault has a problem (%s); run verify", v.Warnings[0])
	}
	if keyChangePending(v.dir) {
		return errors.New("nothing is removed while a key change is incomplete; unlock the vault with its new passphrase first")
	}
	return nil
}

// PurgeHistory removes the earlier versions of the index (index.age.1 and
// on), which still hold removed and replaced values, and the blobs that
// only they refer to: what the user removed is then gone from the vault
// folder (not from backups or a sync service's history, nor necessarily
// from the disk's free space). It reports how many files it removed, and
// refuses while the vault has a problem, as CollectGarbage does.
func (v *Vault) PurgeHistory() (int, error) {
	lock, err := v.lockFresh()
	if err != nil {
		return 0, err
	}
	defer lock.Unlock()
	if err := v.canRemove(); err != nil {
		return 0, err
	}
	removed := 0
	for g := 1; g <= max(v.opts.Generations, 5); g++ {
		err := os.Remove(filepath.Join(v.dir, generationName(g)))
		if err == nil {
			removed++
		} else if !errors.Is(err, fs.ErrNotExist) {
			return removed, err
		}
	}
	if err := atomicfile.SyncDir(v.dir); err != nil {
		return removed, err
	}
	keep := map[string]bool{}
	for _, n := range v.index.Notices {
		keep[n.Blob] = true
	}
	// Blobs younger than orphanGrace may be another writer's, about to be
	// recorded; CollectGarbage takes them later if they are not.
	n, err := v.removeUnreferenced(keep, orphanGrace)
	return removed + n, err
}
