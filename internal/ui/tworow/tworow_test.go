package tworow

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestRows: both groups on one row while they fit in the window, the right
// one below the left one when they do not; never overlapping, and never
// asking for more width than the wider group.
func TestRows(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		window float32
		rows   int
	}{{1000, 1}, {400 + 300 + theme.Padding() + 2*theme.Padding(), 1}, {700, 2}, {400 + 2*theme.Padding(), 2}} {
		left, right := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
		left.SetMinSize(fyne.NewSize(400, 30))
		right.SetMinSize(fyne.NewSize(300, 30))
		w := test.NewTempWindow(t, canvas.NewRectangle(nil))
		w.Resize(fyne.NewSize(c.window, 200))
		bar := New(w.Canvas(), left, right)
		w.SetContent(bar)
		w.Resize(fyne.NewSize(c.window, 200))
		bar.Resize(fyne.NewSize(c.window-2*theme.Padding(), bar.MinSize().Height))
		min := bar.MinSize()
		if min.Width != 400 {
			t.Errorf("%g wide: the toolbar asks for %g, not the wider group's 400", c.window, min.Width)
		}
		rows := 1
		if right.Position().Y > 0 {
			rows = 2
		}
		if rows != c.rows || min.Height != float32(rows)*30+float32(rows-1)*theme.Padding() {
			t.Errorf("%g wide: %d rows (height %g), want %d", c.window, rows, min.Height, c.rows)
		}
		if rows == 1 && right.Position().X < left.Position().X+left.Size().Width {
			t.Errorf("%g wide: the groups overlap", c.window)
		}
	}
}
