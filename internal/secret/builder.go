package secret

import (
	"crypto/rand"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/awnumar/memguard"
	"golang.org/x/crypto/nacl/secretbox"
)

// MaxBuilderLen is the most bytes a Builder holds: the shared scratch page,
// so that no edit needs locked memory of its own. It is far more than any
// passphrase a person types or pastes.
const MaxBuilderLen = scratchSize

// Builder assembles a secret piece by piece, as a passphrase is typed,
// without the value ever resting in ordinary memory. The value is kept
// sealed as a Secret's is; each change opens it into locked scratch memory,
// edits it there, seals the result under a fresh nonce and wipes the
// scratch, all under one opening of the sealing key: an edit costs about
// what a Use does.
//
// The zero value is empty and ready to use. A Builder is safe for
// concurrent use and must not be copied after first use.
//
// After [Purge] the sealed value cannot be opened: the next edit finds it
// gone, drops it and leaves the Builder empty.
type Builder struct {
	mu    sync.Mutex
	value *Secret // immutable; replaced, never changed, by each edit
	runes int
}

// AppendRune appends r in UTF-8 (U+FFFD if r is not a valid rune) and
// reports whether the value changed: not when it would outgrow
// MaxBuilderLen.
func (b *Builder) AppendRune(r rune) bool {
	var enc [utf8.UTFMax]byte
	n := utf8.EncodeRune(enc[:], r)
	defer memguard.WipeBytes(enc[:])
	return b.edit(n, func(v []byte) []byte {
		v = v[:len(v)+n]
		copy(v[len(v)-n:], enc[:n])
		return v
	})
}

// AppendString appends the bytes of s, all or nothing, and reports whether
// the value changed: not when s is empty or the value would outgrow
// MaxBuilderLen. s itself is the caller's copy and stays as it is (Go
// strings cannot be wiped).
func (b *Builder) AppendString(s string) bool {
	if s == "" {
		return false
	}
	return b.edit(len(s), func(v []byte) []byte {
		v = v[:len(v)+len(s)]
		copy(v[len(v)-len(s):], s)
		return v
	})
}

// DeleteLastRune removes the last UTF-8 sequence (or the last byte, where
// the value ends in invalid UTF-8) and reports whether there was one.
func (b *Builder) DeleteLastRune() bool {
	return b.edit(0, func(v []byte) []byte {
		_, size := utf8.DecodeLastRune(v)
		memguard.WipeBytes(v[len(v)-size:])
		return v[:len(v)-size]
	})
}

// Reset empties the builder. Secrets it gave out keep their value.
func (b *Builder) Reset() {
	b.mu.Lock()
	b.value, b.runes = nil, 0
	b.mu.Unlock()
}

// Len is the length of the value in bytes.
func (b *Builder) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.value.Len()
}

// RuneCount is the number of UTF-8 sequences in the value, each byte of
// invalid UTF-8 counting as one, as utf8.RuneCount counts them.
func (b *Builder) RuneCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.runes
}

// Secret returns the current value as a Secret, never nil. Later edits do
// not change it.
func (b *Builder) Secret() *Secret {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.value == nil {
		return &Secret{}
	}
	return b.value
}

// String prints a redaction, never the value.
func (b *Builder) String() string { return Redacted }

// GoString prints a redaction for %#v, never the value.
func (b *Builder) GoString() string { return Redacted }

// Format prints a redaction for every verb.
func (b *Builder) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(Redacted)) }

// edit opens the value into locked scratch memory with room for grow more
// bytes, lets change rewrite it there without reallocating, and seals what
// change returns as the new value. It reports whether the value changed:
// not when it is empty and stays so, nor when it would outgrow
// MaxBuilderLen. After a Purge the old value cannot be opened: the builder
// is left empty, which is a change if it held anything.
func (b *Builder) edit(grow int, change func(v []byte) []byte) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	old := b.value
	n := old.Len() + grow
	if n > MaxBuilderLen {
		return false
	}
	if n == 0 {
		return false
	}
	var next *Secret
	runes := 0
	err := keys.withKey(func(key *[32]byte) error {
		return keys.withScratch(n, func(scratch []byte) error {
			defer memguard.WipeBytes(scratch)
			v := scratch[:0]
			if old.Len() > 0 {
				var nonce [nonceSize]byte
				copy(nonce[:], old.sealed)
				var ok bool
				if v, ok = secretbox.Open(v, old.sealed[nonceSize:], &nonce, key); !ok {
					return ErrDestroyed
				}
			}
			v = change(v)
			runes = utf8.RuneCount(v)
			next = &Secret{}
			if len(v) > 0 {
				var nonce [nonceSize]byte
				rand.Read(nonce[:])
				next.sealed = secretbox.Seal(nonce[:], v, &nonce, key)
			}
			return nil
		})
	})
	if err != nil {
		b.value, b.runes = nil, 0
		return old.Len() > 0
	}
	b.value, b.runes = next, runes
	return true
}
