package notice

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/draw"

	"immivault/internal/notice/noticetest"
)

// The numbers on the generated notices, fictional.
const (
	testReceipt  = "EAC2599900001"
	testReceipt2 = "IOE0912345678"
	testMarker   = "ZQXMARKER7731" // a string found nowhere but in the test notice
)

// needOCR marks a test that reads whole notices by OCR (noticetest.NeedOCR).
var needOCR = noticetest.NeedOCR

func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// noticePage draws an I-797-like page: a label row with values below in the same columns,
// three more such rows, body text, two boxes side by side. receipt varies it per page.
func noticePage(pdf *fpdf.Fpdf, receipt string) {
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 14)
	pdf.Text(36, 50, "THE UNITED STATES OF AMERICA")
	cells := func(y float64, size float64, xs []float64, texts ...string) {
		pdf.SetFont("Helvetica", "", size)
		for i, s := range texts {
			pdf.Text(xs[i], y, s)
		}
	}
	cols := []float64{36, 150, 260, 430}
	cells(90, 8, []float64{36, 260}, "Receipt Number", "Case Type")
	cells(103, 10, []float64{36, 260}, receipt, "I130 - PETITION FOR ALIEN RELATIVE")
	cells(125, 8, cols, "Received Date", "Priority Date", "Petitioner", "A012 345 678")
	cells(138, 10, cols, "09/01/2026", "09/01/2026", "EXEMPLO, MARIA")
	cells(160, 8, cols, "Notice Date", "Page", "Beneficiary")
	cells(173, 10, cols, "09/05/2026", "1 of 1", "EXEMPLO, JOAO")
	pdf.Rect(30, 78, 552, 102, "D")
	pdf.SetFont("Helvetica", "", 10)
	pdf.SetXY(36, 200)
	pdf.MultiCell(540, 13, "Notice Type: Receipt Notice\nAmount received: $675.00 U.S.\n\n"+
		"The above application or petition has been received. Please notify us immediately if any of "+
		"the above information is incorrect. If you need to contact us, please be sure to include "+
		"the receipt number "+testReceipt2+". You must respond by October 15, 2026. "+testMarker, "", "L", false)
	pdf.Rect(36, 320, 260, 80, "D")
	pdf.Rect(316, 320, 260, 80, "D")
	pdf.SetXY(40, 325)
	pdf.MultiCell(250, 12, "Please bring this notice to your biometrics appointment on October 3, 2026.", "", "L", false)
	pdf.SetXY(320, 325)
	pdf.MultiCell(250, 12, "U.S. Citizenship and Immigration Services, National Benefits Center, P.O. Box 648003", "", "L", false)
}

func newPDF() *fpdf.Fpdf { return fpdf.New("P", "pt", "Letter", "") }

func output(t testing.TB, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// textPDF is a notice with a text layer, one page per receipt number.
func textPDF(t testing.TB, receipts ...string) []byte {
	pdf := newPDF()
	for _, r := range receipts {
		noticePage(pdf, r)
	}
	return output(t, pdf)
}

var noticePDF = sync.OnceValue(func() []byte { return textPDF(nopTB{}, testReceipt) })

// nopTB lets fixtures shared between tests, benchmarks and fuzz seeds be built once; the
// fpdf calls they make do not fail.
type nopTB struct{ testing.TB }

func (nopTB) Helper()           {}
func (nopTB) Fatal(args ...any) { panic(args) }

// scanOf renders page 0 of pdf as a gray 300 dpi scan, turned by degrees and sprinkled with
// noise, as a phone or a cheap scanner would make it.
func scanOf(t testing.TB, pdf []byte, degrees float64, noise float64) *image.Gray {
	t.Helper()
	d, err := Read(testContext(t), pdf, "fixture.pdf", WithoutOCR())
	if err != nil {
		t.Fatal(err)
	}
	img, err := d.Render(testContext(t), 0, 300)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	gray := image.NewGray(b)
	draw.Draw(gray, b, img, b.Min, draw.Src)
	if degrees != 0 {
		gray = rotate(gray, degrees)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range gray.Pix {
		if r.Float64() < noise {
			gray.Pix[i] = uint8(r.IntN(256))
		}
	}
	return gray
}

// rotate turns img about its centre, filling the corners with paper white.
func rotate(img *image.Gray, degrees float64) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(b)
	draw.Draw(out, b, image.White, image.Point{}, draw.Src)
	s, c := sinCos(degrees)
	cx, cy := float64(b.Dx())/2, float64(b.Dy())/2
	for y := range b.Dy() {
		for x := range b.Dx() {
			dx, dy := float64(x)-cx, float64(y)-cy
			sx, sy := int(c*dx+s*dy+cx), int(-s*dx+c*dy+cy)
			if sx >= 0 && sy >= 0 && sx < b.Dx() && sy < b.Dy() {
				out.Pix[y*out.Stride+x] = img.Pix[sy*img.Stride+sx]
			}
		}
	}
	return out
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// imagePDF wraps JPEG scans as the pages of a PDF with no text layer, as scanner apps do.
func imagePDF(t testing.TB, scans ...[]byte) []byte {
	pdf := newPDF()
	for i, scan := range scans {
		pdf.AddPage()
		name := "scan" + string(rune('a'+i))
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(scan))
		pdf.ImageOptions(name, 0, 0, 612, 792, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
	}
	return output(t, pdf)
}

// pngHeader is a PNG signature and IHDR chunk claiming w×h 8-bit gray pixels, and nothing more:
// a decompression bomb's calling card.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8] = 8 // bit depth; color type 0 (gray), compression, filter, interlace 0
	var b bytes.Buffer
	b.Write(pngMagic)
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

var spaces = regexp.MustCompile(`\s+`)

// flat is text with its layout flattened to single spaces, for checking words and their order.
func flat(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// under finds the first line holding label and returns the word that starts in the label's
// column, give or take slack columns, on the next non-blank line: the value printed under the
// label, if the layout kept it there. It returns "" if there is none.
func under(text, label string, slack int) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		k := strings.Index(l, label)
		if k < 0 {
			continue
		}
		col := utf8.RuneCountInString(l[:k])
		for _, next := range lines[i+1:] {
			if strings.TrimSpace(next) == "" {
				continue
			}
			r := []rune(next)
			for c := max(0, col-slack); c <= col+slack && c < len(r); c++ {
				if r[c] != ' ' && (c == 0 || r[c-1] == ' ') {
					end := c
					for end < len(r) && r[end] != ' ' {
						end++
					}
					return string(r[c:end])
				}
			}
			return ""
		}
	}
	return ""
}

func sinCos(degrees float64) (float64, float64) { return math.Sincos(degrees * math.Pi / 180) }
