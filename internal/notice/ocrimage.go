package notice

import (
	"context"
	"image"
	"image/color"
	"math"
)

// ocrImage reads a decoded scan by OCR: turned gray, upright as o says and, if it is over
// maxOCRPixels, shrunk to fit. dpi is the scan's resolution when known (0 lets tesseract judge
// it from the letters).
func ocrImage(ctx context.Context, img image.Image, dpi int, o orientation) (string, error) {
	page, scale := ocrGray(img)
	page = o.turn(page).(*image.Gray)
	return ocr(ctx, page, int(float64(dpi)*scale+0.5))
}

// ocrGray is img as tesseract is given it: gray, composed on white paper where it is
// transparent, and at most maxOCRPixels, with the scale it was shrunk by. A gray image, and the
// luma of a JPEG's YCbCr (which is the gray of its colors), are used without a copy.
func ocrGray(img image.Image) (*image.Gray, float64) {
	g := grayOf(img)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if float64(w)*float64(h) <= maxOCRPixels {
		return g, 1
	}
	scale := math.Sqrt(maxOCRPixels / (float64(w) * float64(h)))
	return shrinkGray(g, max(1, int(float64(w)*scale)), max(1, int(float64(h)*scale))), scale
}

// grayOf converts img to gray with the weights of color.GrayModel (JPEG's luma).
func grayOf(img image.Image) *image.Gray {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		return m
	case *image.YCbCr:
		return &image.Gray{Pix: m.Y, Stride: m.YStride, Rect: m.Rect}
	}
	g := image.NewGray(b)
	luma := func(r, gr, bl uint32) uint32 { return (19595*r + 38470*gr + 7471*bl + 1<<15) >> 16 }
	switch m := img.(type) {
	case *image.RGBA: // premultiplied: over white adds what is transparent
		for y := range b.Dy() {
			src, dst := m.Pix[y*m.Stride:], g.Pix[y*g.Stride:y*g.Stride+b.Dx()]
			for x := range dst {
				p := src[4*x : 4*x+4]
				dst[x] = uint8(min(255, luma(uint32(p[0]), uint32(p[1]), uint32(p[2]))+255-uint32(p[3])))
			}
		}
	case *image.NRGBA:
		for y := range b.Dy() {
			src, dst := m.Pix[y*m.Stride:], g.Pix[y*g.Stride:y*g.Stride+b.Dx()]
			for x := range dst {
				p := src[4*x : 4*x+4]
				a := uint32(p[3])
				dst[x] = uint8((luma(uint32(p[0]), uint32(p[1]), uint32(p[2]))*a + 255*(255-a) + 127) / 255)
			}
		}
	case *image.Paletted:
		// Bilevel and 16-color scans decode to a palette: its gray once per color.
		var grays [256]uint8
		for i, c := range m.Palette {
			grays[i] = overWhite(c)
		}
		for y := range b.Dy() {
			src, dst := m.Pix[y*m.Stride:], g.Pix[y*g.Stride:y*g.Stride+b.Dx()]
			for x := range dst {
				dst[x] = grays[src[x]]
			}
		}
	default: // 16-bit, CMYK, YCbCr with alpha: rare in scans, slow and correct
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := g.Pix[(y-b.Min.Y)*g.Stride:]
			for x := b.Min.X; x < b.Max.X; x++ {
				row[x-b.Min.X] = overWhite(img.At(x, y))
			}
		}
	}
	return g
}

// overWhite is c's gray, composed on white.
func overWhite(c color.Color) uint8 {
	r, g, b, a := c.RGBA() // premultiplied, 16 bits
	y := (19595*r + 38470*g + 7471*b + 1<<15) >> 16
	return uint8(min(0xffff, y+0xffff-a) >> 8)
}

// shrinkGray scales src down to w×h, each destination pixel the average of the source area it
// covers, weighted by how much of each source pixel falls in it.
func shrinkGray(src *image.Gray, w, h int) *image.Gray {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	fx, fy := float64(sw)/float64(w), float64(sh)/float64(h)
	// Each destination column's source span, computed once: the first source column and
	// the weights of the columns it covers.
	type span struct {
		x0      int
		weights []float64
	}
	spans := func(n int, f float64, limit int) []span {
		s := make([]span, n)
		for i := range s {
			lo, hi := float64(i)*f, float64(i+1)*f
			x0 := int(lo)
			var ws []float64
			for x := x0; float64(x) < hi && x < limit; x++ {
				ws = append(ws, (min(hi, float64(x+1))-max(lo, float64(x)))/f)
			}
			s[i] = span{x0, ws}
		}
		return s
	}
	cols, rows := spans(w, fx, sw), spans(h, fy, sh)
	acc := make([]float64, w)
	for y, r := range rows {
		clear(acc)
		for k, wy := range r.weights {
			line := src.Pix[(r.x0+k)*src.Stride:]
			for x, c := range cols {
				v := 0.0
				for j, wx := range c.weights {
					v += wx * float64(line[c.x0+j])
				}
				acc[x] += wy * v
			}
		}
		out := dst.Pix[y*dst.Stride:]
		for x, v := range acc {
			out[x] = uint8(min(255, v+0.5))
		}
	}
	return dst
}
