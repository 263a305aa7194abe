package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"immivault/internal/ui/translations"
)

func TestSettingsAreSavedAndApplied(t *testing.T) {
	h := familyHarness(t)
	h.app.showSettings()
	h.assertShows(lang.L("Lock after idle"), lang.L("Clear copied values after"), h.dir)

	d := &settingsDialog{app: h.app, draft: *h.app.set}
	d.build()
	d.draft.idleLock = 10 * time.Minute
	d.draft.clipClear = 45 * time.Second
	d.draft.theme = "dark"
	d.draft.language = "es"
	d.save()

	prefs := h.app.fyne.Preferences()
	if got := prefs.Int(prefIdleLock); got != 600 {
		t.Errorf("idle lock saved as %d s", got)
	}
	if got := prefs.Int(prefClipClear); got != 45 {
		t.Errorf("clipboard time saved as %d s", got)
	}
	if got := prefs.String(prefLanguage); got != "es" {
		t.Errorf("language saved as %q", got)
	}
	if v := h.app.fyne.Settings().Theme().(fixedVariant).variant; v != theme.VariantDark {
		t.Errorf("theme variant %v after choosing dark", v)
	}
	// A new app on the same preferences starts with them.
	again := loadSettings(prefs)
	if again.idleLock != 10*time.Minute || again.clipClear != 45*time.Second || again.theme != "dark" {
		t.Errorf("reloaded settings: %+v", again)
	}
	// Copying now uses the new time.
	h.app.main.page.copyValue(h.app.vault.Index().Identifiers[0])
	h.assertShows(lang.L("Copied. The clipboard clears in {{.Seconds}} s", map[string]any{"Seconds": 45}))
}

func TestSettingsVaultLocation(t *testing.T) {
	test.NewTempApp(t)
	s := loadSettings(test.NewTempApp(t).Preferences())
	t.Setenv("IMMIVAULT_VAULT", "")
	if got := defaultVaultDir(s); filepath.Base(got) != "vault" || filepath.Base(filepath.Dir(got)) != "immivault" {
		t.Errorf("default vault dir %q", got)
	}
	t.Setenv("IMMIVAULT_VAULT", "/somewhere/else")
	if got := defaultVaultDir(s); got != "/somewhere/else" {
		t.Errorf("with IMMIVAULT_VAULT: %q", got)
	}
	s.vaultDir = "/chosen"
	if got := defaultVaultDir(s); got != "/chosen" {
		t.Errorf("with a chosen location: %q", got)
	}
}

// TestSpanish shows the unlock screen in Spanish when the language is es.
func TestSpanish(t *testing.T) {
	translations.Use("es")
	t.Cleanup(func() { translations.Use("en") })
	want := lang.L("Unlock your vault")
	if want == "Unlock your vault" {
		t.Fatal("lang.L still answers in English with LANGUAGE=es")
	}
	h := newHarness(t, familyVault(t))
	h.assertShows(want, lang.L("Forgot your passphrase? Use the recovery key…"))
	h.unlock(testPassphrase)
	h.assertShows(lang.L("Numbers"), lang.L("Receipt number"))
}
