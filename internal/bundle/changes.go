package bundle

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// A Change is one field in which the sender's version of a record differs
// from the one this vault has, for an update (which replaces it) or a
// conflict (which keeps it, and adds the sender's beside it): what the
// field holds here and what it would hold. Identifier values are masked
// as everywhere else; Reveal gives them for a person who asks.
type Change struct {
	// Field is the field's name in manifest.json: "name", "born",
	// "relation", "resident_since", "conditional", "via_marriage",
	// "person", "receipt_number", "form", "form_title", "status",
	// "received", "priority", "notice_date", "kind", "label", "country",
	// "value", "issued", "expires", "case", "file_name", "type", "file",
	// "fields", "date", "time" or "note". Booleans are "yes" and "no".
	Field   string
	Current string
	New     string

	kind              ids.Kind
	current, incoming *secret.Secret
}

// Secret reports whether this is an identifier's value, which Current and
// New show masked.
func (c Change) Secret() bool { return c.current != nil }

// Reveal calls f with both values of an identifier's value change, in
// storage form, for the caller to format (ids.Format) and show for a
// while. It fails for other changes.
func (c Change) Reveal(f func(kind ids.Kind, current, incoming []byte) error) error {
	if c.current == nil || c.incoming == nil {
		return errors.New("this change holds no number")
	}
	return c.current.Use(func(cur []byte) error {
		return c.incoming.Use(func(in []byte) error { return f(c.kind, cur, in) })
	})
}

// changes collects the fields that differ.
type changes []Change

func (cs *changes) add(field, current, incoming string) {
	if current != incoming {
		*cs = append(*cs, Change{Field: field, Current: current, New: incoming})
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (mg *merger) personName(id string) string { return mg.names[id] }

func (mg *merger) receipt(id string) string { return mg.receipts[id] }

func personChanges(local, in *vault.Person) []Change {
	var cs changes
	cs.add("name", local.Name, in.Name)
	cs.add("born", local.Born, in.Born)
	cs.add("relation", local.Relation, in.Relation)
	cs.add("resident_since", local.Since, in.Since)
	cs.add("conditional", yesNo(local.Conditional), yesNo(in.Conditional))
	cs.add("via_marriage", yesNo(local.ViaMarriage), yesNo(in.ViaMarriage))
	cs.add("married", local.Married, in.Married)
	cs.add("spouse_citizen_since", local.SpouseCitizenSince, in.SpouseCitizenSince)
	cs.add("in_state_since", local.InStateSince, in.InStateSince)
	cs.add("i751_waiver", yesNo(local.I751Waiver), yesNo(in.I751Waiver))
	cs.add("principal_id", local.PrincipalID, in.PrincipalID)
	cs.add("moved", local.Moved, in.Moved)
	cs.add("job_ended", local.JobEnded, in.JobEnded)
	cs.add("seeks_asylum", yesNo(local.SeeksAsylum), yesNo(in.SeeksAsylum))
	return cs
}

func tripChanges(local, in *vault.Trip) []Change {
	var cs changes
	cs.add("departed", local.Departed, in.Departed)
	cs.add("returned", local.Returned, in.Returned)
	cs.add("destination", local.Destination, in.Destination)
	cs.add("purpose", local.Purpose, in.Purpose)
	return cs
}

func (mg *merger) caseChanges(local, in *vault.Case) []Change {
	var cs changes
	cs.add("person", mg.personName(local.PersonID), mg.personName(in.PersonID))
	cs.add("receipt_number", local.ReceiptNumber, in.ReceiptNumber)
	cs.add("form", local.Form, in.Form)
	cs.add("form_title", local.FormTitle, in.FormTitle)
	cs.add("status", local.Status, in.Status)
	cs.add("received", local.Received, in.Received)
	cs.add("priority", local.Priority, in.Priority)
	cs.add("notice_date", local.NoticeDate, in.NoticeDate)
	return cs
}

// identifierChanges compares local with in; local may be another record
// of the same kind for the person (a conflict by kind).
func (mg *merger) identifierChanges(local *vault.Identifier, in *identifierJSON) []Change {
	var cs changes
	cs.add("person", mg.personName(local.PersonID), mg.personName(in.PersonID))
	cs.add("kind", local.Kind.Title(), in.Kind.Title())
	cs.add("label", local.Label, in.Label)
	cs.add("country", local.Country, in.Country)
	if !local.Value.Equal(in.Value) {
		cs = append(cs, Change{Field: "value", Current: masked(local.Kind, local.Value), New: masked(in.Kind, in.Value),
			kind: in.Kind, current: local.Value, incoming: in.Value})
	}
	cs.add("issued", local.Issued, in.Issued)
	cs.add("expires", local.Expires, in.Expires)
	cs.add("class", local.Class, in.Class)
	cs.add("parole", local.Parole, in.Parole)
	return cs
}

func masked(k ids.Kind, s *secret.Secret) string {
	var m string
	s.Use(func(v []byte) error { m = ids.Mask(k, v); return nil })
	return m
}

func (mg *merger) noticeChanges(local *vault.Notice, in *noticeJSON) []Change {
	var cs changes
	cs.add("person", mg.personName(local.PersonID), mg.personName(in.PersonID))
	cs.add("case", mg.receipt(local.CaseID), mg.receipt(in.CaseID))
	cs.add("file_name", local.FileName, in.FileName)
	cs.add("type", local.Type, in.Type)
	if local.SHA256 != in.SHA256 {
		cs = append(cs, Change{Field: "file", Current: fileText(local.Size, local.SHA256), New: fileText(in.Size, in.SHA256)})
	}
	cs.add("fields", fieldsText(local.Fields), fieldsText(in.Fields))
	return cs
}

// fileText tells two files apart for a person: the size and the start of
// the SHA-256.
func fileText(size int64, sha string) string {
	s := fmt.Sprintf("%d bytes", size)
	if size >= 1000 {
		s = fmt.Sprintf("%.1f KB", float64(size)/1000)
	}
	if size >= 1_000_000 {
		s = fmt.Sprintf("%.1f MB", float64(size)/1e6)
	}
	return s + ", SHA-256 " + sha[:min(len(sha), 12)] + "…"
}

// fieldsText is what was read off a notice, as "key: value" in key order.
func fieldsText(f map[string]string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(f)) {
		parts = append(parts, k+": "+f[k])
	}
	return shorten(strings.Join(parts, "; "), 400)
}

func (mg *merger) eventChanges(local, in *vault.Event) []Change {
	var cs changes
	cs.add("person", mg.personName(local.PersonID), mg.personName(in.PersonID))
	cs.add("case", mg.receipt(local.CaseID), mg.receipt(in.CaseID))
	cs.add("kind", local.Kind, in.Kind)
	cs.add("date", local.Date, in.Date)
	cs.add("time", local.Time, in.Time)
	cs.add("note", local.Note, in.Note)
	return cs
}
