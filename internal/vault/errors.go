package vault

import (
	"errors"
	"fmt"
)

// ErrWrongPassphrase is returned when the passphrase does not open
// identity.age. A damaged identity.age looks the same (scrypt cannot tell),
// which the CLI's message mentions; the recovery key opens recovery.age, a
// separate copy.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// ErrWrongRecoveryKey is returned when a recovery key does not open recovery.age.
var ErrWrongRecoveryKey = errors.New("wrong recovery key")

// ErrNoVault means the directory holds no vault.
var ErrNoVault = errors.New("no vault here")

// DamagedError names a vault file that failed to decrypt or parse.
type DamagedError struct {
	File string // relative to the vault directory, e.g. "index.age", "blobs/xyz.age"
	Err  error
}

func (e *DamagedError) Error() string { return fmt.Sprintf("%s is damaged: %v", e.File, e.Err) }
func (e *DamagedError) Unwrap() error { return e.Err }

func damaged(file string, err error) error { return &DamagedError{File: file, Err: err} }

// NotFoundError is a lookup miss a person can act on.
type NotFoundError struct{ What, Name string }

func (e *NotFoundError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("no %s in this vault", e.What)
	}
	return fmt.Sprintf("no %s %q in this vault", e.What, e.Name)
}
