package vault

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"immivault/internal/contact"
	"immivault/internal/ids"
)

// The record rules: what a person, identifier, case, notice, event or
// contact must be, in one place. Each record's Validate holds it to them,
// and Index.Validate holds a set of records to them and to what ties them
// together. A bundle's records are held to all of it, when a bundle is read
// and before one is written (internal/bundle).
//
// index.age is read more leniently (Index.Check): only IDs, links and
// blob names, as every release has checked them. A vault written by an
// earlier release must still open, and its writers did not hold records
// to every rule here (free text could hold control characters or run
// past the lengths below): reading lenient and importing and exporting
// strict loses no vault, and lets no bundle bring in what these rules
// keep out.

// Bounds on free text in records, in bytes: far above what the app writes.
const (
	MaxShortText = 200  // a name, relation, form, notice type, event kind, field name
	MaxLongText  = 4000 // a case's status, an event's note, a field read from a notice
	MaxLabel     = 100  // the label of an "other" identifier
	MaxFileName  = 255  // a notice's file name
	maxFields    = 100  // fields read from one notice
)

// ErrUnknownKind is in the error for an identifier of a kind this
// immivault does not know (a newer one may know more).
var ErrUnknownKind = errors.New("a kind of number this immivault does not know")

var (
	idPattern     = regexp.MustCompile(`^[a-z2-7]{16}$`)
	sha256Pattern = regexp.MustCompile(`^[0-9a-f]{64}$`)
	timePattern   = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
)

// Validate checks the person's own fields.
func (p *Person) Validate() error {
	return p.check("person",
		CheckText("name", p.Name, MaxShortText, true),
		checkDate("date of birth", p.Born),
		CheckText("relation", p.Relation, MaxShortText, false),
		checkDate("resident-since date", p.Since),
		checkDate("marriage date", p.Married),
		checkDate("spouse's citizenship date", p.SpouseCitizenSince),
		checkDate("in-state-since date", p.InStateSince),
		p.Situation.fault(p.ID),
	)
}

// Validate checks the identifier's own fields: a kind this immivault
// knows, the country of a passport or the label of an "other" and nothing
// else, its dates, and a value in the storage form of its kind.
func (id *Identifier) Validate() error {
	if _, err := ids.ParseKind(string(id.Kind)); err != nil || strings.TrimSpace(strings.ToLower(string(id.Kind))) != string(id.Kind) {
		return id.check("identifier", fmt.Errorf("%w: %.40q", ErrUnknownKind, id.Kind))
	}
	var qualifier error
	switch id.Kind {
	case ids.Passport:
		if c, err := ids.NormalizeCountry(id.Country); err != nil || c != id.Country || id.Label != "" {
			qualifier = errors.New("a passport without a valid country")
		}
	case ids.Other:
		if CheckText("label", id.Label, MaxLabel, true) != nil || id.Country != "" {
			qualifier = fmt.Errorf(`an "other" identifier without a label of 1 to %d bytes`, MaxLabel)
		}
	default:
		if id.Label != "" || id.Country != "" {
			qualifier = errors.New("a label or country its kind does not take")
		}
	}
	expires := id.Expires
	if id.Kind == ids.I94 && expires == DurationOfStatus {
		expires = ""
	}
	return id.check("identifier", qualifier,
		id.DocumentFacts.fault(id.Kind),
		checkDate("issue date", id.Issued),
		checkDate("expiry date", expires),
		id.Value.Use(func(v []byte) error {
			n, err := ids.Normalize(id.Kind, v)
			if n != nil {
				defer clear(n)
			}
			if err != nil || string(n) != string(v) {
				return fmt.Errorf("not a valid %s", id.Kind.Title())
			}
			return nil
		}),
	)
}

// Validate checks the case's own fields: a receipt number in storage
// form, its texts and its dates.
func (c *Case) Validate() error {
	var receipt error
	if n, err := ids.Normalize(ids.ReceiptNumber, []byte(c.ReceiptNumber)); err != nil || string(n) != c.ReceiptNumber {
		receipt = errors.New("a malformed receipt number")
	}
	return c.check("case", receipt,
		CheckText("form", c.Form, MaxShortText, false),
		CheckText("form title", c.FormTitle, MaxShortText, false),
		CheckText("status", c.Status, MaxLongText, false),
		checkDate("received date", c.Received),
		checkDate("priority date", c.Priority),
		checkDate("notice date", c.NoticeDate),
	)
}

