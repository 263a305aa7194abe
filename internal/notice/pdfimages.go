package notice

import (
	"bytes"
	"encoding/binary"

	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// checkImages refuses to draw page i when an image on it is larger than MaxImagePixels, before
// PDFium decodes any: ErrImageTooLarge. An image's size is the larger of what its dictionary
// says (what PDFium allocates for raw and Flate pixels) and, for JPEG and JPEG 2000 data, what
// the data's own header says (what their decoders allocate, whatever the dictionary claims: a
// progressive 12000×12000 JPEG under a 1000×1000 dictionary took PDFium 900 MB).
//
// It looks where drawing looks: the page's objects, the objects inside form XObjects at any
// depth, and the appearance streams of annotations. PDFium's API shows neither an image's soft
// mask nor images inside patterns or Type 3 glyphs; those, like JBIG2 data, whose sizes are in
// segment headers, are bounded by the instance's memory limit (docs/adr/0011).
func (s *pdfSession) checkImages(i int) error {
	c := imageCheck{s: s}
	page := s.page(i)
	n, err := s.inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return err
	}
	for k := range n.Count {
		obj, err := s.inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: k})
		if err != nil {
			return err
		}
		if err := c.object(obj.PageObject); err != nil {
			return err
		}
	}
	annots, err := s.inst.FPDFPage_GetAnnotCount(&requests.FPDFPage_GetAnnotCount{Page: page})
	if err != nil {
		return err
	}
	for a := range annots.Count {
		if err := c.annotation(page, a); err != nil {
			return err
		}
	}
	return nil
}

type imageCheck struct {
	s    *pdfSession
	seen int // objects looked at, at most maxPageObjects
}

func (c *imageCheck) annotation(page requests.Page, a int) error {
	s := c.s
	annot, err := s.inst.FPDFPage_GetAnnot(&requests.FPDFPage_GetAnnot{Page: page, Index: a})
	if err != nil {
		return nil // PDFium cannot load it, so does not draw it
	}
	defer s.inst.FPDFPage_CloseAnnot(&requests.FPDFPage_CloseAnnot{Annotation: annot.Annotation})
	n, err := s.inst.FPDFAnnot_GetObjectCount(&requests.FPDFAnnot_GetObjectCount{Annotation: annot.Annotation})
	if err != nil {
		return nil // no appearance stream
	}
	for k := range n.Count {
		obj, err := s.inst.FPDFAnnot_GetObject(&requests.FPDFAnnot_GetObject{Annotation: annot.Annotation, Index: k})
		if err != nil {
			return err
		}
		if err := c.object(obj.PageObject); err != nil {
			return err
		}
	}
	return nil
}

func (c *imageCheck) object(obj references.FPDF_PAGEOBJECT) error {
	if c.seen++; c.seen > maxPageObjects {
		return ErrPageTooComplex
	}
	s := c.s
	t, err := s.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
	if err != nil {
		return err
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		return c.image(obj)
	case enums.FPDF_PAGEOBJ_FORM:
		n, err := s.inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
		if err != nil {
			return err
		}
		for k := range n.Count {
			inner, err := s.inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(k)})
			if err != nil {
				return err
			}
			if err := c.object(inner.PageObject); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *imageCheck) image(img references.FPDF_PAGEOBJECT) error {
	s := c.s
	// An image without a size in its dictionary is not drawn; its data may still be a JPEG.
	if px, err := s.inst.FPDFImageObj_GetImagePixelSize(&requests.FPDFImageObj_GetImagePixelSize{ImageObject: img}); err == nil &&
		uint64(px.Width)*uint64(px.Height) > MaxImagePixels {
		return ErrImageTooLarge
	}
	filters, err := s.inst.FPDFImageObj_GetImageFilterCount(&requests.FPDFImageObj_GetImageFilterCount{ImageObject: img})
	if err != nil || filters.Count == 0 {
		return nil // raw pixels: the dictionary is their size
	}
	last, err := s.inst.FPDFImageObj_GetImageFilter(&requests.FPDFImageObj_GetImageFilter{ImageObject: img, Index: filters.Count - 1})
	if err != nil {
		return err
	}
	var size func([]byte) (w, h int, ok bool)
	switch last.ImageFilter {
	case "DCTDecode", "DCT":
		size = jpegFrameSize
	case "JPXDecode":
		size = jpxSize
	default:
		return nil // Flate, LZW, run-length and fax data decode to the dictionary's size
	}
	var data []byte
	if filters.Count == 1 {
		raw, err := s.inst.FPDFImageObj_GetImageDataRaw(&requests.FPDFImageObj_GetImageDataRaw{ImageObject: img})
		if err != nil {
			return nil // no data: nothing to decode
		}
		data = raw.Data
	} else {
		// The JPEG under other filters (FlateDecode, ASCIIHexDecode): PDFium undoes those.
		dec, err := s.inst.FPDFImageObj_GetImageDataDecoded(&requests.FPDFImageObj_GetImageDataDecoded{ImageObject: img})
		if err != nil {
			return nil
		}
		data = dec.Data
	}
	if w, h, ok := size(data); ok && uint64(w)*uint64(h) > MaxImagePixels {
		return ErrImageTooLarge
	}
	return nil
}

