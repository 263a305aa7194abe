package noticetest

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"

	"github.com/go-pdf/fpdf"
)

// Scan makes a rendered page look like a scan or a phone photo of paper: turned by up to 1.5°
// either way, on grey paper that is a little darker at one side, softened by a blur on most
// seeds, with sensor noise and a few specks of dust. The result is grey, as most scans of
// letters are. The same image and seed give the same result.
func Scan(img image.Image, seed int64) image.Image {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5ca9))
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	src := make([]float64, w*h)
	gray, isGray := img.(*image.Gray)
	for y := range h {
		for x := range w {
			var v uint8
			if isGray {
				v = gray.Pix[gray.PixOffset(b.Min.X+x, b.Min.Y+y)]
			} else {
				v = color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y
			}
			src[y*w+x] = float64(v) / 255
		}
	}

	angle := (r.Float64()*3 - 1.5) * math.Pi / 180
	paper := 0.80 + 0.14*r.Float64()
	shade := 0.06 * r.Float64() // how much darker the far side of the paper is
	ink := 0.05 + 0.12*r.Float64()
	sin, cos := math.Sin(angle), math.Cos(angle)
	cx, cy := float64(w)/2, float64(h)/2
	out := make([]float64, w*h)
	for y := range h {
		for x := range w {
			// The source pixel that lands here; off the page is paper.
			dx, dy := float64(x)-cx, float64(y)-cy
			v := bilinear(src, w, h, cos*dx+sin*dy+cx, -sin*dx+cos*dy+cy)
			bg := paper - shade*float64(x)/float64(w)
			out[y*w+x] = ink + (bg-ink)*v
		}
	}
	if r.IntN(4) > 0 {
		out = boxBlur(out, w, h)
	}
	sigma := 0.02 + 0.04*r.Float64()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for i, v := range out {
		v += r.NormFloat64() * sigma
		if r.IntN(20000) == 0 {
			v = ink // dust
		}
		dst.Pix[i] = uint8(math.Round(255 * min(max(v, 0), 1)))
	}
	return dst
}

// bilinear samples img (w×h values, 1 = white) at a fractional position; outside is white.
func bilinear(img []float64, w, h int, x, y float64) float64 {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= w || y >= h {
			return 1
		}
		return img[y*w+x]
	}
	top := at(x0, y0)*(1-fx) + at(x0+1, y0)*fx
	bottom := at(x0, y0+1)*(1-fx) + at(x0+1, y0+1)*fx
	return top*(1-fy) + bottom*fy
}

// boxBlur averages each pixel with its 8 neighbours, the softness of a cheap scanner's optics:
// a pass along the rows, then one along the columns.
func boxBlur(img []float64, w, h int) []float64 {
	rows := make([]float64, len(img))
	for y := range h {
		for x := range w {
			lo, hi := max(x-1, 0), min(x+1, w-1)
			sum := 0.0
			for xx := lo; xx <= hi; xx++ {
				sum += img[y*w+xx]
			}
			rows[y*w+x] = sum / float64(hi-lo+1)
		}
	}
	out := make([]float64, len(img))
	for y := range h {
		lo, hi := max(y-1, 0), min(y+1, h-1)
		for x := range w {
			sum := 0.0
			for yy := lo; yy <= hi; yy++ {
				sum += rows[yy*w+x]
			}
			out[y*w+x] = sum / float64(hi-lo+1)
		}
	}
	return out
}

// EncodeJPEG encodes img as a JPEG of the quality phone scanning apps save at. It panics if img
// cannot be encoded (an empty image), which is a mistake in the calling test.
func EncodeJPEG(img image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		panic("noticetest: " + err.Error())
	}
	return b.Bytes()
}

// EncodePNG encodes img as a PNG. It panics if img cannot be encoded (an empty image), which is
// a mistake in the calling test.
func EncodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic("noticetest: " + err.Error())
	}
	return b.Bytes()
}

// ImagePDF returns a one-page, letter-size PDF with no text layer, holding img (as a JPEG)
// scaled to fit the page: what a scanner's "scan to PDF" writes, and what only OCR can read.
func ImagePDF(img image.Image) []byte {
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetCreationDate(pdfDate)
	pdf.SetModificationDate(pdfDate)
	pdf.SetCatalogSort(true)
	pdf.AddPage()
	pdf.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(EncodeJPEG(img)))
	b := img.Bounds()
	scale := min(pageW/float64(b.Dx()), pageH/float64(b.Dy()))
	iw, ih := float64(b.Dx())*scale, float64(b.Dy())*scale
	pdf.ImageOptions("scan", (pageW-iw)/2, (pageH-ih)/2, iw, ih, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		panic("noticetest: " + err.Error())
	}
	return out.Bytes()
}
