package vault

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"filippo.io/age"
)

// A backup is one file, a tar archive that the tar program of every desktop
// reads, holding:
//
//	README.txt      how to read the backup without immivault, in the clear
//	format          the vault's format file
//	identity.age    the vault identity, to the passphrase of the day
//	recovery.age    the vault identity, to the recovery key of the day
//	vault.tar.age   a tar archive of the vault's files, encrypted to the
//	                vault identity: format, identity.age, recovery.age,
//	                signing.age, index.age and every blob index.age names
//
// The vault's files are already encrypted; the outer layer over them hides
// how many notices there are and their sizes, and makes the whole backup
// one age stream that one key opens. Nothing in the clear names a person.
// docs/backup.md is the contract.
const (
	backupReadme  = "README.txt"
	backupArchive = "vault.tar.age"
)

// maxSmallFile bounds the small files of a vault (identity, recovery,
// signing, format) read from a backup.
const maxSmallFile = 64 << 10

// BackupInfo describes a backup as it was written: what it holds, and the
// SHA-256 of each member of the backup file as it went out, which
// CheckBackup compares with what it reads back.
type BackupInfo struct {
	Made     time.Time
	Revision uint64
	Notices  int
	Size     int64 // bytes of the backup file
	files    map[string][sha256.Size]byte
}

// backupSnapshot is what a backup copies: the small files, read together under
// the write lock so that they belong to one revision, and the blobs that
// index.age names. Blobs are never rewritten, so they are read after the
// lock is released; a blob removed meanwhile (a key change, gc) fails the
// backup rather than leaving it incomplete.
type backupSnapshot struct {
	small    []smallFile
	blobs    []string
	revision uint64
	notices  int
}

type smallFile struct {
	name string
	data []byte
}

func (v *Vault) snapshotForBackup() (*backupSnapshot, error) {
	lock, err := v.lockFresh()
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	if keyChangePending(v.dir) {
		if err := v.finishKeyChange(); err != nil {
			return nil, fmt.Errorf("a key change is incomplete (%v); unlock the vault with its new passphrase first", err)
		}
	}
	s := &backupSnapshot{revision: v.index.Revision, notices: len(v.index.Notices)}
	for _, name := range []string{formatFile, identityFile, recoveryFile, signingFile, indexFile} {
		limit := int64(maxSmallFile)
		if name == indexFile {
			limit = maxIndexSize
		}
		data, err := readAtMost(filepath.Join(v.dir, name), limit)
		if errors.Is(err, fs.ErrNotExist) && name == signingFile {
			continue // a vault that never signed has none
		}
		if err != nil {
			return nil, damaged(name, err)
		}
		s.small = append(s.small, smallFile{name, data})
	}
	// The index just read may be newer than the one in memory if another
	// process saved between refresh and the read above; the lock rules
	// that out, so v.index is what index.age holds.
	seen := map[string]bool{}
	for _, n := range v.index.Notices {
		if !seen[n.Blob] {
			seen[n.Blob] = true
			s.blobs = append(s.blobs, n.Blob)
		}
	}
	return s, nil
}

func readAtMost(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = errors.New("too large")
	}
	return data, err
}

