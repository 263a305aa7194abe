package notice

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// The values of the generated notice under their labels, as the extractor will look for them.
var labelled = []struct{ label, value string }{
	{"Receipt Number", testReceipt},
	{"Case Type", "I130"},
	{"Received Date", "09/01/2026"},
	{"Priority Date", "09/01/2026"},
	{"Petitioner", "EXEMPLO,"},
	{"Notice Date", "09/05/2026"},
	{"Page", "1"},
	{"Beneficiary", "EXEMPLO,"},
}

func TestReadTextPDF(t *testing.T) {
	t.Parallel()
	data := noticePDF()
	orig := bytes.Clone(data)
	d, err := Read(testContext(t), data, "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if d.Kind() != KindPDF || d.Pages() != 1 || d.Source() != SourcePDFText || len(d.Warnings()) != 0 {
		t.Errorf("kind %q, %d pages, source %q, warnings %q; want pdf, 1, pdf-text, none",
			d.Kind(), d.Pages(), d.Source(), d.Warnings())
	}
	text := d.Text()
	for _, l := range labelled {
		if got := under(text, l.label, 0); got != l.value {
			t.Errorf("under %q: %q, want %q", l.label, got, l.value)
		}
	}
	for _, want := range []string{
		"I130 - PETITION FOR ALIEN RELATIVE",
		"EXEMPLO, MARIA",
		"the receipt number " + testReceipt2 + ". You must respond by",
		"on October 3, 2026.",
		"Benefits Center, P.O. Box 648003",
	} {
		if !strings.Contains(flat(text), want) {
			t.Errorf("text lacks %q", want)
		}
	}
	// The two boxes side by side stay two columns: their second lines start where their first do.
	if got := under(text, "Please bring", 0); got != "on" {
		t.Errorf("under the left box's first line: %q, want on", got)
	}
	if got := under(text, "U.S. Citizenship", 0); got != "Benefits" {
		t.Errorf("under the right box's first line: %q, want Benefits", got)
	}
	if !bytes.Equal(data, orig) {
		t.Error("Read changed the bytes it was given")
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func TestReadMultiPagePDF(t *testing.T) {
	t.Parallel()
	receipts := []string{testReceipt, "LIN2512345678", "SRC2600012345"}
	d, err := Read(testContext(t), textPDF(t, receipts...), "three.pdf")
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(d.Text(), "\f")
	if d.Pages() != 3 || len(pages) != 3 {
		t.Fatalf("%d pages, %d texts; want 3", d.Pages(), len(pages))
	}
	for i, r := range receipts {
		if got := under(pages[i], "Receipt Number", 0); got != r {
			t.Errorf("page %d: receipt %q, want %q", i+1, got, r)
		}
	}
}

// A PDF protected only against changes (an owner password, no user password) opens for anyone
// and is read; one that needs a password to open is refused.
func TestReadOwnerProtectedPDF(t *testing.T) {
	t.Parallel()
	pdf := newPDF()
	pdf.SetProtection(fpdf.CnProtectPrint, "", "owner")
	noticePage(pdf, testReceipt)
	d, err := Read(testContext(t), output(t, pdf), "protected.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if got := under(d.Text(), "Receipt Number", 0); got != testReceipt {
		t.Errorf("receipt %q, want %q", got, testReceipt)
	}
}

// rotatedPDF is the notice on a page with /Rotate 90, as a scanner app saves a page it turned.
// The page's content is drawn sideways, so that it reads upright once turned.
func rotatedPDF(t testing.TB) []byte {
	pdf := newPDF()
	pdf.AddPageFormat("L", fpdf.SizeType{Wd: 612, Ht: 792})
	pdf.TransformBegin()
	// Turn the letter-size page's content a quarter counter-clockwise into the landscape page;
	// /Rotate 90 turns it back.
	pdf.TransformRotate(90, 0, 0)
	pdf.TransformTranslate(-612, 0)
	pdf.SetFont("Helvetica", "", 8)
	pdf.Text(36, 90, "Receipt Number")
	pdf.Text(260, 90, "Case Type")
	pdf.SetFont("Helvetica", "", 10)
	pdf.Text(36, 103, testReceipt)
	pdf.Text(260, 103, "I130 - PETITION FOR ALIEN RELATIVE")
	pdf.TransformEnd()
	data := output(t, pdf)
	return bytes.Replace(data, []byte("/Type /Page\n"), []byte("/Type /Page\n/Rotate 90\n"), 1)
}

func TestReadRotatedPage(t *testing.T) {
	t.Parallel()
	d, err := Read(testContext(t), rotatedPDF(t), "rotated.pdf")
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	if got := under(text, "Receipt Number", 0); got != testReceipt {
		t.Errorf("receipt %q, want %q in\n%s", got, testReceipt, text)
	}
	if got := under(text, "Case Type", 0); got != "I130" {
		t.Errorf("case type %q, want I130 in\n%s", got, text)
	}
}

// scans are the notice as an OCR must read it: PNG and JPEG, straight and a little turned,
// and as a PDF of JPEG pages.
func scans(t *testing.T) []struct {
	name string
	data []byte
	kind string
} {
	straight := scanOf(t, noticePDF(), 0, 0.001)
	turned := scanOf(t, noticePDF(), 1.2, 0.002)
	return []struct {
		name string
		data []byte
		kind string
	}{
		{"png", encodePNG(t, straight), KindPNG},
		{"jpeg turned", encodeJPEG(t, turned), KindJPEG},
		{"image-only pdf", imagePDF(t, encodeJPEG(t, straight)), KindPDF},
		// A PNG inside a PDF cannot be given to tesseract as it is: the page is drawn.
		{"image-only pdf, png inside", pngPDF(t, straight), KindPDF},
	}
}

// pngPDF wraps a scan as a PDF page holding a PNG (Flate-compressed pixels).
func pngPDF(t testing.TB, scan image.Image) []byte {
	pdf := newPDF()
	pdf.AddPage()
	pdf.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(encodePNG(t, scan)))
	pdf.ImageOptions("scan", 0, 0, 612, 792, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return output(t, pdf)
}

func TestReadScans(t *testing.T) {
	needOCR(t)
	t.Parallel()
	for _, s := range scans(t) {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			d, err := Read(testContext(t), s.data, s.name)
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind() != s.kind || d.Pages() != 1 || d.Source() != SourceOCR || len(d.Warnings()) != 0 {
				t.Errorf("kind %q, %d pages, source %q, warnings %q; want %s, 1, ocr, none",
					d.Kind(), d.Pages(), d.Source(), d.Warnings(), s.kind)
			}
			text := d.Text()
			if !strings.Contains(text, testReceipt) {
				t.Errorf("OCR text lacks the receipt number %s", testReceipt)
			}
			// OCR boxes are ink, not advance: a column may shift by one.
			if got := under(text, "Receipt Number", 1); got != testReceipt {
				t.Errorf("under Receipt Number: %q, want %q", got, testReceipt)
			}
			if got := under(text, "Notice Date", 1); got != "09/05/2026" {
				t.Errorf("under Notice Date: %q, want 09/05/2026", got)
			}
			if t.Failed() {
				t.Logf("text:\n%s", text)
			}
		})
	}
}

