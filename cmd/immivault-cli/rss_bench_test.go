//go:build linux

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// BenchmarkPeakRSS runs the CLI on a vault holding a 500 MB file, at the
// real scrypt cost, and reports the largest peak RSS of any one command.
// The budget is 256 MiB for scrypt plus 64 MiB: nothing may hold a whole
// file in memory.
func BenchmarkPeakRSS(b *testing.B) {
	bin, err := exec.LookPath("immivault-cli")
	if err != nil {
		b.Fatal(err)
	}
	work := tempDir(b)
	big := filepath.Join(work, "scan.pdf")
	f, _ := os.Create(big)
	chunk := make([]byte, 1<<20)
	for i := range 500 {
		chunk[0] = byte(i)
		f.Write(chunk)
	}
	f.Close()
	os.WriteFile(filepath.Join(work, "pass"), []byte("benchmark passphrase\n"), 0o600)
	env := append(os.Environ(),
		"IMMIVAULT_VAULT="+filepath.Join(work, "vault"),
		"IMMIVAULT_PASSPHRASE_FILE="+filepath.Join(work, "pass"),
		"IMMIVAULT_SCRYPT_LOGN=18")
	peak := map[string]float64{}
	run := func(stdin string, args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		cmd.Stdin = strings.NewReader(stdin)
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = io.Discard, &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %v %s", args, err, stderr.String())
		}
		rss := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KiB → MiB
		peak[args[0]] = max(peak[args[0]], rss)
	}
	for b.Loop() {
		os.RemoveAll(filepath.Join(work, "vault"))
		os.Remove(filepath.Join(work, "out.pdf"))
		run("", "init")
		run("", "person", "add", "Maria")
		run("A012345678\n", "id", "set", "Maria", "a-number")
		run("", "attach", "Maria", big)
		run("", "ls", "--json")
		id := noticeID(b, bin, env)
		run("", "get", id, "-o", filepath.Join(work, "out.pdf"))
		run("", "verify")
	}
	worst := 0.0
	for cmd, mib := range peak {
		b.ReportMetric(mib, "MiB-rss-"+cmd)
		worst = max(worst, mib)
	}
	b.ReportMetric(worst, "MiB-peak-rss")
}

func noticeID(b *testing.B, bin string, env []string) string {
	cmd := exec.Command(bin, "ls")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range strings.Fields(string(out)) {
		if len(f) == 16 && strings.Trim(f, "abcdefghijklmnopqrstuvwxyz234567") == "" {
			return f
		}
	}
	b.Fatalf("no notice id in:\n%s", out)
	return ""
}
