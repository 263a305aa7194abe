package notice

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"slices"
	"strconv"
	"strings"
	"unicode"

	wasmocr "immivault/internal/ocr"
)

// ocrPages reads the given pages with read, reporting progress, and returns the text of the
// pages it could read. A page OCR fails on is a warning, not an error: the person can still
// view it and type. Only the context ends it early, PDFium running out of time on a page,
// which leaves no instance to draw the next one with, or a page over a limit, which refuses
// the file as a file over a limit is refused.
func ocrPages(ctx context.Context, d *Document, pages []int, o *options, read func(page int) (string, error)) (map[int]string, error) {
	progress := func(done int) {
		if o.progress != nil {
			o.progress(done, len(pages))
		}
	}
	progress(0)
	texts := make(map[int]string, len(pages))
	for k, i := range pages {
		text, err := read(i)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, errStepTimeout) || errors.Is(err, ErrImageTooLarge) || errors.Is(err, ErrPageTooComplex) {
			return nil, err
		}
		switch {
		case err != nil && d.pages == 1:
			d.warn("OCR could not read this notice (%v); type the numbers in", err)
		case err != nil:
			d.warn("OCR could not read page %d (%v); type its numbers in", i+1, err)
		default:
			texts[i] = text
		}
		progress(k + 1)
	}
	return texts, nil
}

// ocr reads one page with tesseract compiled to WebAssembly, inside immivault (internal/ocr),
// so that scans are read on every desktop with nothing to install: no program, no file system,
// its memory bounded by the engine, its compiled code cached beside PDFium's
// (docs/adr/0015-ocr-in-webassembly.md). The page is pixels we decoded or drew ourselves, at
// most maxOCRPixels, prepared (preparePage) and handed over as gray pixels: never bytes from
// the notice file, whose decoding would be tesseract's (its libraries', unchecked) rather than
// ours. dpi is the page's resolution when known, 0 to let tesseract judge it from the letters.
//
// The page is read as one uniform block of text (page segmentation mode 6), which keeps a
// whole printed row on one line, label rows and columns alike, where the automatic page
// segmentation splits columns into blocks. Every word's box comes back, from which layoutRows
// puts values under their labels.
func ocr(ctx context.Context, page *image.Gray, dpi int) (string, error) {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	if w <= 0 || h <= 0 || float64(w)*float64(h) > maxOCRPixels {
		return "", fmt.Errorf("notice: a %d×%d page is not for OCR", w, h) // a caller's mistake
	}
	page, dpi, bw, err := preparePage(ctx, page, dpi)
	if err != nil {
		return "", err
	}
	second, _ := ctx.Value(secondKey{}).(*secondSink)
	if !bw {
		text, err := recognize(ctx, page, dpi)
		second.readSoFar(text, err)
		return text, err
	}
	// A fax's thin strokes, a slash or the bar of a 7, came through its threshold broken or a
	// pixel wide: darkening each pixel halfway to its darkest neighbour joins the breaks and
	// thickens the strokes without running letters together, and reads more of a fax. But not
	// all of it: some values only the page as it came reads right. So where the reader asked
	// for it (WithSecondReading) and what was read so far lacks something, the page is read
	// again as it came (Document.SecondReading).
	text, err := recognize(ctx, thickenStrokes(page), dpi)
	if err != nil {
		return "", err
	}
	if second != nil && second.need(second.sofar+text) {
		again, err := recognize(context.WithValue(ctx, wordSinkKey{}, (*wordSink)(nil)), page, dpi)
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		if err == nil {
			second.text, second.read = again, true // a second reading that failed is no reading
		}
	}
	second.readSoFar(text, nil)
	return text, nil
}

// A secondSink keeps the second reading of the page OCR read last, for a page read twice:
// the reader puts one in the context it reads pages with (withSecondSink) when asked to
// (WithSecondReading), and ocr fills it. need says, from the first readings of the pages OCR
// read so far, whether a black-and-white page is worth reading again.
type secondSink struct {
	need  func(text string) bool
	sofar string
	text  string
	read  bool
}

type secondKey struct{}

// withSecondSink puts a secondSink in ctx if o asks for second readings; the sink is nil if not.
func withSecondSink(ctx context.Context, o *options) (context.Context, *secondSink) {
	if o.secondIf == nil {
		return ctx, nil
	}
	s := &secondSink{need: o.secondIf}
	return context.WithValue(ctx, secondKey{}, s), s
}

// readSoFar adds a page's first reading to the text read so far, which need is given.
func (s *secondSink) readSoFar(text string, err error) {
	if s != nil && err == nil {
		s.sofar += text + "\f"
	}
}

// take gives the second reading of the page read last, if it was read twice, and forgets it.
func (s *secondSink) take() (string, bool) {
	if s == nil {
		return "", false
	}
	t, ok := s.text, s.read
	s.text, s.read = "", false
	return t, ok
}

