package deadline

import (
	"testing"
	"time"

	"immivault/internal/vault"
)

// TestN400FollowsTrips: the N-400 window opens on internal/naturalization's
// date, and moves when a trip is added or removed.
func TestN400FollowsTrips(t *testing.T) {
	ix := &vault.Index{}
	ana, _ := ix.AddPerson("Ana", "", "self")
	if err := ix.SetResidence(ana.ID, vault.Residence{Since: "2018-03-15"}); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2022, 1, 1, 12, 0, 0, 0, time.UTC)
	n400 := func() (Deadline, int) {
		var found Deadline
		n := 0
		for _, d := range Compute(ix, today) {
			if d.Rule == "n400-early-filing" || d.Rule == "n400-early-filing-marriage" {
				found = d
				n++
			}
		}
		return found, n
	}
	check := func(what, rule, date string) {
		t.Helper()
		d, n := n400()
		if n != 1 || d.Rule != rule || d.Date.Format(time.DateOnly) != date || !d.Computed || d.ID != rule+"/"+ana.ID {
			t.Errorf("%s: %d N-400 deadlines, %s on %s (computed %v, id %s); want %s on %s", what, n, d.Rule, d.Date.Format(time.DateOnly), d.Computed, d.ID, rule, date)
		}
	}
	check("no trips", "n400-early-filing", "2022-12-15")

	trip, err := ix.AddTrip(ana.ID, vault.TripFields{Departed: "2020-01-10", Returned: "2021-02-13"})
	if err != nil {
		t.Fatal(err)
	}
	check("a 400-day trip", "n400-early-filing", "2025-02-14")

	// Married to a citizen in 2019: the 3-year rule, 2 years and 1 day
	// after the return.
	r := ana.Residence
	r.ViaMarriage, r.Married = true, "2019-01-05"
	if err := ix.SetResidence(ana.ID, r); err != nil {
		t.Fatal(err)
	}
	check("by marriage", "n400-early-filing-marriage", "2023-02-14")

	if err := ix.RemoveTrip(trip.ID); err != nil {
		t.Fatal(err)
	}
	// 2021-03-15 - 90 days = 2020-12-15; married 2019-01-05 + 3 = 2022-01-05.
	check("trip removed", "n400-early-filing-marriage", "2022-01-05")
}
