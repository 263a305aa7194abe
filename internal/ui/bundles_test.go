package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/bundle"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// luisVault is another family's vault with one person and one number.
func luisVault(t *testing.T) *vault.Vault {
	t.Helper()
	v, _, err := vault.Create(filepath.Join(t.TempDir(), "luis"), secret.New([]byte("luis passphrase")), fast)
	if err != nil {
		t.Fatal(err)
	}
	err = v.Update(func(ix *vault.Index) error {
		p, err := ix.AddPerson("Sofía Morales", "2015-06-01", "child")
		if err != nil {
			return err
		}
		_, err = ix.SetCase(p.ID, "WAC2419012345", vault.CaseChange{Form: "I-130", Received: "2024-03-02"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestExportAndImportThroughTheScreens(t *testing.T) {
	h := newHarness(t, familyVault(t))
	h.unlock(testPassphrase)
	luis := luisVault(t)
	luisCard, _ := luis.Card("Luis")
	anaCard, _ := h.app.vault.Card("Ana")
	if err := luis.Update(func(ix *vault.Index) error { _, err := ix.AddContact("Ana", anaCard); return err }); err != nil {
		t.Fatal(err)
	}

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
	test.Tap(h.button(lang.L("I compared it: accept")))
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	revision := h.app.vault.Index().Revision
	test.Tap(h.button(lang.L("Import the ticked changes")))
	h.waitFor("the import", func() bool { return h.app.vault.Index().Revision > revision })
	if _, err := h.app.vault.Index().Person("Sofía Morales"); err != nil {
		t.Fatalf("Luis's person did not arrive: %v", err)
	}
	h.waitFor("the result", func() bool { return h.shows("Added") || h.shows(lang.L("Import bundle")) })

	// Ana adds Luis and sends him her family, through the export dialog.
	if err := h.app.vault.Update(func(ix *vault.Index) error { _, err := ix.AddContact("Luis", luisCard); return err }); err != nil {
		t.Fatal(err)
	}
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

func TestImportPassphraseBundle(t *testing.T) {
	h := newHarness(t, familyVault(t))
	h.unlock(testPassphrase)
	luis := luisVault(t)
	path := filepath.Join(t.TempDir(), "for-grandma.age")
	f, _ := os.Create(path)
	err := bundle.Export(f, luis, bundle.ExportOptions{SenderName: "Luis", Passphrase: secret.New([]byte("abuela cumple 80 en mayo")), WorkFactor: 10})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	flow := &importFlow{app: h.app}
	flow.open(path)
	h.waitFor("the passphrase question", func() bool {
		return h.shows(lang.L("This bundle is protected by a passphrase. Type the one the sender gave you."))
	})
	pass := h.focusedSecret()
	typeSecret(pass, "wrong")
	pass.OnSubmitted()
	h.waitFor("the question again", func() bool {
		_, ok := h.win.Canvas().Focused().(interface{ Len() int })
		return ok && h.shows(lang.L("This bundle is protected by a passphrase. Type the one the sender gave you."))
	})
	pass = h.focusedSecret()
	typeSecret(pass, "abuela cumple 80 en mayo")
	pass.OnSubmitted()
	h.waitFor("the unknown-sender question", func() bool { return h.shows(lang.L("I compared it: accept")) })
	test.Tap(h.button(lang.L("I compared it: accept")))
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	test.Tap(h.button(lang.L("Import the ticked changes")))
	h.waitFor("the import", func() bool { _, err := h.app.vault.Index().Person("Sofía Morales"); return err == nil })
}
