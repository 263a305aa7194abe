package notice

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
)

// solidJPEG builds, by hand, a baseline (or progressive) JPEG of w×h pixels in comps components
// (1 or 3, no subsampling) that is one flat grey: each 8×8 block is a zero DC difference and an
// end of block, two bits with the one-code Huffman tables it declares, so a 12000×12000 image
// takes 1.7 MB and no time to make. It is what a decompression bomb looks like to a decoder.
func solidJPEG(w, h, comps int, progressive bool) []byte {
	var b bytes.Buffer
	seg := func(marker byte, payload ...byte) {
		b.Write([]byte{0xff, marker})
		binary.Write(&b, binary.BigEndian, uint16(len(payload)+2))
		b.Write(payload)
	}
	b.Write([]byte{0xff, 0xd8})
	dqt := make([]byte, 65) // table 0, 8-bit, all ones
	for i := 1; i < 65; i++ {
		dqt[i] = 1
	}
	seg(0xdb, dqt...)
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(comps)}
	for c := range comps {
		sof = append(sof, byte(c+1), 0x11, 0)
	}
	marker := byte(0xc0)
	if progressive {
		marker = 0xc2
	}
	seg(marker, sof...)
	// One code of length 1 in each table: symbol 0, which is "DC difference 0" and "end of block".
	huff := func(class byte) []byte {
		t := make([]byte, 1+16+1)
		t[0], t[1] = class<<4, 1
		return t
	}
	seg(0xc4, append(huff(0), huff(1)...)...)
	sos := []byte{byte(comps)}
	for c := range comps {
		sos = append(sos, byte(c+1), 0x00)
	}
	bitsPerBlock := 2
	if progressive {
		// A DC-only first scan: the AC coefficients are never sent, and stay zero.
		sos = append(sos, 0, 0, 0)
		bitsPerBlock = 1
	} else {
		sos = append(sos, 0, 63, 0)
	}
	seg(0xda, sos...)
	blocks := ((w + 7) / 8) * ((h + 7) / 8) * comps
	n := (blocks*bitsPerBlock + 7) / 8
	data := make([]byte, n)
	if pad := n*8 - blocks*bitsPerBlock; pad > 0 {
		data[n-1] = byte(1<<pad - 1) // fill bits are ones
	}
	b.Write(data)
	b.Write([]byte{0xff, 0xd9})
	return b.Bytes()
}

// pdfObjects writes a PDF of the given objects (numbered from 1; object 1 the catalog) with a
// correct cross-reference table.
func pdfObjects(objs ...[]byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// letterPagePDF is a PDF of one letter page: the catalog, the page tree and
// the page are objects 1 to 3, the page's dictionary with entries added;
// objs follow from object 4.
func letterPagePDF(entries string, objs ...[]byte) []byte {
	return pdfObjects(append([][]byte{
		[]byte("<< /Type /Catalog /Pages 2 0 R >>"),
		[]byte("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
		[]byte("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + entries + " >>"),
	}, objs...)...)
}

// stream is a PDF stream object with the given dictionary entries.
func stream(dict string, data []byte) []byte {
	return fmt.Appendf(nil, "<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// imageXObject is an image XObject whose dictionary says it is w×h gray pixels while its data
// is data, under filters (a PDF name or array: "/DCTDecode", "[/FlateDecode /DCTDecode]").
func imageXObject(data []byte, filters string, w, h int) []byte {
	return stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter %s",
		w, h, filters), data)
}

// fullPage draws /Im0 over the whole letter page, as a scanner's PDF does; smallOnPage draws it
// in a square of the page, which PDFium must draw.
const (
	fullPage    = "q 612 0 0 792 0 0 cm /Im0 Do Q"
	smallOnPage = "q 300 0 0 300 100 100 cm /Im0 Do Q"
)

// imagePagePDF is a letter page whose content draws the image XObject img as /Im0.
func imagePagePDF(img []byte, content string) []byte {
	return letterPagePDF("/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R",
		stream("", []byte(content)),
		img,
	)
}

// formPDF draws the image XObject img from inside a form XObject on the page.
func formPDF(img []byte) []byte {
	return letterPagePDF("/Resources << /XObject << /Fm0 5 0 R >> >> /Contents 4 0 R",
		stream("", []byte("q 1 0 0 1 100 100 cm /Fm0 Do Q")),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /XObject << /Im0 6 0 R >> >>", []byte(smallOnPage)),
		img,
	)
}

// stampPDF draws the image XObject img in the appearance of a stamp annotation, on a page
// that is otherwise empty.
func stampPDF(img []byte) []byte {
	return letterPagePDF("/Annots [4 0 R]",
		[]byte("<< /Type /Annot /Subtype /Stamp /Rect [100 100 400 400] /F 4 /AP << /N 5 0 R >> >>"),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /XObject << /Im0 6 0 R >> >>", []byte("q 300 0 0 300 0 0 cm /Im0 Do Q")),
		img,
	)
}

// jpxHeader is the start of a JPEG 2000 codestream (SOC, SIZ) for a w×h gray image, and
// nothing more: all a decoder needs to allocate for it.
func jpxHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xff, 0x4f, 0xff, 0x51})
	binary.Write(&b, binary.BigEndian, uint16(41)) // Lsiz for one component
	binary.Write(&b, binary.BigEndian, uint16(0))  // Rsiz
	for _, v := range []uint32{w, h, 0, 0, w, h, 0, 0} {
		binary.Write(&b, binary.BigEndian, v) // size, offset, tile size, tile offset
	}
	b.Write([]byte{0, 1, 7, 1, 1}) // one component: 8-bit, unsubsampled
	return b.Bytes()
}

