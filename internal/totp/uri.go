package totp

import (
	"bytes"
	"encoding/base32"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/awnumar/memguard"

	"immivault/internal/secret"
)

// b32 is base32 as otpauth URIs write it: RFC 4648, upper case, no padding.
var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

const scheme = "otpauth://"

// Parse reads what a site gives for 2-step verification: an
// otpauth://totp/LABEL?secret=...&issuer=...&algorithm=...&digits=...&period=...
// URI, or a bare base32 secret (any letter case, with or without padding,
// spaces or dashes between groups), which gets the defaults SHA1, 6
// digits and 30 seconds. Leading and trailing white space is ignored.
//
// Parse reads in without a Go string of the secret; b is not changed or
// kept, and the caller wipes it. Errors are one line and never contain
// the secret.
func Parse(b []byte) (*Key, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return nil, errors.New("no 2-step secret: give an otpauth:// address or the base32 secret")
	}
	if len(b) >= len(scheme) && strings.EqualFold(string(b[:len(scheme)]), scheme) {
		return parseURI(b[len(scheme):])
	}
	if bytes.Contains(b, []byte("://")) {
		return nil, errors.New("not an otpauth:// address")
	}
	key, err := decodeBase32(b)
	if err != nil {
		return nil, err
	}
	k := &Key{Secret: key, Algorithm: SHA1, Digits: 6, Period: 30}
	if err := k.Check(); err != nil {
		return nil, err
	}
	return k, nil
}

var errLength = errors.New("the 2-step secret is not base32: its length does not work out (a character missing or extra?)")

// decodeBase32 decodes a base32 secret as people copy it into a Secret,
// its working copies wiped.
func decodeBase32(b []byte) (*secret.Secret, error) {
	clean := make([]byte, 0, len(b))
	defer func() { memguard.WipeBytes(clean[:cap(clean)]) }()
	for _, c := range b {
		switch {
		case c == ' ' || c == '\t' || c == '-' || c == '\n' || c == '\r':
		case c == '=':
			// Padding, only at the end: checked below by what follows it.
			clean = append(clean, c)
		case 'a' <= c && c <= 'z':
			clean = append(clean, c-('a'-'A'))
		case 'A' <= c && c <= 'Z', '2' <= c && c <= '7':
			clean = append(clean, c)
		default:
			return nil, errors.New("the 2-step secret is not base32 (letters A to Z and digits 2 to 7)")
		}
	}
	if i := bytes.IndexByte(clean, '='); i >= 0 {
		if len(bytes.Trim(clean[i:], "=")) != 0 || len(clean)%8 != 0 {
			return nil, errors.New("the 2-step secret is not base32: padding in the wrong place")
		}
		clean = clean[:i]
	}
	if len(clean) == 0 {
		return nil, errors.New("no 2-step secret: give an otpauth:// address or the base32 secret")
	}
	if r := len(clean) % 8; r == 1 || r == 3 || r == 6 {
		return nil, errLength
	}
	out := make([]byte, b32.DecodedLen(len(clean)))
	defer memguard.WipeBytes(out)
	n, err := b32.Decode(out, clean)
	if err != nil {
		return nil, errLength
	}
	// Decoding ignores the unused low bits of the last character; a secret
	// whose bits are not zero there would not re-encode the same.
	if b32.EncodedLen(n) != len(clean) || !canonicalTail(out[:n], clean) {
		return nil, errors.New("the 2-step secret is not base32: its last character is not one that can end it")
	}
	return secret.New(bytes.Clone(out[:n])), nil // New wipes the clone
}

// canonicalTail reports whether encoding key gives back the last
// character of enc, so that the secret re-encodes the same.
func canonicalTail(key, enc []byte) bool {
	if len(key) == 0 {
		return true
	}
	// Only the last group of up to 5 bytes matters.
	start := (len(key) - 1) / 5 * 5
	var buf [8]byte
	b32.Encode(buf[:], key[start:])
	got := buf[:b32.EncodedLen(len(key)-start)]
	ok := bytes.Equal(got, enc[len(enc)-len(got):])
	clear(buf[:])
	return ok
}

