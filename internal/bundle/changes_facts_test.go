package bundle

import (
	"slices"
	"testing"

	"immivault/internal/vault"
)

// TestChangesListTheDeadlineFacts: an import shows a change to what the
// deadline rules read of a person or a document, as of any other field.
func TestChangesListTheDeadlineFacts(t *testing.T) {
	t.Parallel()
	local := &vault.Person{Name: "Ana"}
	in := &vault.Person{Name: "Ana", Situation: vault.Situation{I751Waiver: true, Moved: "2026-03-02", JobEnded: "2026-02-27",
		SeeksAsylum: true, PrincipalID: "aaaaaaaaaaaaaaaa"}}
	var fields []string
	for _, c := range personChanges(local, in) {
		fields = append(fields, c.Field)
	}
	for _, want := range []string{"i751_waiver", "principal_id", "moved", "job_ended", "seeks_asylum"} {
		if !slices.Contains(fields, want) {
			t.Errorf("person changes %v lack %s", fields, want)
		}
	}
	if got := personChanges(local, &vault.Person{Name: "Ana"}); len(got) != 0 {
		t.Errorf("no change listed as %v", got)
	}
}