// zlibBytes is data compressed as FlateDecode expects.
func zlibBytes(data []byte) []byte {
	var b bytes.Buffer
	z := zlib.NewWriter(&b)
	z.Write(data)
	z.Close()
	return b.Bytes()
}

// jpegHeader is a JPEG's markers up to its first scan, without the scan's data: a file whose
// header claims what the encoder put in it, and whose pixels never come.
func jpegHeader(jpeg []byte) []byte {
	sos := bytes.Index(jpeg, []byte{0xff, 0xda})
	return jpeg[:sos+2+int(binary.BigEndian.Uint16(jpeg[sos+2:]))]
}

// A 12000×12000 flat gray JPEG, baseline (562 KB) and progressive (281 KB), and one of
// 8000×8000 (64 megapixels: 250 KB) for fuzz seeds.
var (
	jpeg12k     = sync.OnceValue(func() []byte { return solidJPEG(12000, 12000, 1, false) })
	jpeg12kProg = sync.OnceValue(func() []byte { return solidJPEG(12000, 12000, 1, true) })
)

type hostileNotice struct {
	name string
	data []byte
}

// hostilePDFs are PDFs whose images are over MaxImagePixels, most of them under a
// dictionary that says otherwise: Render must refuse each with ErrImageTooLarge before
// decoding a pixel of it, in Go or in PDFium.
func hostilePDFs() []hostileNotice {
	lying := imageXObject(jpeg12k(), "/DCTDecode", 1000, 1000)
	return []hostileNotice{
		// A scanner's page: one JPEG over the whole page, decoded in Go.
		{"scanner page, 12000×12000 jpeg under a 1000×1000 dictionary", imagePagePDF(lying, fullPage)},
		// Any other page is drawn by PDFium, whose libjpeg holds a progressive JPEG's
		// coefficients for the whole image at once.
		{"progressive 12000×12000 jpeg under a 1000×1000 dictionary", imagePagePDF(imageXObject(jpeg12kProg(), "/DCTDecode", 1000, 1000), smallOnPage)},
		{"12000×12000 jpeg under a 1000×1000 dictionary, drawn small", imagePagePDF(lying, smallOnPage)},
		{"the jpeg under flate", imagePagePDF(imageXObject(zlibBytes(jpeg12k()), "[/FlateDecode /DCTDecode]", 1000, 1000), smallOnPage)},
		{"the jpeg inside a form xobject", formPDF(lying)},
		{"the jpeg in a stamp's appearance", stampPDF(lying)},
		{"jpeg 2000 claiming 60000×60000 under a 1000×1000 dictionary", imagePagePDF(imageXObject(jpxHeader(60000, 60000), "/JPXDecode", 1000, 1000), smallOnPage)},
		// A dictionary claiming more than the data holds: PDFium allocates what it says.
		{"dictionary of 10000×10000 over a 100×80 jpeg", imagePagePDF(imageXObject(solidJPEG(100, 80, 1, false), "/DCTDecode", 10000, 10000), smallOnPage)},
		{"flate pixels claiming 8000×8000", imagePagePDF(imageXObject(zlibBytes(make([]byte, 1000)), "/FlateDecode", 8000, 8000), smallOnPage)},
	}
}

