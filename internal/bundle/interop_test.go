package bundle

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"immivault/internal/contact"
)

// tool finds a program the interop tests need. CI must have it (`make
// tools` installs age into .tools/bin, `make test-deps` unzip); elsewhere
// the test skips.
//
// unzip is a Linux program here: the Windows build's run under Wine has the
// Windows age CLI (make wine-prefix) but no unzip, and skips what needs it;
// the same check runs in the Linux run.
func tool(t *testing.T, name string) string {
	t.Helper()
	if name == "unzip" && runtime.GOOS == "windows" {
		t.Skip("no unzip on the Windows test machine; the stock-tools check runs in the Linux run")
	}
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not on PATH; `make tools test-deps` installs it", name)
		}
		t.Skipf("%s is not on PATH; `make tools test-deps` installs it", name)
	}
	return path
}

// TestStockToolsOpenABundle is the open-format promise: with B's recovery
// key, the reference age CLI and Debian's unzip yield manifest.json and the
// notices byte for byte, and the signature checks with any Ed25519ph
// implementation.
func TestStockToolsOpenABundle(t *testing.T) {
	ageBin, unzipBin := tool(t, "age"), tool(t, "unzip")
	if out, err := exec.Command(ageBin, "--version").Output(); err != nil || !strings.HasPrefix(string(out), "v1.3") {
		t.Fatalf("need age v1.3.x (post-quantum keys), found %q: %v", out, err)
	}
	a, b := newMember(t, "Ana"), newMember(t, "Beto")
	befriend(t, a, b)
	files := a.family(t)
	for _, armored := range []bool{false, true} {
		data := a.export(t, ExportOptions{To: []contact.Card{b.card(t)}, Armor: armored})
		work := t.TempDir()
		run := func(args ...string) []byte {
			t.Helper()
			var stderr bytes.Buffer
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Dir, cmd.Stderr = work, &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, stderr.String())
			}
			return out
		}
		write := func(name string, b []byte) {
			if err := os.WriteFile(filepath.Join(work, name), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		write("key.txt", []byte(reveal(t, b.recovery)+"\n"))
		write("bundle.age", data)
		write("identity.txt", run(ageBin, "-d", "-i", "key.txt", filepath.Join(b.dir, "recovery.age")))
		write("bundle.zip", run(ageBin, "-d", "-i", "identity.txt", "bundle.age"))
		run(unzipBin, "-q", "bundle.zip", "-d", "out")

		raw, err := os.ReadFile(filepath.Join(work, "out", "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		sig, _ := os.ReadFile(filepath.Join(work, "out", "manifest.sig"))
		digest := sha512.Sum512(raw)
		if ed25519.VerifyWithOptions(a.card(t).SigningKey, digest[:], sig,
			&ed25519.Options{Hash: crypto.SHA512, Context: "immivault-bundle/v1 manifest.json"}) != nil {
			t.Fatal("manifest.sig does not check as Ed25519ph over manifest.json")
		}
		var m struct {
			Format      string
			Identifiers []struct{ Kind, Value string }
			Notices     []struct {
				FileName string `json:"file_name"`
				File     string `json:"file"`
			}
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		if m.Format != Format || len(m.Identifiers) != 4 || m.Identifiers[0].Value != "A012345678" {
			t.Fatalf("manifest.json as unzip gives it: %+v", m)
		}
		for _, n := range m.Notices {
			got, err := os.ReadFile(filepath.Join(work, "out", filepath.FromSlash(n.File)))
			if err != nil || !bytes.Equal(got, files[n.FileName]) {
				t.Fatalf("%s (%s) is not the original: %v", n.File, n.FileName, err)
			}
		}
		if text, _ := os.ReadFile(filepath.Join(work, "out", "README.txt")); string(text) != readme {
			t.Fatal("README.txt differs")
		}
	}
}
