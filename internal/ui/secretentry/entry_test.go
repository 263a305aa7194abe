package secretentry

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"immivault/internal/secret"
	"immivault/internal/ui/translations"
)

func TestMain(m *testing.M) {
	translations.Use("en") // the tests read the English strings
	secret.Preflight()
	os.Exit(m.Run())
}

// value reads what the entry holds; a test may put it in a string, the
// code may not.
func value(t testing.TB, e *Entry) string {
	t.Helper()
	var got string
	if err := e.Use(func(b []byte) error { got = string(b); return nil }); err != nil {
		t.Fatal(err)
	}
	return got
}

func newShownEntry(t *testing.T) (*Entry, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	e := New()
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(240, 60))
	return e, w
}

func backspace(e *Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) }

func paste(e *Entry, s string) {
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent(s)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
}

func TestRuneSequences(t *testing.T) {
	const bs = "\b" // a backspace, in these sequences only
	for _, tc := range []struct {
		name, keys, want string
	}{
		{"empty", "", ""},
		{"ascii", "correct horse battery staple", "correct horse battery staple"},
		{"spanish", "contraseña válida", "contraseña válida"},
		{"emoji", "🔑 y 🏠", "🔑 y 🏠"},
		{"combining accent stays two runes", "e\u0301", "e\u0301"},
		{"backspace removes a whole emoji", "ab😀" + bs, "ab"},
		{"backspace removes ñ and é", "ñé" + bs + bs + "n", "n"},
		{"backspace removes one of a combining pair", "e\u0301" + bs, "e"},
		{"backspace on empty", bs + bs + "x", "x"},
		{"edit in the middle of typing", "pass" + bs + bs + "ssphrase", "passphrase"},
		{"CJK", "秘密の合言葉", "秘密の合言葉"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, _ := newShownEntry(t)
			changes := 0
			e.OnChanged = func() { changes++ }
			wantChanges := 0
			typed := 0
			for _, r := range tc.keys {
				if r == '\b' {
					if typed > 0 {
						wantChanges++
						typed--
					}
					backspace(e)
					continue
				}
				test.Type(e, string(r))
				typed++
				wantChanges++
			}
			if got := value(t, e); got != tc.want {
				t.Fatalf("value %q, want %q", got, tc.want)
			}
			if e.Len() != len([]rune(tc.want)) {
				t.Fatalf("Len %d, want %d", e.Len(), len([]rune(tc.want)))
			}
			if changes != wantChanges {
				t.Fatalf("OnChanged called %d times, want %d", changes, wantChanges)
			}
			if !e.Secret().Equal(secret.New([]byte(tc.want))) {
				t.Fatal("Secret() differs from what was typed")
			}
		})
	}
}

func TestTypingReachesTheEntryOnlyWithFocus(t *testing.T) {
	test.NewTempApp(t)
	e, other := New(), New()
	c := test.NewTempWindow(t, container.NewVBox(e, other)).Canvas()
	var onCanvas []rune
	c.SetOnTypedRune(func(r rune) { onCanvas = append(onCanvas, r) })
	test.TypeOnCanvas(c, "abc")
	if e.Len() != 0 || string(onCanvas) != "abc" {
		t.Fatalf("unfocused, the entry took %d runes", e.Len())
	}
	c.Focus(e)
	test.Type(c.Focused(), "año")
	if got := value(t, e); got != "año" {
		t.Fatalf("got %q", got)
	}
	// Tab is the driver's: it moves the focus on unless the focused
	// widget accepts tabs, which the entry does not.
	if _, ok := any(e).(fyne.Tabbable); ok {
		t.Fatal("the entry must not capture Tab")
	}
	test.FocusNext(c)
	if c.Focused() != other {
		t.Fatal("Tab did not move the focus on")
	}
}

func TestTapFocuses(t *testing.T) {
	e, w := newShownEntry(t)
	test.Tap(e)
	if w.Canvas().Focused() != e {
		t.Fatal("a tap did not focus the entry")
	}
	if e.Cursor() != desktop.TextCursor {
		t.Fatal("the pointer is not a text cursor over the entry")
	}
}

func TestReturnAndEnterSubmit(t *testing.T) {
	e, _ := newShownEntry(t)
	submitted := 0
	e.OnSubmitted = func() { submitted++ }
	test.Type(e, "pw")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if submitted != 2 {
		t.Fatalf("submitted %d times, want 2", submitted)
	}
	if value(t, e) != "pw" {
		t.Fatal("submitting changed the value")
	}
}

