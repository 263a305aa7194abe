package secretentry

import (
	"image"
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
	revealed    *canvas.Raster // the characters, while revealed
	eye         *canvas.Image  // shows or hides them
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
		eye:         canvas.NewImageFromResource(theme.VisibilityIcon()),
	}
	r.eye.FillMode = canvas.ImageFillContain
	r.revealed = canvas.NewRaster(func(w, h int) image.Image {
		th := e.Theme()
		v := fyne.CurrentApp().Settings().ThemeVariant()
		return e.shown.draw(e, th, th.Color(theme.ColorNameForeground, v), th.Size(theme.SizeNameText), w, h, r.revealed.Size().Height)
	})
	r.objects = []fyne.CanvasObject{r.box, r.border, r.placeholder, r.selection, r.dots, r.revealed, r.caret, r.eye}
	r.Refresh()
	return r
}

func (r *renderer) Destroy() { r.e.shown.wipe() }

// eyeWidth is the room the eye takes at the field's end: the icon and the
// inner padding either side.
func eyeWidth(th fyne.Theme) float32 {
	return th.Size(theme.SizeNameInlineIcon) + 2*th.Size(theme.SizeNameInnerPadding)
}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) MinSize() fyne.Size {
	th := r.e.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	textSize := th.Size(theme.SizeNameText)
	line := fyne.MeasureText(dot, textSize, fyne.TextStyle{})
	width := max(line.Width, fyne.MeasureText(r.e.PlaceHolder, textSize, fyne.TextStyle{}).Width)
	return fyne.NewSize(width+2*pad+eyeWidth(th), line.Height+2*pad)
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
	room := size.Width - pad - border - eyeWidth(th)
	fit := max(int(room/dotSize.Width), 0)
	r.dots.Text = strings.Repeat(dot, min(r.e.Len(), fit))
	textPos := fyne.NewSquareOffsetPos(pad)
	r.dots.Move(textPos)
	r.dots.Resize(r.dots.MinSize())
	r.selection.Move(textPos)
	r.placeholder.Move(textPos)
	r.placeholder.Resize(r.placeholder.MinSize())

	r.revealed.Move(textPos)
	r.revealed.Resize(fyne.NewSize(max(room, 0), dotSize.Height))
	caretX := r.dots.MinSize().Width
	if r.e.revealed {
		caretX = min(r.e.revealedWidth(th, textSize), max(room, 0))
	}
	r.selection.Resize(fyne.NewSize(caretX, dotSize.Height))
	r.caret.Move(textPos.AddXY(caretX-border/2, 0))
	r.caret.Resize(fyne.NewSize(border, dotSize.Height))
	icon := th.Size(theme.SizeNameInlineIcon)
	r.eye.Resize(fyne.NewSquareSize(icon))
	r.eye.Move(fyne.NewPos(size.Width-pad-icon, (size.Height-icon)/2))
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
	r.dots.Hidden = e.revealed
	r.revealed.Hidden = !e.revealed
	if e.revealed {
		r.eye.Resource = theme.VisibilityOffIcon()
	} else {
		r.eye.Resource = theme.VisibilityIcon()
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
