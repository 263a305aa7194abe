package notice

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
)

// readImage reads a JPEG or PNG scan: its size from the header first, then its pixels, then
// its text by OCR of a gray copy of those pixels, turned upright as its EXIF orientation says.
// Tesseract never sees the file itself.
func readImage(ctx context.Context, data []byte, kind string, o *options) (*Document, error) {
	img, err := decodeImage(data, kind)
	if err != nil {
		return nil, err
	}
	d := &Document{kind: kind, pages: 1, data: data, source: SourceNone, decoded: img}
	if o.skipOCR {
		return d, nil
	}
	ctx, words := withWordSink(ctx)
	ctx, seconds := withSecondSink(ctx, o)
	var second string
	texts, err := ocrPages(ctx, d, []int{0}, o, func(int) (string, error) {
		text, err := ocrImage(ctx, img, 0, fileOrientation(data, kind))
		d.words = [][]Word{words.take()}
		second, _ = seconds.take()
		return text, err
	})
	if err != nil {
		return nil, err
	}
	if text, ok := texts[0]; ok {
		d.text, d.source, d.second = text, SourceOCR, second
	}
	return d, nil
}

// checkImageSize refuses, from the header alone, an image that is damaged or too large to
// decode: a PNG of a few kilobytes may claim to be 100000×100000 pixels. The header is read by
// the decoder that would decode the pixels, so that the two cannot disagree.
func checkImageSize(data []byte, kind string) error {
	var cfg image.Config
	var err error
	if kind == KindPNG {
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	} else {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	}
	switch {
	case err != nil || cfg.Width <= 0 || cfg.Height <= 0:
		return ErrDamaged
	case int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels:
		return ErrImageTooLarge
	}
	return nil
}

// decodeImage decodes a JPEG or PNG, the file's or one inside a PDF, once checkImageSize has
// accepted its header: it is the one place pixels are decoded in Go. The errors are
// ErrDamaged and ErrImageTooLarge.
func decodeImage(data []byte, kind string) (image.Image, error) {
	if err := checkImageSize(data, kind); err != nil {
		return nil, err
	}
	var img image.Image
	var err error
	if kind == KindPNG {
		img, err = png.Decode(bytes.NewReader(data))
	} else {
		img, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, ErrDamaged
	}
	return img, nil
}

// scanDPI is the resolution an image is assumed to be scanned at, to scale it for Render.
const scanDPI = 300

// renderImage draws an image upright at dpi, taking it to be a 300 dpi scan; dpi <= 0 or 300
// gives the image at its size. img is the image already decoded, or nil.
func renderImage(data []byte, kind string, img image.Image, dpi int) (image.Image, error) {
	if img == nil {
		var err error
		if img, err = decodeImage(data, kind); err != nil {
			return nil, err
		}
	}
	img, err := scaleScan(img, scanDPI, dpi)
	if err != nil {
		return nil, err
	}
	return fileOrientation(data, kind).turn(img), nil
}

// scaleScan scales a scan made at scanned dpi to dpi (<= 0: as it is).
func scaleScan(img image.Image, scanned, dpi int) (image.Image, error) {
	if dpi <= 0 || dpi == scanned {
		return img, nil
	}
	scale := float64(dpi) / float64(scanned)
	b := img.Bounds()
	fw, fh := max(1, float64(b.Dx())*scale+0.5), max(1, float64(b.Dy())*scale+0.5)
	if fw*fh > MaxRenderPixels {
		return nil, ErrRenderTooLarge
	}
	dst := image.NewRGBA(image.Rect(0, 0, int(fw), int(fh)))
	// ApproxBiLinear has fast paths for the gray and YCbCr images that
	// scans decode to; BiLinear's exact filter took ten times as long.
	draw.ApproxBiLinear.Scale(dst, dst.Rect, img, b, draw.Src, nil)
	return dst, nil
}
