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

// indexFormatLogins is the format of an index that holds logins. Releases
// before logins ignore members they do not know, and would drop the
// logins at their next save; an index with logins therefore says v2,
// which they refuse ("written by a newer immivault?"). An index without
// logins is still written as v1, which every release opens.
const indexFormatLogins = "immivault-index/v2"

// indexFormatV3 is the format of an index that holds what releases with
// logins do not know either (newdata.go says what): trips, and the facts
// and dates the deadlines ask of a person or a case. They refuse it, for
// the same reason.
const indexFormatV3 = "immivault-index/v3"

func knownIndexFormat(f string) bool {
	return f == indexFormat || f == indexFormatLogins || f == indexFormatV3
}

// formatOf is the oldest format that holds everything in ix, so that a
// vault opens in as many releases as can keep all of it.
func formatOf(ix *Index) string {
	switch {
	case ix.needsV3():
		return indexFormatV3
	case len(ix.Logins) > 0:
		return indexFormatLogins
	}
	return indexFormat
}

// maxIndexSize bounds what we read from index.age: ~100,000 records. It
// protects against a hostile or damaged file, not a real family's vault.
const maxIndexSize = 64 << 20

// writeIndex streams ix as JSON into w. Identifier values are written from
// inside Secret.Use straight into w (an age stream, which seals each 64 KiB
// chunk in place), so no whole plaintext index ever sits in our memory.
//
// The file ends with an HMAC of everything before it (auth.go), computed
// as the bytes stream past; the authentication code is the last member
// and closes the object.
func writeIndex(w io.Writer, ix *Index, mac hash.Hash) error {
	release := secret.Hold()
	defer release()
	j := secret.NewJSONWriter(io.MultiWriter(w, mac), "")
	j.Object("")
	j.Value("format", formatOf(ix))
	j.Value("revision", ix.Revision)
	j.Value("saved", ix.Saved)
	j.Value("recovery_sha256", ix.RecoverySHA256)
	if ix.SigningPublicKey != "" {
		j.Value("signing_public_key", ix.SigningPublicKey)
	}
	if ix.CardName != "" {
		j.Value("card_name", ix.CardName)
	}
	j.Value("people", nonNil(ix.People))
	j.Array("identifiers")
	for _, id := range ix.Identifiers {
		id.writeJSON(j)
	}
	j.End()
	j.Value("cases", nonNil(ix.Cases))
	j.Value("notices", nonNil(ix.Notices))
	j.Value("events", nonNil(ix.Events))
	j.Value("contacts", nonNil(ix.Contacts))
	if len(ix.Synced) > 0 {
		j.Value("synced", ix.Synced)
	}
	if len(ix.Lineage) > 0 {
		j.Value("lineage", ix.Lineage)
	}
	if len(ix.Handled) > 0 {
		j.Value("handled", ix.Handled)
	}
	if len(ix.Trips) > 0 {
		j.Value("trips", ix.Trips)
	}
	if len(ix.Logins) > 0 {
		j.Array("logins")
		for _, l := range ix.Logins {
			l.writeJSON(j)
		}
		j.End()
	}
	if err := j.Err(); err != nil {
		return err
	}
	return writeAuth(w, mac)
}

// writeJSON writes the login as one object: its plain fields, then its
// secrets from inside Use, each only when there is one.
func (l *Login) writeJSON(j *secret.JSONWriter) {
	j.Object("")
	j.Members(l)
	l.WriteSecretMembers(j)
	j.End()
}

// writeJSON writes the identifier as one object: its fields, then its
// value from inside Use.
func (id *Identifier) writeJSON(j *secret.JSONWriter) {
	j.Object("")
	j.Members(id)
	j.Secret("value", id.Value)
	j.End()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
	if !knownIndexFormat(f.Format) {
		var probe struct{ Format string }
		if json.Unmarshal(b, &probe) == nil && probe.Format != "" && !knownIndexFormat(probe.Format) {
			return nil, fmt.Errorf("unknown index format %q (written by a newer immivault?)", probe.Format)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if !knownIndexFormat(f.Format) {
		return nil, errors.New("not an immivault index")
	}
	ix := &f.Index
	if err := ix.Check(); err != nil {
		return nil, err
	}
	ix.migrate()
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

// UnmarshalJSON reads a login with its secrets, each of which goes into a
// Secret without passing through a Go string.
func (l *Login) UnmarshalJSON(b []byte) error {
	type plain Login // no methods: no recursion
	aux := struct {
		*plain
		Password    secret.JSONField `json:"password"`
		TOTP        secret.JSONField `json:"totp"`
		BackupCodes []struct {
			Code secret.JSONField `json:"code"`
			Used bool             `json:"used"`
		} `json:"backup_codes"`
		Questions []struct {
			Question string           `json:"question"`
			Answer   secret.JSONField `json:"answer"`
		} `json:"security_questions"`
	}{plain: (*plain)(l)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	l.Password, l.TOTP = aux.Password.Secret, aux.TOTP.Secret
	l.BackupCodes, l.Questions = nil, nil
	for _, c := range aux.BackupCodes {
		if c.Code.Secret == nil {
			return errors.New("a backup code without a code")
		}
		l.BackupCodes = append(l.BackupCodes, BackupCode{Code: c.Code.Secret, Used: c.Used})
	}
	for _, q := range aux.Questions {
		if q.Answer.Secret == nil {
			return errors.New("a security question without an answer")
		}
		l.Questions = append(l.Questions, SecurityQuestion{Question: q.Question, Answer: q.Answer.Secret})
	}
	return nil
}
