package vault

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"immivault/internal/ids"
	"immivault/internal/secret"
)

// now is the clock records are stamped with; tests pin it.
var now = time.Now

// Person finds a person by ID or by name (case-insensitive).
func (ix *Index) Person(ref string) (*Person, error) {
	var found *Person
	for _, p := range ix.People {
		if p.ID == ref {
			return p, nil
		}
		if strings.EqualFold(p.Name, ref) {
			if found != nil {
				return nil, fmt.Errorf("two people are named %q: use the id from `ls`", ref)
			}
			found = p
		}
	}
	if found == nil {
		return nil, &NotFoundError{What: "person", Name: ref}
	}
	return found, nil
}

// AddPerson adds a family member. born is YYYY-MM-DD or empty; relation
// is a key (RelationSelf...), one of the app's words for one, or free text.
func (ix *Index) AddPerson(name, born, relation string) (*Person, error) {
	p := &Person{Record: newRecord(now())}
	if err := ix.setPerson(p, name, born, relation); err != nil {
		return nil, err
	}
	ix.People = append(ix.People, p)
	return p, nil
}

// IdentifiersOf lists a person's identifiers in the order they were added.
func (ix *Index) IdentifiersOf(personID string) []*Identifier {
	var out []*Identifier
	for _, id := range ix.Identifiers {
		if id.PersonID == personID {
			out = append(out, id)
		}
	}
	return out
}

// Identifier finds a person's identifier of a kind; for passports the
// country and for "other" the label tell several apart ("" matches any,
// when there is only one).
func (ix *Index) Identifier(personID string, kind ids.Kind, qualifier string) (*Identifier, error) {
	var found *Identifier
	for _, id := range ix.IdentifiersOf(personID) {
		if id.Kind != kind || (qualifier != "" && !strings.EqualFold(id.qualifier(), qualifier)) {
			continue
		}
		if found != nil {
			return nil, fmt.Errorf("there are several %s identifiers: say which (--country or --label)", kind)
		}
		found = id
	}
	if found == nil {
		return nil, &NotFoundError{What: string(kind), Name: qualifier}
	}
	return found, nil
}

func (id *Identifier) qualifier() string {
	switch id.Kind {
	case ids.Passport:
		return id.Country
	case ids.Other:
		return id.Label
	}
	return ""
}

// SetIdentifier validates raw (the value as typed) and sets the person's
// identifier of that kind, replacing one with the same kind and
// qualifier. raw is wiped. A passport needs its issuing country, "other"
// its label.
func (ix *Index) SetIdentifier(personID string, kind ids.Kind, qualifier string, raw *secret.Secret) (*Identifier, error) {
	if _, err := ix.personByID(personID); err != nil {
		return nil, err
	}
	switch kind {
	case ids.Passport:
		c, err := ids.NormalizeCountry(qualifier)
		if err != nil {
			return nil, err
		}
		qualifier = c
	case ids.Other:
		qualifier = strings.TrimSpace(qualifier)
		if qualifier == "" || len(qualifier) > MaxLabel {
			return nil, errors.New(`an "other" identifier needs a label of 1 to 100 characters`)
		}
	default:
		qualifier = ""
	}
	var norm *secret.Secret
	if err := raw.Use(func(b []byte) error {
		n, err := ids.Normalize(kind, b)
		if err != nil {
			return err
		}
		norm = secret.New(n)
		return nil
	}); err != nil {
		return nil, err
	}
	t := now()
	for _, id := range ix.IdentifiersOf(personID) {
		if id.Kind == kind && strings.EqualFold(id.qualifier(), qualifier) {
			id.Value = norm
			id.touch(t)
			return id, nil
		}
	}
	id := &Identifier{Record: newRecord(t), PersonID: personID, Kind: kind, Value: norm}
	switch kind {
	case ids.Passport:
		id.Country = qualifier
	case ids.Other:
		id.Label = qualifier
	}
	ix.Identifiers = append(ix.Identifiers, id)
	return id, nil
}

func (ix *Index) personByID(id string) (*Person, error) { return byID(ix.People, "person", id) }

// byID finds the record with the ID id; what names its kind in the error.
func byID[R interface{ recordID() string }](records []R, what, id string) (R, error) {
	for _, r := range records {
		if r.recordID() == id {
			return r, nil
		}
	}
	var none R
	return none, &NotFoundError{What: what, Name: id}
}

func (r *Record) recordID() string { return r.ID }

// CaseByReceipt finds a case by its receipt number in any spelling.
func (ix *Index) CaseByReceipt(receipt string) (*Case, error) {
	n, err := ids.Normalize(ids.ReceiptNumber, []byte(receipt))
	if err != nil {
		return nil, err
	}
	for _, c := range ix.Cases {
		if c.ReceiptNumber == string(n) {
			return c, nil
		}
	}
	return nil, &NotFoundError{What: "case", Name: string(n)}
}

