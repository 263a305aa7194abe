package notice

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for tesseract: run under that name (a link made by
// fakeTesseract), it does what the fake.json beside it says instead of running tests.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == "tesseract" {
		os.Exit(runFakeTesseract())
	}
	os.Exit(m.Run())
}

const tsvHeader = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

// fakeConfig is what the fake tesseract does: Mode "env" writes its environment to Out, one
// variable a line; "stdin" copies its standard input to Out; "fail" writes two lines to stderr
// and exits 1. The first two then print a TSV header: no words.
type fakeConfig struct {
	Mode string
	Out  string
}

func runFakeTesseract() int {
	var c fakeConfig
	conf, err := os.ReadFile(filepath.Join(filepath.Dir(os.Args[0]), "fake.json"))
	if err == nil {
		err = json.Unmarshal(conf, &c)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fake tesseract:", err)
		return 3
	}
	in, err := io.ReadAll(os.Stdin)
	var out []byte
	switch c.Mode {
	case "env":
		out = []byte(strings.Join(os.Environ(), "\n"))
	case "stdin":
		out = in
	case "fail":
		fmt.Fprintln(os.Stderr, "Error in pixReadMem: Unknown format")
		fmt.Fprintln(os.Stderr, "Error during processing.")
		return 1
	}
	if err == nil {
		err = os.WriteFile(c.Out, out, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fake tesseract:", err)
		return 3
	}
	fmt.Println(tsvHeader)
	return 0
}

// fakeTesseract puts a fake tesseract doing mode (see fakeConfig), the test binary itself
// linked to as tesseract, first on PATH (and the only program there) for the rest of the test,
// and returns the file it writes what it saw to, which exists once it has run. Tests using it
// cannot be parallel.
func fakeTesseract(t *testing.T, mode string) (out string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake tesseract is made for Unix")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out = filepath.Join(dir, "seen")
	conf, _ := json.Marshal(fakeConfig{Mode: mode, Out: out})
	if err := os.WriteFile(filepath.Join(dir, "fake.json"), conf, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(exe, filepath.Join(dir, "tesseract")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	return out
}

// seen is what the fake tesseract wrote, nil if it never ran.
func seen(t *testing.T, out string) []byte {
	t.Helper()
	b, err := os.ReadFile(out)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// parsePGM reads a binary PGM's header: its size, and whether it is one.
func parsePGM(b []byte) (w, h int, ok bool) {
	r := bufio.NewReader(strings.NewReader(string(b[:min(len(b), 64)])))
	var maxval int
	if n, err := fmt.Fscanf(r, "P5\n%d %d\n%d\n", &w, &h, &maxval); n != 3 || err != nil || maxval != 255 {
		return 0, 0, false
	}
	header := len(fmt.Sprintf("P5\n%d %d\n255\n", w, h))
	return w, h, len(b) == header+w*h
}
