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

	"immivault/internal/contact"
	"immivault/internal/filename"
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
	// Trips go with their person; absent when there are none, so that a
	// bundle without trips is the same bytes as before there were any.
	// Releases before trips ignore them and import the rest.
	Trips []*tripJSON `json:"trips,omitempty"`
	// Logins are those chosen one by one (logins.go), absent when none.
	Logins []*loginJSON `json:"logins,omitempty"`
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

type tripJSON struct {
	vault.Trip
	history
}

type identifierJSON struct {
	vault.Identifier
	history
}

// UnmarshalJSON reads an identifier as the index does, its value straight
// into a Secret, then its history.
func (id *identifierJSON) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &id.Identifier); err != nil {
		return err
	}
	return json.Unmarshal(b, &id.history)
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

// notice is the notice as the vault holds it, without a blob.
func (n *noticeJSON) notice() vault.Notice {
	return vault.Notice{Record: n.Record, PersonID: n.PersonID, CaseID: n.CaseID, FileName: n.FileName,
		Type: n.Type, Size: n.Size, SHA256: n.SHA256, Fields: n.Fields}
}

// writeManifest streams m as JSON, one record a line for people who read it
// by hand. Identifier values are written from inside Secret.Use straight
// into w, never through a Go string or an encoder's buffer; the output is
// the same bytes every time, so that it can be hashed in one pass and
// written in another.
func writeManifest(w io.Writer, m *manifest) error {
	release := secret.Hold()
	defer release()
	j := secret.NewJSONWriter(w, "")
	j.Object("")
	j.Value("format", m.Format)
	for _, f := range []struct {
		name  string
		value any
	}{{"created", m.Created}, {"sender", m.Sender}, {"to", nonNil(m.To)}, {"passphrase", m.Passphrase}} {
		j.Break()
		j.Value(f.name, f.value)
	}
	list(j, "files", m.Files, func(f fileJSON) { j.Value("", f) })
	list(j, "people", m.People, func(p *personJSON) { j.Value("", p) })
	list(j, "identifiers", m.Identifiers, func(id *identifierJSON) {
		j.Object("")
		j.Members(id)
		j.Secret("value", id.Value)
		j.End()
	})
	list(j, "cases", m.Cases, func(c *caseJSON) { j.Value("", c) })
	list(j, "notices", m.Notices, func(n *noticeJSON) { j.Value("", n) })
	list(j, "events", m.Events, func(e *eventJSON) { j.Value("", e) })
	if len(m.Trips) > 0 {
		list(j, "trips", m.Trips, func(t *tripJSON) { j.Value("", t) })
	}
	if len(m.Logins) > 0 {
		list(j, "logins", m.Logins, func(l *loginJSON) { writeLogin(j, l) })
	}
	j.End()
	if err := j.Err(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// list writes the array name, one item a line.
func list[T any](j *secret.JSONWriter, name string, items []T, write func(T)) {
	j.Break()
	j.Array(name)
	for _, it := range items {
		j.Break()
		write(it)
	}
	j.End()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
	m.clean()
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("%w: manifest.json: %v", ErrNotBundle, err)
	}
	return &m, nil
}

// clean takes out of notices' file names what would hide what they are
// (filename.Strip: bidirectional controls such as U+202E, which shows
// "I-797C\u202Efdp.scr" as "I-797Crcs.pdf", other format characters,
// control characters), so that neither the preview nor the vault ever
// holds such a name; a name with nothing left is "notice". It reads
// relations as the vault does: a bundle from an earlier release may carry
// the app's word for one (vault.RelationKey).
func (m *manifest) clean() {
	for _, p := range m.People {
		if p != nil {
			p.Relation = vault.RelationKey(p.Relation)
		}
	}
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
	fingerprintPattern = regexp.MustCompile(`^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$`)
	sha256Pattern      = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// check is everything parseManifest verifies: the bundle's own fields, its
// files, and its records, which are held to the record rules
// (vault.Index.Validate) and besides to what only a bundle's must keep:
// times within reach of this computer's clock, histories (history.check)
// and a file of its own for each notice.
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
		if err := vault.CheckText("an addressee's name", a.Name, contact.MaxNameLen, true); err != nil {
			return err
		}
		if !fingerprintPattern.MatchString(a.Fingerprint) {
			return errors.New("an addressee's fingerprint is malformed")
		}
	}
	if m.Passphrase != (len(m.To) == 0) {
		return errors.New("it must be addressed to people or to a passphrase, not both or neither")
	}
	n := len(m.People) + len(m.Identifiers) + len(m.Cases) + len(m.Notices) + len(m.Events) + len(m.Trips) + len(m.Logins)
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
	if err := m.records().Validate(); err != nil {
		if errors.Is(err, vault.ErrUnknownKind) {
			return fmt.Errorf("%w (%v)", ErrNewerFormat, err)
		}
		return err
	}
	for _, v := range m.versions() {
		if v.Created.After(latest) || v.Updated.After(latest) {
			return fmt.Errorf("%s %s was changed in the future (%s), more than a day ahead of this computer's clock", v.what, v.ID, v.Updated.UTC().Format(time.RFC3339))
		}
		if err := v.check(v.Record, latest); err != nil {
			return fmt.Errorf("%s %s %v", v.what, v.ID, err)
		}
	}
	fileOf := map[string]bool{}
	for _, n := range m.Notices {
		f, ok := files[n.File]
		switch {
		case !ok || !strings.HasPrefix(n.File, noticesDir) || fileOf[n.File]:
			return fmt.Errorf("notice %s does not have a file of its own", n.ID)
		case f.Size != n.Size || f.SHA256 != n.SHA256:
			return fmt.Errorf("notice %s and its file differ in size or SHA-256", n.ID)
		}
		fileOf[n.File] = true
	}
	for path := range files {
		if path != readmeName && !fileOf[path] {
			return fmt.Errorf("%.80q belongs to no notice", path)
		}
	}
	return nil
}

