package ui

import (
	"context"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"immivault/internal/filing"
	"immivault/internal/ids"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/notice/noticetest"
	"immivault/internal/secret"
	"immivault/internal/totp"
	"immivault/internal/vault"
)

// TestScreenshots renders the main screens with the software painter, in
// the light and the dark theme, and checks that each drew what it should:
// its own words and widgets, on the theme's background, in a picture unlike
// the other screens'. With IMMIVAULT_SCREENSHOTS=DIR it also writes them
// there as PNG (for docs/).
func TestScreenshots(t *testing.T) {
	out := os.Getenv("IMMIVAULT_SCREENSHOTS")
	for _, variant := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(variant.name, func(t *testing.T) {
			h := newHarness(t, familyVault(t))
			h.app.fyne.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant.variant})
			seen := map[[sha256.Size]byte]string{} // each picture, to the screen that drew it
			light := variant.variant == theme.VariantLight
			shot := func(name string, c fyne.Canvas, lightBackground bool, want ...string) {
				t.Helper()
				img := c.Capture()
				checkDrawn(t, name, img, lightBackground)
				shown := shownTexts(c)
				for _, w := range want {
					if !slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, w) }) {
						t.Errorf("%s: the screen does not show %q; it shows:\n%s", name, w, strings.Join(shown, "\n"))
					}
				}
				sum := sha256.Sum256(rgba(img).Pix)
				if other, ok := seen[sum]; ok {
					t.Errorf("%s: drew the same picture as %s", name, other)
				}
				seen[sum] = name
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
			win := h.win.Canvas()
			shot("unlock", win, light, lang.L("Unlock your vault"), lang.L("Unlock"), h.dir)
			h.unlock(testPassphrase)
			fileNotice(t, h, noticetest.Generate(11))
			h.waitFor("the thumbnail", func() bool { return drawnImages(win) == 1 })
			shot("person", win, light, "Ana Morales", "Luis Morales", lang.L("Numbers"), lang.L("Cases"), lang.L("Notices"),
				ids.Mask(ids.ANumber, []byte(testANumber)), "I-485")
			ana, _ := h.app.vault.Index().Person("Ana Morales")
			addScreenshotLogin(t, h, ana)
			h.app.main.page.tick()
			shot("logins", win, light, lang.L("Logins"), lang.L("USCIS online account"), testLoginUser, secretMask,
				lang.L("2-step code"), lang.L("{{.Unused}} of {{.All}} unused", map[string]any{"Unused": 9, "All": 10}))
			login := h.app.editLogin(ana, nil)
			login.service.SetSelectedIndex(1)
			login.username.SetText("AA00A1B2C3")
			login.generate()
			shot("login-dialog", win, light, lang.L("Add a login for {{.Name}}", map[string]any{"Name": "Ana Morales"}), lang.L("Generate"), "Strong")
			h.app.dismissDialog()
			h.app.editIdentifier(ana, nil)
			shot("add-number", win, light, lang.L("Add a number for {{.Name}}", map[string]any{"Name": "Ana Morales"}), lang.L("Kind"), lang.L("Number"))
			h.app.dismissDialog()
			h.app.showSettings()
			shot("settings", win, light, lang.L("Settings"), lang.L("Lock after idle"), lang.L("Theme"), h.dir)
			h.app.dismissDialog()
			h.app.showChangeKey()
			shot("change-passphrase", win, light, lang.L("Change your passphrase"), lang.L("Change passphrase and key"))
			h.app.screen.(*changeKeyScreen).back()
			luis := otherCard(t, "Luis")
			h.app.update(func(ix *vault.Index) error { _, err := ix.AddContact("Luis", luis); return err })
			datedFamily(t, h)
			h.app.showUpcoming()
			shot("upcoming", win, light, lang.L("Upcoming"), lang.L("Export to calendar…"), "Ana Morales")
			h.app.screen.(*upcomingScreen).back()
			h.app.showSharing()
			mine, _ := h.app.vault.Card("Ana Morales")
			shot("sharing", win, light, lang.L("My card: {{.Name}}", map[string]any{"Name": "Ana Morales"}), mine.Fingerprint(), "Luis")
			h.app.showExport()
			shot("export", win, light, lang.L("Share with family"), lang.L("Save bundle…"), "Ana Morales", "Luis · "+luis.Fingerprint())
			h.app.dismissDialog()
			h.app.screen.(*sharingScreen).back()
			h.app.openNotice(h.app.vault.Index().Notices[0])
			h.waitFor("the notice window", func() bool { return len(h.app.viewers) == 1 })
			for w := range h.app.viewers {
				w.Resize(fyne.NewSize(820, 900))
				page := lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": 1, "Pages": 1})
				h.waitFor("the page", func() bool {
					return drawnImages(w.Canvas()) == 1 && slices.Contains(shownTexts(w.Canvas()), page)
				})
				time.Sleep(time.Second)                                     // drawn again at the window's width, if it needs
				shot("notice", w.Canvas(), true, page, lang.L("Fit width")) // mostly the page: white paper
			}
		})
	}
}

