package corpus

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/go-pdf/fpdf"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
)

// ScanKind is one way people turn a paper notice into a file.
type ScanKind struct {
	Name  string
	About string
	// SinglePage kinds make one image and cannot carry a multi-page notice; the others put
	// the pages of a longer notice into an image-only PDF, as scanning apps do.
	SinglePage bool
	dpi        int
	degrade    func(p *plane, r *rand.Rand) *plane
	encode     func(p *plane, r *rand.Rand) ([]byte, string) // one page as a file: bytes, extension
}

// ScanKinds lists the kinds of scan, in a fixed order.
func ScanKinds() []ScanKind { return slices.Clone(scanKinds) }

var scanKinds = []ScanKind{
	{Name: "flatbed", About: "300 dpi grey flatbed scan saved as a PDF (noticetest.Scan)", dpi: 300,
		degrade: func(p *plane, r *rand.Rand) *plane { return fromImage(noticetest.Scan(p.gray(), r.Int64())) },
		encode:  jpegFile(80, false)},
	{Name: "fax", About: "200 dpi black and white, a little turned, speckled", dpi: 200,
		degrade: func(p *plane, r *rand.Rand) *plane {
			return speckle(threshold(blur(rotate(p, tilt(r, 1.2)), 1), float32(0.55+0.1*r.Float64())), r, 0.002)
		},
		encode: pngFile},
	{Name: "phone", About: "phone photo: perspective, uneven light and a shadow, blur, colour JPEG", dpi: 300,
		degrade: phonePhoto, encode: jpegFile(85, true)},
	{Name: "skewed", About: "flatbed scan turned by 2 to 6 degrees", dpi: 300,
		degrade: func(p *plane, r *rand.Rand) *plane {
			a := 2 + 4*r.Float64()
			if r.IntN(2) == 0 {
				a = -a
			}
			return noise(contrast(blur(rotate(p, a), 1), 0.1, 0.93), r, 0.03)
		},
		encode: jpegFile(85, false)},
	{Name: "faded", About: "low contrast: toner running out, grey paper", dpi: 300,
		degrade: func(p *plane, r *rand.Rand) *plane {
			return noise(contrast(blur(p, 1), float32(0.45+0.15*r.Float64()), float32(0.82+0.1*r.Float64())), r, 0.02)
		},
		encode: pngFile},
	{Name: "jpeg-heavy", About: "JPEG at quality 10 to 20: blocks and ringing round every letter", dpi: 300,
		degrade: func(p *plane, r *rand.Rand) *plane { return contrast(blur(p, 1), 0.08, 0.95) },
		encode: func(p *plane, r *rand.Rand) ([]byte, string) {
			return jpegFile(10+r.IntN(11), false)(p, r)
		}},
	{Name: "screen", About: "photo of a screen: moire, gamma, blue cast, slight perspective", dpi: 300,
		degrade: screenPhoto, encode: jpegFile(80, true)},
	{Name: "phone-exif90", About: "phone photo stored sideways with an EXIF orientation tag of 6", dpi: 300, SinglePage: true,
		degrade: phonePhoto,
		encode: func(p *plane, r *rand.Rand) ([]byte, string) {
			// The camera stores the sensor's rows; the tag tells viewers to turn it upright.
			b, _ := jpegFile(85, true)(rotate90(p), r)
			return withOrientation(b, 6), "jpg"
		}},
}

// Scan renders every page of n at the kind's resolution, degrades it and packages it: one
// image file for a one-page notice (a PDF for the flatbed kind, as scanners save), an
// image-only PDF for a longer one. It returns the file and its name.
func Scan(ctx context.Context, n Notice, kind string, seed int64) ([]byte, string, error) {
	i := slices.IndexFunc(scanKinds, func(k ScanKind) bool { return k.Name == kind })
	if i < 0 {
		return nil, "", fmt.Errorf("corpus: no scan kind %q", kind)
	}
	k := scanKinds[i]
	if k.SinglePage && n.Pages > 1 {
		return nil, "", fmt.Errorf("corpus: a %s scan holds one page; %s has %d", kind, n.Layout, n.Pages)
	}
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)+0x5ca1))
	doc, err := notice.Read(ctx, n.PDF, n.Layout+".pdf", notice.WithoutOCR())
	if err != nil {
		return nil, "", err
	}
	defer doc.Close()
	var pages [][]byte
	ext := ""
	for pg := range doc.Pages() {
		img, err := doc.Render(ctx, pg, k.dpi)
		if err != nil {
			return nil, "", err
		}
		var b []byte
		b, ext = k.encode(k.degrade(fromImage(img), r), r)
		pages = append(pages, b)
	}
	if len(pages) == 1 && kind != "flatbed" {
		return pages[0], "scan." + ext, nil
	}
	return imagePDF(pages, ext), "scan.pdf", nil
}

