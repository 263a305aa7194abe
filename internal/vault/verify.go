package vault

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Problem is one thing Verify found wrong, naming the file.
type Problem struct {
	File string
	Err  error
}

func (p Problem) String() string { return fmt.Sprintf("%s: %v", p.File, p.Err) }

// VerifyReport is what Verify checked and found.
type VerifyReport struct {
	Files    int // files checked
	Bytes    int64
	Problems []Problem
	Orphans  []string // blobs no index refers to (removed by CollectGarbage after a while)
}

// Verify decrypts and checks every file of the vault: the index and its
// generations parse, every notice's blob decrypts to its recorded size and
// SHA-256 followed by zero padding only, and no blob is unaccounted for.
func (v *Vault) Verify() (*VerifyReport, error) {
	if v.identity == nil {
		return nil, errors.New("the vault is locked")
	}
	rep := &VerifyReport{}
	bad := func(file string, err error) {
		var d *DamagedError
		if errors.As(err, &d) {
			err = d.Err
		}
		rep.Problems = append(rep.Problems, Problem{file, err})
	}
	if err := CheckFormat(v.dir); err != nil {
		bad(formatFile, err)
	}
	rep.Files++
	rep.Files += 2 // identity.age opened at unlock
	if keyChangePending(v.dir) {
		bad(keyChangeDir, errors.New("a key change is not complete yet; unlocking with the new passphrase completes it"))
	}
	ix, fi, err := v.readIndexFile(indexFile)
	rep.Files++
	if err != nil {
		bad(indexFile, err)
		ix = v.index
	} else {
		rep.Bytes += fi.Size()
	}
	if sum, err := fileSHA256(current(v.dir, recoveryFile)); err != nil {
		bad(recoveryFile, err)
	} else if ix.RecoverySHA256 != "" && sum != ix.RecoverySHA256 {
		bad(recoveryFile, errors.New("it is not the file made with this vault's recovery key"))
	}
	switch _, err := v.readSigningKey(); {
	case err == nil:
		rep.Files++
	case errors.Is(err, fs.ErrNotExist) && ix.SigningPublicKey != "":
		bad(signingFile, errors.New("it is missing, and the index names a signing key"))
	case !errors.Is(err, fs.ErrNotExist):
		rep.Files++
		bad(signingFile, err)
	}
	for g := 1; g <= v.generations(); g++ {
		_, fi, err := v.readIndexFile(generationName(g))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		rep.Files++
		if err != nil {
			bad(generationName(g), err)
			continue
		}
		rep.Bytes += fi.Size()
	}
	referenced := map[string]bool{}
	for _, n := range ix.Notices {
		referenced[n.Blob] = true
		rep.Files++
		size, err := verifyBlob(v, n)
		rep.Bytes += size
		if err != nil {
			bad(blobsDir+"/"+n.Blob, err)
		}
	}
	entries, err := os.ReadDir(filepath.Join(v.dir, blobsDir))
	if err != nil {
		bad(blobsDir, err)
	}
	for _, e := range entries {
		if !referenced[e.Name()] {
			rep.Orphans = append(rep.Orphans, blobsDir+"/"+e.Name())
		}
	}
	return rep, nil
}

func verifyBlob(v *Vault, n *Notice) (int64, error) {
	path := filepath.Join(v.dir, blobsDir, n.Blob)
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	r, err := v.OpenBlob(n)
	if err != nil {
		return fi.Size(), err
	}
	defer r.Close()
	// The blob's reader checks the size and SHA-256 the index recorded.
	if _, err := io.Copy(io.Discard, r); err != nil {
		return fi.Size(), err
	}
	// The rest must be the padding: zeros, exactly as long as padding() says.
	tail := r.(*blobReader).r
	var buf [32 << 10]byte
	var pad int64
	for {
		k, err := tail.Read(buf[:])
		for _, c := range buf[:k] {
			if c != 0 {
				return fi.Size(), errors.New("its padding is not zeros")
			}
		}
		pad += int64(k)
		if err == io.EOF {
			break
		}
		if err != nil {
			return fi.Size(), err
		}
	}
	if pad != padding(n.Size) {
		return fi.Size(), fmt.Errorf("its padding is %d bytes, want %d", pad, padding(n.Size))
	}
	return fi.Size(), nil
}
