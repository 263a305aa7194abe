package vault

import (
	"errors"
	"strings"

	"immivault/internal/ids"
)

// DurationOfStatus is an I-94's "Admit Until" for students and exchange
// visitors: no date.
const DurationOfStatus = "D/S"

// SetValidity sets a document's issue and expiry dates. noticeID names the
// notice they were read from ("" when typed).
func (ix *Index) SetValidity(identifierID string, v Validity) error {
	id, err := ix.identifierByID(identifierID)
	if err != nil {
		return err
	}
	if err := checkDate("issue date", v.Issued); err != nil {
		return err
	}
	if strings.EqualFold(v.Expires, DurationOfStatus) {
		if id.Kind != ids.I94 {
			return errors.New("only an I-94 can be valid for the duration of status (D/S)")
		}
		v.Expires = DurationOfStatus
	} else if err := checkDate("expiry date", v.Expires); err != nil {
		return err
	}
	if v.Issued != "" && v.Expires != "" && v.Expires != DurationOfStatus && v.Expires < v.Issued {
		return errors.New("the expiry date is before the issue date")
	}
	if v.Source != "" {
		if _, err := ix.Notice(v.Source); err != nil {
			return err
		}
	}
	id.Validity = v
	id.touch(now())
	return nil
}

// SetResidence sets a person's permanent residence details.
func (ix *Index) SetResidence(personID string, r Residence) error {
	p, err := ix.personByID(personID)
	if err != nil {
		return err
	}
	for _, d := range []struct{ what, date string }{{"resident-since date", r.Since}, {"marriage date", r.Married},
		{"spouse's citizenship date", r.SpouseCitizenSince}, {"in-state-since date", r.InStateSince}} {
		if err := checkDate(d.what, d.date); err != nil {
			return err
		}
	}
	if r.Source != "" {
		if _, err := ix.Notice(r.Source); err != nil {
			return err
		}
	}
	p.Residence = r
	p.touch(now())
	return nil
}

func (ix *Index) identifierByID(id string) (*Identifier, error) {
	return byID(ix.Identifiers, "identifier", id)
}
