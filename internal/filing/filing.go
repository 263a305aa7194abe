// Package filing files a notice into the vault: from what was read off the
// notice it proposes the case, the identifiers and the dated events it
// would add or change, for the user to confirm; then it applies exactly
// that proposal. The desktop app and the CLI share it.
package filing

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"immivault/internal/ids"
	"immivault/internal/notice/fields"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// Proposal is what filing a notice would do. Every change is listed so
// that a person can read it before confirming.
type Proposal struct {
	PersonID   string
	PersonName string
	FileName   string
	SHA256     string
	Size       int64
	NoticeType string

	// Case is the case the notice belongs to: an existing one (CaseID set)
	// or a new one to create. Empty ReceiptNumber: no case (nothing read).
	CaseID        string
	ReceiptNumber string
	CaseChange    vault.CaseChange
	CaseChanges   []string // "form: I-485", "received: 2025-01-02", ...

	Identifiers []ProposedIdentifier
	// Conflicts are identifiers read off the notice where the person already has a different
	// one of that kind: Apply does what each one's Choice says, Skip unless changed.
	Conflicts []Conflict
	// NotAdded are identifiers read off the notice that are not added, each with the reason,
	// in the words of Warnings.
	NotAdded []NotAdded
	Events   []fields.Event
	Fields   map[string]string // stored with the notice record
	Warnings []string
}

// ProposedIdentifier is an identifier read off the notice that the person
// does not have yet. Value is the storage form; Masked is for display.
type ProposedIdentifier struct {
	Kind      ids.Kind
	Value     *secret.Secret
	Masked    string
	Corrected bool
}

// A Conflict is an identifier on the notice that differs from the one the person has.
type Conflict struct {
	ProposedIdentifier
	Stored string // the person's, masked
	Choice Choice
}

// Choice is what to do with a conflicting identifier.
type Choice int

const (
	Skip     Choice = iota // keep the stored one only
	Replace                // the notice's replaces the stored one
	KeepBoth               // keep the stored one, and the notice's as an "other" number labelled with its kind
)

// NotAdded is an identifier on the notice that filing does not add, and why.
type NotAdded struct {
	Kind   ids.Kind
	Masked string
	Reason Reason
	Owner  string // for Others: whose it is
	Why    string // the reason in a sentence, for the command line
}

// Reason is why an identifier is not added.
type Reason int

const (
	Known  Reason = iota // the person already has it
	Others               // someone else in the vault has it
	NotOwn               // a further one of a kind a person has one of: not the notice's own
)

// DuplicateError says the file is already in the vault.
type DuplicateError struct{ NoticeID, FileName, Person string }

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("this file is already in the vault as notice %s (%s, %s)", e.NoticeID, e.FileName, e.Person)
}

// Propose works out what filing a file of data with what was extracted
// from it would change for the person named by personRef.
func Propose(ix *vault.Index, personRef, fileName string, data []byte, n fields.Notice) (*Proposal, error) {
	person, err := ix.Person(personRef)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	p := &Proposal{
		PersonID: person.ID, PersonName: person.Name,
		FileName: fileName, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)),
		NoticeType: n.NoticeType.Value, Fields: map[string]string{}, Warnings: append([]string(nil), n.Warnings...),
	}
	for _, existing := range ix.Notices {
		if existing.SHA256 == p.SHA256 {
			owner, _ := ix.Person(existing.PersonID)
			name := existing.PersonID
			if owner != nil {
				name = owner.Name
			}
			return nil, &DuplicateError{NoticeID: existing.ID, FileName: existing.FileName, Person: name}
		}
	}
	p.proposeCase(ix, n)
	p.proposeIdentifiers(ix, n)
	p.Events = n.Events
	p.recordFields(n)
	return p, nil
}

func (p *Proposal) proposeCase(ix *vault.Index, n fields.Notice) {
	receipt := n.ReceiptNumber.Value
	if receipt == "" {
		p.Warnings = append(p.Warnings, "no receipt number was read: the notice is filed without a case")
		return
	}
	p.ReceiptNumber = receipt
	ch := vault.CaseChange{
		Form: n.Form.Value, Received: n.ReceivedDate.Value,
		Priority: n.PriorityDate.Value, NoticeDate: n.NoticeDate.Value,
	}
	if n.NoticeType.Value != "" {
		ch.Status = n.NoticeType.Value
	}
	c, err := ix.CaseByReceipt(receipt)
	if err == nil {
		if c.PersonID != p.PersonID {
			owner, _ := ix.Person(c.PersonID)
			name := c.PersonID
			if owner != nil {
				name = owner.Name
			}
			p.Warnings = append(p.Warnings, fmt.Sprintf("case %s belongs to %s: file the notice under them, or check the receipt number", receipt, name))
			p.ReceiptNumber = ""
			return
		}
		p.CaseID = c.ID
		ch = onlyNewer(c, ch)
	}
	p.CaseChange = ch
	for _, f := range []struct{ label, v string }{
		{"form", ch.Form}, {"received", ch.Received}, {"priority date", ch.Priority},
		{"notice date", ch.NoticeDate}, {"status", ch.Status},
	} {
		if f.v != "" {
			p.CaseChanges = append(p.CaseChanges, f.label+": "+f.v)
		}
	}
}

