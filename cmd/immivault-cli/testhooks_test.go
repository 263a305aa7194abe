package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The package's tests, and the scripts that run this test binary as
// immivault-cli, have the test hooks.
func init() { installTestHooks() }

// TestReleaseBuildHasNoTestHooks builds immivault-cli as a release is built
// and checks that IMMIVAULT_SCRYPT_LOGN does not lower the cost of a new
// passphrase, that deadlines has no --today and login totp no --now; then
// that a build with -tags testhooks, for running the scripts against a
// binary, has them all.
func TestReleaseBuildHasNoTestHooks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		tags     []string
		logN     string
		hasHooks bool
	}{
		{"release", nil, "18", false},
		{"testhooks", []string{"-tags", "testhooks"}, "10", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tempDir(t)
			bin := filepath.Join(dir, "immivault-cli")
			if runtime.GOOS == "windows" {
				bin += ".exe"
			}
			gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
			if p, err := exec.LookPath("go"); err == nil {
				gobin = p
			} else if _, err := exec.LookPath(gobin); err != nil && underWine {
				// The Wine prefix has no Go for Windows to build with; the
				// Linux go outside it would build for Linux, and could not
				// read the Windows paths this test gives it.
				t.Skip("no Go toolchain for Windows under Wine")
			}
			build := exec.Command(gobin, append(append([]string{"build"}, tc.tags...), "-o", bin, ".")...)
			build.Env = append(os.Environ(), "CGO_ENABLED=0")
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			exe, err := os.ReadFile(bin)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Contains(exe, []byte("IMMIVAULT_SCRYPT_LOGN")); got != tc.hasHooks {
				t.Errorf("the binary names IMMIVAULT_SCRYPT_LOGN: %v, want %v", got, tc.hasHooks)
			}

			passFile := filepath.Join(dir, "passphrase")
			if err := os.WriteFile(passFile, []byte("release build passphrase\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			vaultDir := filepath.Join(dir, "vault")
			env := []string{"HOME=" + dir, "IMMIVAULT_VAULT=" + vaultDir,
				"IMMIVAULT_PASSPHRASE_FILE=" + passFile, "IMMIVAULT_SCRYPT_LOGN=10"}
			if r := runCLI(t, exec.Command(bin, "init"), env, ""); r.status != 0 {
				t.Fatalf("init: status %d\n%s", r.status, r.stderr)
			}
			if got := scryptWorkFactor(t, filepath.Join(vaultDir, "identity.age")); got != tc.logN {
				t.Errorf("identity.age's scrypt work factor is %s with IMMIVAULT_SCRYPT_LOGN=10, want %s", got, tc.logN)
			}

			r := runCLI(t, exec.Command(bin, "deadlines", "--today", "2025-03-14"), env, "")
			if tc.hasHooks {
				if r.status != 0 {
					t.Errorf("deadlines --today: status %d\n%s", r.status, r.stderr)
				}
			} else if r.status != 1 || !strings.Contains(r.stderr, "unknown flag -today") {
				t.Errorf("deadlines --today in a release build: status %d, stderr %q; want an unknown flag", r.status, r.stderr)
			}

			// login totp's --now: the flag is known in a test build (which
			// then fails for want of the person), unknown in a release.
			r = runCLI(t, exec.Command(bin, "login", "totp", "Nobody", "uscis", "--now", "59"), env, "")
			if got := strings.Contains(r.stderr, "unknown flag -now"); got == tc.hasHooks || r.status != 1 {
				t.Errorf("login totp --now: status %d, stderr %q; want the flag known: %v", r.status, r.stderr, tc.hasHooks)
			}
		})
	}
}

// scryptWorkFactor reads the log2(N) of an age file's scrypt stanza, a
// plaintext header line "-> scrypt SALT LOGN".
func scryptWorkFactor(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		if fields := strings.Fields(lines.Text()); len(fields) == 4 && fields[0] == "->" && fields[1] == "scrypt" {
			return fields[3]
		}
		if strings.HasPrefix(lines.Text(), "---") {
			break
		}
	}
	t.Fatalf("%s has no scrypt stanza", path)
	return ""
}
