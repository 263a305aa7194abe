// Package filelock takes an exclusive advisory lock on a sidecar file, so
// that writers of a vault take turns while readers, who never lock, go on.
// The lock dies with its process, so a crash never leaves a vault stuck.
package filelock

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// BusyError says who holds the lock.
type BusyError struct {
	PID int // 0 when the holder could not be read
}

func (e *BusyError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("vault is in use by another immivault process (pid %d)", e.PID)
	}
	return "vault is in use by another immivault process"
}

// Lock is a held lock. Release it with Unlock.
type Lock struct{ f *os.File }

// Acquire takes the lock at path, retrying until timeout. It records this
// process's pid in the file for the error another process will show.
func Acquire(path string, timeout time.Duration) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for wait := time.Millisecond; ; wait = min(wait*2, 50*time.Millisecond) {
		err = tryLock(f)
		if err == nil {
			break
		}
		if !errors.Is(err, errBusy) || time.Now().After(deadline) {
			f.Close()
			if errors.Is(err, errBusy) {
				return nil, &BusyError{PID: holder(path)}
			}
			return nil, err
		}
		time.Sleep(wait)
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock. The file stays: removing it would race with a
// process that has just opened it.
func (l *Lock) Unlock() error {
	unlock(l.f)
	return l.f.Close()
}

func holder(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(string(bytes.TrimSpace(b)))
	return pid
}

var errBusy = errors.New("lock is held")
