package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"strings"
	"testing"
)

func TestTripRules(t *testing.T) {
	ix := &Index{}
	p, err := ix.AddPerson("Maria", "", "self")
	if err != nil {
		t.Fatal(err)
	}
	other, _ := ix.AddPerson("Jose", "", "spouse")
	if _, err := ix.AddTrip(p.ID, TripFields{Departed: "2024-03-01", Returned: "2024-03-20", Destination: "Mexico", Purpose: "family"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.AddTrip(other.ID, TripFields{Departed: "2024-03-05", Returned: "2024-03-10"}); err != nil {
		t.Fatalf("another person's trip may overlap: %v", err)
	}
	tests := []struct {
		name string
		f    TripFields
		want string // "" for accepted
	}{
		{"back the day the first ended", TripFields{Departed: "2024-03-20", Returned: "2024-03-25"}, ""},
		{"a day trip", TripFields{Departed: "2024-04-02", Returned: "2024-04-02"}, ""},
		{"no departure", TripFields{Returned: "2024-05-01"}, "needs the day it began"},
		{"not a date", TripFields{Departed: "2024-02-30"}, "departure date must be a date"},
		{"return not a date", TripFields{Departed: "2024-06-01", Returned: "06/20/2024"}, "return date must be a date"},
		{"back before leaving", TripFields{Departed: "2024-06-10", Returned: "2024-06-01"}, "return date is before the departure date"},
		{"inside another", TripFields{Departed: "2024-03-05", Returned: "2024-03-06"}, "overlaps the trip of 2024-03-01 to 2024-03-20"},
		{"around another", TripFields{Departed: "2024-02-01", Returned: "2024-05-01"}, "overlaps"},
		{"still abroad", TripFields{Departed: "2025-01-10"}, ""},
		{"after one still abroad", TripFields{Departed: "2025-02-01", Returned: "2025-02-03"}, "overlaps the trip of 2025-01-10 (not back yet)"},
		{"control characters", TripFields{Departed: "2023-01-01", Returned: "2023-01-02", Destination: "Mex\x00ico"}, "destination has control characters"},
		{"unknown source", TripFields{Departed: "2023-01-01", Returned: "2023-01-02", Source: "guess"}, "trip source"},
	}
	for _, tt := range tests {
		before := len(ix.Trips)
		_, err := ix.AddTrip(p.ID, tt.f)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		case tt.want != "" && len(ix.Trips) != before:
			t.Errorf("%s: a refused trip was added", tt.name)
		}
		if err != nil && strings.HasPrefix(err.Error(), "trip ") {
			t.Errorf("%s: the error names a record, not what was typed: %v", tt.name, err)
		}
	}
	trips := ix.TripsOf(p.ID)
	if len(trips) != 4 || trips[0].Departed != "2024-03-01" || trips[3].Departed != "2025-01-10" || !trips[3].InProgress() {
		t.Fatalf("trips in order: %v", trips)
	}
	if err := ix.Validate(); err != nil {
		t.Fatal(err)
	}

	// Editing into an overlap changes nothing; editing the trip itself is fine.
	first := trips[0]
	if _, err := ix.EditTrip(first.ID, TripFields{Departed: "2024-03-01", Returned: "2024-03-22"}); err == nil {
		t.Error("an edit into the next trip was accepted")
	}
	if first.Returned != "2024-03-20" || first.Destination != "Mexico" {
		t.Errorf("a refused edit changed the trip: %+v", first)
	}
	if _, err := ix.EditTrip(first.ID, TripFields{Departed: "2024-02-28", Returned: "2024-03-20", Destination: "Mexico, Guatemala"}); err != nil {
		t.Fatal(err)
	}
	if got, err := ix.Trip(p.ID, "2024-02-28"); err != nil || got != first {
		t.Errorf("find by departure: %v %v", got, err)
	}
	day, err := ix.AddTrip(p.ID, TripFields{Departed: "2025-01-10", Returned: "2025-01-10"})
	if err != nil {
		t.Fatalf("a day trip on the day a trip began: %v", err)
	}
	if _, err := ix.Trip(p.ID, "2025-01-10"); err == nil || !strings.Contains(err.Error(), "two trips began on 2025-01-10") {
		t.Errorf("two trips on one day, found by the day: %v", err)
	}
	if got, err := ix.Trip(p.ID, day.ID); err != nil || got != day {
		t.Errorf("by id: %v %v", got, err)
	}
	if err := ix.RemoveTrip(day.ID); err != nil {
		t.Fatal(err)
	}
	if err := ix.RemoveTrip(first.ID); err != nil || len(ix.TripsOf(p.ID)) != 3 {
		t.Errorf("remove: %v", err)
	}
	if err := ix.RemoveTrip(first.ID); err == nil {
		t.Error("removed twice")
	}
}

func TestBundleRecordsWithOverlappingTripsAreRefused(t *testing.T) {
	ix := &Index{}
	p, _ := ix.AddPerson("Maria", "", "")
	a, _ := ix.AddTrip(p.ID, TripFields{Departed: "2024-01-01", Returned: "2024-02-01"})
	b, _ := ix.AddTrip(p.ID, TripFields{Departed: "2024-03-01", Returned: "2024-04-01"})
	b.Departed = "2024-01-15"
	if err := ix.Validate(); err == nil || !strings.Contains(err.Error(), "overlaps trip "+a.ID) {
		t.Errorf("overlap: %v", err)
	}
	if err := ix.Check(); err != nil {
		t.Errorf("index.age is read leniently: %v", err)
	}
	b.Departed, b.PersonID = "2024-03-01", "nobodynobodynobo"
	if err := ix.Check(); err == nil {
		t.Error("a trip of nobody's was read")
	}
}

// TestIndexWithTripsIsV3: releases that know logins but not trips would
// drop them at their next save, so an index with trips, or with the
// naturalisation dates, is written as v3, which they refuse.
func TestIndexWithTripsIsV3(t *testing.T) {
	v, dir := newVault(t)
	personID := addFamily(t, v)
	format := func() string {
		var b bytes.Buffer
		if err := writeIndex(&b, v.Index(), sha256.New()); err != nil {
			t.Fatal(err)
		}
		var f struct{ Format string }
		if err := json.Unmarshal(b.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		return f.Format
	}
	if got := format(); got != "immivault-index/v1" {
		t.Errorf("without trips: %s", got)
	}
	var trip *Trip
	if err := v.Update(func(ix *Index) error {
		var err error
		trip, err = ix.AddTrip(personID, TripFields{Departed: "2024-06-01", Returned: "2024-06-30", Destination: "Peru", Purpose: "wedding"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := format(); got != "immivault-index/v3" {
		t.Errorf("with a trip: %s", got)
	}
	v.Close()
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	got := v.Index().TripsOf(personID)
	if len(got) != 1 || *got[0] != *trip {
		t.Fatalf("read back %+v, want %+v", got, trip)
	}
	if err := v.Update(func(ix *Index) error { return ix.RemoveTrip(trip.ID) }); err != nil {
		t.Fatal(err)
	}
	if got := format(); got != "immivault-index/v1" {
		t.Errorf("after removing the trip: %s", got)
	}
	if err := v.Update(func(ix *Index) error {
		p, _ := ix.Person(personID)
		r := p.Residence
		r.Married, r.SpouseCitizenSince = "2020-02-29", "2015-07-04"
		return ix.SetResidence(personID, r)
	}); err != nil {
		t.Fatal(err)
	}
	if got := format(); got != "immivault-index/v3" {
		t.Errorf("with a marriage date: %s", got)
	}
}

func TestResidenceDatesAreChecked(t *testing.T) {
	ix := &Index{}
	p, _ := ix.AddPerson("Maria", "", "")
	for _, r := range []Residence{{Married: "2020-13-01"}, {SpouseCitizenSince: "yesterday"}, {InStateSince: "2021-02-29"}} {
		if err := ix.SetResidence(p.ID, r); err == nil {
			t.Errorf("%+v accepted", r)
		}
	}
	if p.Residence != (Residence{}) {
		t.Errorf("a refused residence changed the person: %+v", p.Residence)
	}
}
