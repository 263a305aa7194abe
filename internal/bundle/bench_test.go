package bundle

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"immivault/internal/contact"
	"immivault/internal/peakmem"
	"immivault/internal/vault"
)

// The export budget: 500 MB of notices, streamed with peak memory under
// 100 MiB above what the process held before, within 1.3x the time of
// `zip -0 -q - FILES | age -r RECIPIENT > out` on the same files, measured
// in the same run. `make bench` prints both side by side.

const (
	benchFiles    = 100
	benchFileSize = 5_000_000 // 500 MB in all
)

var (
	benchOnce   sync.Once
	benchSender *member
	benchTo     contact.Card
	benchPlain  string // the notices as plain files, for the reference
	benchErr    error
)

// benchFixture builds, once per run, a vault holding 100 notices of 5 MB
// (random bytes: neither side could compress them) and the same files in a
// folder.
func benchFixture(b *testing.B) {
	benchOnce.Do(func() {
		b.Helper()
		root, err := os.MkdirTemp("", "immivault-bundle-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPlain = filepath.Join(root, "plain")
		os.Mkdir(benchPlain, 0o700)
		dir := filepath.Join(root, "vault")
		v, rec, err := vault.Create(dir, pass("bench"), fast)
		if err != nil {
			benchErr = err
			return
		}
		benchSender = &member{name: "Ana", v: v, dir: dir, recovery: rec}
		var pid string
		if benchErr = v.Update(func(ix *vault.Index) error {
			p, err := ix.AddPerson("Ana Morales", "", "self")
			pid = p.ID
			return err
		}); benchErr != nil {
			return
		}
		rng := rand.NewChaCha8([32]byte{1})
		buf := make([]byte, benchFileSize)
		var refs []vault.BlobRef
		for i := range benchFiles {
			rng.Read(buf)
			name := fmt.Sprintf("notice %03d.pdf", i)
			if benchErr = os.WriteFile(filepath.Join(benchPlain, name), buf, 0o600); benchErr != nil {
				return
			}
			ref, err := v.AddBlob(bytes.NewReader(buf))
			if err != nil {
				benchErr = err
				return
			}
			refs = append(refs, ref)
		}
		benchErr = v.Update(func(ix *vault.Index) error {
			for i, ref := range refs {
				if _, err := ix.AddNotice(pid, "", fmt.Sprintf("notice %03d.pdf", i), ref); err != nil {
					return err
				}
			}
			return nil
		})
		other, _, err := vault.Create(filepath.Join(root, "other"), pass("bench"), fast)
		if err != nil {
			benchErr = err
			return
		}
		benchTo, benchErr = other.Card("Beto")
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
}

func cleanupBench() {
	if benchPlain != "" {
		os.RemoveAll(filepath.Dir(benchPlain))
	}
}

// BenchmarkExport500MB exports 500 MB of notices to a file, to the sender
// and one family member, and reports the peak memory above the baseline:
// resident set (Linux) and Go heap in use, sampled every 5 ms.
func BenchmarkExport500MB(b *testing.B) {
	benchFixture(b)
	out := filepath.Join(b.TempDir(), "bundle.age")
	b.SetBytes(benchFiles * benchFileSize)
	var peak peakmem.Peak
	for b.Loop() {
		b.StopTimer()
		os.Remove(out)
		b.StartTimer()
		p := peakmem.Measure(func() {
			f, err := os.Create(out)
			if err != nil {
				b.Fatal(err)
			}
			err = Export(f, benchSender.v, ExportOptions{SenderName: "Ana", To: []contact.Card{benchTo}})
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				b.Fatal(err)
			}
		})
		peak.RSS, peak.Heap = max(peak.RSS, p.RSS), max(peak.Heap, p.Heap)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() < benchFiles*benchFileSize {
		b.Fatalf("the bundle is too small: %v", err)
	}
	b.ReportMetric(peak.RSS, "MiB-peak-rss-above-base")
	b.ReportMetric(peak.Heap, "MiB-peak-heap-above-base")
}

// BenchmarkZipAge500MB is the reference: the same files through
// `zip -0 -q - FILES | age -r RECIPIENT > out`, as a person would run it.
func BenchmarkZipAge500MB(b *testing.B) {
	zipBin, err1 := exec.LookPath("zip")
	ageBin, err2 := exec.LookPath("age")
	if err1 != nil || err2 != nil {
		b.Skip("zip or age is not on PATH (make tools test-deps)")
	}
	benchFixture(b)
	out := filepath.Join(b.TempDir(), "reference.age")
	b.SetBytes(benchFiles * benchFileSize)
	script := fmt.Sprintf("%s -0 -q - *.pdf | %s -r %s > %s", strconv.Quote(zipBin), strconv.Quote(ageBin), benchTo.Recipient, strconv.Quote(out))
	for b.Loop() {
		cmd := exec.Command("sh", "-c", script)
		cmd.Dir = benchPlain
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %s", err, stderr.String())
		}
	}
}
