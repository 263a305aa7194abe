package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/windows"
)

// SyncDir is a no-op on Windows: NTFS journals renames, and directories
// cannot be opened for flushing.
func SyncDir(string) error { return nil }

// rename retries while another process (a virus scanner, a backup tool, an
// immivault reader) has the target open without FILE_SHARE_DELETE, for
// about 2.5 s in all; then it gives up with an error that says so.
func rename(from, to string) error {
	var err error
	for wait := 5 * time.Millisecond; wait < 2*time.Second; wait *= 2 {
		if err = os.Rename(from, to); err == nil || !sharingError(err) {
			return err
		}
		time.Sleep(wait)
	}
	return &heldOpenError{name: filepath.Base(to), err: err}
}

// heldOpenError is a replacement refused because another program keeps
// the file open. Its message is for the user, without the temporary
// file's name or the full paths the rename's own error carries.
type heldOpenError struct {
	name string
	err  error
}

func (e *heldOpenError) Error() string {
	return e.name + " is open in another program (a backup or antivirus tool, or another immivault), " +
		"so it could not be replaced; try again once that program has closed it"
}

func (e *heldOpenError) Unwrap() error { return e.err }

func sharingError(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED)
}
