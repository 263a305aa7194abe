package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestScreenshots renders the main screens with the software painter, in
// the light and the dark theme, and checks that each draws something. With
// IMMIVAULT_SCREENSHOTS=DIR it also writes them there as PNG (for docs/).
func TestScreenshots(t *testing.T) {
	out := os.Getenv("IMMIVAULT_SCREENSHOTS")
	for _, variant := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(variant.name, func(t *testing.T) {
			h := newHarness(t, familyVault(t))
			h.app.fyne.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant.variant})
			shot := func(name string) {
				t.Helper()
				img := h.win.Canvas().Capture()
				if img.Bounds().Dx() < 400 {
					t.Fatalf("%s: captured %v", name, img.Bounds())
				}
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
			shot("unlock")
			h.unlock(testPassphrase)
			shot("person")
			h.app.showSettings()
			shot("settings")
		})
	}
}
