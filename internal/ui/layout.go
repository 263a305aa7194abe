package ui

import "fyne.io/fyne/v2"

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
