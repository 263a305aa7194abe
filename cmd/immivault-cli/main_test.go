package main

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"immivault/internal/filelock"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// TestMain lets the test binary stand in for immivault-cli: testscript
// puts a copy named immivault-cli on PATH for the scripts, and the plain Go
// tests find it there too (cliBinary).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"immivault-cli": main})
}

// workRootEnv names the folder the tests work in, when set, instead of the
// system's temporary folder: make test-windows (testing/wine/exec) sets it to
// C:\Users\José Núñez\Documents, a folder like the ones an applicant's
// files are in, with a space and letters outside ASCII in its path.
const workRootEnv = "IMMIVAULT_TEST_WORKROOT"

// tempDir is t.TempDir, made in $IMMIVAULT_TEST_WORKROOT when that is set.
func tempDir(t testing.TB) string {
	t.Helper()
	root := os.Getenv(workRootEnv)
	if root == "" {
		return t.TempDir()
	}
	dir, err := os.MkdirTemp(root, "immivault-cli-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.RemoveAll(dir); err != nil {
			t.Errorf("removing the test folder: %v", err)
		}
	})
	return dir
}

// scriptsRoot is the folder the scripts' $WORK folders go in: one in
// $IMMIVAULT_TEST_WORKROOT when that is set, else testscript's own choice
// (empty), which removes them afterwards; with WorkdirRoot set testscript
// keeps them, so tempDir's clean-up removes them.
func scriptsRoot(t *testing.T) string {
	if os.Getenv(workRootEnv) == "" {
		return ""
	}
	return tempDir(t)
}

// TestScripts runs testdata/script/*.txtar. Each starts in an empty $WORK
// with the vault at $WORK/vault, the passphrase in $WORK/passphrase (which
// the script provides) and scrypt at its cheapest.
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		WorkdirRoot:         scriptsRoot(t),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			for k, v := range map[string]string{
				"IMMIVAULT_SCRYPT_LOGN":     "10",
				"IMMIVAULT_VAULT":           filepath.Join(env.WorkDir, "vault"),
				"IMMIVAULT_PASSPHRASE_FILE": filepath.Join(env.WorkDir, "passphrase"),
				"HOME":                      home,
				"XDG_CONFIG_HOME":           filepath.Join(home, ".config"),
				"XDG_CACHE_HOME":            filepath.Join(home, ".cache"),
				"XDG_DATA_HOME":             filepath.Join(home, ".local", "share"),
				// Windows's configuration and cache folders (os.UserConfigDir,
				// os.UserCacheDir), which testscript leaves unset there.
				"APPDATA":      filepath.Join(home, "AppData", "Roaming"),
				"LOCALAPPDATA": filepath.Join(home, "AppData", "Local"),
			} {
				env.Setenv(k, v)
			}
			env.Values[heldLockKey{}] = new(heldLock)
			return nil
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "otherdrive":
				// Under CI, where make names the drive, a script that needs
				// it fails in otherdrive when it is missing instead of skipping.
				return os.Getenv(otherDriveEnv) != "" || os.Getenv("CI") != "", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"flipbyte":    cmdFlipByte,
			"files":       cmdFiles,
			"swapfiles":   cmdSwapFiles,
			"snapshot":    cmdSnapshot,
			"savematch":   cmdSaveMatch,
			"envmatch":    cmdEnvMatch,
			"holdlock":    cmdHoldLock,
			"releaselock": cmdReleaseLock,
			"oneline":     cmdOneLine,
			"randomfile":  cmdRandomFile,
			"backdate":    cmdBackdate,
			"stdoutsub":   cmdStdoutSub,
			"gennotice":   cmdGenNotice,
			"gentrips":    cmdGenTrips,
			"pngsize":     cmdPNGSize,
			"genqr":       cmdGenQR,
			"ics":         cmdICS,
			"setrelation": cmdSetRelation,
			"otherdrive":  cmdOtherDrive,
			"envslash":    cmdEnvSlash,
		},
	})
}

// otherDriveEnv names the root of a second drive, such as D:\, for the
// scripts that keep a vault on another drive than their work folder's
// (testing/wine/exec sets it to the D: that testing/wine/setup makes).
const otherDriveEnv = "IMMIVAULT_TEST_OTHER_DRIVE"