// parseURI reads what follows "otpauth://".
func parseURI(rest []byte) (*Key, error) {
	typ, rest, _ := bytes.Cut(rest, []byte("/"))
	switch strings.ToLower(string(typ)) {
	case "totp":
	case "hotp":
		return nil, errors.New("this is a counter-based (HOTP) 2-step secret; only time-based (TOTP) ones are supported")
	default:
		return nil, fmt.Errorf("unknown otpauth type %.20q: only totp is supported", typ)
	}
	rawLabel, query, _ := bytes.Cut(rest, []byte("?"))
	if i := bytes.IndexByte(query, '#'); i >= 0 {
		query = query[:i]
	}
	label, err := url.PathUnescape(string(rawLabel))
	if err != nil {
		return nil, errors.New("the otpauth address's label is not properly %-escaped")
	}
	k := &Key{Algorithm: SHA1, Digits: 6, Period: 30, Label: label}
	seen := map[string]bool{}
	var key *secret.Secret
	for len(query) > 0 {
		var pair []byte
		pair, query, _ = bytes.Cut(query, []byte("&"))
		if len(pair) == 0 {
			continue
		}
		rawName, rawValue, _ := bytes.Cut(pair, []byte("="))
		name := strings.ToLower(string(rawName))
		if seen[name] {
			return nil, fmt.Errorf("the otpauth address gives %.20q twice", name)
		}
		seen[name] = true
		if name == "secret" {
			if key, err = unescapeSecret(rawValue); err != nil {
				return nil, err
			}
			continue
		}
		value, err := url.QueryUnescape(string(rawValue))
		if err != nil {
			return nil, fmt.Errorf("the otpauth address's %.20q is not properly %%-escaped", name)
		}
		switch name {
		case "issuer":
			k.Issuer = value
		case "algorithm":
			k.Algorithm = Algorithm(strings.ToUpper(value))
			if _, _, ok := k.Algorithm.hash(); !ok {
				return nil, fmt.Errorf("unknown 2-step algorithm %.20q: SHA1, SHA256 or SHA512", value)
			}
		case "digits":
			if k.Digits, err = strconv.Atoi(value); err != nil || k.Digits < MinDigits || k.Digits > MaxDigits {
				return nil, fmt.Errorf("digits=%.20s: 2-step codes have 6, 7 or 8 digits", value)
			}
		case "period":
			if k.Period, err = strconv.Atoi(value); err != nil || (k.Period != 30 && k.Period != 60) {
				return nil, fmt.Errorf("period=%.20s: 2-step codes change every 30 or 60 seconds", value)
			}
		}
		// Other parameters (image, color...) say how an app shows the
		// account; they are dropped.
	}
	if key == nil {
		return nil, errors.New("the otpauth address has no secret=")
	}
	k.Secret = key
	if err := k.Check(); err != nil {
		return nil, err
	}
	return k, nil
}

// unescapeSecret %-decodes the secret parameter in a wiped buffer and
// decodes its base32.
func unescapeSecret(raw []byte) (*secret.Secret, error) {
	buf := make([]byte, 0, len(raw))
	defer func() { memguard.WipeBytes(buf[:cap(buf)]) }()
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '+':
			buf = append(buf, ' ')
		case '%':
			if i+2 >= len(raw) || unhex(raw[i+1]) < 0 || unhex(raw[i+2]) < 0 {
				return nil, errors.New("the otpauth address's secret is not properly %-escaped")
			}
			buf = append(buf, byte(unhex(raw[i+1])<<4|unhex(raw[i+2])))
			i += 2
		default:
			buf = append(buf, c)
		}
	}
	return decodeBase32(buf)
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// checkText holds a label or issuer to what re-encodes and shows safely.
func checkText(what, s string) error {
	switch {
	case len(s) > MaxLabelLen:
		return fmt.Errorf("the 2-step %s is longer than %d bytes", what, MaxLabelLen)
	case !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl):
		return fmt.Errorf("the 2-step %s has control characters", what)
	}
	return nil
}

// WithURI calls f with k as an otpauth URI, in a buffer that is wiped
// after: every parameter written out, the secret in upper-case base32
// without padding. f must not keep uri.
func (k *Key) WithURI(f func(uri []byte) error) error {
	if err := k.Check(); err != nil {
		return err
	}
	return k.Secret.Use(func(key []byte) error {
		label := url.PathEscape(k.Label)
		query := "&issuer=" + url.QueryEscape(k.Issuer)
		if k.Issuer == "" {
			query = ""
		}
		query += "&algorithm=" + string(k.Algorithm) + "&digits=" + strconv.Itoa(k.Digits) + "&period=" + strconv.Itoa(k.Period)
		n := len(scheme) + len("totp/") + len(label) + len("?secret=") + b32.EncodedLen(len(key)) + len(query)
		uri := make([]byte, 0, n)
		defer memguard.WipeBytes(uri[:n])
		uri = append(uri, scheme+"totp/"+label+"?secret="...)
		uri = uri[:len(uri)+b32.EncodedLen(len(key))]
		b32.Encode(uri[len(uri)-b32.EncodedLen(len(key)):], key)
		uri = append(uri, query...)
		return f(uri)
	})
}

// URISecret is k as an otpauth URI in a new Secret, as the vault keeps it.
func (k *Key) URISecret() (*secret.Secret, error) {
	var s *secret.Secret
	err := k.WithURI(func(uri []byte) error {
		s = secret.New(bytes.Clone(uri))
		return nil
	})
	return s, err
}

// ParseSecret is Parse of a value kept in a Secret.
func ParseSecret(s *secret.Secret) (*Key, error) {
	var k *Key
	err := s.Use(func(b []byte) (err error) {
		k, err = Parse(b)
		return err
	})
	return k, err
}
