package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.age")
	for _, content := range []string{"one", "two"} {
		if err := Write(path, 0o600, func(w io.Writer) error {
			_, err := io.WriteString(w, content)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Fatalf("got %q want %q", got, content)
		}
	}
}

func TestWriteFailureLeavesTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index.age")
	os.WriteFile(path, []byte("old"), 0o600)
	err := Write(path, 0o600, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk on fire")
	})
	if err == nil {
		t.Fatal("want error")
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("old content lost: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temp file left behind: %v", entries)
	}
}

func TestCreateRefusesToOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "blob.age")
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }
	if err := Create(path, 0o600, fill); err != nil {
		t.Fatal(err)
	}
	if err := Create(path, 0o600, fill); !errors.Is(err, os.ErrExist) {
		t.Fatalf("want ErrExist, got %v", err)
	}
}