// Validate checks the notice's own fields: a file name without a path,
// its texts, its size and SHA-256, and the fields read from it. Its blob
// is the index's business (Index.Check): a bundle's notice has none.
func (n *Notice) Validate() error {
	var file, fields error
	switch {
	case strings.ContainsAny(n.FileName, `/\`) || n.FileName == "." || n.FileName == "..":
		file = errors.New("a file name with a path")
	case n.Size < 0 || !sha256Pattern.MatchString(n.SHA256):
		file = errors.New("no valid size or SHA-256")
	case len(n.Fields) > maxFields:
		fields = fmt.Errorf("more than %d fields", maxFields)
	}
	for k, v := range n.Fields {
		if fields == nil {
			fields = firstError(CheckText("a field's name", k, MaxShortText, true), CheckText("a field", v, MaxLongText, false))
		}
	}
	return n.check("notice", file,
		CheckText("file name", n.FileName, MaxFileName, true),
		CheckText("type", n.Type, MaxShortText, false),
		fields,
	)
}

// Validate checks the event's own fields: a date, a time as HH:MM if any,
// a kind, and the notice it was read from as an ID (the notice itself may
// be elsewhere).
func (e *Event) Validate() error {
	var when, notice error
	switch {
	case e.Date == "":
		when = errors.New("no date")
	case e.Time != "" && !timePattern.MatchString(e.Time):
		when = errors.New("a time that is not HH:MM")
	}
	if e.NoticeID != "" && !idPattern.MatchString(e.NoticeID) {
		notice = errors.New("a malformed notice id")
	}
	return e.check("event", when, notice,
		CheckText("kind", e.Kind, MaxShortText, true),
		checkDate("date", e.Date),
		CheckText("note", e.Note, MaxLongText, false),
	)
}

// Validate checks that the contact's name and keys make a card that reads.
func (c *Contact) Validate() error {
	_, err := contact.Parse(c.Card().Marshal())
	return c.check("contact", err)
}

// check is a record's own check, then the first of errs, each said of
// the record: "person 3f2a…: name longer than 200 bytes".
func (r *Record) check(kind string, errs ...error) error {
	switch {
	case !idPattern.MatchString(r.ID):
		return fmt.Errorf("%s %.20q: a malformed id", kind, r.ID)
	case r.Created.IsZero() || r.Updated.IsZero():
		return fmt.Errorf("%s %s: no creation or update time", kind, r.ID)
	}
	if err := firstError(errs...); err != nil {
		return fmt.Errorf("%s %s: %w", kind, r.ID, err)
	}
	return nil
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// CheckText checks free text that records carry: UTF-8, no control
// characters but tab and newline, at most max bytes, and not blank if
// required.
func CheckText(what, s string, max int, required bool) error {
	switch {
	case required && strings.TrimSpace(s) == "":
		return fmt.Errorf("%s is empty", what)
	case len(s) > max:
		return fmt.Errorf("%s longer than %d bytes", what, max)
	case !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }):
		return fmt.Errorf("%s has control characters", what)
	}
	return nil
}

// checkDate accepts "" or a real calendar date as YYYY-MM-DD.
func checkDate(what, d string) error {
	if d == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return fmt.Errorf("%s must be a date as YYYY-MM-DD, e.g. 2025-03-14", what)
	}
	return nil
}

// Validate holds every record of ix to the record rules, and checks what
// ties them together (links). It is what a bundle's records must pass.
func (ix *Index) Validate() error { return ix.links(true) }

// Check is what reading index.age refuses (see above): records that are
// not there, missing or duplicate IDs, links to records that do not exist,
// notices without a valid blob name or size. Code that adds records
// directly (an import) calls it before saving.
func (ix *Index) Check() error {
	if err := ix.links(false); err != nil {
		return err
	}
	for _, n := range ix.Notices {
		if !validBlobName(n.Blob) || n.Size < 0 {
			return fmt.Errorf("notice %s: no valid blob name or size", n.ID)
		}
	}
	return nil
}

// links checks that every record is there (not null), has an ID no other
// record has, and belongs to a person (and case) that is there; with
// strict, that each also passes its Validate.
func (ix *Index) links(strict bool) error {
	seen := map[string]bool{}
	add := func(kind string, r *Record, validate func() error) error {
		switch {
		case strict:
			if err := validate(); err != nil {
				return err
			}
		case r.ID == "":
			return fmt.Errorf("a %s without an id", kind)
		}
		if seen[r.ID] {
			return fmt.Errorf("%s %s: another record has the same id", kind, r.ID)
		}
		seen[r.ID] = true
		return nil
	}
	people, cases := map[string]bool{}, map[string]bool{}
	belongs := func(kind, id, personID, caseID string) error {
		switch {
		case !people[personID]:
			return fmt.Errorf("%s %s: belongs to a person who is not there (%.20q)", kind, id, personID)
		case caseID != "" && !cases[caseID]:
			return fmt.Errorf("%s %s: belongs to a case that is not there (%.20q)", kind, id, caseID)
		}
		return nil
	}
	return firstError(
		each("person", ix.People, func(p *Person) error {
			people[p.ID] = true
			return add("person", &p.Record, p.Validate)
		}),
		each("case", ix.Cases, func(c *Case) error {
			cases[c.ID] = true
			return firstError(add("case", &c.Record, c.Validate), belongs("case", c.ID, c.PersonID, ""))
		}),
		each("identifier", ix.Identifiers, func(id *Identifier) error {
			return firstError(add("identifier", &id.Record, id.Validate), belongs("identifier", id.ID, id.PersonID, ""))
		}),
		each("notice", ix.Notices, func(n *Notice) error {
			return firstError(add("notice", &n.Record, n.Validate), belongs("notice", n.ID, n.PersonID, n.CaseID))
		}),
		each("event", ix.Events, func(e *Event) error {
			return firstError(add("event", &e.Record, e.Validate), belongs("event", e.ID, e.PersonID, e.CaseID))
		}),
		each("contact", ix.Contacts, func(c *Contact) error { return add("contact", &c.Record, c.Validate) }),
		each("login", ix.Logins, func(l *Login) error {
			return firstError(add("login", &l.Record, l.Validate), belongs("login", l.ID, l.PersonID, ""))
		}),
		each("trip", ix.Trips, func(t *Trip) error {
			return firstError(add("trip", &t.Record, t.Validate), belongs("trip", t.ID, t.PersonID, ""))
		}),
		ix.checkTripOverlaps(strict),
	)
}

// each calls f with every record of a list until one fails; a null
// record fails.
func each[T any](kind string, records []*T, f func(*T) error) error {
	for _, r := range records {
		if r == nil {
			return fmt.Errorf("a null %s", kind)
		}
		if err := f(r); err != nil {
			return err
		}
	}
	return nil
}
