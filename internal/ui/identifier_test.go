package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// removeANumber opens Ana's A-number for editing and asks to remove it.
func removeANumber(h *harness) {
	h.t.Helper()
	ix := h.app.vault.Index()
	ana, err := ix.Person("Ana Morales")
	if err != nil {
		h.t.Fatal(err)
	}
	for _, id := range ix.IdentifiersOf(ana.ID) {
		if id.Kind == ids.ANumber {
			h.app.editIdentifier(ana, id)
		}
	}
	test.Tap(h.button(lang.L("Remove this number")))
}

// generations are the earlier versions of the index left in dir.
func generations(t *testing.T, dir string) []string {
	t.Helper()
	g, err := filepath.Glob(filepath.Join(dir, "index.age.*"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestRemoveNumberSaysWhatStays: removing a number says that earlier
// versions still hold it (not that it "cannot be undone"), and leaves them.
func TestRemoveNumberSaysWhatStays(t *testing.T) {
	h := familyHarness(t)
	before := len(generations(t, h.dir))
	if before == 0 {
		t.Fatal("the vault keeps no earlier versions to test with")
	}
	removeANumber(h)
	h.assertHides("cannot be undone")
	h.assertShows(lang.L("Remove {{.Kind}} from {{.Name}}? It leaves the vault's records at once, but the earlier versions of the vault that immivault keeps to repair damage still hold it until later saves replace them.",
		map[string]any{"Kind": kindTitle(ids.ANumber), "Name": "Ana Morales"}))
	test.Tap(h.button(lang.L("Remove")))
	if len(h.app.vault.Index().Identifiers) != 1 {
		t.Fatalf("the A-number was not removed: %d identifiers", len(h.app.vault.Index().Identifiers))
	}
	if len(generations(t, h.dir)) < before {
		t.Error("a plain removal deleted earlier versions")
	}
}

// TestRemoveNumberForGood: "Remove it for good" also deletes the earlier
// versions of the index, which held the value.
func TestRemoveNumberForGood(t *testing.T) {
	h := familyHarness(t)
	removeANumber(h)
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("Remove it for good: delete those earlier versions now")))
	test.Tap(h.button(lang.L("Remove")))
	h.waitFor("the earlier versions to go", func() bool { return len(generations(t, h.dir)) == 0 })
	if len(h.app.vault.Index().Identifiers) != 1 {
		t.Fatalf("the A-number was not removed: %d identifiers", len(h.app.vault.Index().Identifiers))
	}
	// The vault still opens, without them.
	h.app.Lock()
	h.unlock(testPassphrase)
	h.assertHides("A-•••-•••-678")
}

// TestRemoveNumberForGoodReportsARefusal: a vault that opened with a
// warning keeps its earlier versions, and the app says so in one line.
func TestRemoveNumberForGoodReportsARefusal(t *testing.T) {
	dir := familyVault(t)
	v, err := vault.Open(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	err = v.Update(func(ix *vault.Index) error { _, err := ix.AddPerson("Eva Morales", "", "child"); return err })
	v.Close()
	if err != nil {
		t.Fatal(err)
	}
	// A damaged current index: the vault opens its previous version, with a
	// warning, and nothing may be removed until it is repaired.
	b, err := os.ReadFile(filepath.Join(dir, "index.age"))
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-1] ^= 1
	if err := os.WriteFile(filepath.Join(dir, "index.age"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir)
	h.unlock(testPassphrase)
	h.app.dismissDialog() // the warnings
	if len(h.app.vault.Warnings) == 0 {
		t.Fatal("the damaged index gave no warning")
	}
	ix := h.app.vault.Index()
	ana, _ := ix.Person("Ana Morales")
	numbers := ix.IdentifiersOf(ana.ID)
	if len(numbers) == 0 {
		t.Fatal("the previous version holds no number to remove")
	}
	h.app.editIdentifier(ana, numbers[0])
	test.Tap(h.button(lang.L("Remove this number")))
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("Remove it for good: delete those earlier versions now")))
	test.Tap(h.button(lang.L("Remove")))
	h.waitFor("the refusal", func() bool { return h.shows("could not be deleted") })
}
