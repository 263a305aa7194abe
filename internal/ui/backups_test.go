package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"immivault/internal/backup"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

func backupsIn(t *testing.T, dir string) []backup.Backup {
	t.Helper()
	all, err := backup.List(dir)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestAutomaticBackupAfterAChange: with a backups folder chosen, a change
// is backed up a while after it is saved; Back up now in Settings makes
// one at once and says when.
func TestAutomaticBackupAfterAChange(t *testing.T) {
	h := familyHarness(t)
	to := filepath.Join(t.TempDir(), "USB drive", "backups")
	h.app.set.backupDir = to
	h.app.backups.delay = 10 * time.Millisecond
	uiMu.Lock()
	h.app.update(func(ix *vault.Index) error { _, err := ix.AddPerson("Sofía Morales", "", "child"); return err })
	uiMu.Unlock()
	h.waitFor("an automatic backup", func() bool { return len(backupsIn(t, to)) == 1 })

	h.clock.advance(2 * time.Second) // another second, another file name (an hour would lock the app)
	h.app.showSettings()
	h.assertShows("Backups", "Last backup: ")
	test.Tap(h.button("Back up now"))
	h.waitFor("the second backup", func() bool { return len(backupsIn(t, to)) == 2 && h.shows("Last backup: just now.") })

	// The backup restores to the family, Sofía included.
	f, _ := os.Open(backupsIn(t, to)[0].Path)
	defer f.Close()
	restored := filepath.Join(t.TempDir(), "vault")
	if err := vault.RestoreBackup(f, restored, secret.New([]byte(testPassphrase)), nil); err != nil {
		t.Fatal(err)
	}
	v, err := vault.Open(restored, secret.New([]byte(testPassphrase)), fast)
	if err != nil || len(v.Index().People) != 3 {
		t.Fatalf("restored: %v", err)
	}
}

// TestLockBacksUpAWaitingChange: a change not backed up yet is backed up
// before the vault closes.
func TestLockBacksUpAWaitingChange(t *testing.T) {
	h := familyHarness(t)
	to := t.TempDir()
	h.app.set.backupDir = to
	h.app.backups.delay = time.Hour
	uiMu.Lock()
	h.app.update(func(ix *vault.Index) error { _, err := ix.AddPerson("Sofía Morales", "", "child"); return err })
	h.app.Lock()
	uiMu.Unlock()
	if len(backupsIn(t, to)) != 1 {
		t.Fatal("locking did not back up the change")
	}
	// Without a change since, locking again makes none.
	h.unlock(testPassphrase)
	uiMu.Lock()
	h.app.Lock()
	uiMu.Unlock()
	if len(backupsIn(t, to)) != 1 {
		t.Fatal("a backup without a change")
	}
}

// TestRestoreOnFirstRun: on a computer without a vault, the first screen
// offers to restore one; a wrong passphrase says which day's it wants; the
// right one opens the family.
func TestRestoreOnFirstRun(t *testing.T) {
	dir := familyVault(t)
	v, err := vault.Open(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	made, _, err := backup.Write(v, t.TempDir(), time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, filepath.Join(t.TempDir(), "new computer", "vault"))
	test.Tap(h.button("Already have a vault on another computer? Restore from a backup…"))
	s, ok := h.app.screen.(*restoreScreen)
	if !ok {
		t.Fatalf("screen is %T", h.app.screen)
	}
	test.Tap(h.button("Restore"))
	h.assertShows("Choose the backup file first.")
	s.choose(made.Path)
	typeSecret(h.focusedSecret(), "not the passphrase")
	test.Tap(h.button("Restore"))
	h.waitFor("the refusal", func() bool { return h.shows("it opens with the passphrase the vault had on Nov 30, 2026") })
	if _, err := os.Stat(h.app.opts.VaultDir); err == nil {
		t.Fatal("a refused restore made the vault folder")
	}
	typeSecret(h.focusedSecret(), testPassphrase)
	test.Tap(h.button("Restore"))
	h.waitFor("the family", func() bool { _, ok := h.app.screen.(*mainScreen); return ok })
	h.assertShows("Ana Morales", "Luis Morales")
}

// TestNoRecentBackupWarning: a vault with records for more than 30 days
// and no backup says so once a day, with the way to Settings.
func TestNoRecentBackupWarning(t *testing.T) {
	h := newHarness(t, familyVault(t))
	h.clock.now = time.Now().Add(40 * 24 * time.Hour)
	h.unlock(testPassphrase)
	h.assertShows("No recent backup", "No backups folder chosen")
	test.Tap(h.button("Later"))
	uiMu.Lock()
	h.app.Lock()
	uiMu.Unlock()
	h.unlock(testPassphrase)
	h.assertHides("No recent backup")
}

// TestSyncedCopyIsMergedAndTold: a sync service's copy of the index is
// merged at unlock, and the app says what came from the other computer.
func TestSyncedCopyIsMergedAndTold(t *testing.T) {
	dir := familyVault(t)
	other := filepath.Join(t.TempDir(), "vault")
	if err := os.CopyFS(other, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	v, err := vault.Open(other, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(ix *vault.Index) error { _, err := ix.AddPerson("Sofía Morales", "", "child"); return err }); err != nil {
		t.Fatal(err)
	}
	copied, _ := os.ReadFile(filepath.Join(other, "index.age"))
	os.WriteFile(filepath.Join(dir, "index (Ana's conflicted copy 2026-12-07).age"), copied, 0o600)
	h := newHarness(t, dir)
	h.unlock(testPassphrase)
	h.assertShows("Changes from another computer", "They are merged: 1 added, 0 updated.", "Sofía Morales")
}