// A PDF of a text page and a scanned page reads the first from its text layer and OCRs only the
// second, reporting progress for that one page.
func TestReadMixedPDFProgress(t *testing.T) {
	needOCR(t)
	t.Parallel()
	pdf := newPDF()
	noticePage(pdf, "LIN2512345678")
	pdf.AddPage()
	scan := encodeJPEG(t, scanOf(t, noticePDF(), 0, 0.001))
	pdf.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(scan))
	pdf.ImageOptions("scan", 0, 0, 612, 792, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")

	var calls [][2]int
	d, err := Read(testContext(t), output(t, pdf), "mixed.pdf", WithProgress(func(done, total int) {
		calls = append(calls, [2]int{done, total})
	}))
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{0, 1}, {1, 1}}; !slices.Equal(calls, want) {
		t.Errorf("progress %v, want %v", calls, want)
	}
	pages := strings.Split(d.Text(), "\f")
	if d.Source() != SourceOCR || len(pages) != 2 {
		t.Fatalf("source %q, %d pages; want ocr, 2", d.Source(), len(pages))
	}
	if got := under(pages[0], "Receipt Number", 0); got != "LIN2512345678" {
		t.Errorf("text page: receipt %q", got)
	}
	if got := under(pages[1], "Receipt Number", 1); got != testReceipt {
		t.Errorf("scanned page: receipt %q", got)
	}
}

