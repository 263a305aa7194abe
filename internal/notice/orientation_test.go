package notice

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"
)

// tiffWithEntries is a TIFF structure whose first directory holds the given 12-byte entries.
func tiffWithEntries(order binary.AppendByteOrder, entries ...[]byte) []byte {
	b := []byte("II")
	if order.String() == binary.BigEndian.String() {
		b = []byte("MM")
	}
	b = order.AppendUint16(b, 42)
	b = order.AppendUint32(b, 8)
	b = order.AppendUint16(b, uint16(len(entries)))
	for _, e := range entries {
		b = append(b, e...)
	}
	return order.AppendUint32(b, 0) // no next directory
}

func entry(order binary.AppendByteOrder, tag, typ uint16, count uint32, value uint16) []byte {
	e := order.AppendUint16(nil, tag)
	e = order.AppendUint16(e, typ)
	e = order.AppendUint32(e, count)
	e = order.AppendUint16(e, value)
	return append(e, 0, 0)
}

func TestTIFFOrientation(t *testing.T) {
	t.Parallel()
	le, be := binary.LittleEndian, binary.BigEndian
	model := entry(le, 0x0110, 2, 4, 0) // Model, ASCII: another tag before it
	for _, c := range []struct {
		name string
		tiff []byte
		want orientation
	}{
		{"little-endian 6", tiffWithEntries(le, entry(le, 0x0112, 3, 1, 6)), 6},
		{"big-endian 8", tiffWithEntries(be, entry(be, 0x0112, 3, 1, 8)), 8},
		{"after another tag", tiffWithEntries(le, model, entry(le, 0x0112, 3, 1, 3)), 3},
		{"every value", tiffWithEntries(le, entry(le, 0x0112, 3, 1, 5)), 5},
		{"no tag", tiffWithEntries(le, model), upright},
		{"no entries", tiffWithEntries(le), upright},
		{"value 0", tiffWithEntries(le, entry(le, 0x0112, 3, 1, 0)), upright},
		{"value 9", tiffWithEntries(le, entry(le, 0x0112, 3, 1, 9)), upright},
		{"not a SHORT", tiffWithEntries(le, entry(le, 0x0112, 4, 1, 6)), upright},
		{"two values", tiffWithEntries(le, entry(le, 0x0112, 3, 2, 6)), upright},
		{"empty", nil, upright},
		{"short header", []byte("II*\x00"), upright},
		{"no byte order", append([]byte("XX"), tiffWithEntries(le, entry(le, 0x0112, 3, 1, 6))[2:]...), upright},
		{"not 42", append([]byte("II\x2b\x00"), tiffWithEntries(le, entry(le, 0x0112, 3, 1, 6))[4:]...), upright},
		{"directory past the end", []byte("II*\x00\xff\xff\xff\x7f"), upright},
		{"directory in the header", []byte("II*\x00\x02\x00\x00\x00\x00\x00"), upright},
		{"count past the end", []byte("II*\x00\x08\x00\x00\x00\xff\xff\x12\x01\x03\x00"), upright},
	} {
		if got := tiffOrientation(c.tiff); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// exifSegment is a JPEG APP1 Exif segment holding tiff.
func exifSegment(tiff []byte) []byte {
	body := append([]byte("Exif\x00\x00"), tiff...)
	return append([]byte{0xFF, 0xE1, byte((len(body) + 2) >> 8), byte(len(body) + 2)}, body...)
}

func TestFileOrientation(t *testing.T) {
	t.Parallel()
	le := binary.LittleEndian
	six := tiffWithEntries(le, entry(le, 0x0112, 3, 1, 6))
	jfif := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	jpg := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	withSegments := func(segs ...[]byte) []byte {
		return slices.Concat(jpg[:2], slices.Concat(segs...), jpg[2:])
	}
	png := encodePNG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	for _, c := range []struct {
		name string
		data []byte
		kind string
		want orientation
	}{
		{"JPEG, Exif first", withSegments(exifSegment(six)), KindJPEG, 6},
		{"JPEG, after JFIF", withSegments(jfif, exifSegment(six)), KindJPEG, 6},
		{"JPEG, fill bytes", withSegments([]byte{0xFF, 0xFF}, exifSegment(six)), KindJPEG, 6},
		{"JPEG, no Exif", jpg, KindJPEG, upright},
		{"JPEG, Exif after the scan", append(slices.Clone(jpg), exifSegment(six)...), KindJPEG, upright},
		{"JPEG, XMP not Exif", withSegments(slices.Concat([]byte{0xFF, 0xE1, 0, 12}, []byte("http://ns\x00"))), KindJPEG, upright},
		{"JPEG, segment longer than the file", withSegments([]byte{0xFF, 0xE1, 0xFF, 0xFF, 'E', 'x', 'i', 'f', 0, 0}), KindJPEG, upright},
		{"JPEG, length under 2", withSegments([]byte{0xFF, 0xE1, 0, 1}, exifSegment(six)), KindJPEG, upright},
		{"JPEG, truncated", withSegments(exifSegment(six))[:20], KindJPEG, upright},
		{"JPEG, garbage between segments", withSegments([]byte{0x00}, exifSegment(six)), KindJPEG, upright},
		{"PNG, eXIf before IDAT", pngWithChunk(png, "eXIf", six), KindPNG, 6},
		{"PNG, no eXIf", png, KindPNG, upright},
		{"PNG, eXIf longer than the file", pngWithChunk(png, "eXIf", six)[:len(png)/2], KindPNG, upright},
		{"PNG, eXIf after IDAT", slices.Concat(png[:len(png)-12], chunk("eXIf", six), png[len(png)-12:]), KindPNG, upright},
		{"PNG bytes taken for a JPEG", pngWithChunk(png, "eXIf", six), KindJPEG, upright},
	} {
		if got := fileOrientation(c.data, c.kind); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// chunk is a PNG chunk of type typ holding data.
func chunk(typ string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(append(b, typ...), data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[4:]))
}

// pngWithChunk puts a chunk after a PNG's IHDR (signature 8 bytes, IHDR 25).
func pngWithChunk(png []byte, typ string, data []byte) []byte {
	return slices.Concat(png[:33], chunk(typ, data), png[33:])
}

// TestTurn turns a 3×2 picture, whose pixels are numbered, every way: the upright picture is
// the same whatever the orientation it was stored with.
func TestTurn(t *testing.T) {
	t.Parallel()
	// The upright picture, as rows.
	want := [][]uint8{{1, 2, 3}, {4, 5, 6}}
	// How a camera stores it for each orientation (the inverse of what a viewer does).
	stored := map[orientation][][]uint8{
		1: {{1, 2, 3}, {4, 5, 6}},
		2: {{3, 2, 1}, {6, 5, 4}},
		3: {{6, 5, 4}, {3, 2, 1}},
		4: {{4, 5, 6}, {1, 2, 3}},
		5: {{1, 4}, {2, 5}, {3, 6}},
		6: {{3, 6}, {2, 5}, {1, 4}},
		7: {{6, 3}, {5, 2}, {4, 1}},
		8: {{4, 1}, {5, 2}, {6, 3}},
	}
	for o, rows := range stored {
		g := image.NewGray(image.Rect(0, 0, len(rows[0]), len(rows)))
		rgba := image.NewRGBA(g.Rect)
		for y, r := range rows {
			for x, v := range r {
				g.SetGray(x, y, color.Gray{v})
				rgba.Set(x, y, color.RGBA{v, v, v, 255})
			}
		}
		ycc := image.NewYCbCr(g.Rect, image.YCbCrSubsampleRatio444)
		copy(ycc.Y, g.Pix)
		for i := range ycc.Cb {
			ycc.Cb[i], ycc.Cr[i] = 128, 128
		}
		for _, img := range []image.Image{g, rgba, ycc, image.NewPaletted(g.Rect, nil)} {
			if p, ok := img.(*image.Paletted); ok { // the generic path, through RGBA
				p.Palette = color.Palette{color.Gray{0}}
				for v := range 7 {
					p.Palette = append(p.Palette, color.Gray{uint8(v)})
				}
				for y, r := range rows {
					for x, v := range r {
						p.SetColorIndex(x, y, v+1)
					}
				}
			}
			out := o.turn(img)
			var got [][]uint8
			b := out.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y++ {
				var r []uint8
				for x := b.Min.X; x < b.Max.X; x++ {
					r = append(r, color.GrayModel.Convert(out.At(x, y)).(color.Gray).Y)
				}
				got = append(got, r)
			}
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("orientation %d, %T: %v, want %v", o, img, got, want)
			}
		}
	}
}

// TestRenderAndReadTurned: a JPEG a phone stored sideways, with its orientation tag, is drawn
// and read upright.
func TestRenderAndReadTurned(t *testing.T) {
	t.Parallel()
	scan := scanOf(t, noticePDF(), 0, 0) // 2550 × 3300
	sideways := rotateQuarter(scan)      // as the sensor stored it: 3300 × 2550
	jpg := encodeJPEG(t, sideways)
	le := binary.LittleEndian
	tagged := slices.Concat(jpg[:2], exifSegment(tiffWithEntries(le, entry(le, 0x0112, 3, 1, 6))), jpg[2:])
	d, err := Read(testContext(t), tagged, "photo.jpg")
	if err != nil {
		t.Fatal(err)
	}
	img, err := d.Render(testContext(t), 0, 150)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1275 || b.Dy() != 1650 {
		t.Errorf("rendered %v, want 1275×1650", b)
	}
	if !strings.Contains(d.Text(), testReceipt) {
		t.Errorf("text of the turned photo lacks %s:\n%s", testReceipt, d.Text())
	}
}

// rotateQuarter turns img a quarter turn anticlockwise, as a camera held upright stores a page.
func rotateQuarter(img *image.Gray) *image.Gray {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := image.NewGray(image.Rect(0, 0, h, w))
	for y := range h {
		for x := range w {
			out.Pix[(w-1-x)*out.Stride+y] = img.Pix[y*img.Stride+x]
		}
	}
	return out
}

// FuzzFileOrientation: any bytes, taken for a JPEG or a PNG, give an orientation from 1 to 8
// without panicking, and turning a picture by it keeps its pixels.
func FuzzFileOrientation(f *testing.F) {
	le, be := binary.LittleEndian, binary.BigEndian
	jpg := encodeJPEG(f, image.NewGray(image.Rect(0, 0, 8, 8)))
	png := encodePNG(f, image.NewGray(image.Rect(0, 0, 8, 8)))
	six := tiffWithEntries(le, entry(le, 0x0112, 3, 1, 6))
	f.Add(slices.Concat(jpg[:2], exifSegment(six), jpg[2:]))
	f.Add(slices.Concat(jpg[:2], exifSegment(tiffWithEntries(be, entry(be, 0x0112, 3, 1, 8))), jpg[2:]))
	f.Add(pngWithChunk(png, "eXIf", six))
	f.Add(jpg)
	f.Add(png)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, kind := range []string{KindJPEG, KindPNG} {
			o := fileOrientation(data, kind)
			if o < 1 || o > 8 {
				t.Fatalf("%s: orientation %d", kind, o)
			}
			g := image.NewGray(image.Rect(0, 0, 3, 2))
			copy(g.Pix, []byte{1, 2, 3, 4, 5, 6})
			out := o.turn(g).(*image.Gray)
			if got := slices.Sorted(slices.Values(out.Pix)); !bytes.Equal(got, []byte{1, 2, 3, 4, 5, 6}) {
				t.Fatalf("%s: orientation %d turned the pixels into %v", kind, o, out.Pix)
			}
		}
	})
}
