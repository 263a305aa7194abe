// Package secretentry is a passphrase field that never holds what is typed
// in a Go string or in ordinary memory.
//
// Each typed rune goes straight into a [secret.Builder], which keeps the
// value sealed and edits it only inside locked memory. The field draws one
// dot per rune (as many as fit), a caret and a placeholder; it has no text
// to copy, cut or undo, and select-all marks the value only to replace or
// delete it whole. Paste is allowed, for password managers.
// docs/adr/0006-secret-entry.md lists the copies that remain outside its
// care: the driver's key events, the clipboard, and the bytes handed to
// [Entry.Use].
package secretentry

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	_ "immivault/internal/ui/translations"
)

// Entry is a single-line passphrase field. Fyne calls its methods on the UI
// goroutine and so must the code around it, except Len, Secret, Use and
// Equal, which are safe on any goroutine.
//
// Keys: Backspace deletes the last rune; Return and Enter call OnSubmitted;
// Escape goes on to the window canvas's OnTypedKey handler, so that a screen
// can cancel with it while the field has focus; Tab moves the focus on;
// other keys do nothing. Select-all (Ctrl/Cmd+A) marks the whole value,
// drawn highlighted: Backspace or Delete then empties the field, and a rune
// typed or pasted replaces it; any other key lets the mark go. Paste appends
// the clipboard's text without its trailing line breaks (a password
// manager's copy often ends in one), or nothing if the value would outgrow
// secret.MaxBuilderLen bytes. Copy, cut, undo and redo do nothing; any
// other shortcut goes on to the window canvas.
type Entry struct {
	widget.DisableableWidget

	// PlaceHolder is shown while the field is empty.
	PlaceHolder string
	// OnChanged is called after each change to the value, the passphrase
	// to be read with Use (for a strength meter, say).
	OnChanged func()
	// OnSubmitted is called when Return or Enter is pressed.
	OnSubmitted func()

	value   secret.Builder
	focused bool
	// all is select-all's mark: the next edit replaces the whole value.
	all bool
	// revealed draws the characters instead of dots (reveal.go).
	revealed bool
	shown    pixels
}

var (
	_ fyne.Widget        = (*Entry)(nil)
	_ fyne.Focusable     = (*Entry)(nil)
	_ fyne.Tappable      = (*Entry)(nil)
	_ fyne.Disableable   = (*Entry)(nil)
	_ fyne.Shortcutable  = (*Entry)(nil)
	_ desktop.Cursorable = (*Entry)(nil)
)

// New returns an empty field with the placeholder "Passphrase".
func New() *Entry {
	e := &Entry{PlaceHolder: lang.L("Passphrase")}
	e.ExtendBaseWidget(e)
	return e
}

// Len is the number of runes typed: the number of dots on screen, where
// they all fit.
func (e *Entry) Len() int { return e.value.RuneCount() }

// Secret returns the current value, sealed, never nil: empty when nothing
// is typed. Later typing does not change it.
func (e *Entry) Secret() *secret.Secret { return e.value.Secret() }

// Use calls f with the passphrase in locked memory, and wipes it after. f
// must not keep it; f gets an empty slice when nothing is typed.
func (e *Entry) Use(f func(b []byte) error) error { return e.value.Secret().Use(f) }

// Clear empties the field, and calls OnChanged if it held anything. The
// value was never in ordinary memory, so there is nothing else to wipe.
func (e *Entry) Clear() {
	had := e.value.Len() > 0
	e.all = false
	e.Conceal()
	e.value.Reset()
	if had {
		e.changed()
	}
}

// Set replaces the value with s's (a generated password, say), rune by
// rune inside s.Use, so that it never passes through a Go string, and
// calls OnChanged. A value that would outgrow secret.MaxBuilderLen leaves
// the field empty.
func (e *Entry) Set(s *secret.Secret) {
	e.all = false
	e.value.Reset()
	s.Use(func(b []byte) error {
		for len(b) > 0 {
			r, n := utf8.DecodeRune(b)
			if !e.value.AppendRune(r) {
				e.value.Reset()
				return nil
			}
			b = b[n:]
		}
		return nil
	})
	e.changed()
}

// Equal reports whether a and b hold the same passphrase ("type it again"),
// comparing in constant time when their lengths are equal; the lengths are
// on screen anyway. Two empty fields are equal.
func Equal(a, b *Entry) bool { return a.value.Secret().Equal(b.value.Secret()) }