// Without the tesseract program (Windows and macOS have none) a scan, a PNG or a JPEG in a
// PDF, is read by the OCR engine inside immivault, with the same words under the same labels.
func TestReadScanWithoutTesseract(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	scan := scanOf(t, noticePDF(), 0, 0)
	// A phone's JPEG: the page stored sideways, with the EXIF tag that turns it upright.
	jpg := encodeJPEG(t, rotateQuarter(scan))
	le := binary.LittleEndian
	photo := slices.Concat(jpg[:2], exifSegment(tiffWithEntries(le, entry(le, 0x0112, 3, 1, 6))), jpg[2:])
	for _, data := range [][]byte{encodePNG(t, scan), imagePDF(t, encodeJPEG(t, scan)), photo} {
		d, err := Read(testContext(t), data, "scan")
		if err != nil {
			t.Fatal(err)
		}
		if d.Source() != SourceOCR || len(d.Warnings()) != 0 {
			t.Errorf("%s: source %q, warnings %q; want OCR, none", d.Kind(), d.Source(), d.Warnings())
		}
		if got := under(d.Text(), "Receipt Number", 1); got != testReceipt {
			t.Errorf("%s: receipt %q under its label, want %s; text:\n%s", d.Kind(), got, testReceipt, d.Text())
		}
		if _, err := d.Render(testContext(t), 0, 50); err != nil {
			t.Errorf("%s: Render: %v", d.Kind(), err)
		}
	}
}

func TestReadWithoutOCR(t *testing.T) {
	t.Parallel()
	d, err := Read(testContext(t), encodePNG(t, scanOf(t, noticePDF(), 0, 0)), "scan.png", WithoutOCR())
	if err != nil {
		t.Fatal(err)
	}
	if d.Source() != SourceNone || d.Text() != "" || len(d.Warnings()) != 0 {
		t.Errorf("source %q, text %q, warnings %q; want none, empty, none", d.Source(), d.Text(), d.Warnings())
	}
}

// manyPages is a PDF of n pages with one line each.
func manyPages(t testing.TB, n int) []byte {
	pdf := newPDF()
	pdf.SetFont("Helvetica", "", 10)
	for i := range n {
		pdf.AddPage()
		pdf.Text(36, 50, "page "+string(rune('0'+i%10)))
	}
	return output(t, pdf)
}

