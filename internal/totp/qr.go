package totp

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif" // screenshots come as PNG, photos as JPEG; GIF costs nothing
	_ "image/jpeg"
	_ "image/png"
	"io"

	"github.com/makiuchi-d/gozxing"
	zxqrcode "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/skip2/go-qrcode"

	"github.com/awnumar/memguard"
)

// Bounds on an image DecodeQR reads, checked before its pixels are
// decoded: a PNG of a few kilobytes may claim to be 100000×100000 pixels.
// 50 megapixels is more than any screen's screenshot or phone's photo.
const (
	MaxImagePixels = 50_000_000
	MaxImageSize   = 64 << 20
)

var (
	// ErrNoQR is DecodeQR's error for an image it finds no QR code in.
	ErrNoQR = errors.New("no QR code found in the image (crop it closer, or type the secret the site shows under the code)")
	// ErrImage is DecodeQR's error for a file that is not a PNG, JPEG or
	// GIF image, or is damaged.
	ErrImage = errors.New("not a PNG, JPEG or GIF image, or a damaged one")
	// ErrImageTooLarge is DecodeQR's error for an image over the bounds.
	ErrImageTooLarge = errors.New("the image is too large (at most 50 megapixels and 64 MiB)")
)

// DecodeQR finds the QR code in an image (a screenshot of the site's
// setup page, or a photo of it) read from r, and parses the key in it.
//
// The QR library returns the code's text as a Go string, which cannot be
// wiped: that one copy of the URI stays in ordinary memory until the
// garbage collector reuses it. The decoded pixels are wiped.
func DecodeQR(r io.Reader) (*Key, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImageSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxImageSize {
		return nil, ErrImageTooLarge
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil || cfg.Width <= 0 || cfg.Height <= 0:
		return nil, ErrImage
	case int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels:
		return nil, ErrImageTooLarge
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, ErrImage
	}
	defer wipeImage(img)
	text, err := findQR(img)
	if err != nil {
		return nil, err
	}
	b := []byte(text)
	defer memguard.WipeBytes(b)
	return Parse(b)
}

// findQR reads the QR code in img: first as it is, then halved, since the
// detector is surer of itself on a screenshot taken at 2× scale.
func findQR(img image.Image) (string, error) {
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	for _, candidate := range []func() image.Image{
		func() image.Image { return img },
		func() image.Image { return halve(img) },
	} {
		im := candidate()
		if im == nil {
			continue
		}
		bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(gozxing.NewLuminanceSourceFromImage(im)))
		if err != nil {
			continue
		}
		res, err := zxqrcode.NewQRCodeReader().Decode(bmp, hints)
		if err == nil {
			return res.GetText(), nil
		}
	}
	return "", ErrNoQR
}

// halve scales img down by two in each direction, as gray, or returns nil
// when it is too small to be worth it.
func halve(img image.Image) image.Image {
	b := img.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	if w < 50 || h < 50 {
		return nil
	}
	out := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			var sum uint32
			for _, d := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				r, g, bl, _ := img.At(b.Min.X+2*x+d[0], b.Min.Y+2*y+d[1]).RGBA()
				sum += (299*r + 587*g + 114*bl) / 1000
			}
			out.Pix[y*out.Stride+x] = uint8(sum / 4 >> 8)
		}
	}
	return out
}

// wipeImage clears the pixels of the decoded image kinds that have them
// in one slice.
func wipeImage(img image.Image) {
	switch im := img.(type) {
	case *image.RGBA:
		clear(im.Pix)
	case *image.NRGBA:
		clear(im.Pix)
	case *image.Gray:
		clear(im.Pix)
	case *image.Paletted:
		clear(im.Pix)
	case *image.YCbCr:
		clear(im.Y)
		clear(im.Cb)
		clear(im.Cr)
	case *image.RGBA64:
		clear(im.Pix)
	case *image.NRGBA64:
		clear(im.Pix)
	case *image.Gray16:
		clear(im.Pix)
	case *image.CMYK:
		clear(im.Pix)
	}
}

// QRPNG draws k's otpauth URI as a QR code in a PNG of size×size pixels,
// for an authenticator app on a phone to scan. The PNG holds the secret:
// whoever sees the picture can make the codes. The QR library takes its
// text as a Go string, which cannot be wiped; that copy stays in ordinary
// memory until the garbage collector reuses it.
func (k *Key) QRPNG(size int) ([]byte, error) {
	var png []byte
	err := k.WithURI(func(uri []byte) error {
		q, err := qrcode.New(string(uri), qrcode.Medium)
		if err != nil {
			return err
		}
		png, err = q.PNG(size)
		return err
	})
	return png, err
}
