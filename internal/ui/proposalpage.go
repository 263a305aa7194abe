package ui

import (
	"context"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/notice"
)

// proposalPage shows the notice's pages beside the proposal, drawn in memory as the notice
// viewer draws them, with translucent boxes over the words each value was read from: faint
// for all of them, strong for the field being checked.
type proposalPage struct {
	ctx    context.Context
	cancel context.CancelFunc
	name   string
	data   []byte
	words  [][]notice.Word
	pages  int
	page   int

	doc     *notice.Document
	image   *canvas.Image
	marks   *fyne.Container
	boxes   *boxLayout
	number  *widget.Label
	prev    *widget.Button
	next    *widget.Button
	note    *widget.Label
	content fyne.CanvasObject

	all, focus []notice.Box
	drawn      image.Image // the page shown, for the tests
}

// pageDPI draws a letter page about 850 pixels wide: sharp at the half of the dialog it gets.
const pageDPI = 100

var (
	markAll   = color.NRGBA{R: 0xff, G: 0xc1, B: 0x07, A: 0x40}
	markFocus = color.NRGBA{R: 0xff, G: 0x6f, B: 0x00, A: 0x70}
)

func newProposalPage(name string, data []byte, words [][]notice.Word) *proposalPage {
	p := &proposalPage{name: name, data: data, words: words, pages: max(1, len(words))}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.image = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleSmooth}
	p.boxes = &boxLayout{}
	p.marks = container.New(p.boxes)
	p.number = widget.NewLabel("")
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.show(p.page - 1) })
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.show(p.page + 1) })
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Importance = widget.LowImportance
	sheet := container.New(&pageFit{page: p}, p.image, p.marks)
	bar := container.NewHBox(p.prev, p.number, p.next)
	p.content = container.NewBorder(bar, p.note, nil, nil, sheet)
	hasWords := false
	for _, w := range words {
		hasWords = hasWords || len(w) > 0
	}
	if !hasWords {
		p.note.SetText(lang.L("No words could be read off this notice to show where each value is: compare the values with the page."))
	}
	return p
}

// open reads the notice, without OCR, and draws its first page.
func (p *proposalPage) open() {
	ctx, data, name := p.ctx, p.data, p.name
	background(func() (*notice.Document, error) {
		return notice.Read(ctx, data, name, notice.WithoutOCR())
	}, func(doc *notice.Document, err error) {
		if ctx.Err() != nil {
			if doc != nil {
				doc.Close()
			}
			return
		}
		if err != nil {
			p.note.SetText(oneLine(err.Error()))
			return
		}
		p.doc, p.pages = doc, doc.Pages()
		p.show(0)
	})
}

// show draws page (from 0) and its boxes.
func (p *proposalPage) show(page int) {
	if page < 0 || page >= p.pages {
		return
	}
	p.page = page
	p.number.SetText(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": page + 1, "Pages": p.pages}))
	p.prev.Disable()
	p.next.Disable()
	if page > 0 {
		p.prev.Enable()
	}
	if page < p.pages-1 {
		p.next.Enable()
	}
	p.mark()
	if p.doc == nil {
		return
	}
	ctx, doc := p.ctx, p.doc
	background(func() (image.Image, error) {
		return doc.Render(ctx, page, pageDPI)
	}, func(img image.Image, err error) {
		if ctx.Err() != nil || page != p.page {
			return
		}
		if err != nil {
			p.note.SetText(oneLine(err.Error()))
			return
		}
		p.drawn = img
		p.image.Image = img
		p.image.Refresh()
		p.content.Refresh()
	})
}

// highlight marks where all values were read, and where the field being checked was.
// A focused value on another page turns to that page.
func (p *proposalPage) highlight(all, focus []notice.Box) {
	p.all, p.focus = all, focus
	if len(focus) > 0 && focus[0].Page != p.page {
		p.show(focus[0].Page)
		return
	}
	p.mark()
}

func (p *proposalPage) mark() {
	var objs []fyne.CanvasObject
	var boxes []notice.Box
	add := func(bs []notice.Box, c color.Color) {
		for _, b := range bs {
			if b.Page == p.page {
				r := canvas.NewRectangle(c)
				r.CornerRadius = 2
				objs = append(objs, r)
				boxes = append(boxes, b)
			}
		}
	}
	add(p.all, markAll)
	add(p.focus, markFocus)
	p.boxes.boxes = boxes
	p.marks.Objects = objs
	p.marks.Refresh()
}

// close stops drawing and lets go of the notice.
func (p *proposalPage) close() {
	p.cancel()
	if p.doc != nil {
		p.doc.Close()
		p.doc = nil
	}
	p.image.Image, p.drawn, p.data = nil, nil, nil
}

// pageFit lays the page out as large as fits, keeping its proportions, and the marks over it.
type pageFit struct{ page *proposalPage }

func (l *pageFit) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(240, 310) }

func (l *pageFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	aspect := float32(8.5 / 11) // a letter page until the page is drawn
	if img := l.page.image.Image; img != nil {
		b := img.Bounds()
		aspect = float32(b.Dx()) / float32(b.Dy())
	}
	w, h := size.Width, size.Width/aspect
	if h > size.Height {
		w, h = size.Height*aspect, size.Height
	}
	pos := fyne.NewPos((size.Width-w)/2, 0)
	for _, o := range objs {
		o.Move(pos)
		o.Resize(fyne.NewSize(w, h))
	}
}

// boxLayout places each object over its box, given as fractions of the page, a little larger
// than the words so that the box does not hide their edges.
type boxLayout struct{ boxes []notice.Box }

func (l *boxLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

func (l *boxLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const pad = 2
	for i, o := range objs {
		if i >= len(l.boxes) {
			o.Hide()
			continue
		}
		b := l.boxes[i]
		o.Move(fyne.NewPos(float32(b.X0)*size.Width-pad, float32(b.Y0)*size.Height-pad))
		o.Resize(fyne.NewSize(float32(b.X1-b.X0)*size.Width+2*pad, float32(b.Y1-b.Y0)*size.Height+2*pad))
	}
}
