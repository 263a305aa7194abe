package vault

import (
	"strings"
	"testing"
)

// TestHandledMarks: marks are kept, make the index v3 (older releases
// would drop them), survive a save, and are bounded.
func TestHandledMarks(t *testing.T) {
	v, dir := newVault(t)
	addFamily(t, v)
	if err := v.Update(func(ix *Index) error { return ix.MarkHandled("rfe-response-printed/e1") }); err != nil {
		t.Fatal(err)
	}
	if got := writtenFormat(t, v.Index()); got != "immivault-index/v3" {
		t.Fatalf("an index with handled marks is %s", got)
	}
	again, err := Open(dir, pass("correct horse"), fast)
	if err != nil || !again.Index().IsHandled("rfe-response-printed/e1") || again.Index().IsHandled("other") {
		t.Fatalf("after reopening: %v %v", err, again.Index().Handled)
	}
	if err := v.Update(func(ix *Index) error { ix.UnmarkHandled("rfe-response-printed/e1"); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := writtenFormat(t, v.Index()); got == "immivault-index/v3" {
		t.Fatal("without marks the index is still v3")
	}
	ix := &Index{}
	for _, bad := range []string{"", strings.Repeat("x", 201)} {
		if ix.MarkHandled(bad) == nil {
			t.Errorf("MarkHandled(%.20q) accepted", bad)
		}
	}
}
