package bundle

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"immivault/internal/contact"
	"immivault/internal/filename"
	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// manifest is manifest.json. Records have the fields of index.age
// (docs/format.md) plus history; notices name their file instead of a blob.
type manifest struct {
	Format      string            `json:"format"`
	Created     time.Time         `json:"created"`
	Sender      senderJSON        `json:"sender"`
	To          []Addressee       `json:"to"`
	Passphrase  bool              `json:"passphrase"`
	Files       []fileJSON        `json:"files"`
	People      []*personJSON     `json:"people"`
	Identifiers []*identifierJSON `json:"identifiers"`
	Cases       []*caseJSON       `json:"cases"`
	Notices     []*noticeJSON     `json:"notices"`
	Events      []*eventJSON      `json:"events"`
}

type senderJSON struct {
	Card        string `json:"card"` // contact.Card.Marshal
	Fingerprint string `json:"fingerprint"`
}

// An Addressee is someone a bundle was encrypted to, as the manifest names
// them: the name the sender knows them by and their card's fingerprint.
type Addressee struct {
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
}

// fileJSON is one entry of the archive besides manifest.json and
// manifest.sig.
type fileJSON struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// history is the merge base of a record: the versions (Updated times) it
// descends from that the sender shared before, oldest first.
type history struct {
	History []time.Time `json:"history,omitempty"`
}

type personJSON struct {
	vault.Person
	history
}

type caseJSON struct {
	vault.Case
	history
}

type eventJSON struct {
	vault.Event
	history
}

type identifierJSON struct {
	vault.Record
	history
	PersonID string         `json:"person_id"`
	Kind     ids.Kind       `json:"kind"`
	Label    string         `json:"label,omitempty"`
	Country  string         `json:"country,omitempty"`
	Value    *secret.Secret `json:"-"`
	vault.Validity
}

type noticeJSON struct {
	vault.Record
	history
	PersonID string            `json:"person_id"`
	CaseID   string            `json:"case_id,omitempty"`
	FileName string            `json:"file_name"`
	Type     string            `json:"type,omitempty"`
	Size     int64             `json:"size"`
	SHA256   string            `json:"sha256"`
	Fields   map[string]string `json:"fields,omitempty"`
	File     string            `json:"file"` // its entry in the archive
}

// UnmarshalJSON reads an identifier with its value, which goes into a
// Secret without passing through a Go string.
func (id *identifierJSON) UnmarshalJSON(b []byte) error {
	type plain identifierJSON // no methods: no recursion
	aux := struct {
		*plain
		Value secret.JSONField `json:"value"`
	}{plain: (*plain)(id)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if aux.Value.Secret == nil {
		return errors.New("an identifier without a value")
	}
	id.Value = aux.Value.Secret
	return nil
}

// writeManifest streams m as JSON, one record a line for people who read it
// by hand. Identifier values are written from inside Secret.Use straight
// into w, never through a Go string or an encoder's buffer; the output is
// the same bytes every time, so that it can be hashed in one pass and
// written in another.
func writeManifest(w io.Writer, m *manifest) error {
	release := secret.Hold()
	defer release()
	ew := &errWriter{w: w}
	ew.str(`{"format":`)
	ew.json(m.Format)
	ew.field("created", m.Created)
	ew.field("sender", m.Sender)
	ew.field("to", nonNil(m.To))
	ew.field("passphrase", m.Passphrase)
	list(ew, "files", m.Files, func(f fileJSON) { ew.json(f) })
	list(ew, "people", m.People, func(p *personJSON) { ew.json(p) })
	list(ew, "identifiers", m.Identifiers, func(id *identifierJSON) {
		head, err := json.Marshal(id)
		if err != nil {
			ew.fail(err)
			return
		}
		ew.bytes(head[:len(head)-1]) // without the closing brace
		ew.str(`,"value":`)
		if ew.err == nil {
			ew.err = id.Value.WriteJSON(ew.w)
		}
		ew.str("}")
	})
	list(ew, "cases", m.Cases, func(c *caseJSON) { ew.json(c) })
	list(ew, "notices", m.Notices, func(n *noticeJSON) { ew.json(n) })
	list(ew, "events", m.Events, func(e *eventJSON) { ew.json(e) })
	ew.str("}\n")
	return ew.err
}

func list[T any](ew *errWriter, name string, items []T, write func(T)) {
	ew.str(",\n\"" + name + "\":[")
	for i, it := range items {
		if i > 0 {
			ew.str(",")
		}
		ew.str("\n")
		write(it)
	}
	ew.str("]")
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

func (e *errWriter) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *errWriter) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *errWriter) str(s string) { e.bytes([]byte(s)) }

func (e *errWriter) json(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		e.fail(err)
		return
	}
	e.bytes(b)
}

