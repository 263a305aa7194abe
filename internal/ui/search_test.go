package ui

import (
	"fmt"
	"testing"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// searchableIndex is one person with n free-text identifiers, each a
// 200-byte lower-case value, the longest kind there is.
func searchableIndex(t *testing.T, n int) *vault.Index {
	t.Helper()
	ix := &vault.Index{}
	p, err := ix.AddPerson("Rosa", "", "self")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		value := fmt.Sprintf("pin%04d", i)
		for len(value) < 200 {
			value += "abcdefghij"
		}
		if _, err := ix.SetIdentifier(p.ID, ids.Other, fmt.Sprintf("Label %d", i), secret.New([]byte(value[:200]))); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

// TestSearchComparesIdentifiersInPlace: a keystroke in the search field
// compares every identifier value inside its locked buffer; nothing copies
// the values into ordinary memory, so allocations do not grow with them.
func TestSearchComparesIdentifiersInPlace(t *testing.T) {
	few, many := searchableIndex(t, 1), searchableIndex(t, 101)
	allocs := func(ix *vault.Index) float64 {
		return testing.AllocsPerRun(20, func() { searchIndex(ix, "qqq-999") })
	}
	if a, b := allocs(few), allocs(many); b-a > 5 {
		t.Errorf("searching 101 identifiers makes %.0f allocations, 1 identifier %.0f: the values are copied", b, a)
	}
	for q, want := range map[string]int{"PIN0042": 1, "pin0042": 1, "Pin-00": 100, "ABCDEFGHIJABC": 101, "qqq": 0} {
		hits := 0
		for _, r := range searchIndex(many, q) {
			if r.detail == "Rosa" {
				hits++
			}
		}
		if hits != want {
			t.Errorf("search %q finds %d identifiers, want %d", q, hits, want)
		}
	}
}
