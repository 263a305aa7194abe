package filelock

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The lock is per open file on every platform, so a second Acquire in the
// same process is refused too; a child process proves it across processes.
func TestSecondWriterIsRefusedWithThePID(t *testing.T) {
	if path := os.Getenv("FILELOCK_CHILD"); path != "" {
		_, err := Acquire(path, 50*time.Millisecond)
		var busy *BusyError
		if !errors.As(err, &busy) {
			t.Fatalf("want BusyError, got %v", err)
		}
		os.Stdout.WriteString(err.Error() + "\n")
		return
	}
	path := filepath.Join(t.TempDir(), "lock")
	l, err := Acquire(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondWriterIsRefusedWithThePID$")
	cmd.Env = append(os.Environ(), "FILELOCK_CHILD="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	want := "vault is in use by another immivault process (pid " + strconv.Itoa(os.Getpid()) + ")"
	if !strings.Contains(string(out), want) {
		t.Fatalf("child said %q, want %q", out, want)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	l2, err := Acquire(path, time.Second)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	l2.Unlock()
}
