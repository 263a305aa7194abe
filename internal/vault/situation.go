package vault

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"immivault/internal/ids"
)

// Situation is what the deadline rules need to know of a person beyond
// their cards and cases (docs/deadlines.md says which rule reads which).
// Everything here is typed by the person: no notice prints it.
type Situation struct {
	// I751Waiver says the I-751 is filed asking to waive the joint filing
	// (divorce, abuse, extreme hardship, the spouse's death), which may be
	// filed at any time rather than in the 90 days before the card expires.
	I751Waiver bool `json:"i751_waiver,omitempty"`
	// PrincipalID is the person in this vault whose petition this person's
	// residence comes through (the spouse or child of an investor, who has
	// no petition of their own): the rules pick the form to remove
	// conditions by the principal's cases.
	PrincipalID string `json:"principal_id,omitempty"`
	Moved       string `json:"moved,omitempty"`     // YYYY-MM-DD, the last move to a new US address
	JobEnded    string `json:"job_ended,omitempty"` // YYYY-MM-DD, the last day of the job an H-1B, L-1, E or O status rests on
	// SeeksAsylum says the person means to apply for asylum, which is due
	// within a year of arriving.
	SeeksAsylum bool `json:"seeks_asylum,omitempty"`
}

// DocumentFacts are what a document says besides its number and dates.
type DocumentFacts struct {
	// Class is what the document says the person is here as: an EAD's
	// category (C09, A17, C03C), an I-94's class of admission (F1, J1, WT,
	// K1, H1B), a SEVIS form's status (F1 on an I-20, J1 on a DS-2019).
	// Upper-case letters and digits, as NormalizeClass writes it.
	Class string `json:"class,omitempty"`
	// Parole says what a parole document kept as an "other" identifier is:
	// ParoleAdvance (travel and return) or ParoleHumanitarian (a permitted
	// stay); "" leaves it to the label.
	Parole string `json:"parole,omitempty"`
}

// The kinds of parole a document can be.
const (
	ParoleAdvance      = "advance"
	ParoleHumanitarian = "humanitarian"
)

// classKinds are the identifiers that carry a class.
var classKinds = []ids.Kind{ids.EADCard, ids.I94, ids.SEVISID}

var (
	classPattern    = regexp.MustCompile(`^[A-Z][0-9A-Z]{0,5}$`)
	eadCategoryForm = regexp.MustCompile(`^([ABC])0?([0-9]{1,2})([A-Z]{0,2})$`)
)

// NormalizeClass writes the class of a document of this kind as the rules
// compare it: upper case, without the spaces, hyphens and brackets people
// type ("H-1B" is H1B); a work permit's category with two digits ("(c)(9)"
// and "c9" are C09), which an I-94's class of admission does not take (B-2
// is B2). "" stays "".
func NormalizeClass(kind ids.Kind, s string) (string, error) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune(" -()/.", r):
		default:
			return "", fmt.Errorf("a class is letters and digits as printed on the document, e.g. C09, A17, F1, H-1B")
		}
	}
	c := b.String()
	if m := eadCategoryForm.FindStringSubmatch(c); kind == ids.EADCard && m != nil && len(m[2]) == 1 {
		c = m[1] + "0" + m[2] + m[3]
	}
	if c != "" && !classPattern.MatchString(c) {
		return "", fmt.Errorf("a class is 1 to 6 letters and digits, starting with a letter, e.g. C09, A17, F1, H1B")
	}
	return c, nil
}

// fault is what is wrong with the facts on a document of this kind, or nil.
func (f DocumentFacts) fault(kind ids.Kind) error {
	switch {
	case f.Class != "" && !slices.Contains(classKinds, kind):
		return errors.New("a class on a document that has none (only a work permit, an I-94 or a SEVIS form)")
	case f.Class != "" && !classPattern.MatchString(f.Class):
		return errors.New("a class that is not letters and digits")
	case f.Parole != "" && kind != ids.Other:
		return errors.New(`a parole kind on an identifier that is not of kind "other"`)
	case f.Parole != "" && f.Parole != ParoleAdvance && f.Parole != ParoleHumanitarian:
		return errors.New("a parole kind that is neither advance nor humanitarian")
	}
	return nil
}

// fault is what is wrong with the situation of this person, or nil. A
// principal is checked only as an ID: a bundle may carry a person without
// the principal, whose rules then fall back to the person's own cases.
func (s Situation) fault(personID string) error {
	switch {
	case s.PrincipalID != "" && !idPattern.MatchString(s.PrincipalID):
		return errors.New("a malformed principal id")
	case s.PrincipalID != "" && s.PrincipalID == personID:
		return errors.New("is their own principal")
	}
	return firstError(checkDate("moving date", s.Moved), checkDate("job end date", s.JobEnded))
}

// SetSituation sets what the deadline rules need to know of a person. A
// principal must be another person in this vault.
func (ix *Index) SetSituation(personID string, s Situation) error {
	p, err := ix.personByID(personID)
	if err != nil {
		return err
	}
	if s.PrincipalID == personID {
		return errors.New("a person cannot be their own principal: name the family member whose petition the residence comes through")
	}
	if s.PrincipalID != "" {
		if _, err := ix.personByID(s.PrincipalID); err != nil {
			return err
		}
	}
	if err := firstError(checkDate("moving date", s.Moved), checkDate("job end date", s.JobEnded)); err != nil {
		return err
	}
	p.Situation = s
	p.touch(now())
	return nil
}

// SetDocumentFacts sets a document's class and parole kind.
func (ix *Index) SetDocumentFacts(identifierID string, f DocumentFacts) error {
	id, err := ix.identifierByID(identifierID)
	if err != nil {
		return err
	}
	if f.Class, err = NormalizeClass(id.Kind, f.Class); err != nil {
		return err
	}
	switch {
	case f.Class != "" && !slices.Contains(classKinds, id.Kind):
		return errors.New("only a work permit (ead-card), an I-94 or a SEVIS form (sevis-id) has a class")
	case f.Parole != "" && id.Kind != ids.Other:
		return errors.New(`only a document of kind other can be a parole document`)
	case f.Parole != "" && f.Parole != ParoleAdvance && f.Parole != ParoleHumanitarian:
		return errors.New("parole is advance (travel) or humanitarian (a stay)")
	}
	id.DocumentFacts = f
	id.touch(now())
	return nil
}

// hasDeadlineFacts says whether any person or document holds a fact of
// this file, which releases before v3 would drop.
func (ix *Index) hasDeadlineFacts() bool {
	return slices.ContainsFunc(ix.People, func(p *Person) bool { return p.Situation != Situation{} }) ||
		slices.ContainsFunc(ix.Identifiers, func(id *Identifier) bool { return id.DocumentFacts != DocumentFacts{} })
}
