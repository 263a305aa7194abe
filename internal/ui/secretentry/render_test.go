package secretentry

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// texts returns every canvas.Text the entry draws, visible or not.
func texts(e *Entry) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.LaidOutObjects(e) {
		if txt, ok := o.(*canvas.Text); ok {
			out = append(out, txt)
		}
	}
	return out
}

func TestRendersOnlyDotsAndThePlaceholder(t *testing.T) {
	const typed = "Sécret ñ 😀 x"
	e, _ := newShownEntry(t)
	e.PlaceHolder = "Type here"
	test.Type(e, typed)
	texts := texts(e)
	if len(texts) == 0 {
		t.Fatal("found no text objects")
	}
	dots := 0
	for _, txt := range texts {
		if txt.Text == e.PlaceHolder {
			if txt.Visible() {
				t.Error("the placeholder shows over a typed value")
			}
			continue
		}
		if strings.Trim(txt.Text, dot) != "" {
			t.Errorf("rendered text %q is not dots", txt.Text)
		}
		if txt.Visible() {
			dots += strings.Count(txt.Text, dot)
		}
	}
	if want := len([]rune(typed)); dots != want {
		t.Errorf("%d dots for %d runes", dots, want)
	}
	for _, txt := range texts {
		if txt.Text == e.PlaceHolder {
			continue
		}
		for _, r := range strings.ReplaceAll(typed, " ", "") {
			if strings.ContainsRune(txt.Text, r) {
				t.Errorf("rendered text %q contains the typed %q", txt.Text, r)
			}
		}
	}
}

func TestALongPassphraseFillsTheField(t *testing.T) {
	e, _ := newShownEntry(t)
	test.Type(e, strings.Repeat("long ", 60))
	for _, txt := range texts(e) {
		if txt.Visible() && txt.Position().X+txt.MinSize().Width > e.Size().Width {
			t.Fatalf("%d dots run past the field's edge", strings.Count(txt.Text, dot))
		}
	}
}

func TestLinesUpWithFynesEntry(t *testing.T) {
	test.NewTempApp(t)
	if got, want := New().MinSize().Height, widget.NewPasswordEntry().MinSize().Height; got != want {
		t.Fatalf("height %v, Fyne's entry is %v", got, want)
	}
}

func TestMarkup(t *testing.T) {
	e, w := newShownEntry(t)
	test.AssertRendersToMarkup(t, "empty.xml", w.Canvas())
	w.Canvas().Focus(e)
	test.Type(e, "contraseña")
	test.AssertRendersToMarkup(t, "focused.xml", w.Canvas())
	w.Canvas().Unfocus()
	e.Disable()
	test.AssertRendersToMarkup(t, "disabled.xml", w.Canvas())
}

// variant forces a theme variant, whatever the settings say.
type variant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

func TestLooksLikeAnEntryInLightAndDark(t *testing.T) {
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			test.NewTempApp(t)
			test.ApplyTheme(t, variant{theme.DefaultTheme(), v})
			empty, focused, disabled := New(), New(), New()
			test.Type(disabled, "abc")
			disabled.Disable()
			w := test.NewTempWindow(t, container.NewVBox(empty, focused, disabled))
			w.Resize(fyne.NewSize(240, 140))
			w.Canvas().Focus(focused)
			test.Type(focused, "añoé😀")
			test.AssertRendersToImage(t, name+".png", w.Canvas())
		})
	}
}

// capture draws the window with the entry's value set to s, typed after
// backspacing the last (Clear would hide a revealed value).
func capture(w fyne.Window, e *Entry, s string) *image.NRGBA {
	for e.Len() > 0 {
		backspace(e)
	}
	for _, r := range s {
		e.TypedRune(r)
	}
	return w.Canvas().Capture().(*image.NRGBA)
}

// TestRevealDrawsTheCharacters: the eye at the field's end draws the
// characters (two values of one length then look different, as they do
// not as dots), without any text object holding them; tapping it again,
// losing the focus or clearing the field draws dots again and wipes the
// picture.
func TestRevealDrawsTheCharacters(t *testing.T) {
	e, w := newShownEntry(t)
	w.Canvas().Focus(e)
	eye := &fyne.PointEvent{Position: fyne.NewPos(e.Size().Width-eyeWidth(e.Theme())/2, e.Size().Height/2)}
	if bytes.Equal(capture(w, e, "lavanda").Pix, capture(w, e, "ventana").Pix) == false {
		t.Fatal("two values of one length look different as dots")
	}
	e.Tapped(eye)
	if !e.Revealed() {
		t.Fatal("the eye did not reveal")
	}
	a, b := capture(w, e, "lavanda"), capture(w, e, "ventana")
	if bytes.Equal(a.Pix, b.Pix) {
		t.Fatal("revealed, two values of one length look the same: the characters are not drawn")
	}
	if !e.Revealed() {
		t.Fatal("typing hid the characters")
	}
	for _, txt := range texts(e) {
		if strings.Contains(txt.Text, "v") {
			t.Errorf("a text object holds %q", txt.Text)
		}
	}
	e.Tapped(eye)
	if e.Revealed() || e.shown.img != nil {
		t.Fatal("the eye did not hide the characters, or left their picture")
	}
	if !bytes.Equal(capture(w, e, "lavanda").Pix, capture(w, e, "ventana").Pix) {
		t.Error("hidden again, the values still look different")
	}

	// A tap elsewhere in the field only focuses it.
	e.Tapped(&fyne.PointEvent{Position: fyne.NewPos(10, 10)})
	if e.Revealed() {
		t.Error("a tap on the text revealed it")
	}
	for name, hide := range map[string]func(){"losing the focus": func() { w.Canvas().Unfocus() }, "clearing": e.Clear,
		"disabling": func() { e.Disable(); e.Enable() }} {
		w.Canvas().Focus(e)
		e.Reveal(true)
		capture(w, e, "ventana")
		hide()
		if e.Revealed() || e.shown.img != nil {
			t.Errorf("%s left the characters revealed", name)
		}
	}
}