func (e *errWriter) field(name string, v any) {
	e.str(",\n\"" + name + "\":")
	e.json(v)
}

// ErrNewerFormat is the error for a bundle made by a newer immivault, in
// a format or with a kind of record this one does not know.
var ErrNewerFormat = errors.New("this bundle was made by a newer immivault: update immivault to open it")

// ErrNotBundle is the error for a file that is not an immivault bundle.
var ErrNotBundle = errors.New("this file is not an immivault bundle")

// parseManifest reads manifest.json (the caller wipes b afterwards) and
// checks everything in it that does not need the archive: the format,
// the sender's card, every record and every link between records.
//
// Fields it does not know are ignored: a newer immivault may add some
// without changing the format, as long as this one loses nothing that
// matters by not reading them. What does change meaning changes Format.
func parseManifest(b []byte) (*manifest, error) {
	release := secret.Hold()
	defer release()
	var probe struct {
		Format json.RawMessage `json:"format"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return nil, fmt.Errorf("%w: manifest.json is not JSON (%v)", ErrNotBundle, err)
	}
	var format string
	if json.Unmarshal(probe.Format, &format) != nil || !strings.HasPrefix(format, "immivault-bundle/") {
		return nil, fmt.Errorf("%w: manifest.json does not say %s", ErrNotBundle, Format)
	}
	if format != Format {
		return nil, fmt.Errorf("%w (its format is %.40q; this immivault reads %s)", ErrNewerFormat, format, Format)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%w: manifest.json: %v", ErrNotBundle, err)
	}
	m.cleanFileNames()
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("%w: manifest.json: %v", ErrNotBundle, err)
	}
	return &m, nil
}

// cleanFileNames takes out of notices' file names what would hide what
// they are (filename.Strip: bidirectional controls such as U+202E, which
// shows "I-797C\u202Efdp.scr" as "I-797Crcs.pdf", other format characters,
// control characters), so that neither the preview nor the vault ever
// holds such a name. A name with nothing left is "notice".
func (m *manifest) cleanFileNames() {
	for _, n := range m.Notices {
		if n == nil {
			continue
		}
		clean := strings.Join(strings.Fields(filename.Strip(n.FileName)), " ")
		if clean == "" {
			clean = "notice"
		}
		n.FileName = clean
	}
}

// sender parses the sender's card, checking it against its fingerprint.
func (m *manifest) sender() (contact.Card, error) {
	card, err := contact.Parse([]byte(m.Sender.Card))
	if err != nil {
		return contact.Card{}, fmt.Errorf("the sender's card: %v", err)
	}
	if card.Fingerprint() != m.Sender.Fingerprint {
		return contact.Card{}, errors.New("the sender's fingerprint does not match their card")
	}
	return card, nil
}

var (
	idPattern          = regexp.MustCompile(`^[a-z2-7]{16}$`)
	fingerprintPattern = regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$`)
	sha256Pattern      = regexp.MustCompile(`^[0-9a-f]{64}$`)
	timePattern        = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
)

// Bounds on free text in records, in bytes: far above what the app writes.
const (
	maxShortText = 200
	maxLongText  = 4000
	maxFields    = 100
)

