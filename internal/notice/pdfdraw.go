package notice

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"math"

	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/requests"
)

// pixelSize is page i's size at dpi in whole pixels, as shown (turned by its /Rotate), at least
// 1×1 and NaN for a page without a proper size. It rounds, as pdftoppm does: go-pdfium's own
// render rounds up, which makes a letter page at 150 dpi 1651 pixels high.
func (s *pdfSession) pixelSize(ctx context.Context, i int, dpi float64) (w, h float64, err error) {
	err = s.step(ctx, func() error {
		size, err := s.inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: s.doc, Index: i})
		if err == nil {
			w, h = size.Width, size.Height
		}
		return err
	})
	px := func(points float64) float64 {
		if !(points > 0) || math.IsInf(points, 0) {
			return math.NaN()
		}
		return max(1, math.Round(points*dpi/72))
	}
	return px(w), px(h), stepError(ctx, err)
}

// bandPixels is the most pixels draw puts in one bitmap: a page drawn larger is drawn in
// horizontal bands, each a render of the whole page clipped to the band (PDFium keeps the
// decoded images between them). A letter page at 300 dpi takes 8 MB bands where a single
// bitmap would take 34 MB of the instance's memory; reading a 20 MB scan inside a PDF peaked
// 120 MiB above the engine's baseline this way, 169 MiB in one bitmap.
const bandPixels = 1 << 21

// draw renders page i, w×h pixels, on white paper with its annotations (stamps, filled-in
// forms), and hands use its pixels band by band: rows from y0 in BGRx bytes (RGBx with the
// byte order reversed), a view of PDFium's memory valid only until use returns. A page with an
// image over the limits is refused before PDFium decodes any of it (checkImages).
func (s *pdfSession) draw(ctx context.Context, i, w, h int, use func(pix []byte, stride, y0, rows int)) error {
	band := max(1, min(h, bandPixels/w))
	err := s.step(ctx, func() error {
		if err := s.checkImages(i); err != nil {
			return err
		}
		bm, err := s.inst.FPDFBitmap_CreateEx(&requests.FPDFBitmap_CreateEx{
			Width: w, Height: band, Format: enums.FPDF_BITMAP_FORMAT_BGRX, Pointer: uint64(0),
		})
		if err != nil {
			return err
		}
		defer s.inst.FPDFBitmap_Destroy(&requests.FPDFBitmap_Destroy{Bitmap: bm.Bitmap})
		stride, err := s.inst.FPDFBitmap_GetStride(&requests.FPDFBitmap_GetStride{Bitmap: bm.Bitmap})
		if err != nil {
			return err
		}
		for y0 := 0; y0 < h; y0 += band {
			if _, err := s.inst.FPDFBitmap_FillRect(&requests.FPDFBitmap_FillRect{
				Bitmap: bm.Bitmap, Width: w, Height: band, Color: 0xffffffff,
			}); err != nil {
				return err
			}
			if _, err := s.inst.FPDF_RenderPageBitmap(&requests.FPDF_RenderPageBitmap{
				Bitmap: bm.Bitmap, Page: s.page(i), StartY: -y0, SizeX: w, SizeY: h,
				Flags: enums.FPDF_RENDER_FLAG_ANNOT | enums.FPDF_RENDER_FLAG_REVERSE_BYTE_ORDER,
			}); err != nil {
				return err
			}
			buf, err := s.inst.FPDFBitmap_GetBuffer(&requests.FPDFBitmap_GetBuffer{Bitmap: bm.Bitmap})
			if err != nil {
				return err
			}
			if stride.Stride < 4*w || len(buf.Buffer) < stride.Stride*band {
				// PDFium could not allocate it, within the instance's memory limit.
				return errors.New("the bitmap is too large")
			}
			use(buf.Buffer, stride.Stride, y0, min(band, h-y0))
		}
		return nil
	})
	return stepError(ctx, err)
}

