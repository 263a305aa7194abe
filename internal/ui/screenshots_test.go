package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"immivault/internal/filing"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/notice/noticetest"
	"immivault/internal/vault"
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
			fileNotice(t, h, noticetest.Generate(11))
			h.waitFor("the thumbnail", func() bool { return h.app.main.page.thumbnails.Load() == 1 })
			shot("person")
			ana, _ := h.app.vault.Index().Person("Ana Morales")
			h.app.editIdentifier(ana, nil)
			shot("add-number")
			h.app.dismissDialog()
			h.app.showSettings()
			shot("settings")
			h.app.dismissDialog()
			h.app.update(func(ix *vault.Index) error { _, err := ix.AddContact("Luis", otherCard(t, "Luis")); return err })
			datedFamily(t, h)
			h.app.showUpcoming()
			shot("upcoming")
			h.app.screen.(*upcomingScreen).back()
			h.app.showSharing()
			shot("sharing")
			h.app.showExport()
			shot("export")
			h.app.dismissDialog()
			h.app.screen.(*sharingScreen).back()
			h.app.openNotice(h.app.vault.Index().Notices[0])
			h.waitFor("the notice window", func() bool { return len(h.app.viewers) == 1 })
			for w := range h.app.viewers {
				w.Resize(fyne.NewSize(820, 900))
				time.Sleep(time.Second) // the page renders in the background
				img := w.Canvas().Capture()
				if out != "" {
					f, _ := os.Create(filepath.Join(out, "notice-"+variant.name+".png"))
					png.Encode(f, img)
					f.Close()
				}
			}
		})
	}
}

// fileNotice files a generated notice under Ana, as confirming its
// proposal would.
func fileNotice(t *testing.T, h *harness, n noticetest.Notice) {
	t.Helper()
	ix := h.app.vault.Index()
	found := fields.Extract(readText(t, n.PDF), fields.PDFText)
	p, err := filing.Propose(ix, "Ana Morales", "notice.pdf", n.PDF, found)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := filing.Apply(h.app.vault, p, n.PDF); err != nil {
		t.Fatal(err)
	}
	h.app.main.refresh()
}

func readText(t *testing.T, pdf []byte) string {
	t.Helper()
	doc, err := notice.Read(context.Background(), pdf, "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	return doc.Text()
}
