package noticeview

import (
	"testing"

	"fyne.io/fyne/v2"
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