// plane is a grey image, 0 black to 1 white, that the degradations work on.
type plane struct {
	w, h int
	p    []float32
}

func newPlane(w, h int, fill float32) *plane {
	p := &plane{w: w, h: h, p: make([]float32, w*h)}
	for i := range p.p {
		p.p[i] = fill
	}
	return p
}

func fromImage(img image.Image) *plane {
	b := img.Bounds()
	p := newPlane(b.Dx(), b.Dy(), 1)
	switch m := img.(type) {
	case *image.Gray:
		for y := range p.h {
			for x := range p.w {
				p.p[y*p.w+x] = float32(m.Pix[m.PixOffset(b.Min.X+x, b.Min.Y+y)]) / 255
			}
		}
	case *image.RGBA:
		for y := range p.h {
			for x := range p.w {
				o := m.PixOffset(b.Min.X+x, b.Min.Y+y)
				p.p[y*p.w+x] = (0.299*float32(m.Pix[o]) + 0.587*float32(m.Pix[o+1]) + 0.114*float32(m.Pix[o+2])) / 255
			}
		}
	default:
		for y := range p.h {
			for x := range p.w {
				p.p[y*p.w+x] = float32(color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y) / 255
			}
		}
	}
	return p
}

func (p *plane) at(x, y float64, outside float32) float32 {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	if x0 < 0 || y0 < 0 || x0+1 >= p.w || y0+1 >= p.h {
		return outside
	}
	fx, fy := float32(x-float64(x0)), float32(y-float64(y0))
	i := y0*p.w + x0
	top := p.p[i]*(1-fx) + p.p[i+1]*fx
	bot := p.p[i+p.w]*(1-fx) + p.p[i+p.w+1]*fx
	return top*(1-fy) + bot*fy
}

func (p *plane) gray() *image.Gray {
	g := image.NewGray(image.Rect(0, 0, p.w, p.h))
	for i, v := range p.p {
		g.Pix[i] = uint8(math.Round(255 * float64(min(max(v, 0), 1))))
	}
	return g
}

// rgb tints the plane as a camera's white balance does: paper under lamp light is not white.
func (p *plane) rgb(tint [3]float32) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, p.w, p.h))
	for i, v := range p.p {
		for c := range 3 {
			m.Pix[4*i+c] = uint8(math.Round(255 * float64(min(max(v*tint[c], 0), 1))))
		}
		m.Pix[4*i+3] = 255
	}
	return m
}

func tilt(r *rand.Rand, maxDeg float64) float64 { return (2*r.Float64() - 1) * maxDeg }

// rotate turns the page by deg degrees about its centre; what comes in at the corners is white.
func rotate(p *plane, deg float64) *plane {
	a := deg * math.Pi / 180
	sin, cos := math.Sin(a), math.Cos(a)
	out := newPlane(p.w, p.h, 1)
	cx, cy := float64(p.w)/2, float64(p.h)/2
	for y := range p.h {
		for x := range p.w {
			dx, dy := float64(x)-cx, float64(y)-cy
			out.p[y*p.w+x] = p.at(cos*dx+sin*dy+cx, -sin*dx+cos*dy+cy, 1)
		}
	}
	return out
}

// rotate90 turns the pixels a quarter turn anticlockwise: how a camera held upright stores a
// portrait page on a landscape sensor.
func rotate90(p *plane) *plane {
	out := &plane{w: p.h, h: p.w, p: make([]float32, len(p.p))}
	for y := range p.h {
		for x := range p.w {
			out.p[(p.w-1-x)*out.w+y] = p.p[y*p.w+x]
		}
	}
	return out
}

// blur is a box blur of the given radius, along rows then columns: a lens slightly out of
// focus, or a cheap scanner's optics.
func blur(p *plane, radius int) *plane {
	if radius <= 0 {
		return p
	}
	tmp := newPlane(p.w, p.h, 0)
	for y := range p.h {
		row := p.p[y*p.w : (y+1)*p.w]
		for x := range p.w {
			lo, hi := max(x-radius, 0), min(x+radius, p.w-1)
			var s float32
			for _, v := range row[lo : hi+1] {
				s += v
			}
			tmp.p[y*p.w+x] = s / float32(hi-lo+1)
		}
	}
	out := newPlane(p.w, p.h, 0)
	for y := range p.h {
		lo, hi := max(y-radius, 0), min(y+radius, p.h-1)
		for x := range p.w {
			var s float32
			for yy := lo; yy <= hi; yy++ {
				s += tmp.p[yy*p.w+x]
			}
			out.p[y*p.w+x] = s / float32(hi-lo+1)
		}
	}
	return out
}

