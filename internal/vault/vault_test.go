package vault

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"immivault/internal/filelock"
	"immivault/internal/ids"
	"immivault/internal/secret"
)

func TestMain(m *testing.M) {
	secret.Preflight()
	code := m.Run()
	cleanupBench()
	os.Exit(code)
}

// fast keeps scrypt cheap in tests; the format records the work factor,
// so these vaults open like any other.
var fast = Options{WorkFactor: 10}

func pass(s string) *secret.Secret { return secret.New([]byte(s)) }

func newVault(t testing.TB) (*Vault, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, _, err := Create(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	return v, dir
}

func reveal(t testing.TB, s *secret.Secret) string {
	t.Helper()
	var out string
	if err := s.Use(func(b []byte) error { out = string(b); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func addFamily(t testing.TB, v *Vault) (personID string) {
	t.Helper()
	err := v.Update(func(ix *Index) error {
		p, err := ix.AddPerson("Maria Exemplo", "1990-02-03", "self")
		if err != nil {
			return err
		}
		personID = p.ID
		if _, err := ix.SetIdentifier(p.ID, ids.ANumber, "", pass("A-012-345-678")); err != nil {
			return err
		}
		if _, err := ix.SetIdentifier(p.ID, ids.Other, "Library card", pass(`Tab\t"quote" ñ 日本`)); err != nil {
			return err
		}
		_, err = ix.SetCase(p.ID, "EAC-25-123-45678", CaseChange{Form: "i485", Received: "2025-01-02"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return personID
}

func TestCreateOpenRoundTrip(t *testing.T) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	ix := v2.Index()
	if len(ix.People) != 1 || ix.People[0].Name != "Maria Exemplo" || ix.Revision != 1 {
		t.Fatalf("people: %+v rev %d", ix.People, ix.Revision)
	}
	a, err := ix.Identifier(pid, ids.ANumber, "")
	if err != nil || reveal(t, a.Value) != "A012345678" {
		t.Fatalf("A-number: %v", err)
	}
	o, err := ix.Identifier(pid, ids.Other, "library card")
	if err != nil || reveal(t, o.Value) != `Tab\t"quote" ñ 日本` {
		t.Fatalf("other: %v %q", err, reveal(t, o.Value))
	}
	c, err := ix.CaseByReceipt("eac2512345678")
	if err != nil || c.Form != "I-485" || c.FormTitle == "" || c.Received != "2025-01-02" {
		t.Fatalf("case: %+v %v", c, err)
	}
}

func TestWrongPassphraseChangesNothing(t *testing.T) {
	_, dir := newVault(t)
	before := snapshot(t, dir)
	_, err := Open(dir, pass("wrong horse"), fast)
	if !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("got %v", err)
	}
	if after := snapshot(t, dir); after != before {
		t.Fatal("a wrong passphrase changed the vault")
	}
}

func TestRecoverSetsANewPassphrase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, recovery, err := Create(dir, pass("forgotten"), fast)
	if err != nil {
		t.Fatal(err)
	}
	addFamily(t, v)
	if !strings.HasPrefix(reveal(t, recovery), "AGE-SECRET-KEY-PQ-1") {
		t.Fatal("recovery key is not an age identity")
	}
	if _, _, err := Recover(dir, pass("AGE-SECRET-KEY-PQ-1NOPE"), pass("x"), fast); err == nil {
		t.Fatal("a bad recovery key was accepted")
	}
	_, other, _ := Create(filepath.Join(t.TempDir(), "other"), pass("p"), fast)
	if _, _, err := Recover(dir, other, pass("x"), fast); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Fatalf("another vault's key: %v", err)
	}
	// As typed back from the printed kit: grouped, on several lines.
	key := reveal(t, recovery)
	var grouped strings.Builder
	for i := 0; i < len(key); i += 4 {
		grouped.WriteString(key[i:min(i+4, len(key))])
		grouped.WriteString([]string{" ", "\n", "\t "}[i%3])
	}
	v2, newKey, err := Recover(dir, pass(grouped.String()), pass("remembered"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(v2.Index().People) != 1 {
		t.Fatal("records lost in recovery")
	}
	if _, err := Open(dir, pass("remembered"), fast); err != nil {
		t.Fatal(err)
	}
	// Recovery changes the vault key: the key just used is spent, the new one works.
	if _, _, err := Recover(dir, recovery, pass("again"), fast); !errors.Is(err, ErrWrongRecoveryKey) {
		t.Fatalf("the old recovery key still opens the vault: %v", err)
	}
	if _, _, err := Recover(dir, newKey, pass("again"), fast); err != nil {
		t.Fatalf("the new recovery key: %v", err)
	}
}

func TestCreateRefusesAnExistingVaultOrFolder(t *testing.T) {
	_, dir := newVault(t)
	if _, _, err := Create(dir, pass("x"), fast); err == nil || !strings.Contains(err.Error(), "already a vault") {
		t.Fatalf("got %v", err)
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "photo.jpg"), []byte("x"), 0o600)
	if _, _, err := Create(other, pass("x"), fast); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("got %v", err)
	}
	if _, err := Open(t.TempDir(), pass("x"), fast); !errors.Is(err, ErrNoVault) {
		t.Fatalf("got %v", err)
	}
}

// Two handles on one vault stand for two processes: each writes on top of
// the other's latest save.
func TestConcurrentWritersKeepEachOthersChanges(t *testing.T) {
	a, dir := newVault(t)
	b, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []*Vault{a, b, a, b} {
		name := string(rune('A' + i))
		if err := v.Update(func(ix *Index) error { _, err := ix.AddPerson(name, "", ""); return err }); err != nil {
			t.Fatal(err)
		}
	}
	c, _ := Open(dir, pass("correct horse"), fast)
	if n := len(c.Index().People); n != 4 || c.Index().Revision != 4 {
		t.Fatalf("people %d revision %d", n, c.Index().Revision)
	}
}

func TestWriterWaitsThenGivesUpWithThePID(t *testing.T) {
	v, dir := newVault(t)
	v.opts.LockTimeout = 100e6
	held, err := filelock.Acquire(filepath.Join(dir, lockFile), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	before := snapshot(t, dir)
	err = v.Update(func(ix *Index) error { _, err := ix.AddPerson("X", "", ""); return err })
	var busy *filelock.BusyError
	if !errors.As(err, &busy) || !strings.Contains(err.Error(), "vault is in use by another immivault process (pid ") {
		t.Fatalf("got %v", err)
	}
	if snapshot(t, dir) != before {
		t.Fatal("a refused writer changed the vault")
	}
}

func TestFailedChangeSavesNothing(t *testing.T) {
	v, dir := newVault(t)
	addFamily(t, v)
	before := snapshot(t, dir)
	err := v.Update(func(ix *Index) error {
		ix.AddPerson("Half", "", "")
		return errors.New("user cancelled")
	})
	if err == nil || snapshot(t, dir) != before || len(v.Index().People) != 1 {
		t.Fatal("a failed change leaked")
	}
}

func TestValidationErrorsNeverHoldTheValue(t *testing.T) {
	v, _ := newVault(t)
	pid := addFamily(t, v)
	err := v.Update(func(ix *Index) error {
		_, err := ix.SetIdentifier(pid, ids.ReceiptNumber, "", pass("EAC25SECRET99"))
		return err
	})
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Fatalf("got %v", err)
	}
}

func TestBlobRoundTripAndDuplicate(t *testing.T) {
	v, _ := newVault(t)
	pid := addFamily(t, v)
	content := bytes.Repeat([]byte("%PDF-1.7 notice "), 5000)
	n := addNoticeNamed(t, v, pid, "../../I-797C.pdf", content)
	if n.FileName != "I-797C.pdf" {
		t.Fatalf("file name %q", n.FileName)
	}
	r, err := v.OpenBlob(n)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	r.Close()
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("blob round trip: %v (%d bytes)", err, len(got))
	}
	ref2, _ := v.AddBlob(bytes.NewReader(content))
	err = v.Update(func(ix *Index) error { _, err := ix.AddNotice(pid, "", "again.pdf", ref2); return err })
	if err == nil || !strings.Contains(err.Error(), "already in the vault") {
		t.Fatalf("duplicate: %v", err)
	}
	rep, err := v.Verify()
	if err != nil || len(rep.Problems) != 0 || len(rep.Orphans) != 1 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}

func TestPaddingHidesExactSize(t *testing.T) {
	for _, n := range []int64{0, 1, 255, 256, 1000, 5 << 20, 5<<20 + 1, 500 << 20} {
		p := padding(n)
		if p < 0 || (n >= 256 && float64(p) > 0.12*float64(n)) {
			t.Errorf("padding(%d) = %d", n, p)
		}
	}
	if padding(5<<20+1)+5<<20+1 != padding(5<<20+1000)+5<<20+1000 {
		t.Error("nearby sizes should pad to the same length")
	}
}

func TestGarbageCollectionKeepsWhatGenerationsNeed(t *testing.T) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	ref, _ := v.AddBlob(strings.NewReader("kept"))
	orphan, _ := v.AddBlob(strings.NewReader("crashed before commit"))
	v.Update(func(ix *Index) error { _, err := ix.AddNotice(pid, "", "a.pdf", ref); return err })
	old := time.Now().Add(-2 * orphanGrace)
	for _, name := range []string{ref.Name, orphan.Name} {
		os.Chtimes(filepath.Join(dir, blobsDir, name), old, old)
	}
	removed, err := v.CollectGarbage()
	if err != nil || removed != 1 {
		t.Fatalf("removed %d: %v", removed, err)
	}
	if _, err := os.Stat(filepath.Join(dir, blobsDir, ref.Name)); err != nil {
		t.Fatal("collected a referenced blob")
	}
}

func TestEditPersonAndRemoveIdentifier(t *testing.T) {
	ix := &Index{}
	ana, err := ix.AddPerson("Ana", "", "self")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.AddPerson("Luis", "", ""); err != nil {
		t.Fatal(err)
	}
	if err := ix.EditPerson(ana.ID, "Luis", "", ""); err == nil {
		t.Error("renaming Ana to an existing name was accepted")
	}
	if err := ix.EditPerson(ana.ID, "Ana María", "1990-02-30", ""); err == nil {
		t.Error("an impossible date of birth was accepted")
	}
	if err := ix.EditPerson(ana.ID, " Ana María ", "1990-02-03", "spouse"); err != nil {
		t.Fatal(err)
	}
	if ana.Name != "Ana María" || ana.Born != "1990-02-03" || ana.Relation != "spouse" {
		t.Errorf("after EditPerson: %+v", ana)
	}
	id, err := ix.SetIdentifier(ana.ID, ids.ANumber, "", secret.New([]byte("A012345678")))
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.RemoveIdentifier(id.ID); err != nil {
		t.Fatal(err)
	}
	if len(ix.Identifiers) != 0 {
		t.Errorf("identifier still there: %d", len(ix.Identifiers))
	}
	if err := ix.RemoveIdentifier(id.ID); err == nil {
		t.Error("removing it twice succeeded")
	}
}
