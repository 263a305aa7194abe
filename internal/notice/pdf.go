package notice

import (
	"context"
	"image"
	"math"
	"slices"
	"strings"
)

// readPDF reads every page's text layer, and OCRs the pages that are scans.
func readPDF(ctx context.Context, data []byte, o *options) (*Document, error) {
	s, err := openPDF(ctx, data)
	if err != nil {
		return nil, err
	}
	defer s.close()
	n, err := s.pageCount(ctx)
	switch {
	case err != nil:
		return nil, err
	case n > MaxPages:
		return nil, ErrTooManyPages
	case n <= 0:
		// PDFium opens some truncated files as documents without pages.
		return nil, ErrDamaged
	}

	d := &Document{kind: KindPDF, pages: n, data: data}
	texts := make([]string, n)
	d.words = make([][]Word, n)
	var scans []int
	for i := range n {
		p, err := s.readPage(ctx, i)
		if err != nil {
			return nil, err
		}
		if p.scanned {
			scans = append(scans, i)
			continue
		}
		rows := glyphRows(p.glyphs)
		d.words[i] = pageWords(rows, p.w, p.h)
		texts[i] = layoutRows(rows)
	}

	d.source = SourcePDFText
	if len(scans) == n {
		d.source = SourceNone
	}
	if len(scans) > 0 && !o.skipOCR {
		ctx, words := withWordSink(ctx)
		ctx, seconds := withSecondSink(ctx, o)
		again := map[int]string{}
		read, err := ocrPages(ctx, d, scans, o, func(i int) (string, error) {
			text, err := ocrPDFPage(ctx, s, i)
			d.words[i] = words.take()
			if second, ok := seconds.take(); ok {
				again[i] = second
			}
			return text, err
		})
		if err != nil {
			return nil, err
		}
		for i, text := range read {
			texts[i] = text
		}
		if len(read) > 0 {
			d.source = SourceOCR
		}
		if len(again) > 0 {
			seconds := slices.Clone(texts)
			for i, text := range again {
				if _, ok := read[i]; ok {
					seconds[i] = text
				}
			}
			d.second = strings.Join(seconds, "\f")
		}
	}
	d.text = strings.Join(texts, "\f")
	return d, nil
}

// ocrPDFPage reads a scanned page by OCR: its JPEG decoded in Go, if the page is one,
// or else drawn in gray at 300 dpi (less for a page so large that it would exceed
// maxOCRPixels).
func ocrPDFPage(ctx context.Context, s *pdfSession, i int) (string, error) {
	scan, dpi, err := s.scanJPEG(ctx, i)
	if err != nil {
		return "", err
	}
	if scan != nil {
		if img, err := decodeImage(scan, KindJPEG); err == nil {
			return ocrImage(ctx, img, dpi, upright) // a PDF shows its JPEGs as stored
		}
		// Go could not decode what its header promised: PDFium draws what it can of it.
	}
	w, h, err := s.pixelSize(ctx, i, ocrDPI)
	if err != nil {
		return "", err
	}
	if !(w*h > 0) {
		return "", ErrDamaged // a page without a size
	}
	scale := min(1, math.Sqrt(maxOCRPixels/(w*h)))
	if scale < 1 {
		scale *= 0.999 // room for pixelSize's rounding up
		if w, h, err = s.pixelSize(ctx, i, ocrDPI*scale); err != nil {
			return "", err
		}
	}
	page, err := s.renderGray(ctx, i, int(w), int(h))
	if err != nil {
		return "", err
	}
	return ocr(ctx, page, int(ocrDPI*scale))
}

// renderPDF draws one page of a PDF in a session of its own.
func renderPDF(ctx context.Context, data []byte, page, dpi int) (image.Image, error) {
	if dpi <= 0 {
		dpi = ocrDPI
	}
	s, err := openPDF(ctx, data)
	if err != nil {
		return nil, err
	}
	defer s.close()
	// A scanner's page is one JPEG: decoding it in Go is several times
	// faster than drawing it in PDFium.
	if scan, scanned, err := s.scanJPEG(ctx, page); err != nil {
		return nil, err
	} else if scan != nil && scanned > 0 {
		if img, err := decodeImage(scan, KindJPEG); err == nil {
			return scaleScan(img, scanned, dpi)
		}
	}
	w, h, err := s.pixelSize(ctx, page, float64(dpi))
	if err != nil {
		return nil, err
	}
	switch {
	case math.IsNaN(w * h):
		return nil, ErrDamaged // a page without a proper size
	case w*h > MaxRenderPixels:
		return nil, ErrRenderTooLarge
	}
	img, err := s.render(ctx, page, int(w), int(h))
	if err != nil {
		return nil, err // not a typed nil in the interface
	}
	return img, nil
}