// check is everything parseManifest verifies about the records.
func (m *manifest) check() error {
	if m.Created.IsZero() {
		return errors.New("no creation time")
	}
	if _, err := m.sender(); err != nil {
		return err
	}
	if len(m.To) > MaxRecipients {
		return fmt.Errorf("more than %d addressees", MaxRecipients)
	}
	for _, a := range m.To {
		if err := text("an addressee's name", a.Name, contact.MaxNameLen, true); err != nil {
			return err
		}
		if !fingerprintPattern.MatchString(a.Fingerprint) {
			return errors.New("an addressee's fingerprint is malformed")
		}
	}
	if m.Passphrase != (len(m.To) == 0) {
		return errors.New("it must be addressed to people or to a passphrase, not both or neither")
	}
	n := len(m.People) + len(m.Identifiers) + len(m.Cases) + len(m.Notices) + len(m.Events)
	if n > MaxRecords {
		return fmt.Errorf("more than %d records", MaxRecords)
	}
	if len(m.Files) > MaxEntries-2 {
		return fmt.Errorf("more than %d files", MaxEntries)
	}
	files := map[string]fileJSON{}
	folded := map[string]bool{}
	var total int64
	for _, f := range m.Files {
		if err := checkEntryName(f.Path); err != nil {
			return err
		}
		if f.Path == manifestName || f.Path == signatureName {
			return fmt.Errorf("it lists %s as a file", f.Path)
		}
		if folded[foldName(f.Path)] {
			return fmt.Errorf("it lists %.80q twice", f.Path)
		}
		folded[foldName(f.Path)] = true
		if f.Size < 0 || f.Size > MaxFileSize {
			return fmt.Errorf("%.80q is larger than %d MiB", f.Path, MaxFileSize>>20)
		}
		if total += f.Size; total > MaxTotalSize {
			return fmt.Errorf("its files add up to more than %d GiB", MaxTotalSize>>30)
		}
		if !sha256Pattern.MatchString(f.SHA256) {
			return fmt.Errorf("%.80q has a malformed SHA-256", f.Path)
		}
		files[f.Path] = f
	}
	if _, ok := files[readmeName]; !ok {
		return errors.New("it does not list README.txt")
	}

	latest := now().Add(MaxClockSkew)
	if m.Created.After(latest) {
		return fmt.Errorf("it is dated %s, more than a day ahead of this computer's clock", m.Created.UTC().Format(time.RFC3339))
	}
	seen := map[string]bool{}
	record := func(what string, r vault.Record, h history) error {
		switch {
		case !idPattern.MatchString(r.ID):
			return fmt.Errorf("a %s has a malformed id", what)
		case seen[r.ID]:
			return fmt.Errorf("two records have the id %s", r.ID)
		case r.Created.IsZero() || r.Updated.IsZero():
			return fmt.Errorf("%s %s has no creation or update time", what, r.ID)
		case r.Created.After(latest) || r.Updated.After(latest):
			return fmt.Errorf("%s %s was changed in the future (%s), more than a day ahead of this computer's clock", what, r.ID, r.Updated.UTC().Format(time.RFC3339))
		}
		if err := h.check(r, latest); err != nil {
			return fmt.Errorf("%s %s %v", what, r.ID, err)
		}
		seen[r.ID] = true
		return nil
	}
	people := map[string]bool{}
	for _, p := range m.People {
		if p == nil {
			return errors.New("a null person")
		}
		if err := record("person", p.Record, p.history); err != nil {
			return err
		}
		if err := firstErr(
			text("a person's name", p.Name, maxShortText, true),
			date("a date of birth", p.Born),
			text("a relation", p.Relation, maxShortText, false),
			date("a resident-since date", p.Since),
		); err != nil {
			return err
		}
		people[p.ID] = true
	}
	cases := map[string]bool{}
	for _, c := range m.Cases {
		if c == nil {
			return errors.New("a null case")
		}
		if err := record("case", c.Record, c.history); err != nil {
			return err
		}
		if !people[c.PersonID] {
			return fmt.Errorf("case %s belongs to no person in the bundle", c.ID)
		}
		if n, err := ids.Normalize(ids.ReceiptNumber, []byte(c.ReceiptNumber)); err != nil || string(n) != c.ReceiptNumber {
			return fmt.Errorf("case %s has a malformed receipt number", c.ID)
		}
		if err := firstErr(
			text("a form", c.Form, maxShortText, false),
			text("a form title", c.FormTitle, maxShortText, false),
			text("a status", c.Status, maxLongText, false),
			date("a received date", c.Received),
			date("a priority date", c.Priority),
			date("a notice date", c.NoticeDate),
		); err != nil {
			return err
		}
		cases[c.ID] = true
	}
	for _, id := range m.Identifiers {
		if id == nil {
			return errors.New("a null identifier")
		}
		if err := record("identifier", id.Record, id.history); err != nil {
			return err
		}
		if err := id.check(people); err != nil {
			return err
		}
	}
	fileOf := map[string]bool{}
	for _, n := range m.Notices {
		if n == nil {
			return errors.New("a null notice")
		}
		if err := record("notice", n.Record, n.history); err != nil {
			return err
		}
		f, ok := files[n.File]
		switch {
		case !people[n.PersonID]:
			return fmt.Errorf("notice %s belongs to no person in the bundle", n.ID)
		case n.CaseID != "" && !cases[n.CaseID]:
			return fmt.Errorf("notice %s belongs to no case in the bundle", n.ID)
		case !ok || !strings.HasPrefix(n.File, noticesDir) || fileOf[n.File]:
			return fmt.Errorf("notice %s does not have a file of its own", n.ID)
		case f.Size != n.Size || f.SHA256 != n.SHA256:
			return fmt.Errorf("notice %s and its file differ in size or SHA-256", n.ID)
		case strings.ContainsAny(n.FileName, `/\`) || n.FileName == "." || n.FileName == "..":
			return fmt.Errorf("notice %s has a file name with a path", n.ID)
		case len(n.Fields) > maxFields:
			return fmt.Errorf("notice %s has more than %d fields", n.ID, maxFields)
		}
		fileOf[n.File] = true
		if err := firstErr(text("a file name", n.FileName, 255, true), text("a notice type", n.Type, maxShortText, false)); err != nil {
			return err
		}
		for k, v := range n.Fields {
			if err := firstErr(text("a field name", k, maxShortText, true), text("a field", v, maxLongText, false)); err != nil {
				return err
			}
		}
	}
	for path := range files {
		if path != readmeName && !fileOf[path] {
			return fmt.Errorf("%.80q belongs to no notice", path)
		}
	}
	for _, e := range m.Events {
		if e == nil {
			return errors.New("a null event")
		}
		if err := record("event", e.Record, e.history); err != nil {
			return err
		}
		switch {
		case !people[e.PersonID]:
			return fmt.Errorf("event %s belongs to no person in the bundle", e.ID)
		case e.CaseID != "" && !cases[e.CaseID]:
			return fmt.Errorf("event %s belongs to no case in the bundle", e.ID)
		case e.NoticeID != "" && !idPattern.MatchString(e.NoticeID):
			return fmt.Errorf("event %s names a malformed notice id", e.ID)
		case e.Date == "":
			return fmt.Errorf("event %s has no date", e.ID)
		case e.Time != "" && !timePattern.MatchString(e.Time):
			return fmt.Errorf("event %s has a time that is not HH:MM", e.ID)
		}
		if err := firstErr(
			text("an event kind", e.Kind, maxShortText, true),
			date("an event date", e.Date),
			text("a note", e.Note, maxLongText, false),
		); err != nil {
			return err
		}
	}
	return nil
}

// check verifies what a record says about the versions it descends from:
// at most MaxSharedVersions, none zero, none after latest, oldest first
// without repeats, and not the record's own version. An importer adopts
// some of them as shared versions (Index.Synced), so a history must not
// be able to crowd out what the importer knows (see merger.done).
func (h history) check(r vault.Record, latest time.Time) error {
	if len(h.History) > vault.MaxSharedVersions {
		return fmt.Errorf("has a history of more than %d versions", vault.MaxSharedVersions)
	}
	for i, t := range h.History {
		switch {
		case t.IsZero():
			return errors.New("has a history with a version of no time")
		case t.After(latest):
			return fmt.Errorf("has a history with a version in the future (%s), more than a day ahead of this computer's clock", t.UTC().Format(time.RFC3339))
		case t.Equal(r.Updated):
			return errors.New("lists its own version in its history")
		case i > 0 && !h.History[i-1].Before(t):
			return errors.New("has a history that is not in order or repeats a version")
		}
	}
	return nil
}

// check verifies an identifier's kind, qualifier and value: the value must
// be in the storage form the catalog gives it.
func (id *identifierJSON) check(people map[string]bool) error {
	if !people[id.PersonID] {
		return fmt.Errorf("identifier %s belongs to no person in the bundle", id.ID)
	}
	if _, err := ids.ParseKind(string(id.Kind)); err != nil || strings.TrimSpace(strings.ToLower(string(id.Kind))) != string(id.Kind) {
		return fmt.Errorf("%w (it holds a kind of number this one does not know: %.40q)", ErrNewerFormat, id.Kind)
	}
	switch id.Kind {
	case ids.Passport:
		if c, err := ids.NormalizeCountry(id.Country); err != nil || c != id.Country || id.Label != "" {
			return fmt.Errorf("passport %s has no valid country", id.ID)
		}
	case ids.Other:
		if err := text("a label", id.Label, 100, true); err != nil || id.Country != "" {
			return fmt.Errorf("identifier %s has no valid label", id.ID)
		}
	default:
		if id.Label != "" || id.Country != "" {
			return fmt.Errorf("identifier %s has a label or country its kind does not take", id.ID)
		}
	}
	expires := id.Expires
	if id.Kind == ids.I94 && expires == vault.DurationOfStatus {
		expires = ""
	}
	if err := firstErr(date("an issue date", id.Issued), date("an expiry date", expires)); err != nil {
		return fmt.Errorf("identifier %s: %w", id.ID, err)
	}
	return id.Value.Use(func(v []byte) error {
		n, err := ids.Normalize(id.Kind, v)
		if n != nil {
			defer clear(n)
		}
		if err != nil || string(n) != string(v) {
			return fmt.Errorf("identifier %s does not hold a valid %s", id.ID, id.Kind.Title())
		}
		return nil
	})
}

// text checks a string from a bundle: UTF-8, no control characters, at
// most max bytes, and not empty if required.
func text(what, s string, max int, required bool) error {
	switch {
	case required && strings.TrimSpace(s) == "":
		return fmt.Errorf("%s is empty", what)
	case len(s) > max:
		return fmt.Errorf("%s is longer than %d bytes", what, max)
	case !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }):
		return fmt.Errorf("%s has control characters", what)
	}
	return nil
}

// date checks "" or a calendar date as YYYY-MM-DD.
func date(what, d string) error {
	if d == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return fmt.Errorf("%s is not a date as YYYY-MM-DD", what)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// hexHash is a hash as the manifest writes it.
func hexHash(sum []byte) string { return hex.EncodeToString(sum) }