// onlyNewer keeps the changes that fill a blank or come from a notice at
// least as recent as the one the case last took its dates from: an old
// receipt notice filed after an approval must not set the status back.
func onlyNewer(c *vault.Case, ch vault.CaseChange) vault.CaseChange {
	keep := func(cur, v string) string {
		if v == cur {
			return ""
		}
		return v
	}
	older := c.NoticeDate != "" && ch.NoticeDate != "" && ch.NoticeDate < c.NoticeDate
	out := vault.CaseChange{Received: keep(c.Received, ch.Received), Priority: keep(c.Priority, ch.Priority)}
	if c.Form == "" {
		out.Form = ch.Form
	}
	if !older {
		out.NoticeDate = keep(c.NoticeDate, ch.NoticeDate)
		out.Status = keep(c.Status, ch.Status)
	}
	return out
}

func (p *Proposal) proposeIdentifiers(ix *vault.Index, n fields.Notice) {
	type read struct {
		kind ids.Kind
		f    fields.Field
	}
	var found []read
	for _, a := range n.ANumbers {
		found = append(found, read{ids.ANumber, a})
	}
	if n.AccountNumber.Value != "" {
		found = append(found, read{ids.AccountNumber, n.AccountNumber})
	}
	for k, fd := range found {
		value := []byte(fd.f.Value)
		masked := ids.Mask(fd.kind, value)
		notAdded := func(r Reason, owner, why string) {
			p.NotAdded = append(p.NotAdded, NotAdded{Kind: fd.kind, Masked: masked, Reason: r, Owner: owner, Why: why})
			p.Warnings = append(p.Warnings, why)
		}
		owner, same := whoHas(ix, fd.kind, value)
		switch {
		case owner == p.PersonID && same:
			notAdded(Known, "", fmt.Sprintf("%s already has this %s", p.PersonName, fd.kind.Title()))
			continue
		case owner != "":
			other, _ := ix.Person(owner)
			name := owner
			if other != nil {
				name = other.Name
			}
			notAdded(Others, name, fmt.Sprintf("the %s on this notice (%s) is %s's: it is not added to %s",
				fd.kind.Title(), masked, name, p.PersonName))
			continue
		case k > 0 && found[k-1].kind == fd.kind:
			// One A-number per person: the first is the notice's own, the others are
			// family members' or a previous file's.
			notAdded(NotOwn, "", fmt.Sprintf("the %s %s is not the notice's own: add it to whoever it belongs to", fd.kind.Title(), masked))
			continue
		}
		id := ProposedIdentifier{Kind: fd.kind, Masked: masked, Corrected: fd.f.Corrected, Value: secret.New(value)}
		if existing, err := ix.Identifier(p.PersonID, fd.kind, ""); err == nil && existing != nil {
			stored := ""
			existing.Value.Use(func(b []byte) error { stored = ids.Mask(fd.kind, b); return nil })
			p.Conflicts = append(p.Conflicts, Conflict{ProposedIdentifier: id, Stored: stored})
			p.Warnings = append(p.Warnings, fmt.Sprintf("%s already has a different %s; the one on this notice (%s) is not added",
				p.PersonName, fd.kind.Title(), masked))
			continue
		}
		p.Identifiers = append(p.Identifiers, id)
	}
}

// whoHas finds the person who has this identifier value, if anyone.
func whoHas(ix *vault.Index, kind ids.Kind, value []byte) (personID string, same bool) {
	want := secret.New(append([]byte(nil), value...))
	release := secret.Hold()
	defer release()
	for _, id := range ix.Identifiers {
		if id.Kind == kind && id.Value.Equal(want) {
			return id.PersonID, true
		}
	}
	return "", false
}

// recordFields keeps what was read with the notice record, for the notice
// list and for a later look at what the extractor saw. Identifier values
// are not kept here: they are in the identifiers, as Secrets.
func (p *Proposal) recordFields(n fields.Notice) {
	set := func(k string, f fields.Field) {
		if f.Value != "" {
			p.Fields[k] = f.Value
		}
	}
	set("receipt_number", n.ReceiptNumber)
	set("form", n.Form)
	set("notice_type", n.NoticeType)
	set("notice_date", n.NoticeDate)
	set("received_date", n.ReceivedDate)
	set("priority_date", n.PriorityDate)
	var others []string
	for _, o := range n.OtherReceipts {
		others = append(others, o.Value)
	}
	if len(others) > 0 {
		p.Fields["other_receipt_numbers"] = strings.Join(others, " ")
	}
}
