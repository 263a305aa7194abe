package backup

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"filippo.io/age"

	"immivault/internal/peakmem"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// benchVault is a vault of 200 notices of 2.5 MB (500 MB), made once.
func benchVault(b *testing.B) (*vault.Vault, string) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "vault")
	v, _, err := vault.Create(dir, secret.New([]byte("benchmark passphrase")), fast)
	if err != nil {
		b.Fatal(err)
	}
	file := make([]byte, 500<<20/200)
	err = v.Update(func(ix *vault.Index) error {
		p, err := ix.AddPerson("Ana Exemplo", "", "self")
		if err != nil {
			return err
		}
		for i := range 200 {
			rand.Read(file[:64])
			ref, err := v.AddBlob(bytes.NewReader(file))
			if err != nil {
				return err
			}
			if _, err := ix.AddNotice(p.ID, "", fmt.Sprintf("notice-%d.pdf", i), ref); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return v, dir
}

// BenchmarkBackup500MB is `immivault-cli backup` on 500 MB of notices:
// written, flushed to the disk, read back and renamed; and the peak memory
// above the baseline.
func BenchmarkBackup500MB(b *testing.B) {
	v, _ := benchVault(b)
	b.SetBytes(500 << 20)
	var peak peakmem.Peak
	day := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		b.StopTimer()
		to := b.TempDir()
		day = day.Add(time.Second)
		b.StartTimer()
		p := peakmem.Measure(func() {
			if _, _, err := Write(v, to, day); err != nil {
				b.Fatal(err)
			}
		})
		peak.RSS, peak.Heap = max(peak.RSS, p.RSS), max(peak.Heap, p.Heap)
	}
	b.ReportMetric(peak.RSS, "MiB-peak-rss-above-base")
	b.ReportMetric(peak.Heap, "MiB-peak-heap-above-base")
}

// BenchmarkAgeCLIBackup500MB is the reference: the same vault folder
// through `tar -cf - . | age -r RECIPIENT > out`, flushed to the disk, as a
// person would back it up by hand.
func BenchmarkAgeCLIBackup500MB(b *testing.B) {
	tarBin, err1 := exec.LookPath("tar")
	ageBin, err2 := exec.LookPath("age")
	if err1 != nil || err2 != nil {
		b.Skip("tar or age is not on PATH (make tools)")
	}
	_, dir := benchVault(b)
	id, _ := age.GenerateHybridIdentity()
	out := filepath.Join(b.TempDir(), "reference.tar.age")
	script := fmt.Sprintf("%s -cf - -C %s . | %s -r %s > %s && sync %s",
		strconv.Quote(tarBin), strconv.Quote(dir), strconv.Quote(ageBin), id.Recipient(), strconv.Quote(out), strconv.Quote(out))
	b.SetBytes(500 << 20)
	for b.Loop() {
		if msg, err := exec.Command("sh", "-c", script).CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, msg)
		}
	}
	os.Remove(out)
}
