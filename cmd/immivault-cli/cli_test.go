package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"immivault/internal/secret"
)

// cliBinary is the immivault-cli that testscript.Main put on PATH: this
// test binary under that name, which runs main.
func cliBinary(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("immivault-cli")
	if err != nil {
		t.Fatalf("immivault-cli is not on PATH (TestMain puts it there): %v", err)
	}
	return bin
}

// result is what one run of the command did.
type result struct {
	stdout, stderr string
	status         int
}

// runCLI runs cmd with env as its whole environment and stdin as its input.
func runCLI(t *testing.T, cmd *exec.Cmd, env []string, stdin string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%v: %v", cmd.Args, err)
	}
	return result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

// TestErrorsExitOneWithOneLine checks the exit status, which testscript's
// `! exec` does not tell apart: every mistake is 1 (never the flag
// package's 2), help is 0.
func TestErrorsExitOneWithOneLine(t *testing.T) {
	t.Parallel()
	bin := cliBinary(t)
	env := []string{"HOME=" + tempDir(t), "IMMIVAULT_VAULT=" + filepath.Join(tempDir(t), "vault"), "IMMIVAULT_SCRYPT_LOGN=10"}
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"--frob", "ls"},
		{"ls", "--frob"},
		{"ls", "--json=maybe"},
		{"person", "add"},
		{"person", "add", "Maria", "--born"},
		{"get", "x"},
		{"status"}, // no vault
		{"init"},   // no passphrase and no terminal
	} {
		r := runCLI(t, exec.Command(bin, args...), env, "")
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		lines = slices.DeleteFunc(lines, func(l string) bool { return strings.HasPrefix(l, "warning: locked memory") })
		if r.status != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], "immivault-cli: ") {
			t.Errorf("immivault-cli %q: status %d, stderr %q; want 1 and one line", args, r.status, r.stderr)
		}
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"help", "ls"}, {"ls", "-h"}, {"version"}} {
		if r := runCLI(t, exec.Command(bin, args...), env, ""); r.status != 0 || r.stdout == "" {
			t.Errorf("immivault-cli %q: status %d, stdout %q", args, r.status, r.stdout)
		}
	}
}

func TestGuardTurnsAPanicIntoOneLine(t *testing.T) {
	for _, tc := range []struct {
		name  string
		panic func()
		want  string
	}{
		{"runtime error", func() {
			var m map[string]int
			m["x"] = 1
		}, "immivault-cli: internal error (a bug: please report it): assignment to entry in nil map\n"},
		// Any other panic value might carry a secret: it is not shown.
		{"value", func() { panic("A098765432") }, "immivault-cli: internal error (a bug: please report it)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			status := func() (status int) {
				defer guard(&stderr, &status)
				tc.panic()
				return 0
			}()
			if status != 1 || stderr.String() != tc.want {
				t.Errorf("status %d, stderr %q; want 1, %q", status, stderr.String(), tc.want)
			}
		})
	}
}

func TestParseTakesFlagsAnywhere(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		positions []string
		born, rel string
		json      bool
	}{
		{[]string{"Maria", "--born", "1990-01-02"}, []string{"Maria"}, "1990-01-02", "", false},
		{[]string{"--born=1990-01-02", "Maria", "-relation", "self"}, []string{"Maria"}, "1990-01-02", "self", false},
		{[]string{"--json", "Maria"}, []string{"Maria"}, "", "", true},
		{[]string{"--relation", "child", "--", "-Ana-"}, []string{"-Ana-"}, "", "child", false},
		{[]string{"-"}, []string{"-"}, "", "", false},
	} {
		c := &cli{stdout: io.Discard, cmd: &command{name: "test"}}
		fs := c.flags()
		born := fs.String("born", "", "")
		rel := fs.String("relation", "", "")
		asJSON := fs.Bool("json", false, "")
		pos, err := c.parse(fs, tc.args, 1)
		if err != nil || !slices.Equal(pos, tc.positions) || *born != tc.born || *rel != tc.rel || *asJSON != tc.json {
			t.Errorf("parse(%q) = %q, born %q, relation %q, json %v, %v", tc.args, pos, *born, *rel, *asJSON, err)
		}
	}
	c := &cli{stdout: io.Discard, cmd: &command{name: "test", args: "NAME"}}
	if _, err := c.parse(c.flags(), []string{"a", "b"}, 1); err == nil || err.Error() != "usage: immivault-cli test NAME" {
		t.Errorf("two names for one: %v", err)
	}
	if _, err := c.parse(c.flags(), []string{"-h"}, 1); !errors.Is(err, errHelpShown) {
		t.Errorf("-h: %v", err)
	}
	_, err := c.parse(c.flags(), []string{"--nope"}, 0)
	if err == nil || err.Error() != "test: unknown flag -nope (see `immivault-cli help test`)" {
		t.Errorf("unknown flag: %v", err)
	}
}

func TestReadLimited(t *testing.T) {
	for in, want := range map[string]string{
		"A012345678\n":   "A012345678",
		"A012345678\r\n": "A012345678",
		"A012345678":     "A012345678",
		"two lines\n\n":  "two lines\n",
		"":               "",
	} {
		s, err := readLimited(strings.NewReader(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		var got string
		s.Use(func(b []byte) error { got = string(b); return nil })
		if got != want {
			t.Errorf("readLimited(%q) = %q, want %q", in, got, want)
		}
	}
	if _, err := readLimited(strings.NewReader(strings.Repeat("1", maxSecretInput))); err != nil {
		t.Errorf("4 KiB exactly: %v", err)
	}
	_, err := readLimited(strings.NewReader(strings.Repeat("1", maxSecretInput+1)))
	if err == nil || strings.Contains(err.Error(), "111") {
		t.Errorf("over 4 KiB: %v", err)
	}
}

// TestSecretVariablesLeaveTheEnvironment: a passphrase given in the
// environment is read, and then gone from it, so that no program the CLI
// starts inherits it.
func TestSecretVariablesLeaveTheEnvironment(t *testing.T) {
	t.Setenv("IMMIVAULT_PASSPHRASE_FILE", "")
	t.Setenv("IMMIVAULT_NEW_PASSPHRASE_FILE", "")
	t.Setenv("IMMIVAULT_PASSPHRASE", "current from the environment")
	t.Setenv("IMMIVAULT_NEW_PASSPHRASE", "new from the environment")
	t.Cleanup(func() { clear(secretEnv.values) })
	stdin, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	c := &cli{stdin: stdin, stdout: io.Discard, stderr: io.Discard}
	for src, want := range map[*passphraseSource]string{
		&currentPassphrase: "current from the environment",
		&newPassphrase:     "new from the environment",
	} {
		pass, err := c.readPassphrase(*src)
		if err != nil {
			t.Fatalf("%s: %v", src.envVar, err)
		}
		if !pass.Equal(secret.New([]byte(want))) {
			t.Errorf("%s read wrong", src.envVar)
		}
		for _, kv := range os.Environ() {
			if strings.HasPrefix(kv, "IMMIVAULT_PASSPHRASE=") || strings.HasPrefix(kv, "IMMIVAULT_NEW_PASSPHRASE=") ||
				strings.Contains(kv, "from the environment") {
				t.Errorf("after reading %s the environment still holds %q", src.envVar, strings.SplitN(kv, "=", 2)[0])
			}
		}
	}
}
