package vault

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
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
