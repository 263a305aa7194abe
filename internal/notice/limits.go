package notice

import (
	"errors"
	"fmt"
	"time"
)

// The limits on what Read accepts and Render produces. They are far above any real notice (a
// USCIS letter is a few pages, a phone photo 12 to 48 megapixels) and low enough that a hostile
// file cannot exhaust memory or time.
const (
	MaxFileSize     = 200 << 20   // bytes in one notice file
	MaxPages        = 500         // pages in one PDF
	MaxImagePixels  = 50_000_000  // pixels in one image: a JPEG or PNG, or an image inside a PDF
	MaxRenderPixels = 100_000_000 // pixels in one rendered page
)

const (
	// ocrDPI is the resolution tesseract reads best at for the type sizes on notices.
	ocrDPI = 300
	// maxOCRPixels bounds the image of one page given to OCR: an A3 page at 300 dpi is 17
	// megapixels, so only oversized pages are rendered at a lower resolution. It is
	// internal/ocr's MaxPixels; that engine bounds its own memory (DefaultMemoryLimit, 512 MiB
	// an instance, one instance at a time) and its output (16 MB of hOCR).
	maxOCRPixels = 40_000_000
	// ocrPageTimeout bounds the OCR of one page; a letter-size page takes a second or two.
	ocrPageTimeout = 2 * time.Minute
	// maxPageChars bounds the characters read from one page's text layer: a dense letter
	// page has 5,000; a page of more is not a letter, and the rest of it is ignored.
	maxPageChars = 100_000
	// maxPageObjects bounds the objects (text runs, paths, images, forms and what they hold,
	// annotations' appearances) looked at on one PDF page before it is drawn: a letter has a
	// few hundred, a page of text drawn as outlines tens of thousands.
	maxPageObjects = 100_000
	// pdfStepTimeout bounds one PDFium step (open, or read or draw one page).
	pdfStepTimeout = 30 * time.Second
	// wasmMemoryPages bounds the memory of one PDFium instance, in 64 KiB pages (1 GiB): room
	// for a 200 MB file and a 100-megapixel render, and no more.
	wasmMemoryPages = 1 << 14
)

var (
	// ErrTooLarge refuses a file over MaxFileSize.
	ErrTooLarge = fmt.Errorf("notice files are limited to %d MB", MaxFileSize>>20)
	// ErrTooManyPages refuses a PDF over MaxPages.
	ErrTooManyPages = fmt.Errorf("notice PDFs are limited to %d pages", MaxPages)
	// ErrImageTooLarge refuses an image over MaxImagePixels, judged from its header before any
	// pixel is decoded; an image inside a PDF is judged by its dictionary and by the header of
	// its JPEG or JPEG 2000 data, whichever is larger.
	ErrImageTooLarge = fmt.Errorf("notice images are limited to %d megapixels", MaxImagePixels/1_000_000)
	// ErrPageTooComplex refuses to draw a PDF page with over maxPageObjects objects.
	ErrPageTooComplex = fmt.Errorf("notice pages are limited to %d drawn objects", maxPageObjects)
	// ErrRenderTooLarge refuses a render over MaxRenderPixels.
	ErrRenderTooLarge = fmt.Errorf("a page is drawn at most %d megapixels; choose a lower resolution", MaxRenderPixels/1_000_000)
)

// Errors for files Read cannot use. Each says what to do, for showing as is.
var (
	ErrEmpty             = errors.New("this file is empty")
	ErrNotNotice         = errors.New("this file is not a PDF, JPEG or PNG")
	ErrPasswordProtected = errors.New("this PDF is password-protected; save an unprotected copy and try again")
	ErrDamaged           = errors.New("this file is damaged or incomplete; download or scan it again")
)

// ErrOCRUnavailable is what a page's OCR fails with when the OCR engine inside immivault
// could not start. Read does not fail for it: the pages can still be viewed, and the warning says to type the numbers in.
var ErrOCRUnavailable = errors.New("OCR is unavailable")

// fileError prefixes err with the file's name, when there is one.
func fileError(name string, err error) error {
	if name == "" {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}
