package atomicfile

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// SyncDir is a no-op on Windows: NTFS journals renames, and directories
// cannot be opened for flushing.
func SyncDir(string) error { return nil }

// rename retries while another process (a virus scanner, a backup tool, an
// immivault reader) has the target open without FILE_SHARE_DELETE.
func rename(from, to string) error {
	var err error
	for wait := 5 * time.Millisecond; wait < 2*time.Second; wait *= 2 {
		if err = os.Rename(from, to); err == nil || !sharingError(err) {
			return err
		}
		time.Sleep(wait)
	}
	return err
}

func sharingError(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED)
}