// contrast maps black to ink and white to paper.
func contrast(p *plane, ink, paper float32) *plane {
	for i, v := range p.p {
		p.p[i] = ink + (paper-ink)*v
	}
	return p
}

func gamma(p *plane, g float64) *plane {
	for i, v := range p.p {
		p.p[i] = float32(math.Pow(float64(max(v, 0)), g))
	}
	return p
}

func noise(p *plane, r *rand.Rand, sigma float64) *plane {
	for i := range p.p {
		p.p[i] += float32(r.NormFloat64() * sigma)
	}
	return p
}

// threshold makes the page black and white, as a fax machine sends it.
func threshold(p *plane, t float32) *plane {
	for i, v := range p.p {
		if v < t {
			p.p[i] = 0
		} else {
			p.p[i] = 1
		}
	}
	return p
}

// speckle flips a fraction of the pixels: the dirt of a fax line.
func speckle(p *plane, r *rand.Rand, frac float64) *plane {
	for range int(frac * float64(len(p.p))) {
		i := r.IntN(len(p.p))
		p.p[i] = 1 - p.p[i]
	}
	return p
}

// illuminate lights the page unevenly: brighter towards one corner, and a soft-edged shadow
// (a hand, a phone) over one side.
func illuminate(p *plane, r *rand.Rand) *plane {
	lx, ly := r.Float64(), r.Float64() // the brightest point
	fall := 0.15 + 0.2*r.Float64()
	a := r.Float64() * 2 * math.Pi
	nx, ny := math.Cos(a), math.Sin(a)
	edge := 0.55 + 0.35*r.Float64() // where the shadow starts, along (nx, ny)
	depth := 0.25 + 0.25*r.Float64()
	soft := 0.03 + 0.08*r.Float64()
	diag := math.Hypot(1, 1)
	for y := range p.h {
		fy := float64(y) / float64(p.h)
		for x := range p.w {
			fx := float64(x) / float64(p.w)
			light := 1 - fall*math.Hypot(fx-lx, fy-ly)/diag
			s := ((fx-0.5)*nx + (fy-0.5)*ny + 0.5) - edge
			light *= 1 - depth/(1+math.Exp(-s/soft))
			i := y*p.w + x
			p.p[i] = float32(light) * p.p[i]
		}
	}
	return p
}

// perspective photographs the page from an angle: its corners land on a quadrilateral inside a
// larger frame of table, by a projective warp.
func perspective(p *plane, r *rand.Rand, scale, skew float64, table float32) *plane {
	W, H := int(float64(p.w)*scale), int(float64(p.h)*scale)
	out := newPlane(W, H, table)
	mx, my := float64(W-p.w)/2, float64(H-p.h)/2
	j := func(d float64) float64 { return (2*r.Float64() - 1) * d }
	k := skew * float64(p.w)
	// Destination corners: top left, top right, bottom right, bottom left. A camera tilted
	// towards the top narrows the top edge.
	narrow := k * r.Float64()
	dst := [4][2]float64{
		{mx + narrow + j(k/2), my + j(k/2)},
		{mx + float64(p.w) - narrow + j(k/2), my + j(k/2)},
		{mx + float64(p.w) + j(k/2), my + float64(p.h) + j(k/2)},
		{mx + j(k/2), my + float64(p.h) + j(k/2)},
	}
	src := [4][2]float64{{0, 0}, {float64(p.w), 0}, {float64(p.w), float64(p.h)}, {0, float64(p.h)}}
	h := homography(dst, src) // from the photo back to the page
	for y := range H {
		for x := range W {
			fx, fy := float64(x), float64(y)
			d := h[6]*fx + h[7]*fy + 1
			sx := (h[0]*fx + h[1]*fy + h[2]) / d
			sy := (h[3]*fx + h[4]*fy + h[5]) / d
			if sx >= 0 && sy >= 0 && sx < float64(p.w-1) && sy < float64(p.h-1) {
				out.p[y*W+x] = p.at(sx, sy, table)
			}
		}
	}
	return out
}

