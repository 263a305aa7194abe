package atomicfile

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestReplaceWhileAnotherProcessReads replaces a file that another process
// has open for reading the way Go and most programs open files: on Windows
// without FILE_SHARE_DELETE, so the rename is refused until the reader
// closes it. A reader that lets go within the retry window (a virus
// scanner, a backup tool, a second immivault reading the index) must not
// fail the save; one that holds on longer must fail it cleanly, leaving the
// old file whole and no temporary file. On Linux and macOS a rename never
// waits for readers, so both saves succeed at once.
func TestReplaceWhileAnotherProcessReads(t *testing.T) {
	if path := os.Getenv("ATOMICFILE_READER"); path != "" {
		holdOpen(path)
		return
	}
	for _, tc := range []struct {
		name   string
		hold   time.Duration // how long the reader keeps the file after the save starts
		refuse bool          // on Windows, the save gives up
	}{
		{"reader lets go", 300 * time.Millisecond, false},
		{"reader holds on", 6 * time.Second, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "index.age")
			if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestReplaceWhileAnotherProcessReads$")
			cmd.Env = append(os.Environ(), "ATOMICFILE_READER="+path)
			stdin, _ := cmd.StdinPipe()
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Wait()
			defer stdin.Close()
			out := bufio.NewScanner(stdout)
			if !out.Scan() || out.Text() != "read old" {
				t.Fatalf("reader said %q", out.Text())
			}
			// The reader closes the file when its stdin closes.
			release := time.AfterFunc(tc.hold, func() { stdin.Close() })
			defer release.Stop()

			err := Write(path, 0o600, func(w io.Writer) error {
				_, err := io.WriteString(w, "new")
				return err
			})
			got, _ := os.ReadFile(path)
			if tc.refuse && runtime.GOOS == "windows" {
				if err == nil {
					t.Fatal("save succeeded while another process held the file open")
				}
				if !strings.Contains(err.Error(), "index.age is open in another program") {
					t.Errorf("error %q does not say what holds the save up", err)
				}
				if string(got) != "old" {
					t.Fatalf("after a refused save the file holds %q", got)
				}
			} else if err != nil || string(got) != "new" {
				t.Fatalf("save: %v; file holds %q", err, got)
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".index.age.tmp-*"))
			if len(left) > 0 {
				t.Fatalf("temporary files left behind: %v", left)
			}
		})
	}
}

// holdOpen opens path, reads it, says what it read, and keeps the file
// open until its stdin closes.
func holdOpen(path string) {
	f, err := os.Open(path)
	if err != nil {
		os.Stdout.WriteString("open: " + err.Error() + "\n")
		os.Exit(1)
	}
	b, _ := io.ReadAll(f)
	os.Stdout.WriteString("read " + string(b) + "\n")
	io.Copy(io.Discard, os.Stdin)
	f.Close()
}
