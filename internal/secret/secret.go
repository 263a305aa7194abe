// Package secret holds small secrets (identifier values, the vault identity,
// passphrases) in memguard enclaves: encrypted while at rest in memory, and
// decrypted into locked, guarded pages only for the length of one callback.
//
// # Locked memory
//
// memguard locks every open buffer into RAM with mlock, and panics when the
// process runs out of locked memory (RLIMIT_MEMLOCK is often 64 KiB). This
// package never lets that happen: every memguard call first reserves its
// pages from a budget sized by [Preflight], and waits its turn when the
// budget is in use. When the limit is too small even for that, secrets are
// kept in ordinary memory and [Preflight] says so.
//
// # What this cannot protect
//
// Bytes handed to a callback of [Secret.Use] are plaintext for the length of
// the call; anything the callback copies elsewhere (a JSON encoder, an age
// stream, a widget) is outside this package's care. Go strings cannot be
// wiped, so APIs here take and give []byte.
package secret

import (
	"errors"
	"fmt"

	"github.com/awnumar/memguard"
)

// Redacted is what a Secret prints in place of its value.
const Redacted = "[redacted]"

// Secret is an immutable secret value. The zero value and nil are the empty
// secret. A Secret is safe for concurrent use.
type Secret struct {
	enclave *memguard.Enclave
	plain   []byte // only when locked memory is unavailable (see Preflight)
	size    int
}

// ErrDestroyed is returned by Use after Purge invalidated the secret.
var ErrDestroyed = errors.New("the vault is locked")

// New seals b into a Secret and wipes b. An empty b gives the empty secret.
func New(b []byte) *Secret {
	s := &Secret{size: len(b)}
	if len(b) == 0 {
		return s
	}
	if !budget.locked() {
		s.plain = make([]byte, len(b))
		copy(s.plain, b)
		memguard.WipeBytes(b)
		plainSecrets.Lock()
		plainSecrets.all = append(plainSecrets.all, s)
		plainSecrets.Unlock()
		return s
	}
	release := budget.acquire(keyViewPages)
	defer release()
	s.enclave = memguard.NewEnclave(b) // wipes b
	return s
}

// Len is the length of the secret in bytes.
func (s *Secret) Len() int {
	if s == nil {
		return 0
	}
	return s.size
}

// IsEmpty reports whether the secret holds no bytes.
func (s *Secret) IsEmpty() bool { return s.Len() == 0 }

// Use decrypts the secret into locked memory, calls f with it, and destroys
// the plaintext before returning, whatever f does. f must not keep b.
func (s *Secret) Use(f func(b []byte) error) error {
	if s.Len() == 0 {
		return f(nil)
	}
	if s.enclave == nil {
		if s.plain == nil {
			return ErrDestroyed
		}
		return f(s.plain)
	}
	release := budget.acquire(keyViewPages + pagesFor(s.size))
	defer release()
	buf, err := s.enclave.Open()
	if err != nil {
		// After Purge the enclave key is gone: the only failure Open has.
		return ErrDestroyed
	}
	defer buf.Destroy()
	return f(buf.Bytes())
}

// Equal reports whether two secrets hold the same bytes, in constant time
// for equal lengths.
func (s *Secret) Equal(o *Secret) bool {
	if s.Len() != o.Len() {
		return false
	}
	equal := false
	_ = s.Use(func(a []byte) error {
		return o.Use(func(b []byte) error {
			equal = subtleEqual(a, b)
			return nil
		})
	})
	return equal
}

// String prints a redaction, never the value.
func (s *Secret) String() string { return Redacted }

// GoString prints a redaction for %#v, never the value.
func (s *Secret) GoString() string { return Redacted }

// Format prints a redaction for every verb, so that %x, %q or %s of a
// Secret inside a struct cannot reveal it either.
func (s *Secret) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(Redacted)) }

// MarshalText refuses: a Secret must be written out deliberately with Use.
func (s *Secret) MarshalText() ([]byte, error) {
	return nil, errors.New("secret: refusing to marshal a secret value")
}

// Purge destroys every open buffer and the key that protects every enclave:
// all Secrets become unusable. Call it on lock and on exit.
func Purge() {
	if budget.locked() {
		memguard.Purge()
	}
	plainPurge()
}
