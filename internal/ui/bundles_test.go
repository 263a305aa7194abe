package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/bundle"
	"immivault/internal/contact"
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

// addContact puts card in v's family list as name, with its fingerprint
// compared or not.
func addContact(t *testing.T, v *vault.Vault, name string, card contact.Card, verified bool) *vault.Contact {
	t.Helper()
	var c *vault.Contact
	err := v.Update(func(ix *vault.Index) error {
		var err error
		if c, err = ix.AddContact(name, card); err != nil || !verified {
			return err
		}
		return ix.VerifyContact(c.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// typeFingerprint types text into the unknown-sender question's entry, as
// a person pasting it.
func (h *harness) typeFingerprint(text string) {
	h.t.Helper()
	for _, o := range h.win.Canvas().Overlays().List() {
		for _, obj := range test.LaidOutObjects(o) {
			if e, ok := obj.(*field); ok && e.Visible() && e.PlaceHolder == lang.L("Type the fingerprint they read to you") {
				e.SetText(text)
				return
			}
		}
	}
	h.t.Fatalf("no fingerprint to type; the window shows:\n%s", strings.Join(shownTexts(h.win.Canvas()), "\n"))
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
	luisCard, _ := luis.Card("Luis")
	h.typeFingerprint(luisCard.Fingerprint())
	test.Tap(h.button(lang.L("I compared it: accept")))
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	test.Tap(h.button(lang.L("Import the ticked changes")))
	h.waitFor("the import", func() bool { _, err := h.app.vault.Index().Person("Sofía Morales"); return err == nil })
}
