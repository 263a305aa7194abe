package vault

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testdata/v1vault was made by the release before authenticated files
// (testdata/README.md says how): one person with an A-number and a case,
// a notice, a second notice whose record was removed (its blob kept alive
// by the generations), and a signing key. Passphrase "correct horse".
func copyV1Vault(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	err := filepath.WalkDir("testdata/v1vault", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/v1vault", path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o700)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestV1VaultOpensAndUpgrades: a vault made by the previous release opens
// with its passphrase, loses nothing, and is upgraded: every index file
// authenticated, the signing key recorded, identity.age marked, format v2.
func TestV1VaultOpensAndUpgrades(t *testing.T) {
	dir := copyV1Vault(t)
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Warnings) > 0 {
		t.Fatalf("warnings: %v", v.Warnings)
	}
	ix := v.Index()
	if len(ix.People) != 1 || ix.People[0].Name != "Maria Exemplo" || len(ix.Cases) != 1 || len(ix.Notices) != 1 {
		t.Fatalf("records: %d people, %d cases, %d notices", len(ix.People), len(ix.Cases), len(ix.Notices))
	}
	if len(ix.Identifiers) != 1 || reveal(t, ix.Identifiers[0].Value) != "A012345678" {
		t.Fatal("the A-number was lost")
	}
	if got := readNotice(t, v, ix.Notices[0]); string(got) != "%PDF-1.4 first notice\n" {
		t.Fatalf("the notice reads %q", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, formatFile)); string(b) != Format+"\n" {
		t.Fatalf("format file: %q", b)
	}
	if _, marked, err := readIdentity(dir, identityFile, &passphraseIdentity{pass: pass("correct horse")}); err != nil || !marked {
		t.Fatalf("identity.age not marked: %v", err)
	}
	if ix.SigningPublicKey == "" {
		t.Fatal("the signing key was not recorded")
	}
	// Every index file now carries its authentication code.
	strict := *v
	strict.legacy = false
	for _, name := range []string{indexFile, generationName(1), generationName(2), generationName(3), generationName(4)} {
		if _, _, err := strict.readIndexFile(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The removed notice's blob is named only by generations: gc keeps it.
	rep, err := v.Verify()
	if err != nil || len(rep.Problems) > 0 || len(rep.Orphans) != 1 {
		t.Fatalf("verify: %v %+v", err, rep)
	}
	backdate(t, dir)
	if n, err := v.CollectGarbage(); err != nil || n != 0 {
		t.Fatalf("gc removed %d: %v", n, err)
	}
	// Opening again changes nothing.
	before := snapshot(t, dir)
	if _, err := Open(dir, pass("correct horse"), fast); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, dir) != before {
		t.Fatal("opening an upgraded vault changed it")
	}
}

// TestUpgradedVaultCannotBeTurnedBack: writing "v1" into the format file
// and planting an unauthenticated index does not make the vault accept it.
func TestUpgradedVaultCannotBeTurnedBack(t *testing.T) {
	dir := copyV1Vault(t)
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, formatFile), []byte(formatV1+"\n"), 0o600)
	encryptToVault(t, v, filepath.Join(dir, indexFile), []byte(plantedIndex))
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if v2.Index().People[0].Name == "Planted Person" {
		t.Fatal("the planted index was accepted")
	}
}

// TestV1VaultRecovers: the recovery key of a v1 vault still works, and the
// key change it makes leaves a current vault.
func TestV1VaultRecovers(t *testing.T) {
	dir := copyV1Vault(t)
	key, err := os.ReadFile("testdata/v1vault-recovery-key.txt")
	if err != nil {
		t.Fatal(err)
	}
	v, newKey, err := Recover(dir, pass(string(bytes.TrimSpace(key))), pass("new horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if newKey.IsEmpty() || len(v.Index().Notices) != 1 {
		t.Fatal("recovery lost records or gave no new key")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, formatFile)); strings.TrimSpace(string(b)) != Format {
		t.Fatalf("format file: %q", b)
	}
	v2, err := Open(dir, pass("new horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := v2.Verify(); err != nil || len(rep.Problems) > 0 {
		t.Fatalf("verify: %v %+v", err, rep)
	}
}
