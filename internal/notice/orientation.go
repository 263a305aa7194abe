package notice

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"

	"golang.org/x/image/draw"
)

// orientation is EXIF's Orientation tag: how the stored pixels are turned or mirrored from the
// upright picture. Phones store a portrait photo with the sensor's rows and this tag; Go's
// decoders ignore it, so a page photographed upright would be read lying on its side.
//
//	1 upright          2 mirrored left-right   3 turned 180°       4 mirrored top-bottom
//	5 transposed       6 turned 90° clockwise  7 transversed       8 turned 90° anticlockwise
//
// (the turns are what a viewer does to show the picture upright).
type orientation uint8

const upright orientation = 1

// maxExifScan bounds how far into a JPEG the Exif segment is looked for: cameras write it
// first, after the start marker and at most a JFIF segment.
const maxExifScan = 1 << 20

// fileOrientation is the orientation an image file's EXIF gives: a JPEG's APP1 Exif segment, or
// a PNG's eXIf chunk. Anything missing, out of bounds or unknown is upright: the tag only
// ever turns a picture that says how, and a damaged tag leaves the pixels as stored.
func fileOrientation(data []byte, kind string) orientation {
	var tiff []byte
	switch kind {
	case KindJPEG:
		tiff = jpegExif(data)
	case KindPNG:
		tiff = pngExif(data)
	}
	return tiffOrientation(tiff)
}

// jpegExif finds the TIFF structure of a JPEG's Exif segment: the segments from the start
// marker to the start of the scan, each a marker and a length that covers itself. Every step
// moves forward by at least four bytes, so the walk ends.
func jpegExif(data []byte) []byte {
	data = data[:min(len(data), maxExifScan)]
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return nil
		}
		marker := data[i+1]
		switch {
		case marker == 0xFF: // fill byte before a marker
			i++
			continue
		case marker == 0xDA || marker == 0xD9: // start of scan, end of image: no more headers
			return nil
		case marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7): // markers without a length
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return nil
		}
		body := data[i+4 : i+2+n]
		if marker == 0xE1 && bytes.HasPrefix(body, []byte("Exif\x00\x00")) {
			return body[6:]
		}
		i += 2 + n
	}
	return nil
}

// pngExif finds a PNG's eXIf chunk, which holds the TIFF structure itself. Chunks are walked
// by their lengths up to the image data, which the chunk must precede.
func pngExif(data []byte) []byte {
	data = data[:min(len(data), maxExifScan)]
	if !bytes.HasPrefix(data, pngMagic) {
		return nil
	}
	for i := len(pngMagic); i+8 <= len(data); {
		n := int64(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		end := int64(i) + 12 + n // length, type, data, CRC
		if end > int64(len(data)) || typ == "IDAT" || typ == "IEND" {
			return nil
		}
		if typ == "eXIf" {
			return data[i+8 : i+8+int(n)]
		}
		i = int(end)
	}
	return nil
}

// tiffOrientation reads the Orientation tag (0x0112, one SHORT) of the first image file
// directory of a TIFF structure. The directory's entries are read where they are; no offset
// is followed beyond the first directory's, so there is no chain to loop on.
func tiffOrientation(tiff []byte) orientation {
	if len(tiff) < 8 {
		return upright
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return upright
	}
	if order.Uint16(tiff[2:]) != 42 {
		return upright
	}
	ifd := int64(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > int64(len(tiff)) {
		return upright
	}
	count := int64(order.Uint16(tiff[ifd:]))
	entries := tiff[ifd+2:]
	for k := range count {
		e := entries[min(12*k, int64(len(entries))):]
		if len(e) < 12 {
			return upright
		}
		tag, typ, n := order.Uint16(e), order.Uint16(e[2:]), order.Uint32(e[4:])
		if tag != 0x0112 {
			continue
		}
		if typ != 3 || n != 1 {
			return upright
		}
		if o := order.Uint16(e[8:]); o >= 1 && o <= 8 {
			return orientation(o)
		}
		return upright
	}
	return upright
}

// swapsSides reports whether the upright picture's width is the stored height.
func (o orientation) swapsSides() bool { return o >= 5 && o <= 8 }

// turn returns img upright. A gray image stays gray (what OCR is given); any other becomes
// RGBA, as Render's scaled images are. A photo's YCbCr is converted as it is turned, so that a
// large one costs one RGBA copy, not two.
func (o orientation) turn(img image.Image) image.Image {
	if o <= upright || o > 8 {
		return img
	}
	switch m := img.(type) {
	case *image.Gray:
		out := image.NewGray(o.bounds(m.Rect))
		o.copyPixels(out.Pix, out.Stride, m.Pix, m.Stride, m.Rect.Dx(), m.Rect.Dy(), 1)
		return out
	case *image.RGBA:
		out := image.NewRGBA(o.bounds(m.Rect))
		o.copyPixels(out.Pix, out.Stride, m.Pix, m.Stride, m.Rect.Dx(), m.Rect.Dy(), 4)
		return out
	case *image.YCbCr: // a photo: turned as it is converted, without a copy the size of it
		out := image.NewRGBA(o.bounds(m.Rect))
		w, h := m.Rect.Dx(), m.Rect.Dy()
		for y := range h {
			for x := range w {
				yi, ci := m.YOffset(m.Rect.Min.X+x, m.Rect.Min.Y+y), m.COffset(m.Rect.Min.X+x, m.Rect.Min.Y+y)
				r, g, b := color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
				u, v := o.place(x, y, w, h)
				copy(out.Pix[v*out.Stride+4*u:], []byte{r, g, b, 255})
			}
		}
		return out
	}
	b := img.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Rect, img, b.Min, draw.Src)
	return o.turn(rgba)
}

// bounds is the upright picture's rectangle, from (0, 0).
func (o orientation) bounds(r image.Rectangle) image.Rectangle {
	if o.swapsSides() {
		return image.Rect(0, 0, r.Dy(), r.Dx())
	}
	return image.Rect(0, 0, r.Dx(), r.Dy())
}

// copyPixels writes the stored w×h pixels of bpp bytes each into dst, upright: each stored
// pixel (x, y) goes where the orientation's turn or mirror takes it.
func (o orientation) copyPixels(dst []byte, dstStride int, src []byte, srcStride, w, h, bpp int) {
	for y := range h {
		row := src[y*srcStride : y*srcStride+w*bpp]
		for x := range w {
			u, v := o.place(x, y, w, h)
			copy(dst[v*dstStride+u*bpp:v*dstStride+u*bpp+bpp], row[x*bpp:x*bpp+bpp])
		}
	}
}

// place is where stored pixel (x, y) of a w×h picture lands in the upright one.
func (o orientation) place(x, y, w, h int) (u, v int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return h - 1 - y, x
	case 7:
		return h - 1 - y, w - 1 - x
	case 8:
		return y, w - 1 - x
	}
	return x, y
}
