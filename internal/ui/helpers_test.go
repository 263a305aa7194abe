package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/ui/secretentry"
	"immivault/internal/ui/translations"
	"immivault/internal/vault"
)

func TestMain(m *testing.M) {
	translations.Use("en") // the tests read the English strings
	secret.Preflight()
	onUI = func(f func()) {
		uiMu.Lock()
		defer uiMu.Unlock()
		f()
	}
	os.Exit(m.Run())
}

// uiMu keeps background jobs' results (onUI) from changing the widgets while a test reads them
// (waitFor, assertShows, assertHides, button): Fyne's test driver has no UI goroutine.
var uiMu sync.Mutex

// fast is scrypt at a test's work factor: the screens do not depend on it.
var fast = vault.Options{WorkFactor: 10}

const (
	testPassphrase = "tortilla ventana cohete 1987 lavanda"
	testReceipt    = "EAC2512345678"
	testANumber    = "A012345678"
)

// clock is a settable time for auto-lock and the clipboard.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

type harness struct {
	t     *testing.T
	app   *App
	win   fyne.Window
	clock *clock
	dir   string
}

// newTestApp makes the app in a headless window of the usual size.
func newTestApp(tb testing.TB, opts Options) (*App, fyne.Window) {
	tb.Helper()
	a := test.NewTempApp(tb)
	w := test.NewTempWindow(tb, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1100, 760))
	app := New(a, w, opts)
	// The vault's upkeep (collecting garbage after an unlock) may still be writing in the
	// vault's folder when a short test ends: it must finish before t.TempDir removes it.
	tb.Cleanup(app.maintenance.Wait)
	return app, w
}

// newHarness starts the app on dir in a headless window.
func newHarness(t *testing.T, dir string) *harness {
	t.Helper()
	c := &clock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	app, w := newTestApp(t, Options{VaultDir: dir, Vault: fast, Now: c.Now})
	app.Start()
	t.Cleanup(func() { app.idle.stop(); app.clip.ticks.stop() })
	return &harness{t: t, app: app, win: w, clock: c, dir: dir}
}

// familyHarness is the app unlocked on a familyVault, at its main screen.
func familyHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, familyVault(t))
	h.unlock(testPassphrase)
	return h
}

// familyVault makes a vault with Ana (a receipt number and an A-number)
// and Luis.
func familyVault(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, _, err := vault.Create(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	err = v.Update(func(ix *vault.Index) error {
		ana, err := ix.AddPerson("Ana Morales", "1990-04-12", "self")
		if err != nil {
			return err
		}
		if _, err := ix.AddPerson("Luis Morales", "", "spouse"); err != nil {
			return err
		}
		if _, err := ix.SetIdentifier(ana.ID, ids.ReceiptNumber, "", secret.New([]byte(testReceipt))); err != nil {
			return err
		}
		if _, err := ix.SetIdentifier(ana.ID, ids.ANumber, "", secret.New([]byte(testANumber))); err != nil {
			return err
		}
		_, err = ix.SetCase(ana.ID, testReceipt, vault.CaseChange{Form: "I-485", Received: "2025-01-06", NoticeDate: "2025-01-10", Status: "Receipt Notice"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// unlock types the passphrase on the unlock screen and waits for the main
// screen.
func (h *harness) unlock(pass string) {
	h.t.Helper()
	e := h.focusedSecret()
	typeSecret(e, pass)
	e.OnSubmitted()
	h.waitFor("the main screen", func() bool { _, ok := h.app.screen.(*mainScreen); return ok })
}

func (h *harness) focusedSecret() *secretentry.Entry {
	h.t.Helper()
	e, ok := h.win.Canvas().Focused().(*secretentry.Entry)
	if !ok {
		h.t.Fatalf("the focused widget is %T, not a passphrase entry", h.win.Canvas().Focused())
	}
	return e
}

func typeSecret(e *secretentry.Entry, s string) {
	for _, r := range s {
		e.TypedRune(r)
	}
}

// waitFor polls until cond holds: background work (scrypt, reading a
// notice) comes back through fyne.Do.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	locked := func() bool {
		uiMu.Lock()
		defer uiMu.Unlock()
		return cond()
	}
	for !locked() {
		if time.Now().After(deadline) {
			h.t.Fatalf("gave up waiting for %s; the window shows:\n%s", what, strings.Join(shownTexts(h.win.Canvas()), "\n"))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// shownTexts is the text of every visible label, rich text, button and
// entry in the window and its dialogs.
func shownTexts(c fyne.Canvas) []string {
	var texts []string
	objs := []fyne.CanvasObject{c.Content()}
	objs = append(objs, c.Overlays().List()...)
	for _, o := range objs {
		for _, obj := range test.LaidOutObjects(o) {
			if !obj.Visible() {
				continue
			}
			switch w := obj.(type) {
			case *widget.Label:
				texts = append(texts, w.Text)
			case *widget.RichText:
				texts = append(texts, w.String())
			case *widget.Button:
				texts = append(texts, w.Text)
			case *widget.Check:
				texts = append(texts, w.Text)
			case *widget.Entry:
				texts = append(texts, w.Text)
			case *widget.Card:
				texts = append(texts, w.Title)
			case *canvas.Text:
				texts = append(texts, w.Text)
			}
		}
	}
	return texts
}

func (h *harness) shows(want string) bool {
	return slices.ContainsFunc(shownTexts(h.win.Canvas()), func(s string) bool { return strings.Contains(s, want) })
}

func (h *harness) assertShows(want ...string) {
	h.t.Helper()
	uiMu.Lock()
	defer uiMu.Unlock()
	for _, w := range want {
		if !h.shows(w) {
			h.t.Errorf("window does not show %q; it shows:\n%s", w, strings.Join(shownTexts(h.win.Canvas()), "\n"))
		}
	}
}

func (h *harness) assertHides(unwanted ...string) {
	h.t.Helper()
	uiMu.Lock()
	defer uiMu.Unlock()
	for _, u := range unwanted {
		if h.shows(u) {
			h.t.Errorf("window shows %q, which it should not", u)
		}
	}
}

// button finds a visible button by its text, in the window or a dialog.
func (h *harness) button(text string) *widget.Button {
	h.t.Helper()
	objs := []fyne.CanvasObject{h.win.Canvas().Content()}
	objs = append(objs, h.win.Canvas().Overlays().List()...)
	for _, o := range objs {
		for _, obj := range test.LaidOutObjects(o) {
			if b, ok := obj.(*widget.Button); ok && b.Text == text && b.Visible() {
				return b
			}
		}
	}
	h.t.Fatalf("no button %q; the window shows:\n%s", text, strings.Join(shownTexts(h.win.Canvas()), "\n"))
	return nil
}

func findCheck(t *testing.T, c fyne.Canvas, text string) *widget.Check {
	t.Helper()
	objs := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, o := range objs {
		for _, obj := range test.LaidOutObjects(o) {
			if ch, ok := obj.(*widget.Check); ok && ch.Text == text {
				return ch
			}
		}
	}
	t.Fatalf("no check box %q", text)
	return nil
}
