package filing

import (
	"bytes"
	"errors"

	"immivault/internal/ids"

	"immivault/internal/vault"
)

// Apply files the notice as proposed: it stores the file as a blob, then in
// one save creates or updates the case, adds the identifiers and events, and
// records the notice linked to them. If the save fails, the blob is removed
// and nothing is changed.
func Apply(v *vault.Vault, p *Proposal, data []byte) (*vault.Notice, error) {
	blob, err := v.AddBlob(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if blob.SHA256 != p.SHA256 {
		v.DiscardBlob(blob)
		return nil, errors.New("the file changed while it was being filed")
	}
	var filed *vault.Notice
	err = v.Update(func(ix *vault.Index) error {
		caseID := ""
		if p.ReceiptNumber != "" {
			c, err := ix.SetCase(p.PersonID, p.ReceiptNumber, p.CaseChange)
			if err != nil {
				return err
			}
			caseID = c.ID
		}
		for _, id := range p.Identifiers {
			if _, err := ix.SetIdentifier(p.PersonID, id.Kind, "", id.Value); err != nil {
				return err
			}
		}
		for _, c := range p.Conflicts {
			var err error
			switch c.Choice {
			case Replace:
				_, err = ix.SetIdentifier(p.PersonID, c.Kind, "", c.Value)
			case KeepBoth:
				_, err = ix.SetIdentifier(p.PersonID, ids.Other, KeptLabel(c.Kind), c.Value)
			}
			if err != nil {
				return err
			}
		}
		n, err := ix.AddNotice(p.PersonID, caseID, p.FileName, blob)
		if err != nil {
			return err
		}
		n.Type = p.NoticeType
		n.Fields = p.Fields
		for _, e := range p.Events {
			if _, err := ix.AddEvent(vault.Event{
				PersonID: p.PersonID, CaseID: caseID, NoticeID: n.ID,
				Kind: e.Kind, Date: e.Date, Time: e.Time,
			}); err != nil {
				return err
			}
		}
		filed = n
		return nil
	})
	if err != nil {
		v.DiscardBlob(blob)
		return nil, err
	}
	return filed, nil
}

// KeptLabel labels the "other" number a conflicting identifier is kept as: "A-number (from a
// notice)".
func KeptLabel(k ids.Kind) string { return k.Title() + " (from a notice)" }
