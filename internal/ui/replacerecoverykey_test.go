package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

// TestNewRecoveryKeyFromSettings: Settings → New recovery key… asks the
// passphrase, refuses a wrong one without changing anything, then shows a
// new recovery key once; the passphrase still opens the vault and the old
// recovery key no longer does.
func TestNewRecoveryKeyFromSettings(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, key, err := vault.Create(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	var oldKey string
	key.Use(func(b []byte) error { oldKey = string(b); return nil })
	v.Close()
	h := newHarness(t, dir)
	h.unlock(testPassphrase)

	h.app.showSettings()
	test.Tap(h.button(lang.L("New recovery key…")))
	if _, ok := h.app.screen.(*replaceKeyScreen); !ok {
		t.Fatalf("New recovery key… showed %T", h.app.screen)
	}
	h.assertShows(lang.L("A new recovery key"))
	makeB := h.button(lang.L("Make a new recovery key"))
	if !makeB.Disabled() {
		t.Fatal("Make is enabled with no passphrase typed")
	}
	pass := h.focusedSecret()
	typeSecret(pass, testPassphrase+"x")
	test.Tap(makeB)
	h.waitFor("the refusal", func() bool { return h.shows(lang.L("Wrong passphrase: nothing was changed.")) })
	if pass.Len() != 0 {
		t.Error("the wrong passphrase was left in its field")
	}
	if _, ok := h.app.screen.(*replaceKeyScreen); !ok {
		t.Fatalf("a wrong passphrase left the screen for %T", h.app.screen)
	}

	typeSecret(pass, testPassphrase)
	test.Tap(makeB)
	h.waitFor("the new recovery key", func() bool { _, ok := h.app.screen.(*recoveryKeyScreen); return ok })
	var newKey string
	h.recoveryScreen().key.Use(func(b []byte) error { newKey = string(b); return nil })
	if !strings.HasPrefix(newKey, "AGE-SECRET-KEY-PQ-1") || newKey == oldKey || !h.shows(newKey[:30]) {
		t.Fatal("no new recovery key is shown")
	}
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("I have saved or printed my recovery key and put it somewhere safe")))
	test.Tap(h.button(lang.L("Continue")))
	if _, ok := h.app.screen.(*mainScreen); !ok {
		t.Fatalf("Continue showed %T", h.app.screen)
	}
	h.app.Lock()

	if _, _, err := vault.Recover(dir, secret.New([]byte(oldKey)), secret.New([]byte(testPassphrase)), fast); !errors.Is(err, vault.ErrWrongRecoveryKey) {
		t.Errorf("the old recovery key still opens the vault: %v", err)
	}
	h.unlock(testPassphrase)
}
