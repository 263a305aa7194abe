package main

import (
	"encoding/json"
	"testing"
	"time"

	"immivault/internal/naturalization"
	"immivault/internal/vault"
)

// TestNaturalizationJSONHasEveryField: the JSON's fields are always
// present, lists as [] and unknown dates as "", whatever is known.
func TestNaturalizationJSONHasEveryField(t *testing.T) {
	p := &vault.Person{Record: vault.Record{ID: "aaaaaaaaaaaaaaaa"}, Name: "Ana"}
	for _, f := range []naturalization.Facts{
		{},
		{ResidentSince: time.Date(2018, 3, 15, 0, 0, 0, 0, time.UTC), Trips: []naturalization.Trip{{
			Departed: time.Date(2020, 1, 10, 0, 0, 0, 0, time.UTC), Returned: time.Date(2021, 2, 13, 0, 0, 0, 0, time.UTC)}}},
	} {
		r := naturalization.Compute(f, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
		b, err := json.Marshal(naturalizationOf(p, r, "es"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"person_id", "person", "earliest_filing_date", "rule", "physical_presence", "continuous_residence", "why", "warnings"} {
			if _, ok := m[k]; !ok {
				t.Errorf("no %q in %s", k, b)
			}
		}
		cr := m["continuous_residence"].(map[string]any)
		if cr["breaks"] == nil || cr["presumed_breaks"] == nil || m["why"] == nil || m["warnings"] == nil {
			t.Errorf("a list is null: %s", b)
		}
		pp := m["physical_presence"].(map[string]any)
		for _, k := range []string{"days_in_us", "required", "from", "to"} {
			if _, ok := pp[k]; !ok {
				t.Errorf("no physical_presence.%s in %s", k, b)
			}
		}
	}
}