// otherdrive VAR sets VAR to a new empty folder on the drive
// $IMMIVAULT_TEST_OTHER_DRIVE names, removed at the end of the script.
func cmdOtherDrive(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: otherdrive VAR")
	}
	root := os.Getenv(otherDriveEnv)
	if root == "" {
		ts.Fatalf("%s names no second drive", otherDriveEnv)
	}
	if strings.EqualFold(filepath.VolumeName(root), filepath.VolumeName(ts.Getenv("WORK"))) {
		ts.Fatalf("%s (%s) is the drive $WORK is on", otherDriveEnv, root)
	}
	dir, err := os.MkdirTemp(root, "immivault-")
	ts.Check(err)
	ts.Defer(func() { os.RemoveAll(dir) })
	ts.Setenv(args[0], dir)
}

// envslash VAR VALUE sets VAR to VALUE with forward slashes for
// backslashes: a Windows path as a person may type it.
func cmdEnvSlash(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: envslash VAR VALUE")
	}
	ts.Setenv(args[0], strings.ReplaceAll(args[1], `\`, "/"))
}

// glob expands a pattern that must name at least one file.
func glob(ts *testscript.TestScript, pattern string) []string {
	matches, err := filepath.Glob(ts.MkAbs(pattern))
	ts.Check(err)
	if len(matches) == 0 {
		ts.Fatalf("no file matches %s", pattern)
	}
	return matches
}

// flipbyte FILE OFFSET flips the lowest bit of one byte; a negative offset
// counts from the end. FILE may be a glob: every file it matches is hit.
func cmdFlipByte(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: flipbyte FILE OFFSET")
	}
	off, err := strconv.Atoi(args[1])
	ts.Check(err)
	for _, path := range glob(ts, args[0]) {
		b, err := os.ReadFile(path)
		ts.Check(err)
		i := off
		if i < 0 {
			i += len(b)
		}
		if i < 0 || i >= len(b) {
			ts.Fatalf("offset %s is outside %s (%d bytes)", args[1], path, len(b))
		}
		b[i] ^= 1
		ts.Check(os.WriteFile(path, b, 0o600))
	}
}

// swapfiles GLOB swaps the contents of the two files GLOB matches.
func cmdSwapFiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: swapfiles GLOB")
	}
	paths := glob(ts, args[0])
	if len(paths) != 2 {
		ts.Fatalf("%s matches %d files, want 2", args[0], len(paths))
	}
	a, err := os.ReadFile(paths[0])
	ts.Check(err)
	b, err := os.ReadFile(paths[1])
	ts.Check(err)
	ts.Check(os.WriteFile(paths[0], b, 0o600))
	ts.Check(os.WriteFile(paths[1], a, 0o600))
}

// files DIR writes the names in DIR, hidden ones too, one a line, to stdout.
func cmdFiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: files DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		fmt.Fprintln(ts.Stdout(), e.Name())
	}
}

// snapshot DIR FILE [EXCEPT...] writes each file under DIR, but those named
// (relative to DIR), with its mode, size and SHA-256 to FILE, for a later
// cmp to prove that nothing else changed.
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: snapshot DIR FILE [EXCEPT...]")
	}
	root := ts.MkAbs(args[0])
	var lines []string
	ts.Check(filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if slices.Contains(args[2:], filepath.ToSlash(rel)) {
			return nil
		}
		lines = append(lines, fmt.Sprintf("%s %v %d %x", filepath.ToSlash(rel), info.Mode(), len(b), sha256.Sum256(b)))
		return nil
	}))
	sort.Strings(lines)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(strings.Join(lines, "\n")+"\n"), 0o600))
}

// match finds the first match of pattern in the last command's stdout and
// returns its first group, or the whole match if it has none.
func match(ts *testscript.TestScript, pattern string) string {
	m := regexp.MustCompile(pattern).FindStringSubmatch(ts.ReadFile("stdout"))
	if m == nil {
		ts.Fatalf("no match for %q in stdout", pattern)
	}
	return m[len(m)-1]
}

// savematch REGEXP FILE saves what REGEXP matched in stdout to FILE, with
// a newline, as a person would save a key from the screen.
func cmdSaveMatch(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: savematch REGEXP FILE")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(match(ts, args[0])+"\n"), 0o600))
}

// envmatch VAR REGEXP sets VAR to what REGEXP matched in stdout.
func cmdEnvMatch(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: envmatch VAR REGEXP")
	}
	ts.Setenv(args[0], match(ts, args[1]))
}

type heldLockKey struct{}

type heldLock struct{ lock *filelock.Lock }

// holdlock DIR takes the vault's write lock in the test process, as
// another immivault process would, and sets $LOCKPID to the pid it records.
// It holds it until releaselock or the end of the script.
func cmdHoldLock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdlock DIR")
	}
	held := ts.Value(heldLockKey{}).(*heldLock)
	lock, err := filelock.Acquire(filepath.Join(ts.MkAbs(args[0]), "lock"), time.Second)
	ts.Check(err)
	held.lock = lock
	ts.Setenv("LOCKPID", strconv.Itoa(os.Getpid()))
	ts.Defer(func() {
		if held.lock != nil {
			held.lock.Unlock()
		}
	})
}

func cmdReleaseLock(ts *testscript.TestScript, neg bool, args []string) {
	held := ts.Value(heldLockKey{}).(*heldLock)
	if neg || len(args) != 0 || held.lock == nil {
		ts.Fatalf("usage: releaselock, after holdlock")
	}
	ts.Check(held.lock.Unlock())
	held.lock = nil
}

// oneline checks that the last command's stderr is one line of the form
// "immivault-cli: message", beside the locked-memory warning that a test
// machine with a low limit prints on every run.
func cmdOneLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: oneline")
	}
	var lines []string
	for line := range strings.Lines(ts.ReadFile("stderr")) {
		if !strings.HasPrefix(line, "warning: locked memory") {
			lines = append(lines, line)
		}
	}
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "immivault-cli: ") || !strings.HasSuffix(lines[0], "\n") {
		ts.Fatalf("stderr is not one line starting with \"immivault-cli: \": %q", lines)
	}
}

// randomfile FILE SIZE writes SIZE random bytes: a notice that spans
// several of age's 64 KiB chunks.
func cmdRandomFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: randomfile FILE SIZE")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	b := make([]byte, n)
	rand.Read(b)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o600))
}

// backdate FILE DURATION sets the times of FILE, which may be a glob,
// DURATION into the past.
func cmdBackdate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: backdate FILE DURATION")
	}
	d, err := time.ParseDuration(args[1])
	ts.Check(err)
	t := time.Now().Add(-d)
	for _, path := range glob(ts, args[0]) {
		ts.Check(os.Chtimes(path, t, t))
	}
}

// stdoutsub FILE [REGEXP REPLACEMENT]... writes the last stdout to FILE
// with each REGEXP replaced, so that a cmp can ignore random IDs.
func cmdStdoutSub(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args)%2 != 1 {
		ts.Fatalf("usage: stdoutsub FILE [REGEXP REPLACEMENT]...")
	}
	out := ts.ReadFile("stdout")
	for i := 1; i < len(args); i += 2 {
		out = regexp.MustCompile(args[i]).ReplaceAllString(out, args[i+1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(out), 0o600))
}

// setrelation PERSON RELATION stores RELATION as the person's relation as
// it is, in the vault at $IMMIVAULT_VAULT: what a release from before
// relations were keys stored (the app in Spanish stored "yo" for self).
func cmdSetRelation(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: setrelation PERSON RELATION")
	}
	pass := strings.TrimSuffix(ts.ReadFile(ts.Getenv("IMMIVAULT_PASSPHRASE_FILE")), "\n")
	v, err := vault.Open(ts.Getenv("IMMIVAULT_VAULT"), secret.New([]byte(pass)), vault.Options{})
	ts.Check(err)
	defer v.Close()
	ts.Check(v.Update(func(ix *vault.Index) error {
		p, err := ix.Person(args[0])
		if err == nil {
			p.Relation = args[1]
		}
		return err
	}))
}
