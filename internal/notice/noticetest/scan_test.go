package noticetest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// page is a small white page with a black bar, standing in for a rendered notice.
func page() *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 200, 260))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for y := 40; y < 50; y++ {
		for x := 20; x < 180; x++ {
			img.SetGray(x, y, color.Gray{})
		}
	}
	return img
}

func TestScan(t *testing.T) {
	t.Parallel()
	img := page()
	a, b := Scan(img, 3), Scan(img, 3)
	if !bytes.Equal(a.(*image.Gray).Pix, b.(*image.Gray).Pix) {
		t.Error("Scan is not deterministic")
	}
	if a.Bounds() != img.Bounds() {
		t.Errorf("Scan changed the size: %v", a.Bounds())
	}
	var white, black int
	for _, v := range a.(*image.Gray).Pix {
		switch {
		case v > 250:
			white++
		case v < 80:
			black++
		}
	}
	if white > len(img.Pix)/10 {
		t.Errorf("%d of %d pixels still white: the paper should be grey", white, len(img.Pix))
	}
	if black < 800 {
		t.Errorf("only %d dark pixels: the bar should survive the scan", black)
	}
	if bytes.Equal(Scan(img, 4).(*image.Gray).Pix, a.(*image.Gray).Pix) {
		t.Error("seeds 3 and 4 scan alike")
	}
}

func TestEncode(t *testing.T) {
	t.Parallel()
	img := Scan(page(), 1)
	if got, err := png.Decode(bytes.NewReader(EncodePNG(img))); err != nil || got.Bounds() != img.Bounds() {
		t.Errorf("PNG: %v, %v", err, got.Bounds())
	}
	if got, err := jpeg.Decode(bytes.NewReader(EncodeJPEG(img))); err != nil || got.Bounds() != img.Bounds() {
		t.Errorf("JPEG: %v, %v", err, got.Bounds())
	}
}

func TestImagePDF(t *testing.T) {
	t.Parallel()
	pdf := ImagePDF(Scan(page(), 1))
	for _, want := range []string{"%PDF-", "/Subtype /Image", "/DCTDecode", "612.00 792.00"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("image PDF lacks %q", want)
		}
	}
	if bytes.Contains(pdf, []byte("/BaseFont")) {
		t.Error("image PDF has a font: it should have no text to extract")
	}
	if !bytes.Equal(pdf, ImagePDF(Scan(page(), 1))) {
		t.Error("ImagePDF is not deterministic")
	}
}
