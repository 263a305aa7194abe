package vault

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"

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
//
// The file ends with an HMAC of everything before it (auth.go), computed
// as the bytes stream past.
func writeIndex(w io.Writer, ix *Index, mac hash.Hash) error {
	release := secret.Hold()
	defer release()
	ew := &errWriter{w: io.MultiWriter(w, mac)}
	ew.str(`{"format":"` + indexFormat + `"`)
	ew.field("revision", ix.Revision)
	ew.field("saved", ix.Saved)
	ew.field("recovery_sha256", ix.RecoverySHA256)
	if ix.SigningPublicKey != "" {
		ew.field("signing_public_key", ix.SigningPublicKey)
	}
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
		ew.str(`,"value":`)
		if ew.err == nil {
			ew.err = id.Value.WriteJSON(ew.w)
		}
		ew.str(`}`)
	}
	ew.str(`]`)
	ew.field("cases", nonNil(ix.Cases))
	ew.field("notices", nonNil(ix.Notices))
	ew.field("events", nonNil(ix.Events))
	ew.field("contacts", nonNil(ix.Contacts))
	if len(ix.Synced) > 0 {
		ew.field("synced", ix.Synced)
	}
	ew.w = w
	writeAuth(ew, mac)
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
	Auth string `json:"auth"` // checked on the raw bytes, before parsing
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
		Value secret.JSONField `json:"value"`
	}{plain: (*plain)(id)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if aux.Value.Secret == nil {
		return errors.New("identifier without a value")
	}
	id.Value = aux.Value.Secret
	return nil
}