// Hostile images in PDFs are refused with one line, when the page is drawn for viewing (the
// viewer, a thumbnail) and when it is read by OCR, before anything decodes them: Go's decoder,
// PDFium's, or tesseract's.
func TestHostilePDFImages(t *testing.T) {
	t.Parallel()
	for _, c := range hostilePDFs() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d, err := Read(t.Context(), c.data, "hostile.pdf", WithoutOCR())
			if err != nil {
				t.Fatalf("Read without OCR: %v; the page's pixels are not needed yet", err)
			}
			for _, dpi := range []int{20, 150} {
				img, err := d.Render(t.Context(), 0, dpi)
				checkRefused(t, fmt.Sprintf("Render at %d dpi", dpi), err, "hostile.pdf: ", ErrImageTooLarge)
				if img != nil {
					t.Errorf("Render at %d dpi returned an image with its error", dpi)
				}
			}
		})
	}
}

// checkRefused checks that err is want, in one line starting with prefix.
func checkRefused(t *testing.T, what string, err error, prefix string, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: %v, want %v", what, err, want)
	}
	if msg := err.Error(); msg != prefix+want.Error() {
		t.Errorf("%s: %q, want %q", what, msg, prefix+want.Error())
	}
}

// Reading a hostile PDF with OCR refuses it as a file over a limit, and OCR never runs.
func TestHostilePDFImagesNotOCRed(t *testing.T) {
	for _, c := range hostilePDFs()[:2] {
		t.Run(c.name, func(t *testing.T) {
			calls := fakeOCR(t, nil)
			d, err := Read(t.Context(), c.data, "hostile.pdf")
			if d != nil {
				t.Errorf("Read returned a Document: source %q, warnings %q", d.Source(), d.Warnings())
			}
			checkRefused(t, "Read", err, "hostile.pdf: ", ErrImageTooLarge)
			if len(*calls) != 0 {
				t.Errorf("OCR was given %v", *calls)
			}
		})
	}
}

// Plain images with headers that claim too much are refused from the header.
func TestHostileImages(t *testing.T) {
	t.Parallel()
	for _, c := range []hostileNotice{
		{"jpeg header of 65535×65535", jpegHeader(solidJPEG(65535, 65535, 1, false))},
		{"progressive jpeg of 12000×12000", jpeg12kProg()},
		{"color jpeg header of 65535×800", jpegHeader(solidJPEG(65535, 800, 3, false))},
		{"png header of 65535×65535", pngHeader(65535, 65535)},
	} {
		for _, opts := range [][]Option{{WithoutOCR()}, nil} {
			d, err := Read(t.Context(), c.data, "hostile.img", opts...)
			if d != nil {
				t.Errorf("%s: Read returned a Document", c.name)
			}
			checkRefused(t, c.name, err, "hostile.img: ", ErrImageTooLarge)
		}
	}
}

