package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ui/translations"
)

// TestNarrowWindow: at 800×600 and at the narrowest the window lets itself
// be made (its content's minimum width), no two buttons of the main screen
// overlap, each is whole inside the window, and none is squeezed below the
// width its label needs; in English and in Spanish, whose labels are
// longer. With IMMIVAULT_SCREENSHOTS=DIR it saves each screen it checks
// there.
func TestNarrowWindow(t *testing.T) {
	for _, language := range []string{"en", "es"} { // Spanish labels are longer
		t.Run(language, func(t *testing.T) {
			translations.Use(language)
			defer translations.Use("en")
			narrowWindow(t, language)
		})
	}
}

func narrowWindow(t *testing.T, language string) {
	h := familyHarness(t)
	uiMu.Lock()
	defer uiMu.Unlock()
	// The window's content is inset by the theme's padding.
	minimum := h.win.Content().MinSize().AddWidthHeight(2*theme.Padding(), 2*theme.Padding())
	t.Logf("the main screen's minimum size is %v", minimum)
	for i, size := range []fyne.Size{fyne.NewSize(800, 600), fyne.NewSize(minimum.Width, 600)} {
		name := []string{"800x600", "narrowest"}[i]
		t.Run(name, func(t *testing.T) {
			h.win.Resize(size)
			checkButtons(t, h.win.Canvas(), h.win.Content())
			saveShot(t, h.win.Canvas(), "family-"+name+"-"+language)
			for _, open := range []struct {
				name string
				show func()
			}{
				{"settings", h.app.showSettings},
				{"file picker", func() { h.app.main.imports.chooseFiles(h.app.main.person) }},
				{"person dialog", func() { h.app.main.editPerson(nil) }},
				{"number dialog", func() { h.app.editIdentifier(h.app.vault.Index().People[0], nil) }},
				{"trip dialog", func() { h.app.editTrip(h.app.vault.Index().People[0], nil) }},
				{"login dialog", func() { h.app.editLogin(h.app.vault.Index().People[0], nil) }},
			} {
				open.show()
				top := h.win.Canvas().Overlays().Top()
				if top == nil {
					t.Fatalf("%s: no dialog", open.name)
				}
				t.Run(open.name, func(t *testing.T) { checkButtons(t, h.win.Canvas(), top) })
				saveShot(t, h.win.Canvas(), strings.ReplaceAll(open.name, " ", "-")+"-"+name+"-"+language)
				h.app.dismissDialog()
			}
		})
	}
}

// saveShot writes what c shows to DIR/name.png when IMMIVAULT_SCREENSHOTS=DIR.
func saveShot(t *testing.T, c fyne.Canvas, name string) {
	t.Helper()
	dir := os.Getenv("IMMIVAULT_SCREENSHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, c.Capture()); err != nil {
		t.Fatal(err)
	}
}

// checkButtons fails if two visible buttons under root overlap, or a
// button overlaps text, or one is narrower than its minimum, or one outside
// a scrolled area is not whole inside the canvas. What a scrolled area has
// scrolled out of sight is left out.
func checkButtons(t *testing.T, c fyne.Canvas, root fyne.CanvasObject) {
	t.Helper()
	type placed struct {
		name string
		r    rect
	}
	var buttons, texts []placed
	window := rect{fyne.Position{}, fyne.Position{X: c.Size().Width, Y: c.Size().Height}}
	visit(root, window, false, func(o fyne.CanvasObject, clip rect, scrolled bool) {
		whole := absRect(o)
		r := whole.intersect(clip)
		if r.empty() {
			return
		}
		switch o := o.(type) {
		case *widget.Button:
			name := o.Text
			if name == "" {
				name = fmt.Sprintf("icon button at %v", whole.pos)
			}
			if !scrolled && r != whole {
				t.Errorf("%q (%v) is not whole inside the %v window", name, whole, c.Size())
			}
			if o.Size().Width+0.5 < o.MinSize().Width {
				t.Errorf("%q is %g wide, less than the %g its label needs", name, o.Size().Width, o.MinSize().Width)
			}
			for _, other := range buttons {
				if r.overlaps(other.r) {
					t.Errorf("%q (%v) overlaps %q (%v)", name, r, other.name, other.r)
				}
			}
			buttons = append(buttons, placed{name, r})
		case *widget.Label:
			if o.Text != "" {
				texts = append(texts, placed{o.Text, r})
			}
		}
	})
	for _, b := range buttons {
		for _, txt := range texts {
			if b.r.overlaps(txt.r) {
				t.Errorf("button %q (%v) lies over the text %q (%v)", b.name, b.r, txt.name, txt.r)
			}
		}
	}
	if len(buttons) < 2 {
		t.Errorf("found only %d buttons", len(buttons))
	}
}

// rect is an area of the canvas, from pos to end.
type rect struct{ pos, end fyne.Position }

func absRect(o fyne.CanvasObject) rect {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return rect{pos, pos.Add(o.Size())}
}

func (r rect) intersect(o rect) rect {
	return rect{fyne.NewPos(max(r.pos.X, o.pos.X), max(r.pos.Y, o.pos.Y)), fyne.NewPos(min(r.end.X, o.end.X), min(r.end.Y, o.end.Y))}
}

func (r rect) empty() bool { return r.end.X-r.pos.X < 0.5 || r.end.Y-r.pos.Y < 0.5 }

// overlaps allows half a unit of rounding.
func (r rect) overlaps(o rect) bool { return !r.intersect(o).empty() }

func (r rect) String() string { return fmt.Sprintf("%v to %v", r.pos, r.end) }

// visit calls f for every visible object under o, with the area it can be
// seen in (scroll containers clip it) and whether it is in a scrolled area.
func visit(o fyne.CanvasObject, clip rect, scrolled bool, f func(fyne.CanvasObject, rect, bool)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o, clip, scrolled)
	var children []fyne.CanvasObject
	switch p := o.(type) {
	case *container.Scroll:
		clip, scrolled = clip.intersect(absRect(p)), true
		children = []fyne.CanvasObject{p.Content}
	case *fyne.Container:
		children = p.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(p).Objects()
	}
	for _, child := range children {
		visit(child, clip, scrolled, f)
	}
}
