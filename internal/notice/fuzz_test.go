package notice

import (
	"context"
	"errors"
	"image"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// fuzzBound is how long one Read and Render may take on any input of the fuzzer's size: a
// small file that takes longer is the hang the limits are there to prevent.
const fuzzBound = 10 * time.Second

// FuzzRead feeds arbitrary bytes to Read and Render, through PDFium and the image decoders
// (OCR is left out: it runs a program, not our parser, and takes seconds). It must not panic,
// must return within fuzzBound, and must give a usable Document or one of the documented errors.
func FuzzRead(f *testing.F) {
	small := newPDF()
	small.AddPage()
	small.SetFont("Helvetica", "", 10)
	small.Text(36, 50, "Receipt Number")
	small.Text(36, 62, testReceipt)
	f.Add(output(f, small))
	protected := newPDF()
	protected.SetProtection(fpdf.CnProtectPrint, "user", "owner")
	protected.AddPage()
	f.Add(output(f, protected))
	tiny := image.NewGray(image.Rect(0, 0, 40, 30))
	f.Add(encodePNG(f, tiny))
	f.Add(encodeJPEG(f, tiny))
	f.Add(imagePDF(f, encodeJPEG(f, tiny)))
	f.Add(pngHeader(8, 8))

	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), fuzzBound)
		defer cancel()
		start := time.Now()
		d, err := Read(ctx, data, "", WithoutOCR())
		if err != nil {
			if !documented(err) {
				t.Fatalf("Read: undocumented error %v", err)
			}
		} else {
			if d.Pages() < 1 || d.Pages() > MaxPages {
				t.Fatalf("%d pages", d.Pages())
			}
			for page := range min(d.Pages(), 3) {
				if _, err := d.Render(ctx, page, 20); err != nil && !documented(err) {
					t.Fatalf("Render page %d: undocumented error %v", page, err)
				}
			}
		}
		if elapsed := time.Since(start); elapsed > fuzzBound {
			t.Fatalf("took %v", elapsed)
		}
	})
}

// documented reports whether err is one Read or Render promise.
func documented(err error) bool {
	for _, e := range []error{ErrEmpty, ErrNotNotice, ErrTooLarge, ErrTooManyPages, ErrImageTooLarge,
		ErrPageTooComplex, ErrPasswordProtected, ErrDamaged, ErrRenderTooLarge, context.DeadlineExceeded} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