// Whatever OCR is given is a gray page we decoded or drew, of at most maxOCRPixels: never the
// notice's own bytes, whose decoding would be tesseract's rather than ours.
func TestOCRGetsOurPixels(t *testing.T) {
	scan := scanOf(t, noticePDF(), 0, 0)
	big := solidJPEG(7500, 6000, 3, false) // 45 megapixels: within MaxImagePixels, over maxOCRPixels
	for _, c := range []struct {
		name string
		data []byte
		w, h int // the page's size, 0 for the scan's
	}{
		{"png", encodePNG(t, scan), 0, 0},
		{"jpeg", encodeJPEG(t, scan), 0, 0},
		{"scanner pdf", imagePDF(t, encodeJPEG(t, scan)), 0, 0},
		{"pdf drawn by PDFium", pngPDF(t, scan), 0, 0},
		{"45-megapixel jpeg", big, 7071, 5656},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls := fakeOCR(t, nil)
			if _, err := Read(t.Context(), c.data, c.name); err != nil {
				t.Fatal(err)
			}
			if len(*calls) != 1 {
				t.Fatalf("OCR was given %v, want one page", *calls)
			}
			got := (*calls)[0]
			if c.w == 0 {
				c.w, c.h = scan.Rect.Dx(), scan.Rect.Dy()
			}
			if got.w != c.w || got.h != c.h {
				t.Errorf("the page is %d×%d, want %d×%d", got.w, got.h, c.w, c.h)
			}
			if got.w*got.h > maxOCRPixels {
				t.Errorf("the page is %d×%d, over maxOCRPixels", got.w, got.h)
			}
		})
	}
}

// jpegFrameSize finds the frame header where libjpeg does, past what libjpeg skips.
func TestJPEGFrameSize(t *testing.T) {
	t.Parallel()
	jpeg := solidJPEG(300, 200, 1, false)
	body := jpeg[2:] // after SOI
	// An APP1 segment whose payload looks like the start of a frame header.
	app := []byte{0xff, 0xe1, 0x00, 0x06, 0xff, 0xc0, 0x7f, 0xff}
	for _, c := range []struct {
		name string
		data []byte
		w, h int
		ok   bool
	}{
		{"baseline", jpeg, 300, 200, true},
		{"progressive", solidJPEG(640, 480, 3, true), 640, 480, true},
		{"bytes before SOI, as PDFium skips", append([]byte("junk\xff\x00"), jpeg...), 300, 200, true},
		{"stray bytes, a stuffed zero and fill bytes between markers", slices.Concat([]byte{0xff, 0xd8, 0x12, 0x34, 0xff, 0x00, 0xff, 0xff}, body), 300, 200, true},
		{"a segment's payload is not a marker", slices.Concat([]byte{0xff, 0xd8}, app, body), 300, 200, true},
		{"header only", jpegHeader(solidJPEG(65535, 65535, 1, false)), 65535, 65535, true},
		{"no SOI", jpeg[2:], 0, 0, false},
		{"a scan before any frame", slices.Concat([]byte{0xff, 0xd8, 0xff, 0xda, 0x00, 0x02}, body), 0, 0, false},
		{"truncated in the frame header", jpeg[:bytes.Index(jpeg, []byte{0xff, 0xc0})+5], 0, 0, false},
		{"empty", nil, 0, 0, false},
	} {
		w, h, ok := jpegFrameSize(c.data)
		if w != c.w || h != c.h || ok != c.ok {
			t.Errorf("%s: %d×%d %v, want %d×%d %v", c.name, w, h, ok, c.w, c.h, c.ok)
		}
	}
}

func TestJPXSize(t *testing.T) {
	t.Parallel()
	box := []byte("\x00\x00\x00\x0cjP  \r\n\x87\n")
	for _, c := range []struct {
		name string
		data []byte
		w, h int
		ok   bool
	}{
		{"codestream", jpxHeader(1000, 800), 1000, 800, true},
		{"in a JP2 file", slices.Concat(box, jpxHeader(60000, 60000)), 60000, 60000, true},
		{"a decoy before the codestream", slices.Concat(jpxHeader(10, 10), jpxHeader(60000, 60000)), 60000, 60000, true},
		{"no codestream", box, 0, 0, false},
		{"truncated", jpxHeader(1000, 800)[:12], 0, 0, false},
	} {
		w, h, ok := jpxSize(c.data)
		if w != c.w || h != c.h || ok != c.ok {
			t.Errorf("%s: %d×%d %v, want %d×%d %v", c.name, w, h, ok, c.w, c.h, c.ok)
		}
	}
}
