package ui

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

// showNewKey makes a vault and shows its recovery key screen, as after
// creating it; it returns the key.
func showNewKey(t *testing.T) (*harness, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, key, err := vault.Create(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir)
	t.Cleanup(func() { v.Close() })
	var k string
	key.Use(func(b []byte) error { k = string(b); return nil })
	h.app.show(newRecoveryKeyScreen(h.app, v, key))
	return h, k
}

// TestRecoveryKeyFilesArePrivate: Save as text… and Save as PDF… leave a
// file only its owner can read, also where the chosen file existed with
// wider permissions (Fyne's save dialog has created it 0644 by then).
func TestRecoveryKeyFilesArePrivate(t *testing.T) {
	h, key := showNewKey(t)
	for _, tc := range []struct{ button, name, want string }{
		{lang.L("Save as text…"), "key.txt", key},
		{lang.L("Save as PDF…"), "kit.pdf", "%PDF-"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte("an older file"), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chmod(path, 0o644) // whatever the umask
		h.app.askSaveFile = saveTo(t, path)
		test.Tap(h.button(tc.button))
		b, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(b, []byte(tc.want)) {
			t.Fatalf("%s wrote no %q (%v)", tc.button, tc.want, err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
			t.Errorf("%s left %s with mode %v, want 0600", tc.button, tc.name, info.Mode().Perm())
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%s left %d files in the folder, want 1", tc.button, len(entries))
		}
	}
}

// TestPrintLeavesNoFile: Print… hands the PDF to the print system on its
// standard input, to the printer chosen, and writes no file anywhere.
func TestPrintLeavesNoFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows does not print the kit: it would need a copy in a temporary file")
	}
	scratch := t.TempDir()
	for _, env := range []string{"HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		dir := filepath.Join(scratch, env)
		os.MkdirAll(dir, 0o700)
		t.Setenv(env, dir)
	}
	bin, spool := t.TempDir(), t.TempDir()
	printed := filepath.Join(spool, "job")
	scripts := map[string]string{
		"lpstat": "#!/bin/sh\n[ \"$1\" = -e ] && printf 'office\\nhome\\n'\n",
		"lp":     "#!/bin/sh\necho \"$@\" > '" + printed + ".args'\nexec cat > '" + printed + "'\n",
	}
	for name, script := range scripts {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	h, key := showNewKey(t)
	h.app.askSaveFile = func(string, func(fyne.URIWriteCloser)) {
		t.Fatal("Print… asked where to save a file")
	}
	test.Tap(h.button(lang.L("Print…")))
	var printers *widget.Select
	h.waitFor("the print dialog", func() bool {
		for _, o := range h.win.Canvas().Overlays().List() {
			for _, obj := range test.LaidOutObjects(o) {
				if s, ok := obj.(*widget.Select); ok {
					printers = s
				}
			}
		}
		return printers != nil
	})
	if !strings.Contains(strings.Join(printers.Options, ","), "office,home") {
		t.Errorf("the printers offered are %q", printers.Options)
	}
	printers.SetSelected("home")
	test.Tap(h.button(lang.L("Print")))
	h.waitFor("the job to be sent", func() bool {
		return h.shows(lang.L("Sent to the printer. Check that the page came out whole."))
	})

	job, err := os.ReadFile(printed)
	if err != nil || !bytes.HasPrefix(job, []byte("%PDF-")) {
		t.Fatalf("lp received no PDF (%v)", err)
	}
	args, _ := os.ReadFile(printed + ".args")
	if !strings.Contains(string(args), "-d home") {
		t.Errorf("lp ran with %q, not for the chosen printer", args)
	}
	filepath.WalkDir(scratch, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			b, _ := os.ReadFile(p)
			if bytes.Contains(b, []byte("%PDF")) || bytes.Contains(b, []byte(key)) {
				t.Errorf("printing left %s behind", p)
			}
		}
		return err
	})
}
