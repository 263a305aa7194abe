package notice

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
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

// ocr reads one page with the tesseract program where it is installed, and otherwise with
// tesseract compiled to WebAssembly inside immivault (ocrInProcess), so that scans are read on
// every desktop with nothing to install. The program is preferred where it is there because it
// is about three times faster (docs/adr/0015-ocr-in-webassembly.md); both read the same page
// the same way (--psm 6, the page's DPI) and give the same word boxes.
//
// The program is given the page through its standard input and output: the page never
// becomes a file. The page is pixels we decoded or drew ourselves, at most maxOCRPixels, and
// tesseract gets them as a binary PGM we write: never bytes from the notice file, whose
// decoding would be tesseract's (its libraries', unchecked) rather than ours. dpi is the
// page's resolution when known, 0 to let tesseract judge it from the letters.
//
// Tesseract runs with a minimal environment (ocrEnv) and, where the system allows it, at most
// ocrMemoryLimit bytes of memory (limitMemory): a page that needs more fails with an error
// saying so, as any other failure of tesseract's does.
//
// --psm 6 (one uniform block of text) keeps a whole printed row on one line, label rows and
// columns alike, where the automatic page segmentation splits columns into blocks. The TSV
// output gives every word's box, from which layoutRows puts values under their labels.
func ocr(ctx context.Context, page *image.Gray, dpi int) (string, error) {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	if w <= 0 || h <= 0 || float64(w)*float64(h) > maxOCRPixels {
		return "", fmt.Errorf("notice: a %d×%d page is not for OCR", w, h) // a caller's mistake
	}
	page, dpi, err := preparePage(ctx, page, dpi)
	if err != nil {
		return "", err
	}
	path, lookErr := exec.LookPath("tesseract")
	if lookErr != nil {
		return ocrInProcess(ctx, page, dpi)
	}
	runCtx, cancel := context.WithTimeout(ctx, ocrPageTimeout)
	defer cancel()
	args := []string{"stdin", "stdout", "--psm", "6", "-l", "eng"}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	cmd := exec.CommandContext(runCtx, path, append(args, "tsv")...)
	cmd.Env = ocrEnv()
	out := &cappedBuffer{max: maxOCROutput}
	cmd.Stdout = out
	stderr := &cappedBuffer{max: 4096, keepTail: true}
	cmd.Stderr = stderr
	cmd.WaitDelay = 2 * time.Second // in case tesseract leaves a child holding the pipes
	// The page goes in through a pipe of our own, written only once the memory limit is in
	// place: tesseract allocates for the image as it reads it.
	stdin, feed, err := os.Pipe()
	if err != nil {
		return "", fmt.Errorf("tesseract failed: %v", err)
	}
	cmd.Stdin = stdin
	err = cmd.Start()
	stdin.Close()
	if err != nil {
		feed.Close()
		return "", fmt.Errorf("tesseract failed: %v", err)
	}
	release, err := limitMemory(cmd.Process, ocrMemoryLimit)
	if err != nil {
		feed.Close()
		cmd.Process.Kill()
		cmd.Wait()
		return "", fmt.Errorf("cannot limit the memory tesseract may use: %v", err)
	}
	defer release()
	fed := make(chan struct{})
	go func() {
		defer close(fed)
		writePGM(feed, page) // fails only if tesseract stopped reading: Wait says why
		feed.Close()
	}()
	err = cmd.Wait()
	feed.Close() // unblocks the writer if something still holds the pipe without reading it
	<-fed
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return "", ctx.Err()
		case runCtx.Err() != nil:
			return "", fmt.Errorf("tesseract took over %v", ocrPageTimeout)
		case out.overflow:
			return "", errors.New("tesseract wrote more text than a page can hold")
		case outOfMemory(stderr.Bytes()):
			return "", fmt.Errorf("tesseract ran out of memory (it may use %d MB)", ocrMemoryLimit>>20)
		}
		return "", fmt.Errorf("tesseract failed: %v%s", err, lastLine(stderr.Bytes()))
	}
	return layoutOCR(ctx, parseTSV(out.Bytes()), page), nil
}

// ocrMemoryLimit is the memory tesseract may use: maxOCRMemory, but for tests.
var ocrMemoryLimit uint64 = maxOCRMemory

// writePGM writes page as a binary PGM.
func writePGM(w io.Writer, page *image.Gray) error {
	width, height := page.Rect.Dx(), page.Rect.Dy()
	if _, err := fmt.Fprintf(w, "P5\n%d %d\n255\n", width, height); err != nil {
		return err
	}
	if page.Stride == width {
		_, err := w.Write(page.Pix[:width*height])
		return err
	}
	for y := range height {
		if _, err := w.Write(page.Pix[y*page.Stride : y*page.Stride+width]); err != nil {
			return err
		}
	}
	return nil
}

// outOfMemory reports whether tesseract's stderr says it failed to allocate memory: a C++
// std::bad_alloc, Leptonica's "malloc fail", or a runtime's "out of memory".
func outOfMemory(stderr []byte) bool {
	s := strings.ToLower(string(stderr))
	return strings.Contains(s, "bad_alloc") || strings.Contains(s, "malloc fail") || strings.Contains(s, "out of memory")
}

// ocrEnv is the environment tesseract runs with: what it needs to find itself, its language
// data and its libraries' temporary files, and to read numbers in the C locale, and nothing
// else. Above all not the passphrase variables the CLI accepts (IMMIVAULT_PASSPHRASE), nor
// anything else the app's environment may hold.
func ocrEnv() []string {
	keep := map[string]bool{"PATH": true, "TESSDATA_PREFIX": true, "OMP_THREAD_LIMIT": true, "LANG": true, "TMPDIR": true}
	if runtime.GOOS == "windows" {
		// What a Windows program needs to start and load its DLLs, and where temporary files go.
		for _, name := range []string{"SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "TEMP", "TMP"} {
			keep[name] = true
		}
	}
	env := []string{} // not nil, which would mean all of ours
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if runtime.GOOS == "windows" {
			name = strings.ToUpper(name) // Windows' names are case-insensitive
		}
		if keep[name] || strings.HasPrefix(name, "LC_") {
			env = append(env, kv)
		}
	}
	if os.Getenv("OMP_THREAD_LIMIT") == "" {
		// Tesseract's OpenMP threads spin while they wait: on a page at a time they cost
		// more than they save (a letter page takes 1.0 s with one thread, 2.2 s without the
		// limit on two cores), and they would take the core the rest of the app needs.
		env = append(env, "OMP_THREAD_LIMIT=1")
	}
	return env
}

// lastLine is the last line tesseract wrote to stderr, as ": line", which says why it failed
// ("Error in pixReadMem: Unknown format", "Failed loading language 'eng'").
func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if line := strings.TrimSpace(lines[len(lines)-1]); line != "" {
		return ": " + line
	}
	return ""
}

// cappedBuffer keeps at most max bytes of what is written to it: the first, or with keepTail
// the last. Past max a head buffer fails the write, which stops tesseract with a broken pipe.
type cappedBuffer struct {
	bytes.Buffer
	max      int
	keepTail bool
	overflow bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) <= b.max {
		return b.Buffer.Write(p)
	}
	if !b.keepTail {
		b.overflow = true
		return 0, errors.New("output over its limit")
	}
	n := len(p)
	if n >= b.max {
		p = p[n-b.max:]
	}
	keep := slices.Clone(b.Bytes()[max(0, b.Len()+len(p)-b.max):])
	b.Reset()
	b.Buffer.Write(keep)
	b.Buffer.Write(p)
	return n, nil
}

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
