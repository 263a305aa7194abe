//go:build !windows

package atomicfile

import "os"

// SyncDir flushes a directory's entries, making renames and new files in it
// durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

func rename(from, to string) error { return os.Rename(from, to) }