// WriteBackup writes a backup of the vault as it is now to w, which must be
// a new file (it seeks back once, to record the archive's size). Memory
// stays bounded whatever the notices' sizes: every file is streamed.
func (v *Vault) WriteBackup(w io.WriteSeeker, made time.Time) (BackupInfo, error) {
	if v.identity == nil {
		return BackupInfo{}, errors.New("the vault is locked")
	}
	s, err := v.snapshotForBackup()
	if err != nil {
		return BackupInfo{}, err
	}
	made = made.UTC().Truncate(time.Second)
	info := BackupInfo{Made: made, Revision: s.revision, Notices: s.notices, files: map[string][sha256.Size]byte{}}
	start, err := w.Seek(0, io.SeekCurrent)
	if err != nil {
		return info, err
	}
	outer := tar.NewWriter(w)
	member := func(name string, data []byte) error {
		if err := outer.WriteHeader(backupHeader(name, int64(len(data)), made)); err != nil {
			return err
		}
		info.files[name] = sha256.Sum256(data)
		_, err := outer.Write(data)
		return err
	}
	if err := member(backupReadme, []byte(backupReadmeText(made))); err != nil {
		return info, err
	}
	for _, f := range s.small {
		if f.name == formatFile || f.name == identityFile || f.name == recoveryFile {
			if err := member(f.name, f.data); err != nil {
				return info, err
			}
		}
	}
	if err := outer.Flush(); err != nil {
		return info, err
	}
	// vault.tar.age's size is known only once it is written: a placeholder
	// header now, the real one after.
	headerAt, err := w.Seek(0, io.SeekCurrent)
	if err != nil {
		return info, err
	}
	if _, err := w.Write(make([]byte, blockSize)); err != nil {
		return info, err
	}
	counted, sum := &countingWriter{w: w}, sha256.New()
	if err := v.writeArchive(io.MultiWriter(counted, sum), s); err != nil {
		return info, err
	}
	info.files[backupArchive] = [sha256.Size]byte(sum.Sum(nil))
	if pad := (blockSize - counted.n%blockSize) % blockSize; pad > 0 {
		if _, err := w.Write(make([]byte, pad)); err != nil {
			return info, err
		}
	}
	end, err := w.Seek(0, io.SeekCurrent)
	if err != nil {
		return info, err
	}
	header, err := headerBlock(backupHeader(backupArchive, counted.n, made))
	if err != nil {
		return info, err
	}
	if _, err := w.Seek(headerAt, io.SeekStart); err != nil {
		return info, err
	}
	if _, err := w.Write(header); err != nil {
		return info, err
	}
	if _, err := w.Seek(end, io.SeekStart); err != nil {
		return info, err
	}
	// The end of the archive: two zero blocks.
	if _, err := w.Write(make([]byte, 2*blockSize)); err != nil {
		return info, err
	}
	info.Size = end + 2*blockSize - start
	return info, nil
}

const blockSize = 512

// writeArchive writes vault.tar.age's content: the vault's files as a tar
// archive, encrypted to the vault identity.
func (v *Vault) writeArchive(w io.Writer, s *backupSnapshot) error {
	enc, err := age.Encrypt(w, v.recipient)
	if err != nil {
		return err
	}
	inner := tar.NewWriter(enc)
	for _, f := range s.small {
		if err := inner.WriteHeader(backupHeader(f.name, int64(len(f.data)), time.Time{})); err != nil {
			return err
		}
		if _, err := inner.Write(f.data); err != nil {
			return err
		}
	}
	for _, blob := range s.blobs {
		if err := copyBlobInto(inner, v.dir, blob); err != nil {
			return err
		}
	}
	if err := inner.Close(); err != nil {
		return err
	}
	return enc.Close()
}

func copyBlobInto(inner *tar.Writer, dir, blob string) error {
	name := blobsDir + "/" + blob
	f, err := os.Open(filepath.Join(dir, blobsDir, blob))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s went away while the backup was made (the vault changed); make the backup again", name)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if err := inner.WriteHeader(backupHeader(name, st.Size(), time.Time{})); err != nil {
		return err
	}
	if n, err := io.Copy(inner, f); err != nil {
		return err
	} else if n != st.Size() {
		return fmt.Errorf("%s changed size while the backup was made; make the backup again", name)
	}
	return nil
}

// backupHeader is a member's header: ustar, a regular file readable by its
// owner only. Inner members carry no time (nothing to learn from it).
func backupHeader(name string, size int64, mod time.Time) *tar.Header {
	return &tar.Header{Typeflag: tar.TypeReg, Name: name, Size: size, Mode: 0o600, ModTime: mod, Format: tar.FormatUSTAR}
}

// headerBlock is the 512 bytes tar writes for h.
func headerBlock(h *tar.Header) ([]byte, error) {
	var b bytes.Buffer
	if err := tar.NewWriter(&b).WriteHeader(h); err != nil {
		return nil, err
	}
	if b.Len() != blockSize {
		return nil, fmt.Errorf("tar header of %d bytes", b.Len())
	}
	return b.Bytes(), nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func backupReadmeText(made time.Time) string {
	return `This is a backup of an immivault vault, made ` + made.Format("2006-01-02 15:04 UTC") + `.

Restore it with immivault ("Restore from a backup" on the first screen, or
immivault-cli restore FILE). It opens with the vault's passphrase or its
recovery key as they were on that day: after a passphrase change, an older
backup still wants the older passphrase.

To read it without immivault, with the tar program and the age program
(version 1.3 or later) and the recovery key saved in recovery-key.txt:

    tar -xf THIS-FILE
    age -d -i recovery-key.txt recovery.age > identity.txt
    age -d -i identity.txt vault.tar.age > vault.tar
    mkdir vault && tar -xf vault.tar -C vault

vault/ is then the vault folder as it was. The file format.md in
immivault's documentation says how to read its files with the same
identity.txt. Delete identity.txt and vault.tar when done: they are not
encrypted.
`
}