// records are the bundle's records as the vault holds them, for the
// record rules; a null record stays null.
func (m *manifest) records() *vault.Index {
	return &vault.Index{
		People:      views(m.People, func(p *personJSON) *vault.Person { return &p.Person }),
		Identifiers: views(m.Identifiers, func(id *identifierJSON) *vault.Identifier { return &id.Identifier }),
		Cases:       views(m.Cases, func(c *caseJSON) *vault.Case { return &c.Case }),
		Notices: views(m.Notices, func(n *noticeJSON) *vault.Notice {
			v := n.notice()
			return &v
		}),
		Events: views(m.Events, func(e *eventJSON) *vault.Event { return &e.Event }),
		Trips:  views(m.Trips, func(t *tripJSON) *vault.Trip { return &t.Trip }),
		Logins: views(m.Logins, func(l *loginJSON) *vault.Login { return &l.Login }),
	}
}

func views[T, V any](records []*T, view func(*T) *V) []*V {
	out := make([]*V, len(records))
	for i, r := range records {
		if r != nil {
			out[i] = view(r)
		}
	}
	return out
}

// version is a record of a bundle as far as merging goes: its kind, ID,
// times and history.
type version struct {
	what string
	vault.Record
	history
}

// versions lists the records, which are not null (records().Validate).
func (m *manifest) versions() []version {
	var vs []version
	for _, p := range m.People {
		vs = append(vs, version{"person", p.Record, p.history})
	}
	for _, c := range m.Cases {
		vs = append(vs, version{"case", c.Record, c.history})
	}
	for _, id := range m.Identifiers {
		vs = append(vs, version{"identifier", id.Record, id.history})
	}
	for _, n := range m.Notices {
		vs = append(vs, version{"notice", n.Record, n.history})
	}
	for _, e := range m.Events {
		vs = append(vs, version{"event", e.Record, e.history})
	}
	for _, t := range m.Trips {
		vs = append(vs, version{"trip", t.Record, t.history})
	}
	for _, l := range m.Logins {
		vs = append(vs, version{"login", l.Record, l.history})
	}
	return vs
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

// hexHash is a hash as the manifest writes it.
func hexHash(sum []byte) string { return hex.EncodeToString(sum) }