// CaseChange is what `case add` sets; empty fields leave a case's value.
type CaseChange struct {
	Form, Received, Priority, NoticeDate, Status string
}

// SetCase adds the person's case with this receipt number, or updates the
// fields given if it exists. A receipt number belongs to one person.
func (ix *Index) SetCase(personID, receipt string, ch CaseChange) (*Case, error) {
	if _, err := ix.personByID(personID); err != nil {
		return nil, err
	}
	n, err := ids.Normalize(ids.ReceiptNumber, []byte(receipt))
	if err != nil {
		return nil, err
	}
	for _, d := range []struct{ what, v string }{
		{"received date", ch.Received}, {"priority date", ch.Priority}, {"notice date", ch.NoticeDate},
	} {
		if err := checkDate(d.what, d.v); err != nil {
			return nil, err
		}
	}
	form, title := "", ""
	if ch.Form != "" {
		if form, title, err = ids.NormalizeForm(ch.Form); err != nil {
			return nil, err
		}
	}
	t := now()
	c, err := ix.CaseByReceipt(string(n))
	if err == nil && c.PersonID != personID {
		return nil, fmt.Errorf("case %s belongs to someone else in this vault", n)
	}
	if c == nil {
		c = &Case{Record: newRecord(t), PersonID: personID, ReceiptNumber: string(n)}
		ix.Cases = append(ix.Cases, c)
	}
	set := func(dst *string, v string) {
		if v != "" && *dst != v {
			*dst = v
			c.touch(t)
		}
	}
	set(&c.Form, form)
	set(&c.FormTitle, title)
	set(&c.Received, ch.Received)
	set(&c.Priority, ch.Priority)
	set(&c.NoticeDate, ch.NoticeDate)
	set(&c.Status, strings.TrimSpace(ch.Status))
	return c, nil
}

// AddNotice records a stored file; blob comes from Vault.AddBlob.
func (ix *Index) AddNotice(personID, caseID, fileName string, blob BlobRef) (*Notice, error) {
	if _, err := ix.personByID(personID); err != nil {
		return nil, err
	}
	if caseID != "" {
		if _, err := ix.caseByID(caseID); err != nil {
			return nil, err
		}
	}
	for _, n := range ix.Notices {
		if n.SHA256 == blob.SHA256 && n.PersonID == personID {
			return nil, fmt.Errorf("this file is already in the vault as notice %s (%s)", n.ID, n.FileName)
		}
	}
	n := &Notice{Record: newRecord(now()), PersonID: personID, CaseID: caseID,
		FileName: cleanFileName(fileName), Size: blob.Size, SHA256: blob.SHA256, Blob: blob.Name}
	ix.Notices = append(ix.Notices, n)
	return n, nil
}

// Notice finds a notice by its ID.
func (ix *Index) Notice(id string) (*Notice, error) { return byID(ix.Notices, "notice", id) }

func (ix *Index) caseByID(id string) (*Case, error) { return byID(ix.Cases, "case", id) }

// AddEvent records a dated event.
func (ix *Index) AddEvent(e Event) (*Event, error) {
	if _, err := ix.personByID(e.PersonID); err != nil {
		return nil, err
	}
	if e.Date == "" {
		return nil, errors.New("an event needs a date")
	}
	if err := checkDate("event date", e.Date); err != nil {
		return nil, err
	}
	e.Record = newRecord(now())
	ix.Events = append(ix.Events, &e)
	return &e, nil
}

// cleanFileName keeps the base name a person gave a file, without any path.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if name == "" || name == "." || name == ".." {
		return "file"
	}
	return name
}

// EditPerson changes a person's name, date of birth and relation.
func (ix *Index) EditPerson(id, name, born, relation string) error {
	p, err := ix.personByID(id)
	if err != nil {
		return err
	}
	if err := ix.setPerson(p, name, born, relation); err != nil {
		return err
	}
	p.touch(now())
	return nil
}

// setPerson checks and sets what AddPerson and EditPerson take. Names are
// unique in a vault, without regard to case.
func (ix *Index) setPerson(p *Person, name, born, relation string) error {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > MaxShortText {
		return fmt.Errorf("a name is 1 to %d characters", MaxShortText)
	}
	for _, other := range ix.People {
		if other != p && strings.EqualFold(other.Name, name) {
			return fmt.Errorf("%q is already in this vault", name)
		}
	}
	if err := checkDate("date of birth", born); err != nil {
		return err
	}
	p.Name, p.Born, p.Relation = name, born, RelationKey(relation)
	return nil
}

// RemoveIdentifier deletes one identifier by record ID.
func (ix *Index) RemoveIdentifier(id string) error {
	for i, x := range ix.Identifiers {
		if x.ID == id {
			ix.Identifiers = append(ix.Identifiers[:i], ix.Identifiers[i+1:]...)
			return nil
		}
	}
	return &NotFoundError{What: "identifier", Name: id}
}
