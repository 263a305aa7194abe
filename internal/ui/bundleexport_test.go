package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/bundle"
)

func TestExportAndImportThroughTheScreens(t *testing.T) {
	h := familyHarness(t)
	luis := luisVault(t)
	luisCard, _ := luis.Card("Luis")
	anaCard, _ := h.app.vault.Card("Ana")
	addContact(t, luis, "Ana", anaCard, true)

	// Luis sends Ana a bundle; Ana does not know him yet.
	flow := &importFlow{app: h.app}
	flow.open(exportBundle(t, luis, bundle.ExportOptions{SenderName: "Luis"}))
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
	h.app.showExport()
	h.assertShows("Luis · " + luisCard.Fingerprint())
	out := h.saveBundle()

	// Luis opens it with his vault: signed by Ana, holding her family.
	b := openBundle(t, out, luis)
	if _, known := b.KnownSender(luis.Index()); !known {
		t.Error("Luis does not see the bundle as Ana's")
	}
	plan := bundle.Preview(luis.Index(), b)
	if plan.Changes() == 0 {
		t.Error("Ana's bundle would change nothing for Luis")
	}
}

// saveBundle saves the bundle of the export dialog on screen, as Save
// bundle… does, into a file it returns once written.
func (h *harness) saveBundle() string {
	h.t.Helper()
	out := filepath.Join(h.t.TempDir(), "bundle.age")
	h.app.askSaveFile = saveTo(h.t, out)
	test.Tap(h.button(lang.L("Save bundle…")))
	h.waitFor("the saved message", func() bool {
		return h.shows(lang.L("Saved {{.Path}}. Send it any way you like: only the people it is for can open it.", map[string]any{"Path": out}))
	})
	return out
}

// TestExportDialogTicksVerifiedOnly: the export dialog starts with the
// family members whose fingerprint was compared ticked, and no one else.
func TestExportDialogTicksVerifiedOnly(t *testing.T) {
	h := familyHarness(t)
	verified := addContact(t, h.app.vault, "Luis", otherCard(t, "Luis"), true)
	unverified := addContact(t, h.app.vault, "Beto", otherCard(t, "Beto"), false)
	h.app.showExport()
	if !findCheck(t, h.win.Canvas(), "Luis · "+verified.Card().Fingerprint()).Checked {
		t.Error("Luis, whose fingerprint was compared, is not ticked")
	}
	if findCheck(t, h.win.Canvas(), "Beto · "+unverified.Card().Fingerprint()+" · "+lang.L("fingerprint not compared yet")).Checked {
		t.Error("Beto, whose fingerprint was never compared, is ticked")
	}
	h.assertShows(lang.L("Family members whose fingerprint you have not compared are not ticked: compare it in Family sharing first, or tick them if you are sure."))
	b := openBundle(t, h.saveBundle(), h.app.vault)
	if !b.AddressedToCard(verified.Card()) || b.AddressedToCard(unverified.Card()) {
		t.Errorf("the bundle is for %v, want Ana and Luis", b.AddressedTo())
	}
}

// TestExportCarriesALoginOnlyWhenTicked: the export dialog lists the
// logins unticked; a bundle of everything carries none, and one with a
// login ticked carries it whole.
func TestExportCarriesALoginOnlyWhenTicked(t *testing.T) {
	h := loginHarness(t)
	luis := luisVault(t)
	luisCard, _ := luis.Card("Luis")
	anaCard, _ := h.app.vault.Card("Ana")
	addContact(t, h.app.vault, "Luis", luisCard, true)
	addContact(t, luis, "Ana", anaCard, true)
	label := "Ana Morales · " + lang.L("USCIS online account") + " · " + testLoginUser

	h.app.showExport()
	if findCheck(t, h.win.Canvas(), label).Checked {
		t.Fatal("the login is ticked to begin with")
	}
	b := openBundle(t, h.saveBundle(), luis)
	if n := countLogins(bundle.Preview(luis.Index(), b)); n != 0 {
		t.Fatalf("a bundle of everything carries %d logins", n)
	}

	h.app.dismissDialog()
	h.app.showExport()
	test.Tap(findCheck(t, h.win.Canvas(), label))
	h.assertShows(lang.L("And {{.N}} logins, with their passwords, 2-step secrets and backup codes in full: whoever opens it can sign in.", map[string]any{"N": 1}))
	b = openBundle(t, h.saveBundle(), luis)
	if n := countLogins(bundle.Preview(luis.Index(), b)); n != 1 {
		t.Fatalf("the bundle with the login ticked carries %d logins", n)
	}
}

func countLogins(p bundle.Plan) int {
	n := 0
	for _, it := range p.Items {
		if it.Kind == "login" {
			n++
		}
	}
	return n
}