func TestReadBadInput(t *testing.T) {
	t.Parallel()
	good := noticePDF()
	encrypted := newPDF()
	encrypted.SetProtection(fpdf.CnProtectPrint, "user secret", "owner secret")
	noticePage(encrypted, testReceipt)
	scan := scanOf(t, noticePDF(), 0, 0)
	pngScan, jpegScan := encodePNG(t, scan), encodeJPEG(t, scan)
	random := make([]byte, 4096)
	rand.NewChaCha8([32]byte{3}).Read(random)
	huge := make([]byte, MaxFileSize+1)
	copy(huge, "%PDF-1.7\n")

	for _, c := range []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrEmpty, "this file is empty"},
		{"random bytes", random, ErrNotNotice, "this file is not a PDF, JPEG or PNG"},
		{"a text file", []byte("Receipt Number EAC2599900001\n"), ErrNotNotice, "this file is not a PDF, JPEG or PNG"},
		{"over 200 MB", huge, ErrTooLarge, "notice files are limited to 200 MB"},
		{"password-protected pdf", output(t, encrypted), ErrPasswordProtected,
			"this PDF is password-protected; save an unprotected copy and try again"},
		{"truncated pdf", good[:len(good)/2], ErrDamaged, "this file is damaged or incomplete; download or scan it again"},
		{"pdf header, then junk", append([]byte("%PDF-1.4\n"), random...), ErrDamaged, "this file is damaged or incomplete; download or scan it again"},
		{"501 pages", manyPages(t, 501), ErrTooManyPages, "notice PDFs are limited to 500 pages"},
		{"png claiming 100000×100000", pngHeader(100000, 100000), ErrImageTooLarge, "notice images are limited to 50 megapixels"},
		{"truncated png", pngScan[:len(pngScan)/2], ErrDamaged, "this file is damaged or incomplete; download or scan it again"},
		{"truncated jpeg", jpegScan[:len(jpegScan)/2], ErrDamaged, "this file is damaged or incomplete; download or scan it again"},
		{"png header only", pngHeader(100, 100), ErrDamaged, "this file is damaged or incomplete; download or scan it again"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			orig := bytes.Clone(c.data)
			d, err := Read(testContext(t), c.data, "notice.bin")
			if !errors.Is(err, c.want) {
				t.Fatalf("Read: %v, want %v", err, c.want)
			}
			if want := "notice.bin: " + c.msg; err.Error() != want {
				t.Errorf("message %q, want %q", err, want)
			}
			if d != nil {
				t.Error("Read returned a Document with its error")
			}
			if len(c.data) < 1<<20 && !bytes.Equal(c.data, orig) {
				t.Error("Read changed the bytes it was given")
			}
		})
	}
}

func TestReadNoName(t *testing.T) {
	t.Parallel()
	if _, err := Read(testContext(t), []byte("hello"), ""); err == nil || err.Error() != ErrNotNotice.Error() {
		t.Errorf("Read without a name: %v, want %q", err, ErrNotNotice)
	}
}

func TestReadCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, data := range [][]byte{noticePDF(), encodePNG(t, scanOf(t, noticePDF(), 0, 0))} {
		if _, err := Read(ctx, data, "notice"); !errors.Is(err, context.Canceled) {
			t.Errorf("Read with a cancelled context: %v, want %v", err, context.Canceled)
		}
	}
}

// outlinedPDF draws the notice's letters as filled rectangles, one per run of dark pixels of
// its 300 dpi scan: a page with no text layer and no image, as from a printer driver that
// turns text into outlines.
func outlinedPDF(t testing.TB) []byte {
	scan := scanOf(t, noticePDF(), 0, 0)
	pdf := newPDF()
	pdf.AddPage()
	pdf.SetFillColor(0, 0, 0)
	const px = 72.0 / 300
	b := scan.Bounds()
	for y := range b.Dy() {
		row := scan.Pix[y*scan.Stride : y*scan.Stride+b.Dx()]
		for x := 0; x < len(row); {
			if row[x] >= 128 {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] < 128 {
				x++
			}
			pdf.Rect(float64(start)*px, float64(y)*px, float64(x-start)*px, px, "F")
		}
	}
	return output(t, pdf)
}

func TestReadOutlinedText(t *testing.T) {
	needOCR(t)
	t.Parallel()
	d, err := Read(testContext(t), outlinedPDF(t), "outlined.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if d.Source() != SourceOCR {
		t.Fatalf("source %q, want ocr: a page of outlined text is a picture of text", d.Source())
	}
	if got := under(d.Text(), "Receipt Number", 1); got != testReceipt {
		t.Errorf("under Receipt Number: %q, want %q in\n%s", got, testReceipt, d.Text())
	}
}
