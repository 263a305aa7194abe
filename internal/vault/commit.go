package vault

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"filippo.io/age"

	"immivault/internal/atomicfile"
	"immivault/internal/filelock"
)

// Update applies change to the newest records and saves them. It holds the
// vault's write lock throughout and re-reads index.age first if another
// process saved since we last looked, so concurrent writers never lose
// each other's changes. If change fails, nothing is saved.
func (v *Vault) Update(change func(ix *Index) error) error {
	if v.identity == nil {
		return errors.New("the vault is locked")
	}
	lock, err := acquireLock(v)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	return v.updateLocked(change)
}

// updateLocked is Update for a caller that holds the write lock.
func (v *Vault) updateLocked(change func(ix *Index) error) error {
	// A save must not go to index.age while a key change's copy shadows it.
	if err := v.finishKeyChange(); err != nil {
		return err
	}
	if err := v.refresh(); err != nil {
		return err
	}
	// change works on a copy that shares the Secrets (which are immutable):
	// a failed change leaves v.index as it was.
	next := v.index.clone()
	merged, copies := v.mergeConflictCopies(next)
	if err := change(next); err != nil {
		return err
	}
	next.descend(v.index)
	next.Revision = v.index.Revision + 1
	next.Saved = now().UTC().Truncate(1e6)
	if err := v.commit(next); err != nil {
		return err
	}
	// Only now that the merged records are saved may the copies go.
	for _, name := range copies {
		os.Remove(filepath.Join(v.dir, name))
	}
	v.Merged = append(v.Merged, merged...)
	return nil
}

// Refresh re-reads index.age if another process changed it.
func (v *Vault) Refresh() error { return v.refresh() }

func (v *Vault) refresh() error {
	fi, err := os.Stat(current(v.dir, indexFile))
	if err == nil && v.stamp != nil && os.SameFile(fi, v.stamp) &&
		fi.ModTime().Equal(v.stamp.ModTime()) && fi.Size() == v.stamp.Size() {
		return nil
	}
	return v.load()
}

// load reads index.age, falling back to the newest previous generation that
// opens if it is damaged, and says so in Warnings.
func (v *Vault) load() error {
	ix, fi, err := v.readIndexFile(indexFile)
	if err == nil {
		v.index, v.stamp = ix, fi
		return nil
	}
	first := err
	for g := 1; g <= v.generations(); g++ {
		name := generationName(g)
		ix, _, err := v.readIndexFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			continue
		}
		v.index, v.stamp = ix, nil
		v.warn(fmt.Sprintf("%v; opened the previous version from %s (revision %d, saved %s): changes after it are lost",
			first, name, ix.Revision, ix.Saved.Local().Format("2006-01-02 15:04")))
		return nil
	}
	return first
}

func generationName(g int) string { return indexFile + "." + strconv.Itoa(g) }

// generations is how many previous indexes to look at: none while a key
// change is being completed, since those are encrypted to the old key and
// about to be removed.
func (v *Vault) generations() int {
	if keyChangePending(v.dir) {
		return 0
	}
	return v.opts.Generations
}

// readIndexFile decrypts, authenticates and parses one index file. The
// plaintext goes into one buffer sized from the file, which is wiped after
// parsing.
func (v *Vault) readIndexFile(name string) (*Index, os.FileInfo, error) {
	id, err := v.decrypter()
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(current(v.dir, name))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		return nil, nil, damaged(name, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, damaged(name, err)
	}
	if fi.Size() > maxIndexSize {
		return nil, nil, damaged(name, fmt.Errorf("it is larger than %d MiB", maxIndexSize>>20))
	}
	r, err := age.Decrypt(f, id)
	if err != nil {
		return nil, nil, damaged(name, err)
	}
	buf := make([]byte, fi.Size()+1)
	defer clear(buf)
	n, err := io.ReadFull(r, buf)
	if err != io.ErrUnexpectedEOF {
		if err == nil {
			err = errors.New("it is longer than its ciphertext")
		}
		return nil, nil, damaged(name, err)
	}
	if err := v.checkAuth(buf[:n]); err != nil {
		return nil, nil, damaged(name, err)
	}
	ix, err := readIndex(buf[:n])
	if err != nil {
		return nil, nil, damaged(name, err)
	}
	return ix, fi, nil
}

