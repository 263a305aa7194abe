package secret

import (
	"errors"
	"io"
	"unicode/utf8"
)

// WriteJSON writes the secret as a JSON string literal, escaping byte by
// byte from inside Use, so that the value never passes through a Go string
// or an encoder's buffer. Invalid UTF-8 is written as U+FFFD.
func (s *Secret) WriteJSON(w io.Writer) error {
	if _, err := w.Write([]byte{'"'}); err != nil {
		return err
	}
	if err := s.Use(func(v []byte) error { return writeJSONBody(w, v) }); err != nil {
		return err
	}
	_, err := w.Write([]byte{'"'})
	return err
}

func writeJSONBody(w io.Writer, v []byte) error {
	const hex = "0123456789abcdef"
	var esc [6]byte
	start := 0
	for i := 0; i < len(v); {
		c := v[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, size := utf8.DecodeRune(v[i:]); r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
		}
		if _, err := w.Write(v[start:i]); err != nil {
			return err
		}
		e := esc[:2]
		esc[0] = '\\'
		switch c {
		case '"', '\\':
			esc[1] = c
		case '\n':
			esc[1] = 'n'
		case '\r':
			esc[1] = 'r'
		case '\t':
			esc[1] = 't'
		default: // other control bytes, and invalid UTF-8 as U+FFFD
			if c >= utf8.RuneSelf {
				copy(esc[:], `\ufffd`)
			} else {
				esc = [6]byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xf]}
			}
			e = esc[:6]
		}
		if _, err := w.Write(e); err != nil {
			return err
		}
		i++
		start = i
	}
	_, err := w.Write(v[start:])
	return err
}

// FromJSON reads a JSON string literal (quotes included, as a json
// Unmarshaler receives it) into a new Secret, without a Go string.
func FromJSON(token []byte) (*Secret, error) {
	if len(token) < 2 || token[0] != '"' || token[len(token)-1] != '"' {
		return nil, errors.New("a secret value must be a JSON string")
	}
	b := token[1 : len(token)-1]
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if i+1 >= len(b) {
			clear(out)
			return nil, errBadEscape
		}
		i++
		switch b[i] {
		case '"', '\\', '/':
			out = append(out, b[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, n, ok := readUnicodeEscape(b[i-1:])
			if !ok {
				clear(out)
				return nil, errBadEscape
			}
			out = utf8.AppendRune(out, r)
			i += n - 2
		default:
			clear(out)
			return nil, errBadEscape
		}
	}
	return New(out), nil // New wipes out
}

var errBadEscape = errors.New("bad escape in a secret value")

// readUnicodeEscape reads \uXXXX, or a surrogate pair \uXXXX\uXXXX, at the
// start of b and returns the rune and the bytes consumed.
func readUnicodeEscape(b []byte) (rune, int, bool) {
	r, ok := hex4(b)
	if !ok {
		return 0, 0, false
	}
	if r >= 0xD800 && r < 0xDC00 {
		if r2, ok := hex4(b[6:]); ok && r2 >= 0xDC00 && r2 < 0xE000 {
			return (r-0xD800)<<10 | (r2 - 0xDC00) + 0x10000, 12, true
		}
		return utf8.RuneError, 6, true
	}
	return r, 6, true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// JSONField is a struct field type that decodes a JSON string straight into
// a Secret, for UnmarshalJSON methods of records that hold one.
type JSONField struct{ Secret *Secret }

// UnmarshalJSON decodes the string with FromJSON.
func (f *JSONField) UnmarshalJSON(b []byte) (err error) {
	f.Secret, err = FromJSON(b)
	return err
}
