package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// identifierLayout arranges identifier rows in three columns: the kind, the
// value (taking the spare width) and the actions.
type identifierLayout struct{}

const identifierColumns = 3

func (identifierLayout) widths(objects []fyne.CanvasObject) (kind, actions float32) {
	for i, o := range objects {
		switch i % identifierColumns {
		case 0:
			kind = max(kind, min(o.MinSize().Width, 260))
		case 2:
			actions = max(actions, o.MinSize().Width)
		}
	}
	return kind, actions
}

func (l identifierLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	kind, actions := l.widths(objects)
	var value, height float32
	for i := 0; i < len(objects); i += identifierColumns {
		h := float32(0)
		for j := i; j < i+identifierColumns && j < len(objects); j++ {
			h = max(h, objects[j].MinSize().Height)
		}
		if i+1 < len(objects) {
			value = max(value, objects[i+1].MinSize().Width)
		}
		height += h
	}
	return fyne.NewSize(kind+value+actions, height)
}

func (l identifierLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	kind, actions := l.widths(objects)
	value := max(size.Width-kind-actions, 0)
	y := float32(0)
	for i := 0; i < len(objects); i += identifierColumns {
		h := float32(0)
		for j := i; j < i+identifierColumns && j < len(objects); j++ {
			h = max(h, objects[j].MinSize().Height)
		}
		x := float32(0)
		for j, w := range []float32{kind, value, actions} {
			if i+j < len(objects) {
				objects[i+j].Move(fyne.NewPos(x, y))
				objects[i+j].Resize(fyne.NewSize(w, h))
			}
			x += w
		}
		y += h
	}
}

// toolbarLayout puts two groups of buttons on one row, the first at the
// left and the second at the right, while the window is wide enough for
// both; in a narrower window the second goes on a row of its own below, so
// that buttons never overlap (800×600, and longer Spanish labels). Its
// minimum width is the wider group's, so the window can be made that
// narrow. Whether one row fits is judged from the window's width, which
// the window gives before it lays its content out: a layout's minimum size
// cannot depend on the width it is given.
type toolbarLayout struct{ window fyne.Canvas }

func (l toolbarLayout) oneRow(left, right fyne.Size, width float32) bool {
	return left.Width+theme.Padding()+right.Width <= width
}

func (l toolbarLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	left, right := objects[0].MinSize(), objects[1].MinSize()
	width := max(left.Width, right.Width)
	if l.oneRow(left, right, l.window.Size().Width-2*theme.Padding()) {
		return fyne.NewSize(width, max(left.Height, right.Height))
	}
	return fyne.NewSize(width, left.Height+theme.Padding()+right.Height)
}

func (l toolbarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	left, right := objects[0].MinSize(), objects[1].MinSize()
	objects[0].Move(fyne.Position{})
	objects[0].Resize(left)
	y := float32(0)
	if !l.oneRow(left, right, size.Width) {
		y = left.Height + theme.Padding()
	}
	objects[1].Move(fyne.NewPos(max(size.Width-right.Width, 0), y))
	objects[1].Resize(right)
}