// homography solves for the projective map taking each from[i] to to[i].
func homography(from, to [4][2]float64) [8]float64 {
	var a [8][9]float64
	for i := range 4 {
		x, y, u, v := from[i][0], from[i][1], to[i][0], to[i][1]
		a[2*i] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*i+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	for c := range 8 {
		piv := c
		for rr := c + 1; rr < 8; rr++ {
			if math.Abs(a[rr][c]) > math.Abs(a[piv][c]) {
				piv = rr
			}
		}
		a[c], a[piv] = a[piv], a[c]
		for rr := range 8 {
			if rr != c {
				f := a[rr][c] / a[c][c]
				for cc := c; cc < 9; cc++ {
					a[rr][cc] -= f * a[c][cc]
				}
			}
		}
	}
	var h [8]float64
	for i := range 8 {
		h[i] = a[i][8] / a[i][i]
	}
	return h
}

// moire lays the screen's pixel grid, beating against the camera's, over the page: two faint
// gratings a few pixels apart at slight angles.
func moire(p *plane, r *rand.Rand) *plane {
	period := 3 + 3*r.Float64()
	a1, a2 := (2+6*r.Float64())*math.Pi/180, (85+8*r.Float64())*math.Pi/180
	amp := 0.12 + 0.12*r.Float64()
	for y := range p.h {
		for x := range p.w {
			fx, fy := float64(x), float64(y)
			g1 := 0.5 + 0.5*math.Sin(2*math.Pi*(fx*math.Cos(a1)+fy*math.Sin(a1))/period)
			g2 := 0.5 + 0.5*math.Sin(2*math.Pi*(fx*math.Cos(a2)+fy*math.Sin(a2))/(period*1.07))
			i := y*p.w + x
			p.p[i] *= float32(1 - amp*g1*g2)
		}
	}
	return p
}

func phonePhoto(p *plane, r *rand.Rand) *plane {
	p = perspective(p, r, 1.06+0.04*r.Float64(), 0.015+0.03*r.Float64(), 0.3+0.25*float32(r.Float64()))
	p = rotate(p, tilt(r, 2))
	p = illuminate(contrast(p, 0.08, 0.95), r)
	return noise(blur(p, 1+r.IntN(2)), r, 0.02)
}

func screenPhoto(p *plane, r *rand.Rand) *plane {
	p = blur(p, 1)
	p = contrast(p, 0.15, 0.85) // a backlit screen's black is grey
	p = gamma(p, 1.4+0.6*r.Float64())
	p = moire(p, r)
	p = perspective(p, r, 1.05, 0.01+0.015*r.Float64(), 0.05)
	return noise(p, r, 0.025)
}

func jpegFile(quality int, colour bool) func(p *plane, r *rand.Rand) ([]byte, string) {
	return func(p *plane, r *rand.Rand) ([]byte, string) {
		var img image.Image = p.gray()
		if colour {
			warm := float32(r.Float64() * 0.12)
			img = p.rgb([3]float32{1, 1 - warm/2, 1 - warm})
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: quality}); err != nil {
			panic("corpus: " + err.Error())
		}
		return b.Bytes(), "jpg"
	}
}

func pngFile(p *plane, _ *rand.Rand) ([]byte, string) {
	var b bytes.Buffer
	if err := png.Encode(&b, p.gray()); err != nil {
		panic("corpus: " + err.Error())
	}
	return b.Bytes(), "png"
}

// withOrientation adds an EXIF segment holding only the orientation tag after a JPEG's start
// marker: what a phone writes when it stores a photo sideways.
func withOrientation(jpg []byte, orientation uint16) []byte {
	exif := []byte{
		0xFF, 0xE1, 0, 34, // APP1 and its length, this field included
		'E', 'x', 'i', 'f', 0, 0,
		'I', 'I', 42, 0, 8, 0, 0, 0, // little-endian TIFF header, first IFD at 8
		1, 0, // one entry
		0x12, 0x01, 3, 0, 1, 0, 0, 0, byte(orientation), byte(orientation >> 8), 0, 0, // Orientation, SHORT, 1
		0, 0, 0, 0, // no next IFD
	}
	return slices.Concat(jpg[:2], exif, jpg[2:])
}

// imagePDF puts page images (JPEG or PNG files) one to a letter-size page with no text layer,
// as a scanning app's "save as PDF" does.
func imagePDF(pages [][]byte, ext string) []byte {
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	typ := "JPG"
	if ext == "png" {
		typ = "PNG"
	}
	for i, b := range pages {
		pdf.AddPage()
		name := fmt.Sprintf("page%d", i)
		info := pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(b))
		w, h := info.Width(), info.Height()
		s := min(pageW/w, pageH/h)
		pdf.ImageOptions(name, (pageW-w*s)/2, (pageH-h*s)/2, w*s, h*s, false, fpdf.ImageOptions{ImageType: typ}, 0, "")
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		panic("corpus: " + err.Error())
	}
	return out.Bytes()
}
