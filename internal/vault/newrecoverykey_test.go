package vault

import (
	"errors"
	"path/filepath"
	"testing"
)

// TestNewRecoveryKey: a new recovery key replaces the old one and the
// passphrase stays; a mistyped passphrase changes nothing, as it would
// otherwise become the vault's passphrase.
func TestNewRecoveryKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, oldKey, err := Create(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	addFamily(t, v)

	if _, err := v.NewRecoveryKey(pass("correct hose")); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("mistyped passphrase: %v, want ErrWrongPassphrase", err)
	}
	check, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatalf("after a refused replacement the passphrase no longer opens the vault: %v", err)
	}
	check.Close()

	newKey, err := v.NewRecoveryKey(pass("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	v.Close()
	if newKey.Equal(oldKey) {
		t.Fatal("the new recovery key is the old one")
	}
	reopened, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatalf("the passphrase changed: %v", err)
	}
	if len(reopened.Index().People) == 0 {
		t.Fatal("records lost")
	}
	reopened.Close()
	if _, _, err := Recover(dir, oldKey, pass("third horse"), fast); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Fatalf("the old recovery key: %v, want ErrWrongRecoveryKey", err)
	}
	if _, _, err := Recover(dir, newKey, pass("third horse"), fast); err != nil {
		t.Fatalf("the new recovery key: %v", err)
	}
}
