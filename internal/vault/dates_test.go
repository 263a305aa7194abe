package vault

import (
	"testing"

	"immivault/internal/ids"
	"immivault/internal/secret"
)

func TestValidityAndResidence(t *testing.T) {
	v, dir := newVault(t)
	var cardID, i94ID, personID string
	err := v.Update(func(ix *Index) error {
		p, _ := ix.AddPerson("Ana", "", "self")
		personID = p.ID
		card, err := ix.SetIdentifier(p.ID, ids.GreenCard, "", secret.New([]byte("SRC0123456789")))
		if err != nil {
			return err
		}
		cardID = card.ID
		i94, err := ix.SetIdentifier(p.ID, ids.I94, "", secret.New([]byte("123456789A1")))
		i94ID = i94.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id   *string
		v    Validity
		fine bool
	}{
		{&cardID, Validity{Issued: "2024-12-15", Expires: "2026-12-15"}, true},
		{&cardID, Validity{Expires: "2026-02-30"}, false},
		{&cardID, Validity{Issued: "2026-01-01", Expires: "2025-01-01"}, false},
		{&cardID, Validity{Expires: "D/S"}, false},
		{&i94ID, Validity{Expires: "d/s"}, true},
		{&cardID, Validity{Expires: "2026-12-15", Source: "nonotice"}, false},
	} {
		err := v.Update(func(ix *Index) error { return ix.SetValidity(*tc.id, tc.v) })
		if (err == nil) != tc.fine {
			t.Errorf("SetValidity(%+v): %v", tc.v, err)
		}
	}
	if err := v.Update(func(ix *Index) error {
		return ix.SetResidence(personID, Residence{Since: "2024-12-15", Conditional: true, ViaMarriage: true})
	}); err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(ix *Index) error { return ix.SetResidence(personID, Residence{Since: "15/12/2024"}) }); err == nil {
		t.Error("a date not in YYYY-MM-DD form was accepted")
	}
	again, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := again.Index().Person("Ana")
	if p.Since != "2024-12-15" || !p.Conditional || !p.ViaMarriage {
		t.Errorf("residence after reopening: %+v", p.Residence)
	}
	for _, id := range again.Index().Identifiers {
		switch id.ID {
		case cardID:
			if id.Expires != "2026-12-15" || id.Issued != "2024-12-15" {
				t.Errorf("card validity after reopening: %+v", id.Validity)
			}
		case i94ID:
			if id.Expires != DurationOfStatus {
				t.Errorf("I-94 validity: %+v", id.Validity)
			}
		}
	}
}
