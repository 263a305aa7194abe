package noticeview

import (
	"bytes"
	"context"
	"errors"
	"image"
	_ "image/jpeg" // image.DecodeConfig of scans
	_ "image/png"
	"math"

	"golang.org/x/image/draw"

	"immivault/internal/notice"
)

// Thumbnail draws the first page of a notice no larger than maxSide pixels either way, for the
// notice grid. It draws at the small size directly rather than shrinking a full-size drawing.
// Errors are the reader's (see notice.Read), for problemText.
func Thumbnail(ctx context.Context, name string, data []byte, maxSide int) (image.Image, error) {
	if maxSide <= 0 {
		return nil, errors.New("noticeview: a thumbnail needs a positive size")
	}
	doc, err := notice.Read(ctx, data, name, notice.WithoutOCR())
	if err != nil {
		return nil, err
	}
	defer doc.Close()

	// A PDF page's size is known only once drawn: take it for a letter page, portrait, and
	// shrink the drawing if it is larger. A scan's size is in its header.
	inches := max(letter.w, letter.h)
	if doc.Kind() != notice.KindPDF {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			inches = float64(max(cfg.Width, cfg.Height)) / scanDPI
		}
	}
	dpi := max(1, min(maxDPI, int(math.Floor(float64(maxSide)/inches))))
	img, err := doc.Render(ctx, 0, dpi)
	if err != nil {
		return nil, err
	}
	return fitWithin(img, maxSide), nil
}

// scanDPI is the resolution the reader takes a JPEG or PNG to be scanned at.
const scanDPI = 300

// fitWithin shrinks img, keeping its proportions, until neither side exceeds maxSide.
func fitWithin(img image.Image, maxSide int) image.Image {
	b := img.Bounds()
	longest := max(b.Dx(), b.Dy())
	if longest <= maxSide {
		return img
	}
	scale := float64(maxSide) / float64(longest)
	w := max(1, min(maxSide, int(math.Round(float64(b.Dx())*scale))))
	h := max(1, min(maxSide, int(math.Round(float64(b.Dy())*scale))))
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.BiLinear.Scale(dst, dst.Rect, img, b, draw.Src, nil)
	return dst
}
