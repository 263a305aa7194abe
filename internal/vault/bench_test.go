package vault

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"filippo.io/age"

	"immivault/internal/ids"
	"immivault/internal/secret"
)

// The benchmarks measure the budgets on a realistic vault: 1,000
// records and 500 MB of notices, at the real scrypt cost (logN 18).
// `make bench` prints them as a table beside the age CLI.

var (
	bigOnce sync.Once
	bigDir  string
	bigErr  error
)

const (
	benchPass    = "benchmark passphrase"
	bigBlobBytes = 500 << 20
)

// bigVault builds, once per run, a vault of 100 people, 400 identifiers,
// 200 cases, 200 notices (2.5 MB each) and 100 events.
func bigVault(b *testing.B) string {
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "immivault-bench-")
		if bigErr != nil {
			return
		}
		bigDir = filepath.Join(bigDir, "vault")
		var v *Vault
		v, _, bigErr = Create(bigDir, pass(benchPass), Options{})
		if bigErr != nil {
			return
		}
		var refs []BlobRef
		file := make([]byte, bigBlobBytes/200)
		for range 200 {
			rand.Read(file[:64]) // distinct files
			ref, err := v.AddBlob(bytes.NewReader(file))
			if err != nil {
				bigErr = err
				return
			}
			refs = append(refs, ref)
		}
		bigErr = v.Update(func(ix *Index) error { return fillRecords(ix, refs) })
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigDir
}

// openBigVault opens bigVault with its passphrase, before a benchmark's
// timed loop.
func openBigVault(b *testing.B) (*Vault, string) {
	b.Helper()
	dir := bigVault(b)
	v, err := Open(dir, pass(benchPass), Options{})
	if err != nil {
		b.Fatal(err)
	}
	return v, dir
}

func fillRecords(ix *Index, refs []BlobRef) error {
	kinds := []ids.Kind{ids.ANumber, ids.AccountNumber, ids.SSN, ids.I94}
	values := []string{"A0123%05d", "0001234%05d", "123-4%d-6789", "1234%05dA1"}
	for p := range 100 {
		person, err := ix.AddPerson(fmt.Sprintf("Person %03d", p), "1990-01-02", "family")
		if err != nil {
			return err
		}
		for k, kind := range kinds {
			v := fmt.Sprintf(values[k], p)
			if kind == ids.SSN {
				v = fmt.Sprintf(values[k], p%10)
			}
			if _, err := ix.SetIdentifier(person.ID, kind, "", secret.New([]byte(v))); err != nil {
				return fmt.Errorf("%s %s: %w", kind, v, err)
			}
		}
		for c := range 2 {
			cs, err := ix.SetCase(person.ID, fmt.Sprintf("EAC25%03d%05d", p, c), CaseChange{Form: "I-485", Received: "2025-01-02"})
			if err != nil {
				return err
			}
			if _, err := ix.AddNotice(person.ID, cs.ID, "notice.pdf", refs[p*2+c]); err != nil {
				return err
			}
		}
		if _, err := ix.AddEvent(Event{PersonID: person.ID, Kind: "biometrics", Date: "2025-03-04"}); err != nil {
			return err
		}
	}
	return nil
}

func cleanupBench() {
	if bigDir != "" {
		os.RemoveAll(filepath.Dir(bigDir))
	}
}

