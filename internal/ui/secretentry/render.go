package secretentry

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// dot is drawn once per rune, as Fyne's password entry draws it.
const dot = "•"

// renderer draws the field as Fyne draws an Entry: an input background, a
// border that turns the primary colour with focus, text inset by the inner
// padding, and a caret after the last dot. The only text it holds is the
// placeholder and a run of dots.
type renderer struct {
	e           *Entry
	box         *canvas.Rectangle
	border      *canvas.Rectangle
	placeholder *canvas.Text
	selection   *canvas.Rectangle // behind the dots while select-all marks them
	dots        *canvas.Text
	caret       *canvas.Rectangle
	objects     []fyne.CanvasObject
}

func newRenderer(e *Entry) *renderer {
	r := &renderer{
		e:           e,
		box:         canvas.NewRectangle(color.Transparent),
		border:      canvas.NewRectangle(color.Transparent),
		placeholder: canvas.NewText("", color.Transparent),
		selection:   canvas.NewRectangle(color.Transparent),
		dots:        canvas.NewText("", color.Transparent),
		caret:       canvas.NewRectangle(color.Transparent),
	}
	r.objects = []fyne.CanvasObject{r.box, r.border, r.placeholder, r.selection, r.dots, r.caret}
	r.Refresh()
	return r
}

func (r *renderer) Destroy() {}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) MinSize() fyne.Size {
	th := r.e.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	textSize := th.Size(theme.SizeNameText)
	line := fyne.MeasureText(dot, textSize, fyne.TextStyle{})
	width := max(line.Width, fyne.MeasureText(r.e.PlaceHolder, textSize, fyne.TextStyle{}).Width)
	return fyne.NewSize(width+2*pad, line.Height+2*pad)
}

func (r *renderer) Layout(size fyne.Size) {
	th := r.e.Theme()
	border := th.Size(theme.SizeNameInputBorder)
	pad := th.Size(theme.SizeNameInnerPadding)
	textSize := th.Size(theme.SizeNameText)

	// As Fyne's Entry: the 0.5 makes the trailing edge round down on low DPI.
	r.border.Resize(fyne.NewSize(size.Width-border-.5, size.Height-border-.5))
	r.border.Move(fyne.NewSquareOffsetPos(border / 2))
	r.box.Resize(size.Subtract(fyne.NewSquareSize(border * 2)))
	r.box.Move(fyne.NewSquareOffsetPos(border))

	// As many dots as fit before the caret: a long passphrase fills the
	// field, as the end of a scrolled entry would.
	dotSize := fyne.MeasureText(dot, textSize, fyne.TextStyle{})
	fit := max(int((size.Width-2*pad-border)/dotSize.Width), 0)
	r.dots.Text = strings.Repeat(dot, min(r.e.Len(), fit))
	textPos := fyne.NewSquareOffsetPos(pad)
	r.dots.Move(textPos)
	r.dots.Resize(r.dots.MinSize())
	r.selection.Move(textPos)
	r.selection.Resize(r.dots.MinSize())
	r.placeholder.Move(textPos)
	r.placeholder.Resize(r.placeholder.MinSize())

	r.caret.Move(textPos.AddXY(r.dots.MinSize().Width-border/2, 0))
	r.caret.Resize(fyne.NewSize(border, dotSize.Height))
}

func (r *renderer) Refresh() {
	e := r.e
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	focused := e.focused && !e.Disabled()

	r.box.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.box.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.border.CornerRadius = r.box.CornerRadius
	r.border.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	switch {
	case focused:
		r.border.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	case e.Disabled():
		r.border.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	default:
		r.border.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	}

	textSize := th.Size(theme.SizeNameText)
	r.placeholder.Text = e.PlaceHolder
	r.placeholder.TextSize = textSize
	r.placeholder.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.placeholder.Hidden = e.Len() > 0
	r.dots.TextSize = textSize
	r.dots.Color = th.Color(theme.ColorNameForeground, v)
	if e.Disabled() {
		r.dots.Color = th.Color(theme.ColorNameDisabled, v)
	}
	r.selection.FillColor = th.Color(theme.ColorNameSelection, v)
	r.selection.Hidden = !e.all
	r.caret.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.caret.Hidden = !focused

	r.Layout(e.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}
