package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"immivault/internal/secret"
	"immivault/internal/secret/secrettest"
)

// TestLowLockedMemory runs the CLI under the 64 KiB of locked memory that
// many desktop users get: every command works, ls --reveal shows every
// value, and each run says on stderr that it is in degraded mode.
func TestLowLockedMemory(t *testing.T) {
	t.Parallel()
	bin := cliBinary(t)
	dir := tempDir(t)
	passFile := filepath.Join(dir, "passphrase")
	if err := os.WriteFile(passFile, []byte("low memory passphrase\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{
		"HOME=" + dir,
		"IMMIVAULT_VAULT=" + filepath.Join(dir, "vault"),
		"IMMIVAULT_SCRYPT_LOGN=10",
		"IMMIVAULT_PASSPHRASE_FILE=" + passFile,
	}
	warning := secret.Report{Limit: 64 << 10, Degraded: true}.Warning()
	run := func(stdin string, args ...string) string {
		t.Helper()
		r := runCLI(t, secrettest.LowMemlockCommand(t, 64, bin, args...), env, stdin)
		if r.status != 0 {
			t.Fatalf("immivault-cli %q under 64 KiB: status %d\n%s", args, r.status, r.stderr)
		}
		if !strings.Contains(r.stderr, warning+"\n") {
			t.Fatalf("immivault-cli %q under 64 KiB did not warn %q; stderr:\n%s", args, warning, r.stderr)
		}
		return r.stdout
	}
	run("", "init")
	run("", "person", "add", "Maria")
	values := map[string][]string{
		"A098765432":    {"a-number", "A-098-765-432"},
		"518226139":     {"ssn", "518-22-6139"},
		"XK4831927":     {"passport", "xk4831927", "--country", "MEX"},
		"N0031597264":   {"sevis-id", "n0031597264"},
		"EAC2512345678": {"receipt-number", "EAC-25-123-45678"},
	}
	for _, v := range values {
		run(v[1]+"\n", append([]string{"id", "set", "Maria", v[0]}, v[2:]...)...)
	}
	shown := run("", "ls", "--reveal") + run("", "ls", "--json", "--reveal")
	for stored := range values {
		if strings.Count(shown, stored) != 2 {
			t.Errorf("ls --reveal under 64 KiB does not show %s in both views:\n%s", stored, shown)
		}
	}
	// A login with every kind of secret: opened, parsed and listed while
	// secrets are opened one at a time.
	run("login pw\n", "login", "add", "Maria", "uscis", "--username", "maria@example.com")
	run("gezdgnbvgy3tqojqgezdgnbvgy3tqojq\n", "login", "set-totp", "Maria", "uscis")
	run("AAAA-1111\nBBBB-2222\n", "login", "backup-codes", "Maria", "uscis")
	run("answer one\n", "login", "question", "Maria", "uscis", "First pet?")
	run("", "login", "backup-codes", "Maria", "uscis", "--use", "aaaa1111")
	if out := run("", "login", "totp", "Maria", "uscis", "--now", "59"); !strings.HasPrefix(out, "287082  ") {
		t.Errorf("login totp under 64 KiB: %q", out)
	}
	out := run("", "login", "ls", "--reveal")
	for _, want := range []string{"login pw", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "AAAA1111 (used)", "BBBB2222", "answer one"} {
		if !strings.Contains(out, want) {
			t.Errorf("login ls --reveal under 64 KiB does not show %q:\n%s", want, out)
		}
	}
	if out := run("", "verify"); !strings.Contains(out, "no problems found") {
		t.Errorf("verify under 64 KiB:\n%s", out)
	}
	if out := run("", "status"); !strings.Contains(out, "locked memory:  limited to 64 KiB: secrets are opened one at a time") {
		t.Errorf("status under 64 KiB:\n%s", out)
	}
}
