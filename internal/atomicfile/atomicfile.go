// Package atomicfile replaces files so that a crash at any instant leaves
// either the old or the new content, never a mix and never nothing.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write writes the output of fill to a temporary file beside path, flushes
// it to stable storage, renames it over path and flushes the directory, so
// that the rename itself survives a power cut. fill's error aborts the write
// and leaves path untouched.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("failed to flush %s: %w", base, err)
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = rename(tmp, path); err != nil {
		return err
	}
	return SyncDir(dir)
}

// Create makes a new file at path that must not exist yet, fills it, and
// flushes it and its directory. On error the partial file is removed. It is
// made for large files: fill's writes reach the file on another goroutine.
func Create(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(path)
		}
	}()
	bw := newBackgroundWriter(f)
	err = fill(bw)
	if cerr := bw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("failed to flush %s: %w", filepath.Base(path), err)
	}
	if err = f.Close(); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(path))
}
