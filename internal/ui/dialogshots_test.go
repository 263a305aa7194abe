package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestDialogScreenshots draws the person dialog with a mistake marked, the
// date picker over it and a passphrase shown, in the light and the dark theme, and checks
// that each drew a screen. With IMMIVAULT_SCREENSHOTS=DIR it writes them
// there as PNG (for docs/screenshots).
func TestDialogScreenshots(t *testing.T) {
	out := os.Getenv("IMMIVAULT_SCREENSHOTS")
	for _, variant := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(variant.name, func(t *testing.T) {
			h := familyHarness(t)
			h.app.fyne.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant.variant})
			shot := func(name string) {
				t.Helper()
				img := h.win.Canvas().Capture()
				checkDrawn(t, name, img, variant.variant == theme.VariantLight)
				if out == "" {
					return
				}
				f, err := os.Create(filepath.Join(out, name+"-"+variant.name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
			}
			d := h.app.main.editPerson(nil)
			test.Type(d.name, "Sofía Morales")
			test.Type(d.relation, "child")
			test.Type(d.born, "15/03/2019")
			test.Type(d.since, "June 2, 2021")
			h.assertShows("There is no such day", "Understood as June 2, 2021")
			shot("person-dialog")
			d.born.SetText("03/15/2019")
			h.app.pickDate(d.born)
			h.assertShows("Pick a date", "March", "2019")
			shot("date-picker")
			h.app.dismissDialog()
			h.app.dismissDialog()
			h.app.showChangeKey()
			pass := h.app.screen.(*changeKeyScreen).choice.pass
			typeSecret(pass, "tortilla ventana cohete lavanda")
			pass.Reveal(true)
			shot("passphrase-shown")
			h.app.screen.(*changeKeyScreen).back()
			if pass.Revealed() {
				t.Error("leaving the screen left the passphrase shown")
			}
		})
	}
}
