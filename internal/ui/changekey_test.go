package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

const newTestPassphrase = "girasol maleta trueno 2031 pizarra"

// TestChangePassphraseGivesANewKey: Settings → Change passphrase… asks the
// new passphrase twice with the strength meter, gives the vault a new key,
// and shows the new recovery key once; the old passphrase and the old
// recovery key stop working. Locking waits until the new key was kept.
func TestChangePassphraseGivesANewKey(t *testing.T) {
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
	test.Tap(h.button(lang.L("Change passphrase…")))
	if _, ok := h.app.screen.(*changeKeyScreen); !ok {
		t.Fatalf("Change passphrase… showed %T", h.app.screen)
	}
	h.assertShows(lang.L("Change your passphrase"))
	pass := h.focusedSecret()
	typeSecret(pass, "password1")
	change := h.button(lang.L("Change passphrase and key"))
	if !change.Disabled() {
		t.Fatal("the change is enabled for a weak passphrase")
	}
	pass.Clear()
	typeSecret(pass, newTestPassphrase)
	test.FocusNext(h.win.Canvas())
	again := h.focusedSecret()
	typeSecret(again, newTestPassphrase[:6])
	again.OnSubmitted()
	h.assertShows(lang.L("The passphrases do not match yet."))
	if _, ok := h.app.screen.(*changeKeyScreen); !ok {
		t.Fatal("mismatched passphrases changed the key")
	}
	typeSecret(again, newTestPassphrase[6:])
	if change.Disabled() {
		t.Fatal("the change is still disabled")
	}
	test.Tap(change)
	h.waitFor("the new recovery key", func() bool { _, ok := h.app.screen.(*recoveryKeyScreen); return ok })
	h.assertShows(lang.L("Your previous recovery key no longer opens the vault: keep this new one instead."))
	var newKey string
	h.recoveryScreen().key.Use(func(b []byte) error { newKey = string(b); return nil })
	if !strings.HasPrefix(newKey, "AGE-SECRET-KEY-PQ-1") || newKey == oldKey || !h.shows(newKey[:30]) {
		t.Fatal("no new recovery key is shown")
	}

	// Locking now would lose the only sight of the new key: it waits.
	h.app.Lock()
	if h.app.Locked() {
		t.Fatal("locking dropped the new recovery key before it was kept")
	}
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("I have saved or printed my recovery key and put it somewhere safe")))
	test.Tap(h.button(lang.L("Continue")))
	if !h.app.Locked() {
		t.Fatal("the lock asked for while the key was shown did not happen")
	}

	h.unlock(newTestPassphrase)
	h.app.Lock()
	if _, err := vault.Open(dir, secret.New([]byte(testPassphrase)), fast); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Errorf("the old passphrase still opens the vault: %v", err)
	}
	if _, _, err := vault.Recover(dir, secret.New([]byte(oldKey)), secret.New([]byte(testPassphrase)), fast); !errors.Is(err, vault.ErrWrongRecoveryKey) {
		t.Errorf("the old recovery key still opens the vault: %v", err)
	}
	if _, _, err := vault.Recover(dir, secret.New([]byte(newKey)), secret.New([]byte(testPassphrase)), fast); err != nil {
		t.Errorf("the new recovery key does not open the vault: %v", err)
	}
}

// TestChangePassphraseBackKeepsTheKey: going back changes nothing.
func TestChangePassphraseBackKeepsTheKey(t *testing.T) {
	h := familyHarness(t)
	h.app.showChangeKey()
	e := h.focusedSecret()
	typeSecret(e, newTestPassphrase)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.Len() != 0 {
		t.Error("going back left the typed passphrase in its field")
	}
	if _, ok := h.app.screen.(*mainScreen); !ok {
		t.Fatalf("Escape left the screen at %T", h.app.screen)
	}
	h.app.Lock()
	h.unlock(testPassphrase)
}
