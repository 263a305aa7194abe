// Package backup keeps a folder of vault backups: it writes a new one
// safely (a temporary file, flushed, read back, then renamed), names it by
// the time it was made, tells when the last one was, and thins out old ones
// (the last 10, then one a day for a month, one a month for two years).
//
// What a backup file holds is the vault's business (vault.WriteBackup,
// docs/backup.md); this package only decides where backups go and which
// stay.
package backup

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"immivault/internal/atomicfile"
	"immivault/internal/vault"
)

// Backup is one backup file in a folder.
type Backup struct {
	Path string
	Made time.Time
	Size int64
}

const (
	prefix = "immivault-backup-"
	suffix = ".tar"
	// stamp is the time in a file name: UTC, sortable, without the colons
	// Windows refuses in names.
	stamp = "2006-01-02T150405Z"
)

// Name is the file name of a backup made at made.
func Name(made time.Time) string {
	return prefix + made.UTC().Format(stamp) + suffix
}

// parseName reads the time from a backup's file name.
func parseName(name string) (time.Time, bool) {
	s, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return time.Time{}, false
	}
	s, ok = strings.CutSuffix(s, suffix)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(stamp, s)
	return t, err == nil
}

// Write makes a backup of v in dir (made now), checks it by reading it
// back, and then thins out the older backups there. It returns the new
// backup and how many old ones it removed.
func Write(v *vault.Vault, dir string, now time.Time) (Backup, int, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, 0, err
	}
	made := now.UTC().Truncate(time.Second)
	path := filepath.Join(dir, Name(made))
	if _, err := os.Lstat(path); err == nil {
		return Backup{}, 0, fmt.Errorf("%s already exists; wait a second and try again", path)
	}
	tmp, err := tempFile(dir)
	if err != nil {
		return Backup{}, 0, err
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing is there
	info, err := writeChecked(v, tmp, made)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return Backup{}, 0, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return Backup{}, 0, err
	}
	if err := atomicfile.SyncDir(dir); err != nil {
		return Backup{}, 0, err
	}
	removed, err := Prune(dir, now)
	return Backup{Path: path, Made: made, Size: info.Size}, removed, err
}

// tempFile is a new file in dir, named so that List never takes it for a
// backup.
func tempFile(dir string) (*os.File, error) {
	b := make([]byte, 6)
	rand.Read(b)
	return os.OpenFile(filepath.Join(dir, ".immivault-backup-"+hex.EncodeToString(b)+".tmp"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}

// writeChecked writes the backup to f, then flushes it to the disk while
// it reads it back from the start: both are needed before the rename, and
// the one waits on the disk while the other works the processor.
func writeChecked(v *vault.Vault, f *os.File, made time.Time) (vault.BackupInfo, error) {
	info, err := v.WriteBackup(f, made)
	if err != nil {
		return info, err
	}
	synced := make(chan error, 1)
	go func() { synced <- f.Sync() }()
	checkErr := v.CheckBackup(io.NewSectionReader(f, 0, info.Size), info)
	if err := <-synced; err != nil {
		return info, err
	}
	return info, checkErr
}

// List is the backups in dir, newest first. A folder that does not exist
// has none.
func List(dir string) ([]Backup, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		made, ok := parseName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, e.Name()), Made: made, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Made.After(out[j].Made) })
	return out, nil
}

// Last is the newest backup in dir, if any.
func Last(dir string) (Backup, bool, error) {
	all, err := List(dir)
	if err != nil || len(all) == 0 {
		return Backup{}, false, err
	}
	return all[0], true, nil
}
