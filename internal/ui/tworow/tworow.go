// Package tworow lays out a toolbar of two groups of buttons: on one row,
// the first group at the left and the second at the right, while the window
// is wide enough for both; below each other in a narrower window, so that
// buttons never overlap (800×600, longer Spanish labels). Its minimum width
// is the wider group's, so the window can be made that narrow.
package tworow

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// New is a toolbar of left and right in window.
func New(window fyne.Canvas, left, right fyne.CanvasObject) *fyne.Container {
	return container.New(layout{window}, left, right)
}

// layout judges whether one row fits from the window's width, which the
// window has before it lays its content out: a layout's minimum size
// cannot depend on the width it is given.
type layout struct{ window fyne.Canvas }

func oneRow(left, right fyne.Size, width float32) bool {
	return left.Width+theme.Padding()+right.Width <= width
}

func (l layout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	left, right := objects[0].MinSize(), objects[1].MinSize()
	width := max(left.Width, right.Width)
	if oneRow(left, right, l.window.Size().Width-2*theme.Padding()) {
		return fyne.NewSize(width, max(left.Height, right.Height))
	}
	return fyne.NewSize(width, left.Height+theme.Padding()+right.Height)
}

func (l layout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	left, right := objects[0].MinSize(), objects[1].MinSize()
	objects[0].Move(fyne.Position{})
	objects[0].Resize(left)
	y := float32(0)
	if !oneRow(left, right, size.Width) {
		y = left.Height + theme.Padding()
	}
	objects[1].Move(fyne.NewPos(max(size.Width-right.Width, 0), y))
	objects[1].Resize(right)
}
