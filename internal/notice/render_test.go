package notice

import (
	"errors"
	"image"
	"strings"
	"testing"

	"immivault/internal/notice/noticetest"
)

func TestRenderPDF(t *testing.T) {
	t.Parallel()
	d, err := Read(testContext(t), textPDF(t, testReceipt, testReceipt2), "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		page, dpi int
		w, h      int
	}{
		{0, 150, 1275, 1650}, // letter, 8.5 × 11 in
		{1, 72, 612, 792},
		{0, 0, 2550, 3300}, // dpi 0: a scan's 300 dpi
	} {
		img, err := d.Render(testContext(t), c.page, c.dpi)
		if err != nil {
			t.Fatalf("page %d at %d dpi: %v", c.page, c.dpi, err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("page %d at %d dpi: %v, want %d×%d", c.page, c.dpi, b, c.w, c.h)
		}
		if ink := inkShare(img); ink < 0.002 || ink > 0.2 {
			t.Errorf("page %d at %d dpi: %.4f of the page is ink, want text on white", c.page, c.dpi, ink)
		}
	}
}

// inkShare is the share of dark pixels: a blank or black render has none or all.
func inkShare(img image.Image) float64 {
	b := img.Bounds()
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x8000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(b.Dx()*b.Dy())
}

func TestRenderImage(t *testing.T) {
	t.Parallel()
	scan := scanOf(t, noticePDF(), 0, 0) // 2550 × 3300, a 300 dpi letter page
	for _, data := range [][]byte{encodePNG(t, scan), encodeJPEG(t, scan)} {
		d, err := Read(testContext(t), data, "scan", WithoutOCR())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ dpi, w, h int }{{150, 1275, 1650}, {300, 2550, 3300}, {0, 2550, 3300}, {600, 5100, 6600}} {
			img, err := d.Render(testContext(t), 0, c.dpi)
			if err != nil {
				t.Fatalf("%s at %d dpi: %v", d.Kind(), c.dpi, err)
			}
			if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
				t.Errorf("%s at %d dpi: %v, want %d×%d", d.Kind(), c.dpi, b, c.w, c.h)
			}
		}
	}
}

// TestRenderScannerPDF draws a scanner's PDF, a page that is one JPEG, from
// the JPEG itself: the same size as PDFium would draw it, with the scan's ink.
func TestRenderScannerPDF(t *testing.T) {
	t.Parallel()
	scan := scanOf(t, noticePDF(), 0, 0)
	d, err := Read(testContext(t), noticetest.ImagePDF(scan), "scan.pdf", WithoutOCR())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dpi, w, h int }{{96, 816, 1056}, {150, 1275, 1650}, {0, 2550, 3300}} {
		img, err := d.Render(testContext(t), 0, c.dpi)
		if err != nil {
			t.Fatalf("at %d dpi: %v", c.dpi, err)
		}
		if b := img.Bounds(); abs(b.Dx()-c.w) > 1 || abs(b.Dy()-c.h) > 1 {
			t.Errorf("at %d dpi: %v, want %d×%d", c.dpi, b, c.w, c.h)
		}
		if ink := inkShare(img); ink < 0.002 || ink > 0.3 {
			t.Errorf("at %d dpi: %.4f of the page is ink, want a scanned notice", c.dpi, ink)
		}
	}
}

func abs(n int) int { return max(n, -n) }

func TestRenderRefuses(t *testing.T) {
	t.Parallel()
	pdf, err := Read(testContext(t), noticePDF(), "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	png, err := Read(testContext(t), encodePNG(t, scanOf(t, noticePDF(), 0, 0)), "scan.png", WithoutOCR())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		d         *Document
		page, dpi int
		want      string
	}{
		{"pdf page too large", pdf, 0, 1500, "notice.pdf: a page is drawn at most 100 megapixels; choose a lower resolution"},
		{"pdf at an absurd dpi", pdf, 0, 1 << 40, "notice.pdf: a page is drawn at most 100 megapixels; choose a lower resolution"},
		{"image too large", png, 0, 1200, "scan.png: a page is drawn at most 100 megapixels; choose a lower resolution"},
		{"image at an absurd dpi", png, 0, 1 << 40, "scan.png: a page is drawn at most 100 megapixels; choose a lower resolution"},
		{"no such page", pdf, 1, 150, "there is no page 2; this notice has 1"},
		{"negative page", png, -1, 150, "there is no page 0; this notice has 1"},
	} {
		img, err := c.d.Render(testContext(t), c.page, c.dpi)
		if err == nil || err.Error() != c.want || img != nil {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
		if strings.Contains(c.want, "megapixels") && !errors.Is(err, ErrRenderTooLarge) {
			t.Errorf("%s: %v is not ErrRenderTooLarge", c.name, err)
		}
	}

	pdf.Close()
	if _, err := pdf.Render(testContext(t), 0, 150); !errors.Is(err, errClosed) {
		t.Errorf("Render after Close: %v, want %v", err, errClosed)
	}
	if pdf.Text() == "" {
		t.Error("Close dropped the text")
	}
}
