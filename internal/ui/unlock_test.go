package ui

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestUnlockCollectsGarbage: after unlocking a vault without warnings, the
// app removes, in the background, stored files that nothing refers to.
func TestUnlockCollectsGarbage(t *testing.T) {
	dir := familyVault(t)
	var name [16]byte
	rand.Read(name[:])
	orphan := filepath.Join(dir, "blobs", hex.EncodeToString(name[:])+".age")
	if err := os.WriteFile(orphan, []byte("left by a crash"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Hour) // past the vault's grace for files being written
	if err := os.Chtimes(orphan, old, old); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir)
	h.unlock(testPassphrase)
	h.waitFor("the orphaned file to be removed", func() bool {
		_, err := os.Stat(orphan)
		return os.IsNotExist(err)
	})
}
