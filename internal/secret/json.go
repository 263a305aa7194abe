package secret

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// JSON that holds secrets (the vault's index, a bundle's manifest, the
// CLI's `ls --json --reveal`) is written with a JSONWriter and read with
// JSONField: a secret value never passes through a Go string or an
// encoder's buffer, in either direction.

// A JSONWriter writes one JSON document as it goes. Ordinary values go
// through encoding/json (without HTML escaping); a Secret is escaped byte
// by byte from inside its Use, straight into the underlying writer. The
// writer puts in the commas, and the line breaks and indentation when it
// indents; nothing is buffered, so what has been written is in the
// underlying writer. The first error sticks: Err returns it, and every
// call after it does nothing.
//
// Object and Array open a container and End closes the innermost one. In
// an object each value is a member named key; in an array or at the top
// of the document key is not written.
type JSONWriter struct {
	w      io.Writer
	indent string
	open   []jsonContainer
	brk    bool
	buf    bytes.Buffer
	enc    *json.Encoder // writes into buf
	err    error
}

type jsonContainer struct {
	object, used bool
}

// NewJSONWriter writes compact JSON to w, or, with a non-empty indent,
// JSON laid out as json.MarshalIndent lays it out with that indent.
func NewJSONWriter(w io.Writer, indent string) *JSONWriter {
	return &JSONWriter{w: w, indent: indent}
}

// Err is the first error writing met, or nil.
func (j *JSONWriter) Err() error { return j.err }

// Break starts the next member or element on a line of its own, in
// compact JSON: for documents written one record a line.
func (j *JSONWriter) Break() { j.brk = true }

// Object opens an object as the value named key.
func (j *JSONWriter) Object(key string) { j.begin(key, true) }

// Array opens an array as the value named key.
func (j *JSONWriter) Array(key string) { j.begin(key, false) }

func (j *JSONWriter) begin(key string, object bool) {
	j.start(key)
	if object {
		j.write([]byte{'{'})
	} else {
		j.write([]byte{'['})
	}
	j.open = append(j.open, jsonContainer{object: object})
}

// End closes the innermost open object or array.
func (j *JSONWriter) End() {
	if len(j.open) == 0 {
		j.fail(errors.New("secret: JSONWriter.End without an open object or array"))
		return
	}
	c := j.open[len(j.open)-1]
	j.open = j.open[:len(j.open)-1]
	if c.used && j.indent != "" {
		j.write([]byte("\n" + strings.Repeat(j.indent, len(j.open))))
	}
	if c.object {
		j.write([]byte{'}'})
	} else {
		j.write([]byte{']'})
	}
}

// Value writes v, as encoding/json writes it, as the value named key.
func (j *JSONWriter) Value(key string, v any) {
	j.start(key)
	j.write(j.marshal(v, len(j.open)))
}

// Secret writes s as a JSON string, the value named key. Invalid UTF-8 is
// written as U+FFFD.
func (j *JSONWriter) Secret(key string, s *Secret) {
	j.start(key)
	j.write([]byte{'"'})
	if j.err == nil {
		j.err = s.Use(func(v []byte) error { return writeJSONBody(j.w, v) })
	}
	j.write([]byte{'"'})
}

// Members writes the members of v, which encoding/json writes as an
// object (a struct, whose Secret fields are tagged "-"), into the open
// object: a record's ordinary fields, before or after its secret ones.
// The members are written as they are, not named by a key.
func (j *JSONWriter) Members(v any) {
	if len(j.open) == 0 || !j.open[len(j.open)-1].object {
		j.fail(errors.New("secret: JSONWriter.Members outside an object"))
		return
	}
	b := j.marshal(v, len(j.open)-1)
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		j.fail(errors.New("secret: JSONWriter.Members of a value that is not an object"))
		return
	}
	// Without its braces, and when indented without the line breaks
	// around them and the indentation of its first member, which start
	// writes.
	inner := b[1 : len(b)-1]
	if len(inner) == 0 {
		return
	}
	if j.indent != "" {
		outer := "\n" + strings.Repeat(j.indent, len(j.open)-1)
		inner = bytes.TrimPrefix(inner, []byte(outer+j.indent))
		inner = bytes.TrimSuffix(inner, []byte(outer))
	}
	j.separate()
	j.write(inner)
}

// start writes what comes before a value: the comma after the one
// before it, the line break and indentation, and in an object its key.
func (j *JSONWriter) start(key string) {
	if j.separate() {
		j.write(j.marshal(key, 0))
		if j.indent != "" {
			j.write([]byte(": "))
		} else {
			j.write([]byte{':'})
		}
	}
}

// separate writes the comma, line break and indentation before a value,
// and reports whether the value is an object's member.
func (j *JSONWriter) separate() bool {
	if len(j.open) == 0 {
		return false
	}
	c := &j.open[len(j.open)-1]
	if c.used {
		j.write([]byte{','})
	}
	c.used = true
	switch {
	case j.indent != "":
		j.write([]byte("\n" + strings.Repeat(j.indent, len(j.open))))
	case j.brk:
		j.write([]byte{'\n'})
	}
	j.brk = false
	return c.object
}

// marshal encodes v as encoding/json does, indented for depth open
// containers, without the newline an Encoder ends with. The bytes are
// the writer's buffer, valid until the next call.
func (j *JSONWriter) marshal(v any, depth int) []byte {
	if j.err != nil {
		return nil
	}
	j.buf.Reset()
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.buf)
		j.enc.SetEscapeHTML(false)
	}
	j.enc.SetIndent(strings.Repeat(j.indent, depth), j.indent)
	if err := j.enc.Encode(v); err != nil {
		j.fail(err)
		return nil
	}
	return bytes.TrimSuffix(j.buf.Bytes(), []byte{'\n'})
}

func (j *JSONWriter) write(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

func (j *JSONWriter) fail(err error) {
	if j.err == nil {
		j.err = err
	}
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

// fromJSON reads a JSON string literal (quotes included, as a json
// Unmarshaler receives it) into a new Secret, without a Go string.
func fromJSON(token []byte) (*Secret, error) {
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

// UnmarshalJSON decodes the string into a new Secret.
func (f *JSONField) UnmarshalJSON(b []byte) (err error) {
	f.Secret, err = fromJSON(b)
	return err
}