// render draws page i in color for viewing. PDFium leaves the fourth byte of each pixel
// undefined; the copy sets it opaque.
func (s *pdfSession) render(ctx context.Context, i, w, h int) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	err := s.draw(ctx, i, w, h, func(pix []byte, stride, y0, rows int) {
		for y := range rows {
			row := img.Pix[(y0+y)*img.Stride : (y0+y)*img.Stride+4*w]
			copy(row, pix[y*stride:])
			for x := 3; x < len(row); x += 4 {
				row[x] = 0xff
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return img, nil
}

// renderGray draws page i in gray, for OCR. The page is drawn in color and turned gray here,
// with the weights of color.GrayModel: PDFium draws no images into a gray bitmap unless told
// to draw in grayscale, which makes it more than twice as slow.
func (s *pdfSession) renderGray(ctx context.Context, i, w, h int) (*image.Gray, error) {
	img := image.NewGray(image.Rect(0, 0, w, h))
	err := s.draw(ctx, i, w, h, func(pix []byte, stride, y0, rows int) {
		for y := range rows {
			row := pix[y*stride : y*stride+4*w]
			gray := img.Pix[(y0+y)*w : (y0+y+1)*w]
			for x, p := 0, row; x < w; x, p = x+1, p[4:] {
				gray[x] = uint8((19595*uint32(p[0]) + 38470*uint32(p[1]) + 7471*uint32(p[2]) + 1<<15) >> 16)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return img, nil
}

// scanJPEG returns the JPEG that page i consists of, with its resolution, when the page is
// nothing but one upright JPEG filling it: what scanner apps make. Decoding it in Go saves
// drawing the page (most of a second at 300 dpi in PDFium). The JPEG's own header agrees with
// the image's dictionary, which is at most MaxImagePixels: a JPEG larger than its dictionary
// says is drawn the way PDFium draws it, and so refused by checkImages. For any other page it
// returns no JPEG, and the page is drawn.
func (s *pdfSession) scanJPEG(ctx context.Context, i int) (jpeg []byte, dpi int, err error) {
	err = s.step(ctx, func() error {
		jpeg, dpi, err = s.pageJPEG(i)
		return err
	})
	return jpeg, dpi, stepError(ctx, err)
}

func (s *pdfSession) pageJPEG(i int) ([]byte, int, error) {
	page := s.page(i)
	rot, err := s.inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: page})
	if err != nil || rot.PageRotation != enums.FPDF_PAGE_ROTATION_NONE {
		return nil, 0, err
	}
	n, err := s.inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil || n.Count != 1 {
		return nil, 0, err
	}
	obj, err := s.inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: 0})
	if err != nil {
		return nil, 0, err
	}
	img := obj.PageObject
	t, err := s.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: img})
	if err != nil || t.Type != enums.FPDF_PAGEOBJ_IMAGE {
		return nil, 0, err
	}
	filters, err := s.inst.FPDFImageObj_GetImageFilterCount(&requests.FPDFImageObj_GetImageFilterCount{ImageObject: img})
	if err != nil || filters.Count != 1 {
		return nil, 0, err
	}
	filter, err := s.inst.FPDFImageObj_GetImageFilter(&requests.FPDFImageObj_GetImageFilter{ImageObject: img, Index: 0})
	if err != nil || filter.ImageFilter != "DCTDecode" {
		return nil, 0, err
	}
	m, err := s.inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: img})
	if err != nil || m.Matrix.B != 0 || m.Matrix.C != 0 || m.Matrix.A <= 0 || m.Matrix.D <= 0 {
		return nil, 0, err // turned or mirrored
	}
	size, err := s.inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: s.doc, Index: i})
	if err != nil || float64(m.Matrix.A) < 0.9*size.Width || float64(m.Matrix.D) < 0.9*size.Height {
		return nil, 0, err // does not fill the page
	}
	px, err := s.inst.FPDFImageObj_GetImagePixelSize(&requests.FPDFImageObj_GetImagePixelSize{ImageObject: img})
	if err != nil || px.Width == 0 || uint64(px.Width)*uint64(px.Height) > MaxImagePixels {
		return nil, 0, err
	}
	raw, err := s.inst.FPDFImageObj_GetImageDataRaw(&requests.FPDFImageObj_GetImageDataRaw{ImageObject: img})
	if err != nil || sniff(raw.Data) != KindJPEG {
		return nil, 0, err
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(raw.Data))
	if err != nil || cfg.Width != int(px.Width) || cfg.Height != int(px.Height) {
		return nil, 0, nil // the dictionary lies, or Go cannot read the JPEG: PDFium draws it
	}
	return raw.Data, int(float64(px.Width)*72/float64(m.Matrix.A) + 0.5), nil
}
