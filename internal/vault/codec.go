package vault

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"immivault/internal/secret"
)

// indexFormat is the first field of index.age's JSON. A newer immivault that
// changes the meaning of fields bumps it; this one refuses what it does not know.
const indexFormat = "immivault-index/v1"

// maxIndexSize bounds what we read from index.age: ~100,000 records. It
// protects against a hostile or damaged file, not a real family's vault.
const maxIndexSize = 64 << 20

// writeIndex streams ix as JSON into w. Identifier values are written from
// inside Secret.Use straight into w (an age stream, which seals each 64 KiB
// chunk in place), so no whole plaintext index ever sits in our memory.
func writeIndex(w io.Writer, ix *Index) error {
	release := secret.Hold()
	defer release()
	ew := &errWriter{w: w}
	ew.str(`{"format":"` + indexFormat + `"`)
	ew.field("revision", ix.Revision)
	ew.field("saved", ix.Saved)
	ew.field("recovery_sha256", ix.RecoverySHA256)
	ew.field("people", nonNil(ix.People))
	ew.str(`,"identifiers":[`)
	for i, id := range ix.Identifiers {
		if i > 0 {
			ew.str(",")
		}
		head, err := json.Marshal(id)
		if err != nil {
			return err
		}
		ew.bytes(head[:len(head)-1]) // drop the closing brace
		ew.str(`,"value":"`)
		if ew.err == nil {
			ew.err = id.Value.Use(func(v []byte) error { return writeJSONString(ew.w, v) })
		}
		ew.str(`"}`)
	}
	ew.str(`]`)
	ew.field("cases", nonNil(ix.Cases))
	ew.field("notices", nonNil(ix.Notices))
	ew.field("events", nonNil(ix.Events))
	ew.str("}\n")
	return ew.err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *errWriter) str(s string) { e.bytes([]byte(s)) }

func (e *errWriter) field(name string, v any) {
	if e.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		e.err = err
		return
	}
	e.str(`,"` + name + `":`)
	e.bytes(b)
}

type indexJSON struct {
	Format string `json:"format"`
	Index
}

// readIndex parses index JSON. The caller wipes b afterwards; identifier
// values are moved into Secrets as they are parsed.
func readIndex(b []byte) (*Index, error) {
	release := secret.Hold()
	defer release()
	var f indexJSON
	err := json.Unmarshal(b, &f)
	if f.Format != indexFormat {
		var probe struct{ Format string }
		if json.Unmarshal(b, &probe) == nil && probe.Format != "" && probe.Format != indexFormat {
			return nil, fmt.Errorf("unknown index format %q (written by a newer immivault?)", probe.Format)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if f.Format != indexFormat {
		return nil, errors.New("not an immivault index")
	}
	ix := &f.Index
	if err := ix.check(); err != nil {
		return nil, err
	}
	return ix, nil
}

// UnmarshalJSON reads an identifier with its value, which goes into a
// Secret without passing through a Go string.
func (id *Identifier) UnmarshalJSON(b []byte) error {
	type plain Identifier // no methods: no recursion
	aux := struct {
		*plain
		Value secretJSON `json:"value"`
	}{plain: (*plain)(id)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if aux.Value.s == nil {
		return errors.New("identifier without a value")
	}
	id.Value = aux.Value.s
	return nil
}

type secretJSON struct{ s *secret.Secret }

func (sj *secretJSON) UnmarshalJSON(b []byte) error {
	v, err := unquoteJSON(b)
	if err != nil {
		return err
	}
	sj.s = secret.New(v) // wipes v
	return nil
}

// writeJSONString writes v as the body of a JSON string (no quotes),
// escaping byte by byte so that no copy of v is made.
func writeJSONString(w io.Writer, v []byte) error {
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
			r, size := utf8.DecodeRune(v[i:])
			if r != utf8.RuneError || size != 1 {
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
		default: // control bytes, and invalid UTF-8 as U+FFFD
			if c >= utf8.RuneSelf {
				copy(esc[:], `\ufffd`)
			} else {
				copy(esc[:], []byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xf]})
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

// unquoteJSON decodes a JSON string token into a new slice.
func unquoteJSON(b []byte) ([]byte, error) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return nil, errors.New("identifier value is not a string")
	}
	b = b[1 : len(b)-1]
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if i+1 >= len(b) {
			return nil, errors.New("bad escape in identifier value")
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
				return nil, errors.New("bad escape in identifier value")
			}
			out = utf8.AppendRune(out, r)
			i += n - 2
		default:
			return nil, errors.New("bad escape in identifier value")
		}
	}
	return out, nil
}

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