// commit makes next the vault's index: previous generations shift down,
// the current index.age becomes index.age.1 (a hard link, so index.age is
// never missing), and next replaces index.age atomically. Blobs next refers
// to must already be on disk.
func (v *Vault) commit(next *Index) error {
	cur := filepath.Join(v.dir, indexFile)
	if _, err := os.Stat(cur); err == nil {
		if err := v.rotate(); err != nil {
			return err
		}
	}
	if err := v.writeIndexFile(cur, next); err != nil {
		return err
	}
	fi, err := os.Stat(cur)
	if err != nil {
		return err
	}
	v.index, v.stamp = next, fi
	return nil
}

// rotate shifts index.age.(N-1) to .N, ..., and links index.age as .1.
// Each step is one rename or link: a crash in between leaves a duplicate
// generation at worst, never a missing index.age.
func (v *Vault) rotate() error {
	path := func(g int) string { return filepath.Join(v.dir, generationName(g)) }
	for g := v.opts.Generations - 1; g >= 1; g-- {
		if err := os.Rename(path(g), path(g+1)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.Remove(path(1)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	cur := filepath.Join(v.dir, indexFile)
	if err := os.Link(cur, path(1)); err != nil {
		return copyFile(cur, path(1))
	}
	return nil
}

// copyFile is rotate's fallback on file systems without hard links.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	return atomicfile.Write(to, 0o600, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
}

// clone copies the record lists and the records, so that a change to the
// copy leaves the original alone. Secret values are immutable and shared.
func (ix *Index) clone() *Index {
	c := *ix
	c.People = cloneAll(ix.People)
	c.Identifiers = cloneAll(ix.Identifiers)
	c.Cases = cloneAll(ix.Cases)
	c.Notices = cloneAll(ix.Notices)
	c.Events = cloneAll(ix.Events)
	c.Contacts = cloneAll(ix.Contacts)
	c.Logins = cloneAll(ix.Logins)
	c.Trips = cloneAll(ix.Trips)
	for _, l := range c.Logins {
		l.BackupCodes = slices.Clone(l.BackupCodes)
		l.Questions = slices.Clone(l.Questions)
	}
	c.Handled = cloneHandled(ix.Handled)
	if ix.Synced != nil {
		c.Synced = make(map[string][]time.Time, len(ix.Synced))
		for id, versions := range ix.Synced {
			c.Synced[id] = slices.Clone(versions)
		}
	}
	for _, n := range c.Notices {
		n.Fields = maps.Clone(n.Fields)
	}
	return &c
}

func cloneAll[T any](s []*T) []*T {
	out := make([]*T, len(s))
	for i, p := range s {
		c := *p
		out[i] = &c
	}
	return out
}

func acquireLock(v *Vault) (*filelock.Lock, error) {
	return filelock.Acquire(filepath.Join(v.dir, lockFile), v.opts.LockTimeout)
}

// lockFresh takes the write lock and reads the newest index, for a change
// made under the lock; the caller releases the lock.
func (v *Vault) lockFresh() (*filelock.Lock, error) {
	lock, err := acquireLock(v)
	if err != nil {
		return nil, err
	}
	if err := v.refresh(); err != nil {
		lock.Unlock()
		return nil, err
	}
	return lock, nil
}

// warn adds a warning once: a reload that falls back again says nothing new.
func (v *Vault) warn(w string) {
	if !slices.Contains(v.Warnings, w) {
		v.Warnings = append(v.Warnings, w)
	}
}
