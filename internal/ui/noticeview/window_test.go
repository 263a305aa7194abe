package noticeview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestFitWindow: the notice's window shows a page whole, at 100% where there is room, and is
// never larger than the window it opens beside, less the margins.
func TestFitWindow(t *testing.T) {
	a4 := pageSize{8.27, 11.69}
	landscape := pageSize{11, 8.5}
	for _, c := range []struct {
		name   string
		bounds fyne.Size
		page   pageSize
		want   fyne.Size
	}{
		{"a tall screen: letter at 100%", fyne.NewSize(1920, 1400), letter, fyne.NewSize(840, 1166)},
		{"a laptop screen: as tall as fits", fyne.NewSize(1366, 768), letter, fyne.NewSize(640, 672)},
		{"800×600: within it", fyne.NewSize(800, 600), letter, fyne.NewSize(640, 504)},
		{"a window narrower than the toolbar wants", fyne.NewSize(500, 900), letter, fyne.NewSize(404, 601)},
		{"landscape on a wide screen", fyne.NewSize(1920, 1080), landscape, fyne.NewSize(1080, 926)},
		{"A4 is taller than letter", fyne.NewSize(1920, 1200), a4, fyne.NewSize(727, 1104)},
		{"no size yet: a 1280×800 screen", fyne.Size{}, letter, fyne.NewSize(640, 704)},
		{"a tiny window", fyne.NewSize(90, 90), letter, fyne.NewSize(1, 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := fitWindow(c.bounds, c.page)
			if got != c.want {
				t.Errorf("fitWindow(%v, %v) = %v, want %v", c.bounds, c.page, got, c.want)
			}
			if c.bounds.Width > 0 && (got.Width > c.bounds.Width-2*windowMargin && got.Width > 1 || got.Height > c.bounds.Height-2*windowMargin && got.Height > 1) {
				t.Errorf("%v does not fit in %v with the margins", got, c.bounds)
			}
		})
	}
}

// TestViewerFitsItsWindow: in the window WindowSize gives beside an 800×600 main window, the
// viewer's toolbar fits (Print and Export on a row of their own) and no two of its buttons
// overlap.
func TestViewerFitsItsWindow(t *testing.T) {
	size := WindowSize(fyne.NewSize(800, 600))
	v, w := open(t, "receipt.pdf", twoPagePDF(t), size)
	waitForPage(t, v)
	v.mu.Lock()
	defer v.mu.Unlock()
	if min := w.Content().MinSize().Width + 2*theme.Padding(); min > size.Width {
		t.Errorf("the viewer needs %g units of width, more than the %g of its window", min, size.Width)
	}
	type placed struct {
		text     string
		pos, end fyne.Position
	}
	var seen []placed
	for _, o := range test.LaidOutObjects(v.toolbar) {
		b, ok := o.(*widget.Button)
		if !ok || !b.Visible() {
			continue
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		end := pos.Add(b.Size())
		if end.X > size.Width {
			t.Errorf("%q ends at %g, past the window's %g", b.Text, end.X, size.Width)
		}
		for _, s := range seen {
			if pos.X < s.end.X-0.5 && s.pos.X < end.X-0.5 && pos.Y < s.end.Y-0.5 && s.pos.Y < end.Y-0.5 {
				t.Errorf("%q (%v to %v) overlaps %q (%v to %v)", b.Text, pos, end, s.text, s.pos, s.end)
			}
		}
		seen = append(seen, placed{b.Text, pos, end})
	}
	if len(seen) < 7 {
		t.Errorf("found %d buttons in the toolbar", len(seen))
	}
}
