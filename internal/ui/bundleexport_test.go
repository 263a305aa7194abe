package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/bundle"
)

func TestExportAndImportThroughTheScreens(t *testing.T) {
	h := newHarness(t, familyVault(t))
	h.unlock(testPassphrase)
	luis := luisVault(t)
	luisCard, _ := luis.Card("Luis")
	anaCard, _ := h.app.vault.Card("Ana")
	addContact(t, luis, "Ana", anaCard, true)

	// Luis sends Ana a bundle; Ana does not know him yet.
	path := filepath.Join(t.TempDir(), "from-luis.age")
	f, _ := os.Create(path)
	if err := bundle.Export(f, luis, bundle.ExportOptions{SenderName: "Luis"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	flow := &importFlow{app: h.app}
	flow.open(path)
	h.waitFor("the unknown-sender question", func() bool { return h.shows(luisCard.Fingerprint()) })
	h.typeFingerprint(luisCard.Fingerprint())
	test.Tap(h.button(lang.L("I compared it: accept")))
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	revision := h.app.vault.Index().Revision
	test.Tap(h.button(lang.L("Import the ticked changes")))
	h.waitFor("the import", func() bool { return h.app.vault.Index().Revision > revision })
	if _, err := h.app.vault.Index().Person("Sofía Morales"); err != nil {
		t.Fatalf("Luis's person did not arrive: %v", err)
	}
	h.waitFor("the result", func() bool { return h.shows("Added") || h.shows(lang.L("Import bundle")) })

	// Ana adds Luis, compares his fingerprint, and sends him her family,
	// through the export dialog.
	addContact(t, h.app.vault, "Luis", luisCard, true)
	out := filepath.Join(t.TempDir(), "to-luis.age")
	h.app.showExport()
	e := h.app.lastExport
	e.chooseFile = saveTo(t, out)
	h.assertShows("Luis · " + luisCard.Fingerprint())
	e.save()
	h.waitFor("the bundle", func() bool {
		return h.shows(lang.L("Share with family")) && fileSize(out) > 0 && len(h.app.dialogs) > 0
	})
	h.waitFor("the saved message", func() bool {
		return h.shows(lang.L("Saved {{.Path}}. Send it any way you like: only the people it is for can open it.", map[string]any{"Path": out}))
	})

	// Luis opens it with his vault: signed by Ana, holding her family.
	bf, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer bf.Close()
	id, _ := luis.Decrypter()
	b, err := bundle.Open(bf, fileSize(out), id)
	if err != nil {
		t.Fatal(err)
	}
	if _, known := b.KnownSender(luis.Index()); !known {
		t.Error("Luis does not see the bundle as Ana's")
	}
	plan := bundle.Preview(luis.Index(), b)
	if plan.Changes() == 0 {
		t.Error("Ana's bundle would change nothing for Luis")
	}
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// TestExportDialogTicksVerifiedOnly: the export dialog starts with the
// family members whose fingerprint was compared ticked, and no one else.
func TestExportDialogTicksVerifiedOnly(t *testing.T) {
	h := newHarness(t, familyVault(t))
	h.unlock(testPassphrase)
	verified := addContact(t, h.app.vault, "Luis", otherCard(t, "Luis"), true)
	unverified := addContact(t, h.app.vault, "Beto", otherCard(t, "Beto"), false)
	h.app.showExport()
	e := h.app.lastExport
	if !e.to[verified.ID].Checked {
		t.Error("Luis, whose fingerprint was compared, is not ticked")
	}
	if e.to[unverified.ID].Checked {
		t.Error("Beto, whose fingerprint was never compared, is ticked")
	}
	h.assertShows(lang.L("Family members whose fingerprint you have not compared are not ticked: compare it in Family sharing first, or tick them if you are sure."))
	if o := e.options(); len(o.To) != 1 || !o.To[0].SameKeys(verified.Card()) {
		t.Errorf("the bundle would be for %d people", len(o.To))
	}
}
