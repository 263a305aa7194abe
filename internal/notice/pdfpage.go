package notice

import (
	"context"
	"math"
	"unicode"

	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/requests"
)

// pdfPage is what the text layer of one page holds.
type pdfPage struct {
	glyphs []glyph
	w, h   float64 // the page's size upright, in the glyphs' unit
	// scanned: the page's text layer has too little to be the letter (some scanners add a
	// page number or their name as text) while the page draws a picture of it: an image, or
	// the letters' outlines as paths.
	scanned bool
}

// minTextLayer is how many letters and digits make a text layer the page's real text.
const minTextLayer = 32

// readPage reads the characters of page i with their boxes, turned upright if the page is
// rotated, in a coordinate system with y growing down the page.
func (s *pdfSession) readPage(ctx context.Context, i int) (pdfPage, error) {
	var p pdfPage
	err := s.step(ctx, func() error {
		var err error
		p.glyphs, p.w, p.h, err = s.glyphs(i)
		if err != nil {
			return err
		}
		letters := 0
		for _, g := range p.glyphs {
			if unicode.IsLetter(g.r) || unicode.IsDigit(g.r) {
				letters++
			}
		}
		if letters < minTextLayer {
			p.scanned, err = s.drawsPicture(i)
		}
		return err
	})
	return p, stepError(ctx, err)
}

func (s *pdfSession) glyphs(i int) (glyphs []glyph, w, h float64, err error) {
	size, err := s.inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: s.doc, Index: i})
	if err != nil {
		return nil, 0, 0, err
	}
	rot, err := s.inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: s.page(i)})
	if err != nil {
		return nil, 0, 0, err
	}
	w, h = size.Width, size.Height // as shown: PDFium swaps them for a quarter turn
	if rot.PageRotation == enums.FPDF_PAGE_ROTATION_90_CW || rot.PageRotation == enums.FPDF_PAGE_ROTATION_270_CW {
		w, h = h, w
	}
	upright := uprightTransform(w, h, rot.PageRotation)

	tp, err := s.inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: s.page(i)})
	if err != nil {
		return nil, 0, 0, err
	}
	defer s.inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	count, err := s.inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, 0, 0, err
	}
	n := min(count.Count, maxPageChars)
	glyphs = make([]glyph, 0, n)
	spaceBefore := false
	for c := range n {
		u, err := s.inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: c})
		if err != nil {
			return nil, 0, 0, err
		}
		r := rune(u.Unicode)
		if r == 0 || unicode.IsSpace(r) || unicode.IsControl(r) {
			// Spaces, and the line breaks PDFium generates, only separate words; the
			// boxes of the characters place them.
			spaceBefore = true
			continue
		}
		box, err := s.inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: c})
		if err != nil {
			// PDFium has no box for some characters (e.g. of a zero-size font): not text a
			// person can read either.
			continue
		}
		x0, y0, x1, y1 := upright(float64(box.Rect.Left), float64(box.Rect.Top), float64(box.Rect.Right), float64(box.Rect.Bottom))
		if !finite(x0, y0, x1, y1) {
			continue
		}
		glyphs = append(glyphs, glyph{r: r, x0: x0, y0: y0, x1: x1, y1: y1, spaceBefore: spaceBefore})
		spaceBefore = false
	}
	return glyphs, w, h, nil
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// uprightTransform maps a box in PDF user space (y up, the page w×h points before rotation)
// to the page as it is shown (y down, turned by the page's /Rotate, which is clockwise).
func uprightTransform(w, h float64, rot enums.FPDF_PAGE_ROTATION) func(l, t, r, b float64) (x0, y0, x1, y1 float64) {
	point := func(x, y float64) (float64, float64) {
		y = h - y // y down
		switch rot {
		case enums.FPDF_PAGE_ROTATION_90_CW:
			return h - y, x
		case enums.FPDF_PAGE_ROTATION_180_CW:
			return w - x, h - y
		case enums.FPDF_PAGE_ROTATION_270_CW:
			return y, w - x
		}
		return x, y
	}
	return func(l, t, r, b float64) (float64, float64, float64, float64) {
		ax, ay := point(l, t)
		bx, by := point(r, b)
		return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
	}
}

// outlinePaths is how many paths make a page's drawing text: a form's boxes and rules are a
// few dozen, text printed as outlines one path a letter or a word.
const outlinePaths = 200

// drawsPicture reports whether page i draws an image, directly or inside a form XObject (as
// some scanners wrap theirs), or so many paths that they are text turned into outlines.
func (s *pdfSession) drawsPicture(i int) (bool, error) {
	n, err := s.inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: s.page(i)})
	if err != nil {
		return false, err
	}
	if n.Count > maxPageObjects {
		return false, ErrPageTooComplex
	}
	paths := 0
	for o := range n.Count {
		obj, err := s.inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: s.page(i), Index: o})
		if err != nil {
			return false, err
		}
		t, err := s.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil {
			return false, err
		}
		switch t.Type {
		case enums.FPDF_PAGEOBJ_IMAGE, enums.FPDF_PAGEOBJ_FORM:
			return true, nil
		case enums.FPDF_PAGEOBJ_PATH:
			if paths++; paths >= outlinePaths {
				return true, nil
			}
		}
	}
	return false, nil
}