// jpegFrameSize reads a JPEG's size from its frame header (SOF) the way PDFium's libjpeg finds
// it: from the first SOI marker anywhere in the data (PDFium skips what comes before), then
// marker by marker, skipping stray bytes between markers as libjpeg does. ok is false when
// libjpeg would find no frame header, and so decode nothing.
func jpegFrameSize(data []byte) (w, h int, ok bool) {
	i := bytes.Index(data, []byte{0xff, 0xd8})
	if i < 0 {
		return 0, 0, false
	}
	for i += 2; ; {
		for i < len(data) && data[i] != 0xff {
			i++
		}
		for i < len(data) && data[i] == 0xff {
			i++
		}
		if i >= len(data) {
			return 0, 0, false
		}
		marker := data[i]
		i++
		switch {
		case marker == 0x00, marker == 0x01, marker >= 0xd0 && marker <= 0xd7:
			// A stuffed zero is no marker; TEM and RSTn have no length.
		case marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc:
			// SOFn: length, precision, height, width.
			if i+7 > len(data) {
				return 0, 0, false
			}
			return int(binary.BigEndian.Uint16(data[i+5:])), int(binary.BigEndian.Uint16(data[i+3:])), true
		case marker == 0xd8, marker == 0xd9, marker == 0xda:
			return 0, 0, false // a second SOI, the end, or a scan before any frame: libjpeg stops
		default:
			if i+2 > len(data) {
				return 0, 0, false
			}
			n := int(binary.BigEndian.Uint16(data[i:]))
			if n < 2 {
				return 0, 0, false
			}
			i += n
		}
	}
}

// jpxSize reads a JPEG 2000 image's size from the SIZ segment that follows the SOC marker of
// its codestream, bare or in a JP2 file. The data may hold more than one candidate (a JP2 box
// before the codestream may contain anything): the largest counts.
func jpxSize(data []byte) (w, h int, ok bool) {
	var most uint64
	for rest := data; ; {
		k := bytes.Index(rest, []byte{0xff, 0x4f, 0xff, 0x51})
		if k < 0 {
			break
		}
		// Lsiz, Rsiz, then Xsiz, Ysiz, XOsiz, YOsiz: the image is (Xsiz-XOsiz)×(Ysiz-YOsiz).
		if siz := rest[k+4:]; len(siz) >= 20 {
			x, y := binary.BigEndian.Uint32(siz[4:]), binary.BigEndian.Uint32(siz[8:])
			xo, yo := binary.BigEndian.Uint32(siz[12:]), binary.BigEndian.Uint32(siz[16:])
			if x > xo && y > yo && uint64(x-xo)*uint64(y-yo) > most {
				most, w, h, ok = uint64(x-xo)*uint64(y-yo), int(x-xo), int(y-yo), true
			}
		}
		rest = rest[k+4:]
	}
	return w, h, ok
}