// recognize reads a prepared page: ocrInProcess, but for tests, which look at what it is given.
var recognize = ocrInProcess

// tesseractWord is one word of tesseract's TSV output, with the line it put it on.
type tesseractWord struct {
	line [3]int // block, paragraph, line
	word
}

// parseTSV turns tesseract's TSV (level, page, block, paragraph, line, word, left, top, width,
// height, confidence, text) into rows of words, and the typical width of a character.
//
// Each line tesseract found becomes a row: tesseract follows a slightly rotated scan's lines,
// which grouping words by height alone would cut apart. Lines side by side (columns tesseract
// put in separate blocks) are joined into one row. A row's height is its words' median, so
// that the tilt of a scan does not make rows overlap.
func parseTSV(tsv []byte) []row {
	var words []tesseractWord
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 12 || f[0] != "5" {
			continue
		}
		var n [9]float64 // block, paragraph, line, word, left, top, width, height, confidence
		ok := true
		for k := range n {
			v, err := strconv.ParseFloat(f[k+2], 64)
			ok = ok && err == nil
			n[k] = v
		}
		text := strings.TrimSpace(f[11])
		w := word{text: text, x0: n[4], y0: n[5], x1: n[4] + n[6], y1: n[5] + n[7]}
		// Tesseract writes whole numbers; a box that is not finite (read as "inf", or
		// overflowing) is left out, as pdfPage leaves out such a glyph.
		if !ok || text == "" || noise(text, n[8]) || !finite(w.x0, w.y0, w.x1, w.y1) {
			continue
		}
		words = append(words, tesseractWord{line: [3]int{int(n[0]), int(n[1]), int(n[2])}, word: w})
	}

	var lines []row
	for k, w := range words {
		if k == 0 || w.line != words[k-1].line {
			lines = append(lines, row{})
		}
		l := &lines[len(lines)-1]
		l.words = append(l.words, w.word)
	}
	for k := range lines {
		l := &lines[k]
		var mids, heights []float64
		for _, w := range l.words {
			mids = append(mids, (w.y0+w.y1)/2)
			heights = append(heights, w.y1-w.y0)
		}
		m, h := median(mids), median(heights)
		l.y0, l.y1 = m-h/2, m+h/2
	}
	return joinSideBySide(lines)
}

// noise is a word tesseract made of a speck of dirt: no letter or digit, little confidence.
func noise(text string, conf float64) bool {
	return conf < 50 && !strings.ContainsFunc(text, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	})
}

// joinSideBySide merges lines that share most of their height and do not overlap across.
func joinSideBySide(lines []row) []row {
	slices.SortStableFunc(lines, func(a, b row) int { return cmp.Compare(a.y0+a.y1, b.y0+b.y1) })
	var rows []row
	for _, l := range lines {
		if n := len(rows); n > 0 && sideBySide(rows[n-1], l) {
			r := &rows[n-1]
			r.words = append(r.words, l.words...)
			slices.SortStableFunc(r.words, func(a, b word) int { return cmp.Compare(a.x0, b.x0) })
			r.y0, r.y1 = min(r.y0, l.y0), max(r.y1, l.y1)
			continue
		}
		rows = append(rows, l)
	}
	return rows
}

func sideBySide(a, b row) bool {
	overlap := min(a.y1, b.y1) - max(a.y0, b.y0)
	if overlap < min(a.y1-a.y0, b.y1-b.y0)/2 {
		return false
	}
	for _, wa := range a.words {
		for _, wb := range b.words {
			if wa.x0 < wb.x1 && wb.x0 < wa.x1 {
				return false
			}
		}
	}
	return true
}

// ocrInProcess reads one page with tesseract in WebAssembly (internal/ocr): no program, no
// file system, its memory bounded by the engine, its compiled code cached beside PDFium's.
func ocrInProcess(ctx context.Context, page *image.Gray, dpi int) (string, error) {
	eng, err := wasmocr.Shared(ctx, ocrCacheDir())
	if err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("%w: %v", ErrOCRUnavailable, err)
	}
	runCtx, cancel := context.WithTimeout(ctx, ocrPageTimeout)
	defer cancel()
	words, err := eng.Recognize(runCtx, page, dpi)
	switch {
	case err == nil:
		return layoutOCR(ctx, parseTSV(wasmocr.TSV(words)), page), nil
	case ctx.Err() != nil:
		return "", ctx.Err()
	case runCtx.Err() != nil:
		return "", fmt.Errorf("OCR took over %v", ocrPageTimeout)
	case errors.Is(err, wasmocr.ErrOutOfMemory):
		return "", errors.New("OCR ran out of memory on this page")
	}
	return "", fmt.Errorf("OCR failed: %v", err)
}

// ocrCacheDir keeps the OCR engine's compiled code, beside PDFium's.
func ocrCacheDir() string {
	if dir := cacheDir(); dir != "" {
		return dir + "-ocr"
	}
	return ""
}
