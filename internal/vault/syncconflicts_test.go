package vault

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"immivault/internal/ids"
)

// The names each sync service gives the copy it keeps of index.age when
// two computers saved it at once.
var conflictNames = map[string]string{
	"Syncthing":    "index.sync-conflict-20261207-101010-ABCDEFG.age",
	"Dropbox":      "index (Ana's conflicted copy 2026-12-07).age",
	"OneDrive":     "index-ANA-LAPTOP.age",
	"Google Drive": "index (1).age",
}

// twoComputers makes a vault with a family and a notice, and a copy of its
// folder as a second computer has it once the sync service caught up.
func twoComputers(t *testing.T) (here, there *Vault) {
	t.Helper()
	v, dirA := newVault(t)
	pid := addFamily(t, v)
	ref, _ := v.AddBlob(bytes.NewReader([]byte("%PDF-1.7 receipt")))
	if err := v.Update(func(ix *Index) error { _, err := ix.AddNotice(pid, "", "receipt.pdf", ref); return err }); err != nil {
		t.Fatal(err)
	}
	dirB := filepath.Join(t.TempDir(), "vault")
	if err := os.CopyFS(dirB, os.DirFS(dirA)); err != nil {
		t.Fatal(err)
	}
	b, err := Open(dirB, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	return v, b
}

// syncBack is the sync service bringing there's files to here: new blobs as
// they are, and there's index.age as a conflict copy named name.
func syncBack(t *testing.T, here, there *Vault, name string) {
	t.Helper()
	blobs, _ := os.ReadDir(filepath.Join(there.Dir(), blobsDir))
	for _, b := range blobs {
		to := filepath.Join(here.Dir(), blobsDir, b.Name())
		if _, err := os.Stat(to); err != nil {
			data, _ := os.ReadFile(filepath.Join(there.Dir(), blobsDir, b.Name()))
			os.WriteFile(to, data, 0o600)
		}
	}
	data, err := os.ReadFile(filepath.Join(there.Dir(), indexFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(here.Dir(), name), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func personNamed(ix *Index, name string) *Person {
	i := slices.IndexFunc(ix.People, func(p *Person) bool { return p.Name == name })
	if i < 0 {
		return nil
	}
	return ix.People[i]
}

// TestSyncConflictCopiesAreMerged: two computers change the vault apart;
// the sync service keeps one index.age and saves the other beside it under
// its own name. Opening then holds both sides' changes, the copy is gone,
// and opening again changes nothing.
func TestSyncConflictCopiesAreMerged(t *testing.T) {
	for service, name := range conflictNames {
		t.Run(service, func(t *testing.T) {
			here, there := twoComputers(t)
			// Here: a new person, and the A-number's expiry changed.
			if err := here.Update(func(ix *Index) error {
				if _, err := ix.AddPerson("Luis Exemplo", "2015-06-01", "child"); err != nil {
					return err
				}
				_, err := ix.SetCase(ix.People[0].ID, "EAC-25-123-45678", CaseChange{Status: "Case Was Approved"})
				return err
			}); err != nil {
				t.Fatal(err)
			}
			// There: a new notice with its file, and an event.
			pid := there.Index().People[0].ID
			ref, _ := there.AddBlob(bytes.NewReader([]byte("%PDF-1.7 biometrics appointment")))
			if err := there.Update(func(ix *Index) error {
				if _, err := ix.AddNotice(pid, "", "biometrics.pdf", ref); err != nil {
					return err
				}
				_, err := ix.AddEvent(Event{PersonID: pid, Kind: "biometrics", Date: "2027-01-15", Time: "09:00"})
				return err
			}); err != nil {
				t.Fatal(err)
			}
			syncBack(t, here, there, name)

			v, err := Open(here.Dir(), pass("correct horse"), fast)
			if err != nil {
				t.Fatal(err)
			}
			ix := v.Index()
			if personNamed(ix, "Luis Exemplo") == nil || ix.Cases[0].Status != "Case Was Approved" {
				t.Fatal("this computer's changes were lost")
			}
			if len(ix.Notices) != 2 || len(ix.Events) != 1 {
				t.Fatalf("the other computer's changes: %d notices, %d events", len(ix.Notices), len(ix.Events))
			}
			if len(v.Merged) != 1 || v.Merged[0].Added != 2 || v.Merged[0].Conflicts != 0 || !strings.Contains(v.Merged[0].String(), name) {
				t.Fatalf("merge report: %+v", v.Merged)
			}
			if _, err := os.Stat(filepath.Join(v.Dir(), name)); err == nil {
				t.Fatal("the conflict copy is still there after the merge was saved")
			}
			rep, err := v.Verify()
			if err != nil || len(rep.Problems) > 0 {
				t.Fatalf("verify: %v %+v", err, rep.Problems)
			}
			for _, n := range ix.Notices {
				r, err := v.OpenBlob(n)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, r)
				r.Close()
			}
			again, err := Open(here.Dir(), pass("correct horse"), fast)
			if err != nil || again.Index().Revision != ix.Revision || len(again.Merged) != 0 {
				t.Fatalf("opening again changed something: %v", err)
			}
		})
	}
}

// TestSyncConflictBothChanged: the same record changed on both computers
// keeps both versions; one changed here and removed there stays; one
// removed here and unchanged there stays removed.
func TestSyncConflictBothChanged(t *testing.T) {
	here, there := twoComputers(t)
	if err := here.Update(func(ix *Index) error {
		if _, err := ix.AddPerson("Ana Exemplo", "", "spouse"); err != nil {
			return err
		}
		return ix.EditPerson(ix.People[0].ID, "Maria Exemplo Silva", "1990-02-03", "self")
	}); err != nil {
		t.Fatal(err)
	}
	if err := there.Update(func(ix *Index) error {
		return ix.EditPerson(ix.People[0].ID, "María Exemplo", "1990-02-03", "self")
	}); err != nil {
		t.Fatal(err)
	}
	syncBack(t, here, there, conflictNames["Syncthing"])
	v, err := Open(here.Dir(), pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	if personNamed(ix, "Maria Exemplo Silva") == nil || personNamed(ix, "Ana Exemplo") == nil {
		t.Fatal("this computer's version was lost")
	}
	other := slices.IndexFunc(ix.People, func(p *Person) bool { return strings.HasPrefix(p.Name, "María Exemplo (other computer, ") })
	if other < 0 {
		t.Fatalf("the other computer's version is not kept beside: %v", names(ix))
	}
	if v.Merged[0].Conflicts != 1 {
		t.Fatalf("report %+v", v.Merged[0])
	}
}

func names(ix *Index) []string {
	var out []string
	for _, p := range ix.People {
		out = append(out, p.Name)
	}
	return out
}

// TestSyncConflictRemovals: a number removed here and untouched there
// stays removed; one removed there stays here (a merge deletes nothing).
func TestSyncConflictRemovals(t *testing.T) {
	here, there := twoComputers(t)
	kindOf := func(ix *Index, kind ids.Kind) string {
		i := slices.IndexFunc(ix.Identifiers, func(id *Identifier) bool { return id.Kind == kind })
		if i < 0 {
			return ""
		}
		return ix.Identifiers[i].ID
	}
	if err := here.Update(func(ix *Index) error { return ix.RemoveIdentifier(kindOf(ix, ids.Other)) }); err != nil {
		t.Fatal(err)
	}
	if err := there.Update(func(ix *Index) error { return ix.RemoveIdentifier(kindOf(ix, ids.ANumber)) }); err != nil {
		t.Fatal(err)
	}
	syncBack(t, here, there, conflictNames["Dropbox"])
	v, err := Open(here.Dir(), pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if kindOf(v.Index(), ids.Other) != "" {
		t.Fatal("a number removed here came back though the other computer did not change it")
	}
	if kindOf(v.Index(), ids.ANumber) == "" {
		t.Fatal("the merge deleted a number")
	}
}

// TestPlantedConflictCopyIsLeftAlone: a file named like a conflict copy
// that does not open with the vault's key changes nothing and is said so.
func TestPlantedConflictCopyIsLeftAlone(t *testing.T) {
	here, _ := twoComputers(t)
	other, otherDir := newVault(t)
	addFamily(t, other)
	planted, _ := os.ReadFile(filepath.Join(otherDir, indexFile))
	os.WriteFile(filepath.Join(here.Dir(), "index (1).age"), planted, 0o600)
	os.WriteFile(filepath.Join(here.Dir(), "index-JUNK.age"), []byte("not age"), 0o600)
	before := here.Index().Revision
	v, err := Open(here.Dir(), pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Merged) != 2 || v.Merged[0].Refused == "" || v.Merged[1].Refused == "" {
		t.Fatalf("report: %+v", v.Merged)
	}
	for _, m := range v.Merged {
		if strings.Contains(m.String(), "\n") {
			t.Fatalf("more than one line: %q", m)
		}
	}
	for _, name := range []string{"index (1).age", "index-JUNK.age"} {
		if _, err := os.Stat(filepath.Join(here.Dir(), name)); err != nil {
			t.Fatalf("%s was removed", name)
		}
	}
	if len(v.Index().People) != 1 || v.Index().Revision != before+1 {
		t.Fatalf("records changed: %d people", len(v.Index().People))
	}
}

// TestGCKeepsBlobsOfConflictCopies: a blob only a conflict copy names is
// never collected.
func TestGCKeepsBlobsOfConflictCopies(t *testing.T) {
	here, there := twoComputers(t)
	pid := there.Index().People[0].ID
	ref, _ := there.AddBlob(bytes.NewReader([]byte("%PDF-1.7 interview")))
	if err := there.Update(func(ix *Index) error { _, err := ix.AddNotice(pid, "", "interview.pdf", ref); return err }); err != nil {
		t.Fatal(err)
	}
	syncBack(t, here, there, conflictNames["OneDrive"])
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(filepath.Join(here.Dir(), blobsDir, ref.Name), old, old)
	// here is still open from before the copy arrived: its gc must see it.
	if _, err := here.CollectGarbage(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(here.Dir(), blobsDir, ref.Name)); err != nil {
		t.Fatal("gc removed a blob that a conflict copy names")
	}
}

// TestSyncConflictWithoutBase: when the common ancestor is no longer among
// the kept generations, what cannot be told apart is kept twice, never
// lost.
func TestSyncConflictWithoutBase(t *testing.T) {
	here, there := twoComputers(t)
	pid := here.Index().People[0].ID
	for i := range 8 { // more saves than generations kept
		if err := here.Update(func(ix *Index) error {
			_, err := ix.SetCase(pid, "EAC-25-123-45678", CaseChange{Status: "step " + string(rune('A'+i))})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := there.Update(func(ix *Index) error {
		_, err := ix.SetIdentifier(pid, ids.ANumber, "", pass("A-098-765-432"))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	syncBack(t, here, there, conflictNames["Google Drive"])
	v, err := Open(here.Dir(), pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	for _, id := range v.Index().Identifiers {
		values = append(values, reveal(t, id.Value))
	}
	if !slices.Contains(values, "A012345678") || !slices.Contains(values, "A098765432") {
		t.Fatalf("a version was lost: %v", values)
	}
	if v.Index().Cases[0].Status != "step H" {
		t.Fatal("this computer's case lost its newest status")
	}
}

// TestCrashDuringMergeLosesNothing kills a process that opens a vault with
// a conflict copy (and so merges it) at random instants; after every kill
// the vault opens with both sides' records.
func TestCrashDuringMergeLosesNothing(t *testing.T) {
	if dir := os.Getenv("VAULT_MERGE_CHILD"); dir != "" {
		os.Stdout.WriteString("ready\n")
		v, err := Open(dir, pass("correct horse"), fast)
		if err == nil {
			v.Close()
		}
		return
	}
	if testing.Short() {
		t.Skip("kills child processes")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	finished := 0
	// How long an open that merges takes here, measured on a first pair:
	// the kills fall anywhere in one and a half times that.
	var span time.Duration
	{
		here, there := twoComputers(t)
		if err := there.Update(func(ix *Index) error { _, err := ix.AddPerson("Ana Exemplo", "", "spouse"); return err }); err != nil {
			t.Fatal(err)
		}
		syncBack(t, here, there, conflictNames["Syncthing"])
		start := time.Now()
		if _, err := Open(here.Dir(), pass("correct horse"), fast); err != nil {
			t.Fatal(err)
		}
		span = time.Since(start) * 3 / 2
	}
	rounds := 30
	if os.Getenv("IMMIVAULT_TEST_WORKROOT") != "" {
		rounds = 8 // each process start costs most of a second under Wine
	}
	for round := range rounds {
		here, there := twoComputers(t)
		if err := here.Update(func(ix *Index) error { _, err := ix.AddPerson("Luis Exemplo", "", "child"); return err }); err != nil {
			t.Fatal(err)
		}
		if err := there.Update(func(ix *Index) error { _, err := ix.AddPerson("Ana Exemplo", "", "spouse"); return err }); err != nil {
			t.Fatal(err)
		}
		syncBack(t, here, there, conflictNames["Syncthing"])
		// The kill comes at a random instant of the open, which merges,
		// saves and removes the copy: timed from the child's "ready", not
		// its start, which takes longer than the open.
		cmd, out := startChild(t, "VAULT_MERGE_CHILD="+here.Dir())
		io.ReadFull(out, make([]byte, len("ready\n")))
		time.AfterFunc(time.Duration(rng.Int64N(int64(span))), func() { cmd.Process.Kill() })
		io.Copy(io.Discard, out)
		cmd.Wait()
		if cmd.ProcessState.Success() {
			finished++
		}
		v, err := Open(here.Dir(), pass("correct horse"), fast)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if personNamed(v.Index(), "Luis Exemplo") == nil || personNamed(v.Index(), "Ana Exemplo") == nil {
			t.Fatalf("round %d: lost a side: %v", round, names(v.Index()))
		}
		if copies := conflictCopies(here.Dir()); len(copies) != 0 {
			t.Fatalf("round %d: copy left after a merge was saved: %v", round, copies)
		}
	}
	t.Logf("%d of %d children killed before they finished (kills within %v)", rounds-finished, rounds, span)
}
