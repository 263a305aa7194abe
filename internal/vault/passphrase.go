package vault

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strconv"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/scrypt"

	"immivault/internal/secret"
)

// age's own ScryptRecipient and ScryptIdentity take the passphrase as a Go
// string, which cannot be wiped. These two speak the same stanza
// (age-encryption.org/v1 "scrypt") but read the passphrase from a Secret
// for the length of the key derivation only. A test checks that age's
// implementation and this one open each other's files.

const (
	scryptLabel    = "age-encryption.org/v1/scrypt"
	scryptSaltSize = 16
	fileKeySize    = 16
	// maxWorkFactor caps the work a hostile identity.age can demand:
	// 2^22 is ~16 s and 4 GiB, past which we refuse.
	maxWorkFactor = 22
)

var b64 = base64.RawStdEncoding.Strict()

type passphraseRecipient struct {
	pass *secret.Secret
	logN int
}

var _ age.RecipientWithLabels = &passphraseRecipient{}

func (r *passphraseRecipient) Wrap(fileKey []byte) ([]*age.Stanza, error) {
	salt := make([]byte, scryptSaltSize)
	rand.Read(salt)
	var wrapped []byte
	err := withScryptKey(r.pass, salt, r.logN, func(aead cipher.AEAD) error {
		wrapped = aead.Seal(nil, make([]byte, chacha20poly1305.NonceSize), fileKey, nil)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []*age.Stanza{{
		Type: "scrypt",
		Args: []string{b64.EncodeToString(salt), strconv.Itoa(r.logN)},
		Body: wrapped,
	}}, nil
}

// WrapWithLabels gives a random label, so that age refuses to mix this
// recipient with any other: a passphrase file must have it alone.
func (r *passphraseRecipient) WrapWithLabels(fileKey []byte) ([]*age.Stanza, []string, error) {
	s, err := r.Wrap(fileKey)
	label := make([]byte, 16)
	rand.Read(label)
	return s, []string{hex.EncodeToString(label)}, err
}

type passphraseIdentity struct{ pass *secret.Secret }

var _ age.Identity = &passphraseIdentity{}

func (i *passphraseIdentity) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	// age's Identity contract: a file this identity cannot open says
	// ErrIncorrectIdentity, so that a caller trying several identities
	// (a bundle opened with the vault's key and a passphrase) moves on.
	// An scrypt stanza must be alone (age forbids mixing it), and that is
	// a malformed file, not a mismatch.
	if !slices.ContainsFunc(stanzas, func(s *age.Stanza) bool { return s.Type == "scrypt" }) {
		return nil, fmt.Errorf("not a passphrase-encrypted file: %w", age.ErrIncorrectIdentity)
	}
	if len(stanzas) != 1 {
		return nil, errors.New("a passphrase-encrypted file must have no other recipients")
	}
	s := stanzas[0]
	if len(s.Args) != 2 {
		return nil, errors.New("invalid scrypt stanza")
	}
	salt, err := b64.DecodeString(s.Args[0])
	if err != nil || len(salt) != scryptSaltSize {
		return nil, errors.New("invalid scrypt salt")
	}
	logN, err := strconv.Atoi(s.Args[1])
	if err != nil || logN < 1 || strconv.Itoa(logN) != s.Args[1] {
		return nil, errors.New("invalid scrypt work factor")
	}
	if logN > maxWorkFactor {
		return nil, fmt.Errorf("scrypt work factor 2^%d is too large", logN)
	}
	if len(s.Body) != fileKeySize+chacha20poly1305.Overhead {
		return nil, errors.New("invalid scrypt stanza body")
	}
	var fileKey []byte
	err = withScryptKey(i.pass, salt, logN, func(aead cipher.AEAD) error {
		fileKey, err = aead.Open(nil, make([]byte, chacha20poly1305.NonceSize), s.Body, nil)
		if err != nil {
			return age.ErrIncorrectIdentity
		}
		return nil
	})
	return fileKey, err
}

// withScryptKey derives the key of an scrypt stanza from the passphrase
// and the salt, at work factor 2^logN, and calls f with it, wiped after.
func withScryptKey(pass *secret.Secret, salt []byte, logN int, f func(cipher.AEAD) error) error {
	return pass.Use(func(p []byte) error {
		k, err := scrypt.Key(p, append([]byte(scryptLabel), salt...), 1<<logN, 8, 1, chacha20poly1305.KeySize)
		releaseScryptMemory()
		if err != nil {
			return err
		}
		defer clear(k)
		aead, err := chacha20poly1305.New(k)
		if err != nil {
			return err
		}
		return f(aead)
	})
}

// releaseScryptMemory hands scrypt's 256 MiB back to the OS as soon as the
// key is derived. Left to the collector, that garbage would set the heap
// goal to twice its size, and the next 256 MiB of short-lived buffers
// (age allocates one per 64 KiB chunk it decrypts) would pile up on top of
// it: reading a large notice peaked at 516 MiB RSS instead of 263.
func releaseScryptMemory() { debug.FreeOSMemory() }
