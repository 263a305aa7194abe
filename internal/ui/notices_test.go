package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/notice/noticetest"
)

// TestAddNoticeFilesItUnderThePerson drops two generated notices on the
// window: they are read one after the other, each proposal is shown with
// what was read, and confirming files the notice, its case and its dates.
func TestAddNoticeFilesItUnderThePerson(t *testing.T) {
	h := familyHarness(t)
	ana, _ := h.app.vault.Index().Person("Ana Morales")
	h.app.main.selectPerson(ana.ID)

	notices := noticetest.Corpus(2, 7)
	var uris []fyne.URI
	for i, n := range notices {
		path := filepath.Join(t.TempDir(), []string{"receipt.pdf", "second.pdf"}[i])
		if err := os.WriteFile(path, n.PDF, 0o600); err != nil {
			t.Fatal(err)
		}
		uris = append(uris, storage.NewFileURI(path))
	}
	h.app.dropped(fyne.Position{}, uris)
	q := h.app.main.imports
	if q.total != 2 || !q.box.Visible() {
		t.Fatalf("queue: %d files, progress shown %v", q.total, q.box.Visible())
	}

	var previous *proposalForm
	for i, n := range notices {
		var f *proposalForm
		h.waitFor("the proposal", func() bool { f = q.form; return f != nil && f != previous })
		previous = f
		if f.receipt.entry.Text != n.Truth.ReceiptNumber {
			t.Errorf("notice %d: proposed receipt %q, want %q", i, f.receipt.entry.Text, n.Truth.ReceiptNumber)
		}
		if f.form.entry.Text != n.Truth.Form {
			t.Errorf("notice %d: proposed form %q, want %q", i, f.form.entry.Text, n.Truth.Form)
		}
		before := len(h.app.vault.Index().Notices)
		fileAs(t, f, "Ana Morales")
		h.waitFor("the notice to be filed", func() bool { return len(h.app.vault.Index().Notices) == before+1 })
	}
	h.waitFor("the queue to finish", func() bool { return q.current == nil && !q.box.Visible() })

	ix := h.app.vault.Index()
	for _, n := range notices {
		c, err := ix.CaseByReceipt(n.Truth.ReceiptNumber)
		if err != nil {
			t.Fatalf("no case %s: %v", n.Truth.ReceiptNumber, err)
		}
		if c.PersonID != ana.ID {
			t.Errorf("case %s filed under %s", c.ReceiptNumber, c.PersonID)
		}
		h.assertShows(caseTitle(c))
	}

	// The notice opens in its own window, which Escape, Ctrl+W and its Close
	// button close, and lock too.
	windowOf := func() fyne.Window {
		uiMu.Lock()
		defer uiMu.Unlock()
		for w := range h.app.viewers {
			return w
		}
		return nil
	}
	for _, closeIt := range []func(w fyne.Window){
		func(w fyne.Window) { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) },
		func(w fyne.Window) {
			w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault})
		},
		func(w fyne.Window) {
			for _, o := range test.LaidOutObjects(w.Content()) {
				if b, ok := o.(*widget.Button); ok && b.Text == "Close" {
					test.Tap(b)
				}
			}
		},
	} {
		h.app.openNotice(ix.Notices[0])
		h.waitFor("the notice window", func() bool { return len(h.app.viewers) == 1 })
		closeIt(windowOf())
		h.waitFor("the notice window to close", func() bool { return len(h.app.viewers) == 0 })
	}
	h.app.openNotice(ix.Notices[0])
	h.waitFor("the notice window", func() bool { return len(h.app.viewers) == 1 })
	h.app.Lock()
	if len(h.app.viewers) != 0 {
		t.Error("lock left a notice window open")
	}
}

func TestAddNoticeRefusesDamagedFile(t *testing.T) {
	h := familyHarness(t)
	path := filepath.Join(t.TempDir(), "broken.pdf")
	os.WriteFile(path, []byte("%PDF-1.7 this is not really a pdf"), 0o600)
	h.app.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
	q := h.app.main.imports
	h.waitFor("the queue to give up", func() bool { return q.current == nil })
	if len(h.app.vault.Index().Notices) != 0 {
		t.Error("a damaged file was filed")
	}
	h.assertShows("broken.pdf")
}
