package notice

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"image"
	"slices"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// fuzzBound is how long one Read and Render may take on any input of the fuzzer's size: a
// small file that takes longer is the hang the limits are there to prevent.
const fuzzBound = 10 * time.Second

// fuzzing says whether go test was asked to fuzz (-test.fuzz), rather
// than to run the seeds as tests.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// FuzzRead feeds arbitrary bytes to Read and Render, through PDFium and the image decoders
// (OCR is left out: it runs a program, not our parser, and takes seconds). It must not panic,
// must return within fuzzBound, and must give a usable Document or one of the documented errors.
// The seeds include images whose headers claim sizes over the limits and PDFs whose image
// dictionaries and image data disagree about an image's size, either way (hostileSeeds).
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
	for _, seed := range hostileSeeds() {
		f.Add(seed)
	}

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
		// The bound finds hangs while fuzzing, on inputs of the fuzzer's
		// size. The seeds, run by every go test on a shared machine, are
		// real pages whose rendering a busy machine can slow past any
		// clock: they are held to the documented errors and to
		// terminating, not to a time.
		if elapsed := time.Since(start); fuzzing() && elapsed > fuzzBound {
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

// hostileSeeds are small notices that lie about their images. A fuzzer mutating them reaches
// the size checks from both sides: a header a byte away from a size over the limit, a
// dictionary a digit away from agreeing with its data.
func hostileSeeds() [][]byte {
	big := solidJPEG(8000, 8000, 1, false) // 64 megapixels in 250 KB
	small := solidJPEG(100, 80, 1, false)
	second := solidJPEG(640, 480, 1, false)
	sof := bytes.Index(second, []byte{0xff, 0xc0})
	twoFrames := slices.Concat(small[:bytes.Index(small, []byte{0xff, 0xda})], second[sof:]) // a second SOF, larger
	zeroHeight := bytes.Clone(small)
	f := bytes.Index(zeroHeight, []byte{0xff, 0xc0})
	zeroHeight[f+5], zeroHeight[f+6] = 0, 0 // height from a DNL marker, which never comes
	return [][]byte{
		// Plain images whose headers claim too much, or something odd.
		jpegHeader(solidJPEG(65535, 65535, 3, false)),
		jpegHeader(solidJPEG(65535, 65535, 1, true)),
		solidJPEG(2000, 2000, 3, true), // progressive, in color
		twoFrames,
		zeroHeight,
		pngHeader(65535, 65535),
		// A dictionary smaller than the image: the scanner's page Go decodes, and a page
		// PDFium draws, baseline and progressive.
		imagePagePDF(imageXObject(big, "/DCTDecode", 1000, 1000), fullPage),
		imagePagePDF(imageXObject(solidJPEG(8000, 8000, 1, true), "/DCTDecode", 1000, 1000), smallOnPage),
		imagePagePDF(imageXObject(jpegHeader(solidJPEG(65535, 65535, 1, false)), "/DCTDecode", 1000, 1000), fullPage),
		formPDF(imageXObject(zlibBytes(big), "[/FlateDecode /DCTDecode]", 1000, 1000)),
		stampPDF(imageXObject(jpxHeader(60000, 60000), "/JPXDecode", 1000, 1000)),
		// A dictionary larger than the image, and one that agrees with it.
		imagePagePDF(imageXObject(small, "/DCTDecode", 10000, 10000), fullPage),
		imagePagePDF(imageXObject(small, "/DCTDecode", 1000, 800), smallOnPage),
		imagePagePDF(imageXObject(small, "/DCTDecode", 100, 80), fullPage),
		imagePagePDF(imageXObject(zlibBytes(make([]byte, 1000)), "/FlateDecode", 8000, 8000), smallOnPage),
	}
}

// FuzzLayoutTSV feeds arbitrary text to parseTSV and layoutRows, as if tesseract had written it:
// they must not panic, must return at once, and must not make a line of a million spaces.
func FuzzLayoutTSV(f *testing.F) {
	f.Add(tsv("1 1 1 100 100 150 30 96 Received", "1 1 1 265 100 80 30 96 Date",
		"1 1 2 110 145 200 30 91 03/14/2025", "1 1 2 900 145 8 30 12 ~"))
	f.Add([]byte("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"5\t1\t1\t1\t1\t1\t-99999999\t0\t0\t0\t-1\t\xff\n5\t1\t1\t1\t1\t2\t99999999\t0\t-5\t0\tNaN\tx\n"))
	f.Add(tsv("1 1 1 0 100 inf 30 96 A", "1 1 2 0 200 inf 30 96 B", "1 1 3 0 300 inf 30 96 C",
		"1 1 4 0 400 10 30 96 D", "1 1 4 900 400 10 30 96 E"))
	f.Fuzz(func(t *testing.T, in []byte) {
		laid := make(chan string, 1)
		go func() { laid <- layoutRows(parseTSV(in)) }()
		var text string
		select {
		case text = <-laid:
		case <-time.After(time.Second):
			t.Fatalf("no layout after a second on %d bytes", len(in))
		}
		if len(text) > 64*len(in)+1024 {
			t.Fatalf("%d bytes of layout from %d bytes of TSV", len(text), len(in))
		}
	})
}