// BenchmarkUnlock is Open at the real work factor: scrypt plus the rest.
func BenchmarkUnlock(b *testing.B) {
	dir := bigVault(b)
	for b.Loop() {
		if _, err := Open(dir, pass(benchPass), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUnlockAfterScrypt is Open minus the passphrase's key derivation:
// decrypting identity.age's payload, the hybrid decapsulation and index.age.
// The budget is 50 ms.
func BenchmarkUnlockAfterScrypt(b *testing.B) {
	v, dir := openBigVault(b)
	for b.Loop() {
		if _, err := open(dir, v.identity, false, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScrypt is the key derivation alone, for reference.
func BenchmarkScrypt(b *testing.B) {
	var hdr bytes.Buffer
	w, _ := age.Encrypt(&hdr, &passphraseRecipient{pass: pass(benchPass), logN: 18})
	w.Close()
	for b.Loop() {
		if _, err := age.Decrypt(bytes.NewReader(hdr.Bytes()), &passphraseIdentity{pass: pass(benchPass)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveEdit is one edit saved: lock, rotate generations, encrypt
// and fsync index.age, rename, fsync the directory. Budget: 30 ms median.
func BenchmarkSaveEdit(b *testing.B) {
	v, _ := openBigVault(b)
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		if err := v.Update(func(ix *Index) error {
			ix.People[0].Relation = fmt.Sprint("edit ", len(took))
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2])/1e6, "ms-median")
}

var fiveMB = func() []byte {
	b := make([]byte, 5<<20)
	rand.Read(b)
	return b
}()

// BenchmarkAddFile5MB stores a 5 MB file as a blob and commits the notice
// that refers to it, fsyncs included, in a small vault.
func BenchmarkAddFile5MB(b *testing.B) {
	v, _ := newVault(b)
	pid := addFamily(b, v)
	b.SetBytes(int64(len(fiveMB)))
	for b.Loop() {
		rand.Read(fiveMB[:16]) // a new file each time, not a duplicate
		ref, err := v.AddBlob(bytes.NewReader(fiveMB))
		if err != nil {
			b.Fatal(err)
		}
		if err := v.Update(func(ix *Index) error {
			_, err := ix.AddNotice(pid, "", "f.pdf", ref)
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgeCLI5MB is the reference: `age -r RECIPIENT -o out in` on the
// same file, as a process, like a user would run it.
func BenchmarkAgeCLI5MB(b *testing.B) {
	ageBin, err := exec.LookPath("age")
	if err != nil {
		b.Skip("age CLI not on PATH (make tools)")
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	os.WriteFile(in, fiveMB, 0o600)
	id, _ := age.GenerateHybridIdentity()
	b.SetBytes(int64(len(fiveMB)))
	for b.Loop() {
		out := filepath.Join(dir, "out.age")
		os.Remove(out)
		if err := exec.Command(ageBin, "-r", id.Recipient().String(), "-o", out, in).Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadFile5MB decrypts a stored 5 MB notice.
func BenchmarkReadFile5MB(b *testing.B) {
	v, _ := newVault(b)
	ref, _ := v.AddBlob(bytes.NewReader(fiveMB))
	n := &Notice{Blob: ref.Name, Size: ref.Size, SHA256: ref.SHA256}
	b.SetBytes(int64(len(fiveMB)))
	for b.Loop() {
		r, err := v.OpenBlob(n)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, r)
		r.Close()
	}
}

// BenchmarkChangeKey100MB gives a vault of 20 notices of 5 MB a new key
// (passwd), with the real scrypt work factor: every blob decrypted and
// encrypted again, the identity files and the index rewritten.
func BenchmarkChangeKey100MB(b *testing.B) {
	v, _ := newVault(b)
	pid := addFamily(b, v)
	for range 20 {
		rand.Read(fiveMB[:16])
		ref, err := v.AddBlob(bytes.NewReader(fiveMB))
		if err != nil {
			b.Fatal(err)
		}
		if err := v.Update(func(ix *Index) error { _, err := ix.AddNotice(pid, "", "f.pdf", ref); return err }); err != nil {
			b.Fatal(err)
		}
	}
	v.opts.WorkFactor = 18
	b.SetBytes(20 * int64(len(fiveMB)))
	for b.Loop() {
		if _, err := v.ChangeKey(pass(benchPass)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgeCLIReencrypt100MB is the reference for a key change: the
// same 20 files of 5 MB, each `age -d -i OLD | age -r NEW` as processes.
func BenchmarkAgeCLIReencrypt100MB(b *testing.B) {
	ageBin, err := exec.LookPath("age")
	if err != nil {
		b.Skip("age CLI not on PATH (make tools)")
	}
	dir := b.TempDir()
	oldID, _ := age.GenerateHybridIdentity()
	newID, _ := age.GenerateHybridIdentity()
	idFile := filepath.Join(dir, "old.txt")
	os.WriteFile(idFile, []byte(oldID.String()+"\n"), 0o600)
	for i := range 20 {
		var buf bytes.Buffer
		w, _ := age.Encrypt(&buf, oldID.Recipient())
		w.Write(fiveMB)
		w.Close()
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.age", i)), buf.Bytes(), 0o600)
	}
	b.SetBytes(20 * int64(len(fiveMB)))
	for b.Loop() {
		for i := range 20 {
			in, out := filepath.Join(dir, fmt.Sprintf("%d.age", i)), filepath.Join(dir, fmt.Sprintf("%d.new", i))
			cmd := exec.Command("sh", "-c", `"$0" -d -i "$1" "$2" | "$0" -r "$3" -o "$4"`, ageBin, idFile, in, newID.Recipient().String(), out)
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
			os.Remove(out)
		}
	}
}