// checkDrawn fails the test unless img shows a screen: mostly a light
// background or a dark one, as said, with enough drawn on it in enough
// colours (text, icons, fields) to be one.
func checkDrawn(t *testing.T, name string, img image.Image, lightBackground bool) {
	t.Helper()
	pix := rgba(img)
	counts := map[color.RGBA]int{}
	for i := 0; i+3 < len(pix.Pix); i += 4 {
		counts[color.RGBA{pix.Pix[i], pix.Pix[i+1], pix.Pix[i+2], pix.Pix[i+3]}]++
	}
	var background color.RGBA
	for c, n := range counts {
		if n > counts[background] {
			background = c
		}
	}
	all := len(pix.Pix) / 4
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 300 {
		t.Errorf("%s: captured %v", name, b)
	}
	if drawn := all - counts[background]; drawn < all/50 {
		t.Errorf("%s: only %d of %d pixels differ from the background: nothing drawn", name, drawn, all)
	}
	if len(counts) < 32 {
		t.Errorf("%s: drawn in %d colours, too few for text and icons", name, len(counts))
	}
	light := 299*int(background.R)+587*int(background.G)+114*int(background.B) > 128*1000
	if light != lightBackground {
		t.Errorf("%s: the background is %v, not %s", name, background, map[bool]string{true: "light", false: "dark"}[lightBackground])
	}
}

func rgba(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok {
		return r
	}
	r := image.NewRGBA(img.Bounds())
	draw.Draw(r, r.Bounds(), img, img.Bounds().Min, draw.Src)
	return r
}

// drawnImages counts the visible pictures made from image data (a notice's
// thumbnail or page, a QR code), leaving out icons, which come from
// resources.
func drawnImages(c fyne.Canvas) int {
	n := 0
	for _, o := range append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...) {
		for _, obj := range test.LaidOutObjects(o) {
			if img, ok := obj.(*canvas.Image); ok && img.Visible() && img.Image != nil && img.Resource == nil {
				n++
			}
		}
	}
	return n
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

// addScreenshotLogin gives Ana a USCIS login with every kind of secret.
func addScreenshotLogin(t *testing.T, h *harness, ana *vault.Person) {
	t.Helper()
	ok := h.app.update(func(ix *vault.Index) error {
		l, err := ix.AddLogin(ana.ID, vault.ServiceUSCIS, "", vault.LoginFields{URL: serviceAddress[vault.ServiceUSCIS], Username: testLoginUser}, secret.New([]byte(testLoginPassword)))
		if err != nil {
			return err
		}
		k, err := totp.Parse([]byte(testTOTPURI))
		if err != nil {
			return err
		}
		if _, err := ix.SetLoginTOTP(l.ID, k); err != nil {
			return err
		}
		var codes []*secret.Secret
		for i := range 10 {
			codes = append(codes, secret.New([]byte(fmt.Sprintf("K7Q%02dZX2", i))))
		}
		if _, err := ix.SetBackupCodes(l.ID, codes); err != nil {
			return err
		}
		if _, _, err := ix.UseBackupCode(l.ID, secret.New([]byte("K7Q00ZX2"))); err != nil {
			return err
		}
		_, err = ix.SetSecurityQuestion(l.ID, "What was the name of your first school?", secret.New([]byte(testAnswer)))
		return err
	})
	if !ok {
		t.Fatal("could not add the login")
	}
}
