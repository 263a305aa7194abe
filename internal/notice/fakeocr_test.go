package notice

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for tesseract: run under that name (a link made by
// fakeTesseract), it does what the fake.json beside it says instead of running tests; run
// with fakeAllocVar set (by the script fakeTesseract writes), it allocates that many bytes.
func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == "tesseract" {
		os.Exit(runFakeTesseract())
	}
	if n := os.Getenv(fakeAllocVar); n != "" {
		size, _ := strconv.ParseInt(n, 10, 64)
		b := make([]byte, size)
		b[len(b)-1] = 1
		fmt.Println(tsvHeader)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const (
	fakeAllocVar = "IMMIVAULT_TEST_FAKE_TESSERACT_ALLOC"
	tsvHeader    = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)

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

// fakeTesseract puts a fake tesseract doing mode first on PATH (and the only program there)
// for the rest of the test, and returns the file it writes what it saw to, which exists once
// it has run. Tests using it cannot be parallel.
//
// The modes of fakeConfig are the test binary itself, linked to as tesseract: a Go program
// reserves address space as it starts, so it gets no memory ceiling (prlimit would land in the
// middle of that). The modes that test the ceiling are shell scripts that wait for the whole
// page on their standard input, which the ceiling comes before: "limits" writes the kernel's
// account of its limits (/proc/self/limits) to out; "alloc" then starts the test binary afresh,
// under the ceiling, to allocate alloc bytes.
func fakeTesseract(t *testing.T, mode string, alloc int64) (out string) {
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
	fake := filepath.Join(dir, "tesseract")
	script := func(lines ...string) {
		t.Helper()
		body := "#!/bin/sh\nPATH=" + shellQuote(os.Getenv("PATH")) + "\ncat >/dev/null\n" +
			strings.Join(lines, "\n") + "\necho '" + tsvHeader + "'\n"
		if err := os.WriteFile(fake, []byte(body), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	switch mode {
	case "limits":
		script("cat /proc/self/limits >" + shellQuote(out))
	case "alloc":
		script(fmt.Sprintf("%s=%d exec %s", fakeAllocVar, alloc, shellQuote(exe)))
	default:
		conf, _ := json.Marshal(fakeConfig{Mode: mode, Out: out})
		if err := os.WriteFile(filepath.Join(dir, "fake.json"), conf, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(exe, fake); err != nil {
			t.Fatal(err)
		}
		ocrMemoryLimit = 1 << 40
		t.Cleanup(func() { ocrMemoryLimit = maxOCRMemory })
	}
	t.Setenv("PATH", dir)
	return out
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

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
