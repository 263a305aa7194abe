package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"github.com/makiuchi-d/gozxing"
	gozxingqr "github.com/makiuchi-d/gozxing/qrcode"

	"immivault/internal/contact"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// otherCard is the card of another family's vault.
func otherCard(t *testing.T, name string) contact.Card {
	t.Helper()
	v, _, err := vault.Create(filepath.Join(t.TempDir(), "other"), secret.New([]byte("x")), fast)
	if err != nil {
		t.Fatal(err)
	}
	c, err := v.Card(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFamilySharingCardsAndContacts(t *testing.T) {
	h := familyHarness(t)
	test.Tap(h.button(lang.L("Family sharing")))
	s, ok := h.app.screen.(*sharingScreen)
	if !ok {
		t.Fatalf("the screen is %T", h.app.screen)
	}
	if s.mine.Name != "Ana Morales" {
		t.Errorf("my card is named %q, want the person whose relation is self", s.mine.Name)
	}
	h.assertShows(s.mine.Fingerprint(), lang.L("No family members yet. Add the card a family member gave you."))

	// The QR code on screen holds my card exactly.
	img := cardQR(s.mine)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	res, err := gozxingqr.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		t.Fatalf("the card's QR code does not decode: %v", err)
	}
	if res.GetText() != string(s.mine.Marshal()) {
		t.Error("the QR code does not hold the card")
	}

	// Copy my card.
	s.copyCard()
	if got, err := contact.Parse([]byte(h.app.fyne.Clipboard().Content())); err != nil || !got.SameKeys(s.mine) {
		t.Errorf("the copied card does not parse back: %v", err)
	}

	// Add Luis's card by pasting it.
	luis := otherCard(t, "Luis")
	s.addCard()
	paste := h.win.Canvas().Focused().(interface{ SetText(string) })
	paste.SetText(string(s.mine.Marshal()))
	h.assertShows(lang.L("This is your own card."))
	paste.SetText(string(luis.Marshal()))
	h.assertShows(luis.Fingerprint())
	test.Tap(h.button(lang.L("Add")))
	c, err := h.app.vault.Index().Contact("Luis")
	if err != nil {
		t.Fatal(err)
	}
	h.assertShows("Luis", lang.L("fingerprint not compared yet"))

	s.verify(c)
	test.Tap(h.button(lang.L("They match")))
	if c, _ := h.app.vault.Index().Contact("Luis"); !c.Verified {
		t.Error("comparing the fingerprint was not recorded")
	}
	h.assertShows(lang.L("fingerprint compared"))

	s.remove(c)
	test.Tap(h.button(lang.L("Yes")))
	if len(h.app.vault.Index().Contacts) != 0 {
		t.Error("the contact was not removed")
	}
	s.cancel()
	if _, ok := h.app.screen.(*mainScreen); !ok {
		t.Error("Escape did not go back to the family")
	}
}
