package atomicfile

import (
	"bytes"
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

func TestCreateStreamsLargeFilesIntact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "blob.age")
	want := make([]byte, 3<<20+12345)
	for i := range want {
		want[i] = byte(i * 7)
	}
	err := Create(path, 0o600, func(w io.Writer) error {
		for off := 0; off < len(want); off += 10000 { // odd-sized writes
			if _, err := w.Write(want[off:min(off+10000, len(want))]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Fatal("content differs")
	}
}

func TestBackgroundWriterReportsWriteErrors(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "x"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close() // every write now fails
	w := newBackgroundWriter(f)
	for range 20 {
		if _, err := w.Write(make([]byte, backgroundChunk)); err != nil {
			break
		}
	}
	if err := w.Close(); err == nil {
		t.Fatal("a failed write went unreported")
	}
}
