package noticeview

import "fyne.io/fyne/v2"

// WindowSize is the size for a notice's window opened beside a window of size parent: a
// US letter page whole at 100%, with the toolbar and the Close button, made smaller to fit
// within parent less a margin. Fyne does not tell an app the screen's size; the app's own
// window is on the screen, and at its largest it is the screen.
func WindowSize(parent fyne.Size) fyne.Size { return fitWindow(parent, letter) }

const (
	// chrome is the height the toolbar and the Close button take, and the width the scroll
	// bar and padding take.
	chromeHeight, chromeWidth = 110, 24
	// windowMargin is kept free around the notice's window, within the parent's size.
	windowMargin = 48
	// minWindowWidth keeps the toolbar usable however small the page is drawn.
	minWindowWidth = 640
)

// fitWindow is the window size that shows a page of size page whole: at 100% if bounds has
// room (less windowMargin on each side), else as large as fits with the page's aspect; never
// narrower than the toolbar wants, unless bounds is narrower still. A zero bounds (a window
// not yet shown) is taken as a 1280×800 screen.
func fitWindow(bounds fyne.Size, page pageSize) fyne.Size {
	if bounds.Width <= 0 || bounds.Height <= 0 {
		bounds = fyne.NewSize(1280, 800)
	}
	room := fyne.NewSize(max(bounds.Width-2*windowMargin, 1), max(bounds.Height-2*windowMargin, 1))
	pw, ph := float32(page.w*unitsPerInch), float32(page.h*unitsPerInch)
	scale := min(1, max(room.Width-chromeWidth, 1)/pw, max(room.Height-chromeHeight, 1)/ph)
	w := max(pw*scale+chromeWidth, min(minWindowWidth, room.Width))
	h := ph*scale + chromeHeight
	return fyne.NewSize(float32(int(min(w, room.Width))), float32(int(min(h, room.Height))))
}
