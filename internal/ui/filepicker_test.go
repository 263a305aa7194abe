package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// TestPickSeveralNotices: Add notice… opens the picker on a folder of
// notices; two ticked and a third typed as a path are all queued, in that
// order. The subfolder is listed with the folders, not the files, and a
// path to it opens it; a path to nothing or to another kind of file is
// said in one line and keeps what was typed.
func TestPickSeveralNotices(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"receipt.pdf", "biometrics.PNG", "rfe.jpg", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("not really a notice"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(dir, "2025 notices")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	h := familyHarness(t)
	h.app.pickFolder = dir
	h.win.Resize(fyne.NewSize(800, 600)) // for the screenshot
	uiMu.Lock()
	p := h.app.main.imports.chooseFiles(h.app.main.person)
	if !slices.Equal(p.folders, []string{"2025 notices"}) || !slices.Equal(p.files, []string{"biometrics.PNG", "receipt.pdf", "rfe.jpg"}) {
		t.Errorf("the picker lists folders %q and files %q", p.folders, p.files)
	}
	if !p.add.Disabled() || p.none.Visible() {
		t.Errorf("with nothing chosen Add is enabled (%v), or the folder is said to have no files (%v)", !p.add.Disabled(), p.none.Visible())
	}
	uiMu.Unlock()
	h.assertShows("2025 notices", "receipt.pdf", "biometrics.PNG", "rfe.jpg")
	h.assertHides("notes.txt")

	uiMu.Lock()
	findCheck(t, h.win.Canvas(), "receipt.pdf").SetChecked(true)
	findCheck(t, h.win.Canvas(), "biometrics.PNG").SetChecked(true)
	saveShot(t, h.win.Canvas(), "add-notices")

	enter := func(text string) {
		p.path.SetText("")
		test.Type(p.path, text)
		p.path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	enter(sub) // a folder opens
	if p.dir != sub || len(p.files) != 0 || !p.none.Visible() {
		t.Errorf("typing the subfolder's path shows %s with %q (no files said: %v)", p.dir, p.files, p.none.Visible())
	}
	enter(filepath.Join(dir, "missing.pdf"))
	if !p.problem.Visible() || !strings.Contains(p.problem.Text, "missing.pdf") || p.path.Text == "" {
		t.Errorf("a path to nothing says %q (shown: %v) and leaves %q typed", p.problem.Text, p.problem.Visible(), p.path.Text)
	}
	enter(filepath.Join(dir, "notes.txt"))
	if !strings.Contains(p.problem.Text, lang.L("{{.Name}} is not a PDF, PNG or JPEG file", map[string]any{"Name": "notes.txt"})) {
		t.Errorf("a text file says %q", p.problem.Text)
	}
	enter(filepath.Join(dir, "rfe.jpg")) // a file is added, from whichever folder is shown
	if p.problem.Visible() || p.path.Text != "" {
		t.Errorf("a good path left %q typed and shows %q", p.path.Text, p.problem.Text)
	}
	if p.add.Disabled() {
		t.Fatal("Add is disabled with three files chosen")
	}
	test.Tap(p.add)
	q := h.app.main.imports
	var queued []string
	if q.current != nil {
		queued = append(queued, q.current.name)
	}
	for _, j := range q.pending {
		queued = append(queued, j.name)
	}
	total := q.total
	uiMu.Unlock()
	if want := []string{"receipt.pdf", "biometrics.PNG", "rfe.jpg"}; !slices.Equal(queued, want) || total != 3 {
		t.Errorf("queued %q (%d in the batch), want %q", queued, total, want)
	}
	if h.app.pickFolder != sub {
		t.Errorf("the picker will open next on %q, not the folder last shown", h.app.pickFolder)
	}
}

// FuzzPickerPath: whatever is typed or pasted in the path field (many
// lines, quotes, file:// addresses, "~", "..") never panics, and leaves the
// picker showing a folder, with nothing chosen but files of the kinds
// wanted.
func FuzzPickerPath(f *testing.F) {
	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.pdf"), nil, 0o600); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"a.pdf", "~", "~/", "..", "file://" + dir + "/a.pdf", "\"" + dir + "\"\n a.pdf \n", "\x00", "a.pdf\r\nb.png", "~user/x"} {
		f.Add(s)
	}
	app, _ := newTestApp(f, Options{VaultDir: dir})
	f.Fuzz(func(t *testing.T, typed string) {
		app.pickFolder = dir
		p := app.pickFiles("", noticeExtensions, func([]fyne.URI) {})
		defer p.dlg.Hide()
		p.typed(typed)
		if p.dir == "" {
			t.Fatal("the picker shows no folder")
		}
		for _, c := range p.chosen {
			if !p.wanted(c) {
				t.Fatalf("%q was chosen", c)
			}
		}
	})
}

// TestCtrlOOpensPicker: Ctrl/Cmd+O on the family screen opens the picker
// for the selected person, as Add notice… does.
func TestCtrlOOpensPicker(t *testing.T) {
	h := familyHarness(t)
	h.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault})
	h.assertShows(lang.L("Add notices"), lang.L("Folders"))
	if len(h.app.dialogs) != 1 {
		t.Errorf("%d dialogs open after Ctrl+O", len(h.app.dialogs))
	}
}

// TestPickerEscape: Escape closes the picker from its path field, which
// has the keyboard focus when it opens, and adds nothing.
func TestPickerEscape(t *testing.T) {
	h := familyHarness(t)
	h.app.pickFolder = t.TempDir()
	uiMu.Lock()
	defer uiMu.Unlock()
	added := false
	p := h.app.pickFiles("", noticeExtensions, func([]fyne.URI) { added = true })
	if h.win.Canvas().Focused() != p.path {
		t.Errorf("the focus is on %T, not the path field", h.win.Canvas().Focused())
	}
	p.path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(h.app.dialogs) != 0 || added {
		t.Errorf("after Escape %d dialogs are open; files added: %v", len(h.app.dialogs), added)
	}
}
