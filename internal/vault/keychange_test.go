package vault

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
)

// TestChangeKeyLocksOutTheOldIdentity: someone who kept the old
// identity.age (a backup, a sync service's history) and knows the old
// passphrase reads nothing the vault holds after a key change. Before key
// changes, a passphrase change re-wrapped identity.age alone and the old
// copy kept opening everything, including what was added afterwards.
func TestChangeKeyLocksOutTheOldIdentity(t *testing.T) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	n := addNotice(t, v, pid, []byte("%PDF-1.4 a notice"))
	stolen, err := os.ReadFile(filepath.Join(dir, identityFile))
	if err != nil {
		t.Fatal(err)
	}

	newKey, err := v.ChangeKey(pass("new horse"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(reveal(t, newKey), "AGE-SECRET-KEY-PQ-1") {
		t.Fatal("no new recovery key")
	}
	if err := v.Update(func(ix *Index) error { _, err := ix.AddPerson("Added Later", "", ""); return err }); err != nil {
		t.Fatal(err)
	}

	// The thief's view: the old identity, opened with the old passphrase.
	scratch := t.TempDir()
	os.WriteFile(filepath.Join(scratch, identityFile), stolen, 0o600)
	oldID, _, err := readIdentity(scratch, identityFile, &passphraseIdentity{pass: pass("correct horse")})
	if err != nil {
		t.Fatal(err)
	}
	var id age.Identity
	oldID.Use(func(b []byte) error { id, err = age.ParseHybridIdentity(string(b)); return err })
	files := mustGlob(t, filepath.Join(dir, "*.age*"))
	files = append(files, mustGlob(t, filepath.Join(dir, blobsDir, "*.age"))...)
	for _, f := range files {
		if filepath.Base(f) == identityFile {
			continue
		}
		b, _ := os.ReadFile(f)
		if _, err := age.Decrypt(bytes.NewReader(b), id); err == nil {
			t.Errorf("the old identity still opens %s", f)
		}
	}

	// The owner's view: everything is there, under the new passphrase only.
	if _, err := Open(dir, pass("correct horse"), fast); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("old passphrase: %v", err)
	}
	v2, err := Open(dir, pass("new horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(v2.Index().People) != 2 || len(v2.Index().Notices) != 1 {
		t.Fatalf("records lost: %d people, %d notices", len(v2.Index().People), len(v2.Index().Notices))
	}
	got := readNotice(t, v2, v2.Index().Notices[0])
	if string(got) != "%PDF-1.4 a notice" {
		t.Fatal("the notice changed")
	}
	if v2.Index().Notices[0].Blob == n.Blob {
		t.Fatal("the blob was not re-encrypted under a new name")
	}
	if _, err := os.Stat(filepath.Join(dir, blobsDir, n.Blob)); err == nil {
		t.Fatal("the old blob is still there")
	}
	if rep, err := v2.Verify(); err != nil || len(rep.Problems) > 0 || len(rep.Orphans) > 0 {
		t.Fatalf("verify: %v %+v", err, rep)
	}
	if _, _, err := Recover(dir, newKey, pass("third"), fast); err != nil {
		t.Fatalf("the new recovery key: %v", err)
	}
}

// TestChangeKeyKeepsTheSigningKey: family members' copies of the owner's
// card stay valid across a key change.
func TestChangeKeyKeepsTheSigningKey(t *testing.T) {
	v, dir := newVault(t)
	before, err := v.SigningPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.ChangeKey(pass("new horse")); err != nil {
		t.Fatal(err)
	}
	v2, err := Open(dir, pass("new horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	after, err := v2.SigningPublicKey()
	if err != nil || !after.Equal(before) {
		t.Fatalf("the signing key changed: %v", err)
	}
}

// TestChangeKeyRefusesADamagedVault: a key change drops earlier index
// versions; with index.age damaged those may be all there is.
func TestChangeKeyRefusesADamagedVault(t *testing.T) {
	v, dir := newVault(t)
	addFamily(t, v)
	os.WriteFile(filepath.Join(dir, indexFile), []byte("damaged"), 0o600)
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	if _, err := v2.ChangeKey(pass("new horse")); err == nil {
		t.Fatal("the key of a damaged vault was changed")
	}
	if snapshot(t, dir) != before {
		t.Fatal("a refused key change changed the vault")
	}
}

// TestOtherProcessAfterKeyChange: a second handle opened before the change
// (another process) can no longer save, and says so, rather than writing
// an index under the old key.
func TestOtherProcessAfterKeyChange(t *testing.T) {
	a, dir := newVault(t)
	addFamily(t, a)
	b, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ChangeKey(pass("new horse")); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(ix *Index) error { _, err := ix.AddPerson("Stale", "", ""); return err }); err == nil {
		t.Fatal("a handle with the old key saved after the key change")
	}
	v, err := Open(dir, pass("new horse"), fast)
	if err != nil || len(v.Index().People) != 1 {
		t.Fatalf("after the stale save: %v", err)
	}
}

// TestKeyChangeSurvivesCrashes kills a process at random instants during
// key changes. After every kill the vault opens with exactly one of the
// two passphrases, holds every record and notice, and verifies clean.
func TestKeyChangeSurvivesCrashes(t *testing.T) {
	if dir := os.Getenv("VAULT_KEYCHANGE_CHILD"); dir != "" {
		keyChangeChild(dir, os.Getenv("VAULT_KEYCHANGE_FROM"))
		return
	}
	if testing.Short() {
		t.Skip("kills child processes for a few seconds")
	}
	v, dir := newVault(t)
	pid := addFamily(t, v)
	for i := range 6 {
		addNotice(t, v, pid, crashContent(100+i))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	current := 0 // the passphrase "p0", "p1", ... that opens the vault
	passphrase := func(i int) string {
		if i == 0 {
			return "correct horse"
		}
		return "p" + strconv.Itoa(i)
	}
	changed, killed, midway := 0, 0, 0
	var whole time.Duration
	for round := 0; round < 40; round++ {
		cmd, out := startChild(t, "VAULT_KEYCHANGE_CHILD="+dir,
			"VAULT_KEYCHANGE_FROM="+passphrase(current), "VAULT_KEYCHANGE_TO="+passphrase(current+1))
		// The first child runs undisturbed, to time a whole run; the others
		// are killed at a random instant of one, or not at all.
		start := time.Now()
		timer := time.AfterFunc(time.Hour, func() { cmd.Process.Kill() })
		if round > 0 {
			timer.Reset(time.Duration(rng.Int64N(int64(whole) * 5 / 4)))
		}
		acked := false
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			acked = acked || sc.Text() == "changed"
		}
		timer.Stop()
		if cmd.Wait() != nil {
			killed++
		}
		if round == 0 {
			whole = time.Since(start)
		}

		if keyChangePending(dir) {
			midway++ // killed between the commit and the tidying
		}
		old, errOld := Open(dir, pass(passphrase(current)), fast)
		next, errNext := Open(dir, pass(passphrase(current+1)), fast)
		var opened *Vault
		switch {
		case errOld == nil && errNext == nil:
			t.Fatalf("round %d: both passphrases open the vault", round)
		case errOld == nil && !acked:
			opened = old
		case errNext == nil:
			opened = next
			current++
			changed++
		default:
			t.Fatalf("round %d: neither passphrase opens the vault (acked %v): %v / %v", round, acked, errOld, errNext)
		}
		if keyChangePending(dir) {
			t.Fatalf("round %d: opening did not complete the key change", round)
		}
		ix := opened.Index()
		if len(ix.People) != 1 || len(ix.Notices) != 6 {
			t.Fatalf("round %d: %d people, %d notices", round, len(ix.People), len(ix.Notices))
		}
		for _, n := range ix.Notices {
			if got := readNotice(t, opened, n); !bytes.Equal(got, crashContent(100+noticeIndex(t, ix, n))) {
				t.Fatalf("round %d: notice %s changed", round, n.ID)
			}
		}
		rep, err := opened.Verify()
		if err != nil || len(rep.Problems) > 0 {
			t.Fatalf("round %d: verify: %v %v", round, err, rep.Problems)
		}
		// Uncommitted staging folders and their blobs are what gc is for.
		for _, s := range mustGlob(t, filepath.Join(dir, keyChangeStaging+"*")) {
			os.RemoveAll(s)
		}
		for _, tmp := range mustGlob(t, filepath.Join(dir, ".*tmp-*")) {
			os.Remove(tmp)
		}
		backdate(t, dir)
		if _, err := opened.CollectGarbage(); err != nil {
			t.Fatalf("round %d: gc: %v", round, err)
		}
		if rep, _ := opened.Verify(); len(rep.Orphans) > 0 {
			t.Fatalf("round %d: orphans after gc: %v", round, rep.Orphans)
		}
	}
	t.Logf("%d key changes completed, %d children killed, %d of them after the commit point and before the end; an undisturbed one took %v",
		changed, killed, midway, whole)
	if changed == 0 || changed == 40 {
		t.Fatalf("the kills did not land both before and after the commit (%d of 40 changed)", changed)
	}
}

func keyChangeChild(dir, from string) {
	v, err := Open(dir, pass(from), fast)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if _, err := v.ChangeKey(pass(os.Getenv("VAULT_KEYCHANGE_TO"))); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("changed")
}

// noticeIndex is the position a notice was added at (addNotice order).
func noticeIndex(t *testing.T, ix *Index, n *Notice) int {
	t.Helper()
	for i, m := range ix.Notices {
		if m.ID == n.ID {
			return i
		}
	}
	t.Fatal("notice not found")
	return -1
}

func readNotice(t *testing.T, v *Vault, n *Notice) []byte {
	t.Helper()
	r, err := v.OpenBlob(n)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
