package totp

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"hash"
	"strconv"
	"time"

	"github.com/awnumar/memguard"

	"immivault/internal/secret"
)

// Algorithm is the HMAC's hash function, as an otpauth URI names it.
type Algorithm string

const (
	SHA1   Algorithm = "SHA1" // what nearly every site uses, and the default
	SHA256 Algorithm = "SHA256"
	SHA512 Algorithm = "SHA512"
)

func (a Algorithm) hash() (func() hash.Hash, int, bool) {
	switch a {
	case SHA1:
		return sha1.New, sha1.BlockSize, true
	case SHA256:
		return sha256.New, sha256.BlockSize, true
	case SHA512:
		return sha512.New, sha512.BlockSize, true
	}
	return nil, 0, false
}

// Bounds on what a Key may be. Sites use 6 digits and 30 s; the RFC
// allows the rest, and authenticator apps follow these bounds.
const (
	MinDigits, MaxDigits = 6, 8
	MinKeyLen, MaxKeyLen = 10, 128 // bytes: 80 bits is what the shortest sites give
	MaxLabelLen          = 200     // bytes of the label or the issuer
)

// Key is one account's 2-step verification key and how codes are made
// from it. The zero Algorithm, Digits and Period are not valid: Parse and
// NewKey fill them in.
type Key struct {
	Secret    *secret.Secret // the shared key's bytes, decoded from base32
	Algorithm Algorithm
	Digits    int
	Period    int // seconds: 30 or 60
	// Label and Issuer are what the site named the account and itself
	// ("USCIS:maria@example.com", "USCIS"); both may be empty.
	Label, Issuer string
}

// Check reports what is wrong with k's parameters, as one line.
func (k *Key) Check() error {
	if _, _, ok := k.Algorithm.hash(); !ok {
		return errors.New("the 2-step algorithm must be SHA1, SHA256 or SHA512")
	}
	if k.Digits < MinDigits || k.Digits > MaxDigits {
		return errors.New("2-step codes have 6, 7 or 8 digits")
	}
	if k.Period != 30 && k.Period != 60 {
		return errors.New("2-step codes change every 30 or 60 seconds")
	}
	if n := k.Secret.Len(); n < MinKeyLen || n > MaxKeyLen {
		return errors.New("the 2-step secret must be 16 to 205 base32 characters (10 to 128 bytes)")
	}
	if err := checkText("label", k.Label); err != nil {
		return err
	}
	return checkText("issuer", k.Issuer)
}

// Counter is the RFC 6238 time step that t falls in.
func (k *Key) Counter(t time.Time) uint64 {
	return uint64(t.Unix()) / uint64(k.Period)
}

// Code is the code for the time t. It is a string because it is shown,
// and it is worth nothing a period later.
func (k *Key) Code(t time.Time) (string, error) {
	if err := k.Check(); err != nil {
		return "", err
	}
	if t.Unix() < 0 {
		return "", errors.New("no 2-step code before 1970")
	}
	n, err := hotp(k.Secret, k.Algorithm, k.Counter(t), k.Digits)
	if err != nil {
		return "", err
	}
	s := strconv.FormatUint(uint64(n), 10)
	for len(s) < k.Digits {
		s = "0" + s
	}
	return s, nil
}

// SecondsLeft is how long the code for t stays valid: 1 to Period.
func (k *Key) SecondsLeft(t time.Time) int {
	if k.Period <= 0 {
		return 0
	}
	return k.Period - int(uint64(t.Unix())%uint64(k.Period))
}

var pow10 = [...]uint32{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000}

// hotp is RFC 4226's HOTP(K, C) truncated to digits, computed inside the
// secret's Use.
func hotp(key *secret.Secret, alg Algorithm, counter uint64, digits int) (uint32, error) {
	newHash, block, ok := alg.hash()
	if !ok || digits < 1 || digits >= len(pow10) {
		return 0, errors.New("totp: bad algorithm or digits")
	}
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	var code uint32
	err := key.Use(func(k []byte) error {
		var sum [sha512.Size]byte
		mac := hmacSum(sum[:0], newHash, block, k, msg[:])
		defer memguard.WipeBytes(sum[:])
		// Dynamic truncation (RFC 4226 5.3).
		off := int(mac[len(mac)-1] & 0x0f)
		bin := binary.BigEndian.Uint32(mac[off:off+4]) & 0x7fffffff
		code = bin % pow10[digits]
		return nil
	})
	return code, err
}

// hmacSum appends HMAC(key, msg) (RFC 2104) to dst. crypto/hmac would keep
// the padded key in buffers of its own that nothing wipes; here they are
// one scratch slice, wiped before returning, and the hash states are reset.
func hmacSum(dst []byte, newHash func() hash.Hash, block int, key, msg []byte) []byte {
	h := newHash()
	defer h.Reset()
	pad := make([]byte, 2*block+h.Size())
	defer memguard.WipeBytes(pad)
	ipad, opad, inner := pad[:block], pad[block:2*block], pad[2*block:2*block]
	if len(key) > block {
		h.Write(key)
		copy(ipad, h.Sum(inner)) // Sum appends into pad's tail, then copied
		clear(pad[2*block:])
		h.Reset()
	} else {
		copy(ipad, key)
	}
	copy(opad, ipad)
	for i := range ipad {
		ipad[i] ^= 0x36
		opad[i] ^= 0x5c
	}
	h.Write(ipad)
	h.Write(msg)
	inner = h.Sum(inner)
	h.Reset()
	h.Write(opad)
	h.Write(inner)
	return h.Sum(dst)
}