// CreateRenderer is part of fyne.Widget.
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	return newRenderer(e)
}

// Cursor is part of desktop.Cursorable.
func (e *Entry) Cursor() desktop.Cursor { return desktop.TextCursor }

// Tapped focuses the field; on the eye at its end, it also shows or hides
// the passphrase.
func (e *Entry) Tapped(ev *fyne.PointEvent) {
	if e.Disabled() {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
	if ev != nil && ev.Position.X >= e.Size().Width-eyeWidth(e.Theme()) {
		e.Reveal(!e.revealed)
	}
}

// Reveal draws the passphrase's characters instead of dots (on), or dots
// again. The characters are drawn from the locked buffer, never put in a
// string; the field hides them again when it loses the focus or is
// cleared.
func (e *Entry) Reveal(on bool) {
	if on == e.revealed {
		return
	}
	e.revealed = on
	if !on {
		e.shown.wipe()
	}
	e.Refresh()
}

// Conceal draws dots again: for a screen or dialog that closes.
func (e *Entry) Conceal() { e.Reveal(false) }

// Disable makes the field refuse input, and hides its characters: a
// disabled field is one the person is not looking at (a passphrase being
// checked, a key being changed).
func (e *Entry) Disable() {
	e.Conceal()
	e.DisableableWidget.Disable()
}

// Revealed reports whether the characters are drawn.
func (e *Entry) Revealed() bool { return e.revealed }

// FocusGained is part of fyne.Focusable.
func (e *Entry) FocusGained() {
	e.focused = true
	e.Refresh()
}

// FocusLost is part of fyne.Focusable.
func (e *Entry) FocusLost() {
	e.focused, e.all = false, false
	e.Conceal()
	e.Refresh()
}

// TypedRune appends r to the value.
func (e *Entry) TypedRune(r rune) {
	if e.Disabled() {
		return
	}
	e.replaceAll()
	if e.value.AppendRune(r) {
		e.changed()
	}
}

// replaceAll empties the value if select-all marked it, as a typed rune or
// a paste replaces a selection.
func (e *Entry) replaceAll() {
	if e.all {
		e.all = false
		e.value.Reset()
		e.changed()
	}
}

// TypedKey handles Backspace, Return, Enter and Escape; see Entry.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if e.all && ev.Name != fyne.KeyBackspace && ev.Name != fyne.KeyDelete {
		e.all = false
		e.Refresh()
	}
	switch ev.Name {
	case fyne.KeyBackspace, fyne.KeyDelete:
		switch {
		case e.Disabled():
		case e.all:
			e.replaceAll()
		case ev.Name == fyne.KeyBackspace && e.value.DeleteLastRune():
			e.changed()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.Disabled() && e.OnSubmitted != nil {
			e.OnSubmitted()
		}
	case fyne.KeyEscape:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if onKey := c.OnTypedKey(); onKey != nil {
				onKey(ev)
			}
		}
	}
}

// TypedShortcut handles paste; see Entry.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutPaste:
		e.paste(s.Clipboard)
	case *fyne.ShortcutSelectAll:
		e.selectAll()
	case *desktop.CustomShortcut:
		if s.KeyName == fyne.KeyA && s.Modifier == fyne.KeyModifierShortcutDefault {
			e.selectAll()
			return
		}
		// Fyne hands every shortcut to the focused widget alone; pass on
		// the window's own (lock, say) so that they work from this field.
		c := fyne.CurrentApp().Driver().CanvasForObject(e)
		if sc, ok := c.(fyne.Shortcutable); ok {
			sc.TypedShortcut(s)
		}
	}
}

func (e *Entry) paste(clipboard fyne.Clipboard) {
	if e.Disabled() {
		return
	}
	if clipboard == nil {
		clipboard = fyne.CurrentApp().Clipboard()
	}
	e.replaceAll()
	// TrimRight slices the clipboard's string; it makes no copy.
	if e.value.AppendString(strings.TrimRight(clipboard.Content(), "\r\n")) {
		e.changed()
	}
}

// selectAll marks the whole value, if there is one.
func (e *Entry) selectAll() {
	if e.Disabled() || e.Len() == 0 {
		return
	}
	e.all = true
	e.Refresh()
}

// Selected reports whether select-all marks the value.
func (e *Entry) Selected() bool { return e.all }

func (e *Entry) changed() {
	e.Refresh()
	if e.OnChanged != nil {
		e.OnChanged()
	}
}