func TestEscapeGoesOnToTheCanvas(t *testing.T) {
	e, w := newShownEntry(t)
	var keys []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { keys = append(keys, ev.Name) })
	w.Canvas().Focus(e)
	test.Type(e, "x")
	for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyBackspace, fyne.KeyReturn} {
		e.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if len(keys) != 1 || keys[0] != fyne.KeyEscape {
		t.Fatalf("the canvas got %v, want only Escape", keys)
	}
}

func TestOtherKeysDoNothing(t *testing.T) {
	e, _ := newShownEntry(t)
	test.Type(e, "abc")
	e.OnChanged = func() { t.Error("OnChanged called") }
	e.OnSubmitted = func() { t.Error("OnSubmitted called") }
	for _, k := range []fyne.KeyName{
		fyne.KeyDelete, fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyTab,
		fyne.KeyInsert, fyne.KeyEscape, fyne.KeyF1,
	} {
		e.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if value(t, e) != "abc" {
		t.Fatalf("keys changed the value to %q", value(t, e))
	}
}

func TestPasteAppends(t *testing.T) {
	for _, tc := range []struct{ clip, want string }{
		{"pässwörd", "abpässwörd"},
		{"from a manager\n", "abfrom a manager"},
		{"windows line end\r\n", "abwindows line end"},
		{"two\nlines", "abtwo\nlines"},
		{"", "ab"},
		{"\n", "ab"},
	} {
		e, _ := newShownEntry(t)
		test.Type(e, "ab")
		changes := 0
		e.OnChanged = func() { changes++ }
		paste(e, tc.clip)
		if got := value(t, e); got != tc.want {
			t.Errorf("paste %q: got %q, want %q", tc.clip, got, tc.want)
		}
		if wantChanges := min(len(tc.want)-2, 1); changes != wantChanges {
			t.Errorf("paste %q: OnChanged called %d times, want %d", tc.clip, changes, wantChanges)
		}
	}
}

func TestPasteWithoutAClipboardInTheEventUsesTheApps(t *testing.T) {
	e, _ := newShownEntry(t)
	fyne.CurrentApp().Clipboard().SetContent("xyz")
	e.TypedShortcut(&fyne.ShortcutPaste{})
	if value(t, e) != "xyz" {
		t.Fatalf("got %q", value(t, e))
	}
}

func TestPasteTooLongIsRefusedWhole(t *testing.T) {
	e, _ := newShownEntry(t)
	test.Type(e, "ab")
	paste(e, strings.Repeat("x", secret.MaxBuilderLen))
	if value(t, e) != "ab" {
		t.Fatalf("a paste over the limit changed the value to %d bytes", len(value(t, e)))
	}
}

func TestCopyCutAndHistoryGiveNothing(t *testing.T) {
	e, _ := newShownEntry(t)
	test.Type(e, "hunter2")
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("unrelated")
	e.OnChanged = func() { t.Error("OnChanged called") }
	for _, s := range []fyne.Shortcut{
		&fyne.ShortcutSelectAll{},
		&fyne.ShortcutCopy{Clipboard: cb},
		&fyne.ShortcutCut{Clipboard: cb},
		&fyne.ShortcutUndo{},
		&fyne.ShortcutRedo{},
	} {
		e.TypedShortcut(s)
	}
	if got := cb.Content(); got != "unrelated" {
		t.Fatalf("the clipboard now holds %q", got)
	}
	if value(t, e) != "hunter2" {
		t.Fatalf("shortcuts changed the value to %q", value(t, e))
	}
}

func TestWindowShortcutsWorkFromTheEntry(t *testing.T) {
	e, w := newShownEntry(t)
	lock := &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
	locked := false
	w.Canvas().AddShortcut(lock, func(fyne.Shortcut) { locked = true })
	w.Canvas().Focus(e)
	e.TypedShortcut(lock)
	if !locked {
		t.Fatal("the window's shortcut did not run")
	}
}

func TestDisabledIgnoresInput(t *testing.T) {
	e, w := newShownEntry(t)
	test.Type(e, "kept")
	e.Disable()
	if !e.Disabled() {
		t.Fatal("Disabled() is false after Disable")
	}
	e.OnChanged = func() { t.Error("OnChanged called while disabled") }
	e.OnSubmitted = func() { t.Error("OnSubmitted called while disabled") }
	test.Type(e, "more")
	backspace(e)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	paste(e, "pasted")
	w.Canvas().Unfocus()
	test.Tap(e)
	if w.Canvas().Focused() == e {
		t.Error("a tap focused a disabled entry")
	}
	if value(t, e) != "kept" {
		t.Fatalf("a disabled entry changed to %q", value(t, e))
	}
	e.OnChanged, e.OnSubmitted = nil, nil
	e.Enable()
	test.Type(e, "!")
	if e.Disabled() || value(t, e) != "kept!" {
		t.Fatalf("after Enable: disabled %v, value %q", e.Disabled(), value(t, e))
	}
}

func TestClearWipes(t *testing.T) {
	e, _ := newShownEntry(t)
	test.Type(e, "ñandú")
	before := e.Secret()
	changes := 0
	e.OnChanged = func() { changes++ }
	e.Clear()
	e.Clear()
	if e.Len() != 0 || value(t, e) != "" || !e.Secret().IsEmpty() {
		t.Fatal("Clear left a value")
	}
	if changes != 1 {
		t.Fatalf("OnChanged called %d times, want 1 (only the first Clear changed anything)", changes)
	}
	if !before.Equal(secret.New([]byte("ñandú"))) {
		t.Fatal("Clear changed a Secret already taken from the entry")
	}
}

func TestEqual(t *testing.T) {
	test.NewTempApp(t)
	a, b := New(), New()
	if !Equal(a, b) {
		t.Fatal("two empty entries differ")
	}
	test.Type(a, "mismo pasaje")
	if Equal(a, b) {
		t.Fatal("a full and an empty entry are equal")
	}
	test.Type(b, "mismo pasajE")
	if Equal(a, b) {
		t.Fatal("entries that differ in the last rune are equal")
	}
	backspace(b)
	test.Type(b, "e")
	if !Equal(a, b) || !Equal(b, a) {
		t.Fatal("the same passphrase typed twice is not equal")
	}
}

func TestSecretIsNeverNil(t *testing.T) {
	test.NewTempApp(t)
	e := New()
	if s := e.Secret(); s == nil || !s.IsEmpty() {
		t.Fatal("an empty entry must give an empty, non-nil Secret")
	}
	called := false
	if err := e.Use(func(b []byte) error { called = len(b) == 0; return nil }); err != nil || !called {
		t.Fatal("Use on an empty entry must call f with no bytes")
	}
}

func TestSetReplacesTheValue(t *testing.T) {
	e, _ := newShownEntry(t)
	typeRunes := "old"
	for _, r := range typeRunes {
		e.TypedRune(r)
	}
	changes := 0
	e.OnChanged = func() { changes++ }
	e.Set(secret.New([]byte("tamal-ñandú-7")))
	if got := value(t, e); got != "tamal-ñandú-7" {
		t.Errorf("after Set the field holds %q", got)
	}
	if changes != 1 || e.Len() != 13 {
		t.Errorf("Set called OnChanged %d times; %d runes", changes, e.Len())
	}
	e.Set(secret.New(nil))
	if e.Len() != 0 {
		t.Errorf("Set of an empty secret left %d runes", e.Len())
	}
}

// TestSelectAllThenDeleteOrType: Ctrl/Cmd+A marks the whole value; Delete or
// Backspace then empties the field, a typed rune or a paste replaces it, and
// any other key lets the mark go.
func TestSelectAllThenDeleteOrType(t *testing.T) {
	selectAll := &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault}
	for _, c := range []struct {
		name string
		then func(e *Entry)
		want string
	}{
		{"backspace", func(e *Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) }, ""},
		{"delete", func(e *Entry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete}) }, ""},
		{"type", func(e *Entry) { e.TypedRune('x') }, "x"},
		{"paste", func(e *Entry) {
			cb := fyne.CurrentApp().Clipboard()
			cb.SetContent("pasted")
			e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
		}, "pasted"},
		{"arrow, then backspace", func(e *Entry) {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}, "secre"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _ := newShownEntry(t)
			for _, r := range "secret" {
				e.TypedRune(r)
			}
			e.TypedShortcut(selectAll)
			if !e.Selected() {
				t.Fatal("Ctrl+A did not select")
			}
			c.then(e)
			if got := value(t, e); got != c.want {
				t.Errorf("value %q, want %q", got, c.want)
			}
		})
	}
	e, _ := newShownEntry(t)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.Selected() {
		t.Error("an empty field selected")
	}
}
