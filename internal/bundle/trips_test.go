package bundle

import (
	"strings"
	"testing"

	"immivault/internal/contact"
	"immivault/internal/vault"
)

// TestTripsTravelWithTheirPerson: a person exported whole brings their
// trips and naturalisation dates; a trip that would overlap one of the
// importer's is not added beside it.
func TestTripsTravelWithTheirPerson(t *testing.T) {
	a, b := anaAndBeto(t)
	a.update(t, func(ix *vault.Index) error {
		p, err := ix.Person("Ana Morales")
		if err != nil {
			return err
		}
		if err := ix.SetResidence(p.ID, vault.Residence{Since: "2019-05-01", ViaMarriage: true, Married: "2018-02-28", InStateSince: "2019-06-01"}); err != nil {
			return err
		}
		if _, err := ix.AddTrip(p.ID, vault.TripFields{Departed: "2021-03-01", Returned: "2021-10-05", Destination: "Peru", Purpose: "family"}); err != nil {
			return err
		}
		_, err = ix.AddTrip(p.ID, vault.TripFields{Departed: "2024-03-01", Returned: "2024-03-20", Source: vault.TripFromI94})
		return err
	})
	if s, err := Describe(a.v, ExportOptions{To: []contact.Card{b.card(t)}, People: []string{"Ana Morales"}}); err != nil || s.Trips != 2 {
		t.Fatalf("describe: %d trips, %v", s.Trips, err)
	}
	if s, err := Describe(a.v, ExportOptions{To: []contact.Card{b.card(t)}, Cases: []string{"EAC2512345678"}}); err == nil && s.Trips != 0 {
		t.Errorf("a case's export carries %d trips", s.Trips)
	}
	plan, _ := b.importAll(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	adds := 0
	for _, it := range plan.Items {
		if it.Kind == "trip" && it.Action == Add {
			adds++
		}
	}
	if adds != 2 {
		t.Fatalf("trips in the plan: %+v", plan.Items)
	}
	p, err := b.v.Index().Person("Ana Morales")
	if err != nil {
		t.Fatal(err)
	}
	if p.Married != "2018-02-28" || p.InStateSince != "2019-06-01" {
		t.Errorf("the naturalisation dates did not travel: %+v", p.Residence)
	}
	trips := b.v.Index().TripsOf(p.ID)
	if len(trips) != 2 || trips[0].Destination != "Peru" || trips[1].Source != vault.TripFromI94 {
		t.Fatalf("trips: %+v", trips)
	}

	// Beto types the spring trip again, with other dates; Ana adds one
	// that overlaps his.
	tick()
	b.update(t, func(ix *vault.Index) error {
		if err := ix.RemoveTrip(trips[1].ID); err != nil {
			return err
		}
		_, err := ix.AddTrip(p.ID, vault.TripFields{Departed: "2024-02-28", Returned: "2024-03-10"})
		return err
	})
	a.update(t, func(ix *vault.Index) error {
		q, _ := ix.Person("Ana Morales")
		_, err := ix.AddTrip(q.ID, vault.TripFields{Departed: "2024-02-25", Returned: "2024-02-29"})
		return err
	})
	plan, _ = b.importAll(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	var notes []string
	for _, it := range plan.Items {
		if it.Kind == "trip" && it.Action == Duplicate {
			notes = append(notes, it.Note)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "overlaps the trip of 2024-02-28 to 2024-03-10") {
		t.Errorf("the overlapping trip: %q", notes)
	}
	if err := b.v.Index().Validate(); err != nil {
		t.Errorf("the merged vault: %v", err)
	}
}
