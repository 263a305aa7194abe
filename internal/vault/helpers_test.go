package vault

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// fileHashes maps each file of dir (relative path) to a hash of its bytes.
func fileHashes(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// snapshot is fileHashes as one comparable string, ignoring the lock file
// (which a writer may create).
func snapshot(t testing.TB, dir string) string {
	h := fileHashes(t, dir)
	var lines []string
	for k, v := range h {
		if k != lockFile {
			lines = append(lines, k+" "+v)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// childCommand runs the test t again, alone, in a child process of this
// test binary, with env added to its environment and its standard error
// passed through. The test tells it is the child by what env holds.
func childCommand(t *testing.T, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	return cmd
}

// startChild starts childCommand and gives a pipe from its standard output.
func startChild(t *testing.T, env ...string) (*exec.Cmd, io.Reader) {
	t.Helper()
	cmd := childCommand(t, env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out
}
