package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/bundle"
	"immivault/internal/contact"
	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// exportTo writes a bundle of v, signed by it as name, for the cards to
// (and v), to a file.
func exportTo(t *testing.T, v *vault.Vault, name string, to ...contact.Card) string {
	t.Helper()
	if to == nil {
		to = []contact.Card{}
	}
	return exportBundle(t, v, bundle.ExportOptions{SenderName: name, To: to})
}

// exportBundle writes a bundle of v, made with o, to a file.
func exportBundle(t *testing.T, v *vault.Vault, o bundle.ExportOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bundle.age")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	err = bundle.Export(f, v, o)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// openBundle opens the bundle at path with v's key.
func openBundle(t *testing.T, path string, v *vault.Vault) *bundle.Bundle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	id, err := v.Decrypter()
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.Open(f, info.Size(), id)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportUnknownSenderNeedsTypedFingerprint: a bundle from someone
// outside the family list is imported only once the person types (or
// pastes) the fingerprint they compared, as ADR 0008 and the CLI's
// --trust-sender ask: a click is not enough, and a wrong fingerprint is
// refused in one line, with nothing imported.
func TestImportUnknownSenderNeedsTypedFingerprint(t *testing.T) {
	h := familyHarness(t)
	luis := luisVault(t)
	luisCard, _ := luis.Card("Luis")
	anaCard, _ := h.app.vault.Card("Ana")
	path := exportTo(t, luis, "Luis", anaCard)
	revision := h.app.vault.Index().Revision

	flow := &importFlow{app: h.app}
	flow.open(path)
	h.waitFor("the unknown-sender question", func() bool { return h.shows(luisCard.Fingerprint()) })
	test.Tap(h.button(lang.L("I compared it: accept")))
	if h.shows(lang.L("Import the ticked changes")) {
		t.Fatal("one click on accept, with no fingerprint typed, went on to the preview")
	}
	h.assertShows(lang.L("Type the fingerprint the sender read to you, to show you compared it."))

	for _, wrong := range []string{anaCard.Fingerprint(), "7K2M-QX9D-4HBT-W0ZA", luisCard.Fingerprint()[:18]} {
		h.typeFingerprint(wrong)
		test.Tap(h.button(lang.L("I compared it: accept")))
		if h.shows(lang.L("Import the ticked changes")) {
			t.Fatalf("the fingerprint %s was accepted for Luis's %s", wrong, luisCard.Fingerprint())
		}
		h.assertShows(lang.L("That is not this bundle's fingerprint: nothing was imported. Accept it only if the sender reads you the one shown."))
	}
	if h.app.vault.Index().Revision != revision {
		t.Fatal("the vault changed")
	}

	// As read over the phone: lower case, spaces for dashes.
	h.typeFingerprint(strings.ToLower(strings.ReplaceAll(luisCard.Fingerprint(), "-", " ")))
	test.Tap(h.button(lang.L("I compared it: accept")))
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	h.assertShows(lang.L("Not in your family list: you typed this sender's fingerprint to accept it."))
	test.Tap(h.button(lang.L("Import the ticked changes")))
	h.waitFor("the import", func() bool { _, err := h.app.vault.Index().Person("Sofía Morales"); return err == nil })
}

// TestImportOwnBundle: a bundle signed by this vault (made here, or on a
// copy of it) is from "you (this vault)", not from an unknown sender.
func TestImportOwnBundle(t *testing.T) {
	dir := familyVault(t)
	copyDir := filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(copyDir, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	other, err := vault.Open(copyDir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Update(func(ix *vault.Index) error { _, err := ix.AddPerson("Nina Morales", "2020-05-05", "child"); return err }); err != nil {
		t.Fatal(err)
	}
	path := exportTo(t, other, "Ana Morales")
	other.Close()

	h := newHarness(t, dir)
	h.unlock(testPassphrase)
	flow := &importFlow{app: h.app}
	flow.open(path)
	h.waitFor("the preview", func() bool {
		return h.shows(lang.L("Import the ticked changes")) || h.shows(lang.L("Unknown sender"))
	})
	h.assertHides(lang.L("Unknown sender"))
	h.assertShows("From you (this vault)", "Nina Morales")
	h.assertHides(lang.L("The sender did not make this bundle for you: someone passed it on. Import it only if you know how it reached you."))
	test.Tap(h.button(lang.L("Import the ticked changes")))
	h.waitFor("the import", func() bool { _, err := h.app.vault.Index().Person("Nina Morales"); return err == nil })
}

// TestImportPassedOnWarns: a bundle that opens with this vault's key but
// does not name it among its addressees was passed on by someone: the
// preview says so, as the CLI does.
func TestImportPassedOnWarns(t *testing.T) {
	h := familyHarness(t)
	luis := luisVault(t)
	luisCard, _ := luis.Card("Luis")
	addContact(t, h.app.vault, "Luis", luisCard, true)
	anaCard, _ := h.app.vault.Card("Ana")
	// Encrypted to Ana's key, but made for a card that is not hers.
	someoneElse := contact.Card{Name: "Beto", Recipient: anaCard.Recipient, SigningKey: luisCard.SigningKey}
	path := exportTo(t, luis, "Luis", someoneElse)

	flow := &importFlow{app: h.app}
	flow.open(path)
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	h.assertShows(lang.L("The sender did not make this bundle for you: someone passed it on. Import it only if you know how it reached you."))

	// One made for her has no warning.
	flow = &importFlow{app: h.app}
	h.app.dismissDialog()
	flow.open(exportTo(t, luis, "Luis", anaCard))
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	h.assertHides(lang.L("The sender did not make this bundle for you: someone passed it on. Import it only if you know how it reached you."))
}

// TestImportPreviewShowsWhatUpdatesReplace: an update shows, field by
// field, what the vault holds now beside what the bundle brings; numbers
// are masked until revealed, as on a person's page.
func TestImportPreviewShowsWhatUpdatesReplace(t *testing.T) {
	h := familyHarness(t)
	luis := luisVault(t)
	luisCard, _ := luis.Card("Luis")
	anaCard, _ := h.app.vault.Card("Ana")
	addContact(t, h.app.vault, "Luis", luisCard, true)
	change := func(status, number string) {
		t.Helper()
		time.Sleep(2 * time.Millisecond) // a new version, at a new time
		err := luis.Update(func(ix *vault.Index) error {
			p, err := ix.Person("Sofía Morales")
			if err != nil {
				return err
			}
			if _, err := ix.SetCase(p.ID, "WAC2419012345", vault.CaseChange{Status: status}); err != nil {
				return err
			}
			_, err = ix.SetIdentifier(p.ID, ids.ANumber, "", secret.New([]byte(number)))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	change("Case Was Received", "A087654321")
	b := openBundle(t, exportTo(t, luis, "Luis", anaCard), h.app.vault)
	if _, err := bundle.Apply(h.app.vault, b, bundle.Preview(h.app.vault.Index(), b)); err != nil {
		t.Fatal(err)
	}
	change("Case Was Approved", "A011111111")

	flow := &importFlow{app: h.app}
	flow.open(exportTo(t, luis, "Luis", anaCard))
	h.waitFor("the preview", func() bool { return h.shows(lang.L("Import the ticked changes")) })
	oldMask, newMask := ids.Mask(ids.ANumber, []byte("A087654321")), ids.Mask(ids.ANumber, []byte("A011111111"))
	h.assertShows(lang.L("In your vault"), lang.L("In the bundle"), lang.L("Status"), "Case Was Received", "Case Was Approved",
		lang.L("Number"), oldMask, newMask)
	oldFull, newFull := string(ids.Format(ids.ANumber, []byte("A087654321"))), string(ids.Format(ids.ANumber, []byte("A011111111")))
	h.assertHides("087654321", "011111111", oldFull, newFull)

	if len(flow.reveals) != 1 {
		t.Fatalf("%d numbers to reveal, want 1", len(flow.reveals))
	}
	test.Tap(flow.reveals[0].button)
	h.assertShows(oldFull, newFull)
	test.Tap(flow.reveals[0].button)
	h.assertHides(oldFull, newFull)
	h.assertShows(oldMask, newMask)
}

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

func TestImportPassphraseBundle(t *testing.T) {
	h := familyHarness(t)
	luis := luisVault(t)
	flow := &importFlow{app: h.app}
	flow.open(exportBundle(t, luis, bundle.ExportOptions{SenderName: "Luis", Passphrase: secret.New([]byte("abuela cumple 80 en mayo")), WorkFactor: 10}))
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
