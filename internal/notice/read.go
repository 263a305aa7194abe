package notice

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"sync"
)

// TextSource says where a Document's text came from, which tells an extractor how much to
// trust it: OCR confuses O and 0, I and 1; a PDF's text layer does not.
type TextSource string

const (
	SourcePDFText TextSource = "pdf-text" // the PDF's own text layer, exact
	SourceOCR     TextSource = "ocr"      // at least one page read by OCR
	SourceNone    TextSource = "none"     // no text: OCR was needed but unavailable, or skipped
)

// The kinds of file Read accepts, as Document.Kind reports them.
const (
	KindPDF  = "pdf"
	KindJPEG = "jpeg"
	KindPNG  = "png"
)

// A Document is a notice file that was read: its text, and its bytes kept for drawing pages.
// Its methods are safe for concurrent use.
type Document struct {
	name     string
	kind     string
	pages    int
	text     string
	second   string // the text with its black-and-white pages read a second way, or ""
	source   TextSource
	warnings []string
	words    [][]Word // by page; nil for a page whose words are not known

	mu   sync.Mutex
	data []byte // nil once closed
	// decoded is an image file's pixels, kept from Read for Render: decoding
	// a 300 dpi scan takes a tenth of a second or more.
	decoded image.Image
}

// An Option changes how Read works.
type Option func(*options)

type options struct {
	progress func(done, total int)
	skipOCR  bool
	secondIf func(text string) bool
}

// WithProgress has Read report OCR progress: f(0, total) before the first page that needs OCR
// and f(done, total) after each, from the goroutine that called Read. Only pages that need OCR
// count; a PDF with a text layer reports nothing.
func WithProgress(f func(done, total int)) Option {
	return func(o *options) { o.progress = f }
}

// WithSecondReading has Read read a black-and-white page (a fax) a second way when need, given
// the text read so far (the pages before it and this page's first reading, separated by "\f"),
// says that something is missing from it: Document.SecondReading. need runs on the goroutine
// that called Read.
func WithSecondReading(need func(text string) bool) Option {
	return func(o *options) { o.secondIf = need }
}

// WithoutOCR skips OCR, for a notice that is only to be viewed: Read then takes milliseconds,
// and pages that needed OCR have no text (Source "none" if none has any).
func WithoutOCR() Option {
	return func(o *options) { o.skipOCR = true }
}

// Read reads a notice file: a PDF, JPEG or PNG, told apart by its first bytes. The name is
// used only in error messages ("" for none). Read keeps data, without copying it, for Render:
// do not change it until Close.
//
// A panic in a decoder or in PDFium's bindings, which a hostile file should never cause but
// might, is recovered and reported as ErrDamaged, as by Render: the caller gets one line, not a
// crashed program.
//
// Errors are one line, start with the name, and wrap ErrEmpty, ErrTooLarge, ErrNotNotice,
// ErrPasswordProtected, ErrDamaged, ErrTooManyPages, ErrImageTooLarge, ErrPageTooComplex, or
// ctx's error. OCR that cannot start is not an error but a warning on the Document.
func Read(ctx context.Context, data []byte, name string, opts ...Option) (d *Document, err error) {
	defer func() {
		if r := recover(); r != nil { // see recoverDamaged
			d, err = nil, fileError(name, ErrDamaged)
		}
	}()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	err = ctx.Err()
	switch kind := sniff(data); {
	case err != nil:
	case len(data) == 0:
		err = ErrEmpty
	case len(data) > MaxFileSize:
		err = ErrTooLarge
	case kind == KindPDF:
		d, err = readPDF(ctx, data, &o)
	case kind == KindJPEG || kind == KindPNG:
		d, err = readImage(ctx, data, kind, &o)
	default:
		err = ErrNotNotice
	}
	if err != nil {
		return nil, fileError(name, err)
	}
	d.name = name
	return d, nil
}

var (
	pngMagic  = []byte("\x89PNG\r\n\x1a\n")
	jpegMagic = []byte{0xff, 0xd8, 0xff}
	pdfMagic  = []byte("%PDF-")
)

// sniff tells the kind of file from its first bytes. A PDF's header may follow up to 1 KB of
// other bytes (as PDF readers allow); images must start with theirs.
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, pngMagic):
		return KindPNG
	case bytes.HasPrefix(data, jpegMagic):
		return KindJPEG
	case bytes.Contains(data[:min(len(data), 1024)], pdfMagic):
		return KindPDF
	}
	return ""
}

// Kind is "pdf", "jpeg" or "png".
func (d *Document) Kind() string { return d.kind }

// Pages is the number of pages; an image has one.
func (d *Document) Pages() int { return d.pages }

// Text is the text of all pages, laid out like the page (see the package doc), pages
// separated by "\f".
func (d *Document) Text() string { return d.text }

// SecondReading is the text with each black-and-white page (a fax) read a second way, or ""
// when no page was read twice (see WithSecondReading). OCR reads a fax's page with its strokes
// thickened, which is the Text, and then as it came: each reads some values the other loses,
// so an extractor takes from the second what it could not find in the first (fields.Fill).
func (d *Document) SecondReading() string { return d.second }

// Source says where the text came from.
func (d *Document) Source() TextSource { return d.source }

// Warnings are what a person should know about the text: OCR unavailable, or pages it could
// not read. They are sentences to show as they are.
func (d *Document) Warnings() []string { return d.warnings }

func (d *Document) warn(format string, args ...any) {
	d.warnings = append(d.warnings, fmt.Sprintf(format, args...))
}

// errClosed is the caller's mistake of drawing a closed Document.
var errClosed = errors.New("notice: Render on a closed Document")

// Render draws page (from 0) for viewing. A PDF page is drawn at dpi; an image, assumed to be
// a 300 dpi scan, is scaled by dpi/300. dpi <= 0 means the scan's own resolution: an image as
// it is, a PDF page at 300 dpi. The result is at most MaxRenderPixels, else ErrRenderTooLarge.
// A PDF page holding an image over MaxImagePixels is refused with ErrImageTooLarge, and one
// of over 100,000 objects with ErrPageTooComplex; other errors are as Read's.
func (d *Document) Render(ctx context.Context, page int, dpi int) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil { // see recoverDamaged
			img, err = nil, fileError(d.name, ErrDamaged)
		}
	}()
	d.mu.Lock()
	data, decoded := d.data, d.decoded
	d.mu.Unlock()
	if data == nil {
		return nil, errClosed
	}
	if page < 0 || page >= d.pages {
		return nil, fmt.Errorf("there is no page %d; this notice has %d", page+1, d.pages)
	}
	if d.kind == KindPDF {
		img, err = renderPDF(ctx, data, page, dpi)
	} else {
		img, err = renderImage(data, d.kind, decoded, dpi)
	}
	if err != nil {
		return nil, fileError(d.name, err)
	}
	return img, nil
}

// Close drops the Document's hold on the file's bytes. The text stays readable.
func (d *Document) Close() error {
	d.mu.Lock()
	d.data, d.decoded = nil, nil
	d.mu.Unlock()
	return nil
}
