// Package secret holds small secrets (identifier values, the vault identity,
// passphrases) encrypted in memory, and decrypts them into locked, guarded
// pages only for the length of one callback.
//
// # Design
//
// Each Secret is sealed (XSalsa20-Poly1305, as memguard's own enclaves are)
// under a per-process sealing key that lives in a memguard.Enclave, itself
// protected by memguard's coffer. Opening a memguard enclave costs a dozen
// system calls (mmap, mlock, mprotect, munmap for the key view and the
// buffer), ~120 µs; a vault with 400 identifiers would spend 50 ms of every
// save doing that. [Hold] keeps the sealing key open in a locked buffer
// for a batch, so that each Use within it is a decryption into a locked
// scratch page, ~1 µs. See docs/adr/0002-secrets-in-memory.md.
//
// # Locked memory
//
// memguard locks every open buffer into RAM with mlock, and panics when the
// process runs out of locked memory (RLIMIT_MEMLOCK is often 64 KiB). This
// package never lets that happen: every buffer it opens first reserves its
// pages from a budget sized by [Preflight], and waits its turn when the
// budget is in use. When the limit is too small even for that, plaintext
// goes to ordinary memory and [Preflight] says so.
//
// # What this cannot protect
//
// Bytes handed to a callback of [Secret.Use] are plaintext for the length of
// the call; anything the callback copies elsewhere (a JSON encoder, an age
// stream, a widget) is outside this package's care. Go strings cannot be
// wiped, so APIs here take and give []byte.
package secret

import (
	"crypto/rand"
	"errors"
	"fmt"

	"github.com/awnumar/memguard"
	"golang.org/x/crypto/nacl/secretbox"
)

// Redacted is what a Secret prints in place of its value.
const Redacted = "[redacted]"

const (
	nonceSize = 24
	overhead  = nonceSize + secretbox.Overhead
)

// Secret is an immutable secret value. The zero value and nil are the empty
// secret. A Secret is safe for concurrent use.
type Secret struct {
	sealed []byte // nonce || secretbox(value); ordinary memory, ciphertext only
}

// ErrDestroyed is returned by Use after Purge destroyed the sealing key.
var ErrDestroyed = errors.New("the vault is locked")

// New seals b into a Secret and wipes b. An empty b gives the empty secret.
func New(b []byte) *Secret {
	s := &Secret{}
	if len(b) == 0 {
		return s
	}
	defer memguard.WipeBytes(b)
	err := keys.withKey(func(key *[32]byte) error {
		var nonce [nonceSize]byte
		rand.Read(nonce[:])
		s.sealed = secretbox.Seal(nonce[:], b, &nonce, key)
		return nil
	})
	if err != nil {
		// Only a purge racing this call gets here; the secret is unusable,
		// as every secret is after a purge.
		s.sealed = make([]byte, overhead+len(b))
	}
	return s
}

// Len is the length of the secret in bytes.
func (s *Secret) Len() int {
	if s == nil || len(s.sealed) == 0 {
		return 0
	}
	return len(s.sealed) - overhead
}

// IsEmpty reports whether the secret holds no bytes.
func (s *Secret) IsEmpty() bool { return s.Len() == 0 }

// Use decrypts the secret into locked memory, calls f with it, and wipes
// the plaintext before returning, whatever f does. f must not keep b.
func (s *Secret) Use(f func(b []byte) error) error {
	if s.Len() == 0 {
		return f(nil)
	}
	return keys.withKey(func(key *[32]byte) error {
		return keys.withScratch(s.Len(), func(scratch []byte) error {
			plain, ok := s.open(scratch[:0], key)
			if !ok {
				return ErrDestroyed // sealed under a key that Purge destroyed
			}
			defer memguard.WipeBytes(plain)
			return f(plain)
		})
	})
}

// open decrypts s, appending the plaintext to dst.
func (s *Secret) open(dst []byte, key *[32]byte) ([]byte, bool) {
	var nonce [nonceSize]byte
	copy(nonce[:], s.sealed)
	return secretbox.Open(dst, s.sealed[nonceSize:], &nonce, key)
}

// Equal reports whether two secrets hold the same bytes, in constant time
// for equal lengths. Both are opened into one locked buffer: taking two in
// turn could deadlock with other goroutines when locked memory is short.
func (s *Secret) Equal(o *Secret) bool {
	n := s.Len()
	if n != o.Len() {
		return false
	}
	if n == 0 {
		return true
	}
	equal := false
	_ = keys.withKey(func(key *[32]byte) error {
		return keys.withScratch(2*n, func(scratch []byte) error {
			defer memguard.WipeBytes(scratch[:2*n])
			a, okA := s.open(scratch[:0:n], key)
			b, okB := o.open(scratch[n:n:2*n], key)
			equal = okA && okB && subtleEqual(a, b)
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

// Hold keeps the sealing key open in locked memory until release is
// called, so that many New and Use calls in a row (loading or saving an
// index) skip opening it each time. Holds nest and may overlap.
func Hold() (release func()) {
	if err := keys.hold(); err != nil {
		return func() {}
	}
	return keys.release
}

// Purge destroys the sealing key and every locked buffer: all Secrets made
// so far become unusable. Call it on lock and on exit, when no Use is
// running.
func Purge() {
	keys.purge()
	memguard.Purge()
}
