package secretentry

import (
	"image"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Revealing draws the passphrase's characters instead of dots. Fyne draws
// text only from a Go string, which cannot be wiped (docs/adr/0006), so the
// characters are drawn here into pixels, straight from the locked buffer
// inside Use, with the theme's own font: the passphrase is never a string.
// The pixels are wiped when the field is drawn again or concealed.

// fonts are the theme's fonts, parsed once each.
var fonts struct {
	sync.Mutex
	parsed map[string]*opentype.Font
}

// faceOf is the theme's regular font at size pixels.
func faceOf(th fyne.Theme, size float64) (font.Face, error) {
	res := th.Font(fyne.TextStyle{})
	fonts.Lock()
	defer fonts.Unlock()
	f, ok := fonts.parsed[res.Name()]
	if !ok {
		var err error
		if f, err = opentype.Parse(res.Content()); err != nil {
			return nil, err
		}
		if fonts.parsed == nil {
			fonts.parsed = map[string]*opentype.Font{}
		}
		fonts.parsed[res.Name()] = f
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

// revealedWidth is the width the value takes drawn at textSize.
func (e *Entry) revealedWidth(th fyne.Theme, textSize float32) float32 {
	face, err := faceOf(th, float64(textSize))
	if err != nil {
		return 0
	}
	defer face.Close()
	var w fixed.Int26_6
	e.Use(func(b []byte) error { w = font.MeasureBytes(face, b); return nil })
	return float32(w.Ceil())
}

// pixels is the picture of the revealed value, kept only to be wiped.
type pixels struct {
	mu  sync.Mutex
	img *image.RGBA
}

// wipe zeroes the last picture drawn.
func (p *pixels) wipe() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.img != nil {
		clear(p.img.Pix)
		p.img = nil
	}
}

// draw draws e's value into a w×h picture, in fg, at textSize scaled to
// the picture's pixels; when it is wider, its end stays in view, as an
// entry scrolls to the caret.
func (p *pixels) draw(e *Entry, th fyne.Theme, fg color.Color, textSize float32, w, h int, logicalHeight float32) image.Image {
	p.wipe()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p.mu.Lock()
	p.img = img
	p.mu.Unlock()
	if !e.revealed || w <= 0 || h <= 0 || logicalHeight <= 0 {
		return img
	}
	scale := float64(h) / float64(logicalHeight)
	face, err := faceOf(th, float64(textSize)*scale)
	if err != nil {
		return img
	}
	defer face.Close()
	m := face.Metrics()
	d := font.Drawer{Dst: img, Src: image.NewUniform(fg), Face: face}
	baseline := (fixed.I(h)-m.Ascent-m.Descent)/2 + m.Ascent
	e.Use(func(b []byte) error {
		x := fixed.I(0)
		if width := font.MeasureBytes(face, b); width > fixed.I(w) {
			x = fixed.I(w) - width
		}
		d.Dot = fixed.Point26_6{X: x, Y: baseline}
		d.DrawBytes(b)
		return nil
	})
	return img
}
