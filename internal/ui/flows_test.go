package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

func TestCreateVault(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	h := newHarness(t, dir)
	h.assertShows(lang.L("Create your vault"))
	pass := h.focusedSecret()

	typeSecret(pass, "password1")
	h.assertShows(lang.L("It is one of the most used passwords."))
	create := h.button(lang.L("Create vault"))
	if !create.Disabled() {
		t.Fatal("Create vault is enabled for a weak passphrase")
	}
	pass.Clear()
	typeSecret(pass, testPassphrase)
	h.assertShows("Strong")

	test.FocusNext(h.win.Canvas())
	again := h.focusedSecret()
	if again == pass {
		t.Fatal("Tab did not move to the second passphrase field")
	}
	typeSecret(again, testPassphrase[:5])
	h.assertShows(lang.L("The passphrases do not match yet."))
	typeSecret(again, testPassphrase[5:])
	h.assertShows(lang.L("The passphrases match."))
	if !create.Disabled() {
		t.Fatal("Create vault is enabled before the warning was acknowledged")
	}
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("I understand that nobody can recover a lost passphrase")))
	if create.Disabled() {
		t.Fatal("Create vault is still disabled")
	}
	test.Tap(create)
	h.waitFor("the recovery key", func() bool { _, ok := h.app.screen.(*recoveryKeyScreen); return ok })

	// The key is shown once, can be saved, and the screen goes on only
	// when the user says they kept it.
	var key string
	h.recoveryScreen().key.Use(func(b []byte) error { key = string(b); return nil })
	if !strings.HasPrefix(key, "AGE-SECRET-KEY-PQ-1") || !h.shows(key[:30]) {
		t.Fatal("the recovery key is not shown")
	}
	next := h.button(lang.L("Continue"))
	if !next.Disabled() {
		t.Fatal("Continue is enabled before the key was kept")
	}
	saved := filepath.Join(t.TempDir(), "key.txt")
	h.app.askSaveFile = saveTo(t, saved)
	test.Tap(h.button(lang.L("Save as text…")))
	text, err := os.ReadFile(saved)
	if err != nil || !bytes.Contains(text, []byte(key)) {
		t.Fatalf("saved recovery key file (%v) lacks the key", err)
	}
	printed := filepath.Join(t.TempDir(), "kit.pdf")
	h.app.askSaveFile = saveTo(t, printed)
	test.Tap(h.button(lang.L("Save as PDF…")))
	if pdf, err := os.ReadFile(printed); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("Save as PDF wrote no PDF (%v)", err)
	}
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("I have saved or printed my recovery key and put it somewhere safe")))
	test.Tap(next)
	if h.app.main == nil {
		t.Fatal("Continue did not open the vault")
	}
	h.assertShows(lang.L("Your family"))

	// The vault on disk opens with the passphrase, and with the key.
	v, err := vault.Open(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	if _, _, err := vault.Recover(dir, secret.New([]byte(key)), secret.New([]byte(testPassphrase)), fast); err != nil {
		t.Fatalf("the key shown does not recover the vault: %v", err)
	}
}

// saveTo stands in for the save dialog: the file chosen is path.
func saveTo(t *testing.T, path string) func(string, func(fyne.URIWriteCloser)) {
	return func(_ string, save func(fyne.URIWriteCloser)) {
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		save(w)
	}
}

func (h *harness) recoveryScreen() *recoveryKeyScreen {
	h.t.Helper()
	s, ok := h.app.screen.(*recoveryKeyScreen)
	if !ok {
		h.t.Fatalf("the screen is %T, not the recovery key", h.app.screen)
	}
	return s
}

func TestUnlockWrongThenRight(t *testing.T) {
	h := newHarness(t, familyVault(t))
	h.assertShows(lang.L("Unlock your vault"))
	e := h.focusedSecret()
	e.OnSubmitted()
	h.assertShows(lang.L("Type your passphrase."))

	typeSecret(e, "not it")
	e.OnSubmitted()
	h.waitFor("the wrong-passphrase message", func() bool { return h.shows(lang.L("Wrong passphrase. Try again.")) })
	if e.Len() != 0 {
		t.Error("the wrong passphrase was left in the field")
	}
	if h.app.win.Canvas().Focused() != e {
		t.Error("the passphrase field lost focus after a wrong passphrase")
	}
	h.unlock(testPassphrase)
	h.assertShows("Ana Morales", "Luis Morales", "EAC••••••5678")
	h.assertHides(testReceipt, lang.L("Unlock your vault"))
}

func TestRecoverWithTheKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, key, err := vault.Create(dir, secret.New([]byte("forgotten passphrase")), fast)
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	h := newHarness(t, dir)
	test.Tap(h.button(lang.L("Forgot your passphrase? Use the recovery key…")))
	h.assertShows(lang.L("Use your recovery key"))
	keyEntry := h.focusedSecret()
	key.Use(func(b []byte) error { typeSecret(keyEntry, string(b[:20])+"\n  "+string(b[20:])); return nil })
	test.FocusNext(h.win.Canvas())
	typeSecret(h.focusedSecret(), testPassphrase)
	test.FocusNext(h.win.Canvas())
	again := h.focusedSecret()
	typeSecret(again, testPassphrase)
	again.OnSubmitted()

	// Recovering gives the vault a new key: the new recovery key is shown
	// once, before the family, and the one typed no longer opens the vault.
	h.waitFor("the new recovery key", func() bool { _, ok := h.app.screen.(*recoveryKeyScreen); return ok })
	h.assertShows(lang.L("Your previous recovery key no longer opens the vault: keep this new one instead."))
	var newKey string
	h.recoveryScreen().key.Use(func(b []byte) error { newKey = string(b); return nil })
	var oldKey string
	key.Use(func(b []byte) error { oldKey = string(b); return nil })
	if !strings.HasPrefix(newKey, "AGE-SECRET-KEY-PQ-1") || newKey == oldKey || !h.shows(newKey[:30]) {
		t.Fatal("the recovery screen does not show a new recovery key")
	}
	if h.app.main != nil {
		t.Fatal("the family was shown before the new recovery key was kept")
	}
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("I have saved or printed my recovery key and put it somewhere safe")))
	test.Tap(h.button(lang.L("Continue")))
	h.waitFor("the main screen", func() bool { _, ok := h.app.screen.(*mainScreen); return ok })

	h.app.Lock()
	h.unlock(testPassphrase)
	h.app.Lock()
	if _, _, err := vault.Recover(dir, secret.New([]byte(oldKey)), secret.New([]byte("another passphrase here")), fast); !errors.Is(err, vault.ErrWrongRecoveryKey) {
		t.Errorf("the old recovery key still recovers the vault: %v", err)
	}
	if _, _, err := vault.Recover(dir, secret.New([]byte(newKey)), secret.New([]byte(testPassphrase)), fast); err != nil {
		t.Errorf("the new recovery key does not recover the vault: %v", err)
	}
}

func TestEscapeGoesBackFromRecovery(t *testing.T) {
	h := newHarness(t, familyVault(t))
	test.Tap(h.button(lang.L("Forgot your passphrase? Use the recovery key…")))
	key := h.focusedSecret()
	typeSecret(key, "AGE-SECRET")
	key.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, ok := h.app.screen.(*unlockScreen); !ok {
		t.Fatalf("Escape left the screen at %T", h.app.screen)
	}
	if key.Len() != 0 {
		t.Error("going back left the typed key in its field")
	}
}

func TestLockDropsEverythingAndUnlocksAgain(t *testing.T) {
	h := familyHarness(t)
	held := h.app.vault.Index().Identifiers[0].Value
	h.app.Lock()
	if !h.app.Locked() || h.app.main != nil {
		t.Fatal("Lock left the vault open")
	}
	h.assertShows(lang.L("Unlock your vault"))
	h.assertHides("Ana Morales", "EAC")
	if err := held.Use(func([]byte) error { return nil }); err == nil {
		t.Error("a Secret from before the lock still opens: memguard was not purged")
	}
	h.unlock(testPassphrase)
	h.assertShows("Ana Morales")
}

func TestAutoLock(t *testing.T) {
	h := familyHarness(t)
	// lockedAfter lets d pass, in use or idle, and says whether the app
	// locked when it checked its timers.
	lockedAfter := func(d time.Duration, inUse bool) bool {
		h.clock.advance(d)
		if inUse {
			h.app.idle.touch()
		}
		h.app.idle.check()
		return h.app.Locked()
	}

	// Idle: 4 minutes is fine, 5 locks.
	if lockedAfter(4*time.Minute, false) {
		t.Fatal("locked before the idle time")
	}
	if !lockedAfter(time.Minute, false) {
		t.Fatal("not locked after 5 idle minutes")
	}

	// In the background for the set time.
	h.unlock(testPassphrase)
	h.app.idle.background = h.clock.Now()
	if lockedAfter(h.app.set.unfocusLock-time.Second, true) {
		t.Fatal("locked before the background time")
	}
	if !lockedAfter(time.Second, false) {
		t.Fatal("not locked after the window stayed in the background")
	}

	// The hard maximum, however busy the user is.
	h.app.idle.background = time.Time{}
	h.unlock(testPassphrase)
	for range 8 * 60 / 4 {
		lockedAfter(4*time.Minute, true)
	}
	if !h.app.Locked() {
		t.Fatal("not locked after the session maximum")
	}
}

func TestNoVaultFolderProblems(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "format"), []byte("my tax papers"), 0o600)
	h := newHarness(t, dir)
	h.assertShows(lang.L("This vault cannot be opened"), lang.L("Choose another folder in Settings, or start immivault with --vault DIR."))
}

func TestShortcutsLockAndSearch(t *testing.T) {
	h := familyHarness(t)
	c := h.win.Canvas().(fyne.Shortcutable)
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if h.win.Canvas().Focused() != h.app.main.search {
		t.Errorf("Ctrl+F focused %T, not the search field", h.win.Canvas().Focused())
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	h.assertShows(lang.L("Add a person"))
	// With a dialog open, the shortcuts open nothing more.
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault})
	if len(h.app.dialogs) != 1 {
		t.Errorf("%d dialogs after Ctrl+N then Ctrl+O", len(h.app.dialogs))
	}
	h.app.dismissDialog()
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault})
	if !h.app.Locked() {
		t.Error("Ctrl+L did not lock")
	}
}
