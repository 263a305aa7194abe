package notice

import (
	"context"
	"image"
	"math"
)

// bilevel reports whether a page is black and white, as a fax or a scanner's 1-bit mode sends
// it, but for a few grey pixels: at least 97% of every other row is within 16 of black or white.
func bilevel(p *image.Gray) bool {
	w, h := p.Rect.Dx(), p.Rect.Dy()
	n, ext := 0, 0
	for y := 0; y < h; y += 2 {
		for _, v := range p.Pix[y*p.Stride : y*p.Stride+w] {
			n++
			if v <= 16 || v >= 239 {
				ext++
			}
		}
	}
	return n > 0 && ext*100 >= 97*n
}

// smoothGray blurs the page by [1 2 1]/4 across and down.
func smoothGray(src *image.Gray) *image.Gray {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	tmp := make([]uint16, w*h)
	for y := range h {
		r := src.Pix[y*src.Stride : y*src.Stride+w]
		for x := range w {
			a, c := r[max(0, x-1)], r[min(w-1, x+1)]
			tmp[y*w+x] = uint16(a) + 2*uint16(r[x]) + uint16(c)
		}
	}
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		up, dn := tmp[max(0, y-1)*w:], tmp[min(h-1, y+1)*w:]
		mid := tmp[y*w:]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x := range w {
			out[x] = uint8((uint32(up[x]) + 2*uint32(mid[x]) + uint32(dn[x]) + 8) / 16)
		}
	}
	return dst
}

// thickenStrokes darkens each pixel halfway to the darkest of its four neighbours.
func thickenStrokes(src *image.Gray) *image.Gray {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		r := src.Pix[y*src.Stride : y*src.Stride+w]
		up := src.Pix[max(0, y-1)*src.Stride:]
		dn := src.Pix[min(h-1, y+1)*src.Stride:]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x := range w {
			m := min(r[max(0, x-1)], r[min(w-1, x+1)], up[x], dn[x])
			v := r[x]
			if m < v {
				v = uint8((uint16(v) + uint16(m)) / 2)
			}
			out[x] = v
		}
	}
	return dst
}

// preparePage readies a scanned page for tesseract, which thresholds a page with one level for
// all of it and reads its lines as they lie (--psm 6 takes the page as one block of level
// lines). Photos and poor scans break both: a shadow across one side, or light falling off
// towards a corner, puts that side's paper under the level and its words are lost; a page
// turned by a few degrees has lines that run into the next. So, in order:
//
//   - a black-and-white page (a fax) is smoothed (smoothGray);
//   - a page of a low resolution (a fax's 200 dpi) is enlarged to ocrDPI, at which tesseract
//     reads the type sizes of notices best;
//   - the light is made even (flattenLight): each pixel divided by the paper's brightness
//     around it, which also stretches faded grey ink on grey paper back to black on white;
//   - the page is turned upright (deskew) by the angle at which its rows of ink line up best.
//
// dpi is the page's resolution when known (0: judged from its size as a letter page). It
// returns the page, its resolution after enlarging, and whether it was black and white, which
// ocr reads twice (once with its strokes thickened, thickenStrokes). A page already clean (a PDF page drawn
// by PDFium) comes through unchanged but for its light, which is already even. Each step takes
// a tenth of a second or two on a letter page; a cancelled ctx stops it between them.
func preparePage(ctx context.Context, page *image.Gray, dpi int) (*image.Gray, int, bool, error) {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	if w < 64 || h < 64 {
		return page, dpi, false, ctx.Err()
	}
	guess := dpi
	if guess <= 0 {
		guess = pageDPI(w, h)
	}
	// A black-and-white page (a fax) is smoothed before it is enlarged: its staircase edges
	// and single-pixel specks become grey, which tesseract's threshold drops, and the strokes
	// keep their shape when enlarged instead of growing jagged.
	bw := bilevel(page)
	if bw {
		page = smoothGray(page)
	}
	if guess > 0 && guess < lowDPI {
		scale := min(maxEnlarge, float64(ocrDPI)/float64(guess))
		if nw, nh := int(float64(w)*scale), int(float64(h)*scale); float64(nw)*float64(nh) <= maxOCRPixels {
			page = enlargeGray(page, nw, nh)
			if dpi > 0 {
				dpi = int(float64(dpi)*scale + 0.5)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, false, err
	}
	page = flattenLight(page)
	if err := ctx.Err(); err != nil {
		return nil, 0, false, err
	}
	if a := skewAngle(page); math.Abs(a) >= minDeskew {
		page = rotateGray(page, -a)
	}
	return page, dpi, bw, ctx.Err()
}

const (
	// lowDPI is the resolution under which a page is enlarged: faxes (200 dpi) and phone
	// photos taken from far away.
	lowDPI = 250
	// maxEnlarge bounds the enlargement: a picture of a page at under 150 dpi has letters
	// too small for tesseract however enlarged, and is only made larger.
	maxEnlarge = 2.0
	// minDeskew is the smallest turn, in degrees, worth undoing: tesseract follows a line
	// turned less than this across a page's width.
	minDeskew = 0.3
	// maxSkew is the largest turn looked for, in degrees: a page laid on a scanner or
	// photographed by hand is rarely turned more; a page turned by 90° is the EXIF tag's
	// business.
	maxSkew = 8.0
)

// pageDPI judges the resolution of a picture of a whole page from its size, taking the page
// to be a letter sheet, as US notices are (the long side 11 inches; an A4 sheet's 11.7 make
// little difference): 0 when its proportions are no page's, as a cropped picture of part of
// one.
func pageDPI(w, h int) int {
	long, short := float64(max(w, h)), float64(min(w, h))
	if r := long / short; r < 1.2 || r > 1.5 {
		return 0
	}
	return int(long / 11)
}

// enlargeGray scales src up to w×h by bilinear interpolation.
func enlargeGray(src *image.Gray, w, h int) *image.Gray {
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	fx, fy := float64(sw)/float64(w), float64(sh)/float64(h)
	x0s, wxs := make([]int, w), make([]int32, w)
	for x := range w {
		sx := max(0, (float64(x)+0.5)*fx-0.5)
		x0 := min(int(sx), sw-2)
		x0s[x], wxs[x] = x0, int32((sx-float64(x0))*256)
	}
	for y := range h {
		sy := max(0, (float64(y)+0.5)*fy-0.5)
		y0 := min(int(sy), sh-2)
		wy := int32((sy - float64(y0)) * 256)
		r0, r1 := src.Pix[y0*src.Stride:], src.Pix[(y0+1)*src.Stride:]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x := range out {
			x0, wx := x0s[x], wxs[x]
			top := int32(r0[x0])*(256-wx) + int32(r0[x0+1])*wx
			bot := int32(r1[x0])*(256-wx) + int32(r1[x0+1])*wx
			out[x] = uint8((top*(256-wy) + bot*wy + 1<<15) >> 16)
		}
	}
	return dst
}

// lightBlock is the side, in pixels, of the blocks the paper's brightness is judged in: large
// enough that most hold some paper, small enough to follow a soft shadow's edge.
const lightBlock = 32

// flattenLight divides each pixel by the paper's brightness around it, so that paper is white
// everywhere and ink keeps its share of the paper's light. The paper's brightness is a bright
// percentile of each block (ink and specks left out), the brightest of each block's
// neighbours (a block full of ink borrows its neighbours' paper), smoothed and interpolated
// between block centres. Last, the darkest ink is stretched to black when the page has none.
func flattenLight(src *image.Gray) *image.Gray {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	bw, bh := (w+lightBlock-1)/lightBlock, (h+lightBlock-1)/lightBlock
	paper := make([]float32, bw*bh)
	var hist [256]int
	for by := range bh {
		for bx := range bw {
			clear(hist[:])
			n := 0
			for y := by * lightBlock; y < min(h, (by+1)*lightBlock); y++ {
				row := src.Pix[y*src.Stride+bx*lightBlock : y*src.Stride+min(w, (bx+1)*lightBlock)]
				for _, v := range row {
					hist[v]++
				}
				n += len(row)
			}
			// The 90th percentile: the paper, past ink and under specks of white noise.
			k, v := n/10, 255
			for ; v > 0 && k >= hist[v]; v-- {
				k -= hist[v]
			}
			paper[by*bw+bx] = float32(v)
		}
	}
	paper = boxGrid(maxGrid(paper, bw, bh), bw, bh)

	dst := image.NewGray(image.Rect(0, 0, w, h))
	// Per column, the block columns to interpolate between and the weight of the second.
	cx0, cwx := make([]int, w), make([]float32, w)
	for x := range w {
		f := (float32(x)+0.5)/lightBlock - 0.5
		x0 := int(max(0, min(f, float32(bw-1))))
		x0 = min(x0, max(bw-2, 0))
		cx0[x] = x0
		if bw > 1 {
			cwx[x] = max(0, min(1, f-float32(x0)))
		}
	}
	line := make([]float32, bw)
	var out [256]int
	for y := range h {
		f := (float32(y)+0.5)/lightBlock - 0.5
		y0 := min(int(max(0, min(f, float32(bh-1)))), max(bh-2, 0))
		wy := float32(0)
		if bh > 1 {
			wy = max(0, min(1, f-float32(y0)))
		}
		y1 := min(y0+1, bh-1)
		for bx := range bw {
			line[bx] = paper[y0*bw+bx]*(1-wy) + paper[y1*bw+bx]*wy
		}
		srow := src.Pix[y*src.Stride : y*src.Stride+w]
		drow := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x, v := range srow {
			x0 := cx0[x]
			x1 := min(x0+1, bw-1)
			p := line[x0]*(1-cwx[x]) + line[x1]*cwx[x]
			o := float32(255)
			if p > 8 {
				o = min(255, float32(v)*255/p)
			}
			drow[x] = uint8(o + 0.5)
			out[drow[x]]++
		}
	}
	// Faded ink: the darkest 0.5% of the page far from black is stretched to it, paper kept.
	k, ink := w*h/200, 0
	for ; ink < 255 && k >= out[ink]; ink++ {
		k -= out[ink]
	}
	if ink > 40 && ink < 200 {
		var lut [256]uint8
		for v := range lut {
			lut[v] = uint8(max(0, min(255, (v-ink)*255/(255-ink))))
		}
		for y := range h {
			row := dst.Pix[y*dst.Stride : y*dst.Stride+w]
			for x, v := range row {
				row[x] = lut[v]
			}
		}
	}
	return dst
}

// maxGrid is each cell's largest value among itself and its eight neighbours.
func maxGrid(g []float32, w, h int) []float32 {
	out := make([]float32, len(g))
	for y := range h {
		for x := range w {
			m := g[y*w+x]
			for yy := max(0, y-1); yy <= min(h-1, y+1); yy++ {
				for xx := max(0, x-1); xx <= min(w-1, x+1); xx++ {
					m = max(m, g[yy*w+xx])
				}
			}
			out[y*w+x] = m
		}
	}
	return out
}

// boxGrid is each cell's mean with its eight neighbours.
func boxGrid(g []float32, w, h int) []float32 {
	out := make([]float32, len(g))
	for y := range h {
		for x := range w {
			var s float32
			n := 0
			for yy := max(0, y-1); yy <= min(h-1, y+1); yy++ {
				for xx := max(0, x-1); xx <= min(w-1, x+1); xx++ {
					s += g[yy*w+xx]
					n++
				}
			}
			out[y*w+x] = s / float32(n)
		}
	}
	return out
}

// skewSample is the factor the page is sampled down by to find its skew: a letter page's
// text lines are still apart at 75 dpi.
const skewSample = 4

// skewAngle is the angle, in degrees, by which the page's lines of text are turned
// (anticlockwise positive, as the page appears): the angle at which the ink, projected onto
// the page's height, falls into the sharpest rows, found coarsely then finely. The ink is
// judged on a copy sampled down, each sample the darkest of its pixels. 0 for a page with
// too little ink to tell.
func skewAngle(page *image.Gray) float64 {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	sw, sh := w/skewSample, h/skewSample
	var xs, ys []float32
	for sy := range sh {
		for sx := range sw {
			dark := uint8(255)
			for y := sy * skewSample; y < (sy+1)*skewSample; y++ {
				row := page.Pix[y*page.Stride+sx*skewSample : y*page.Stride+(sx+1)*skewSample]
				for _, v := range row {
					dark = min(dark, v)
				}
			}
			if dark < 128 {
				xs = append(xs, float32(sx)-float32(sw)/2)
				ys = append(ys, float32(sy))
			}
		}
	}
	if len(xs) < 200 || len(xs) > sw*sh/3 {
		return 0
	}
	bins := make([]float64, sh+2*sw)
	sharpness := func(deg float64) float64 {
		t := float32(math.Tan(deg * math.Pi / 180))
		clear(bins)
		for i, x := range xs {
			b := int(ys[i]+x*t) + sw
			if b >= 0 && b < len(bins) {
				bins[b]++
			}
		}
		var s float64
		for _, n := range bins {
			s += n * n
		}
		return s
	}
	best, bestS := 0.0, sharpness(0)
	search := func(from, to, step float64) {
		for a := from; a <= to+step/2; a += step {
			if s := sharpness(a); s > bestS {
				best, bestS = a, s
			}
		}
	}
	search(-maxSkew, maxSkew, 0.5)
	search(best-0.5, best+0.5, 0.05)
	return best
}

// rotateGray turns the page by deg degrees about its centre (anticlockwise positive, as
// skewAngle measures), by bilinear interpolation; what comes in at the corners is white.
func rotateGray(src *image.Gray, deg float64) *image.Gray {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := range h {
		dy := float64(y) + 0.5 - cy
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x := range out {
			dx := float64(x) + 0.5 - cx
			// Where (x, y) of the turned page comes from: the inverse turn.
			px := cos*dx - sin*dy + cx - 0.5
			py := sin*dx + cos*dy + cy - 0.5
			x0, y0 := int(math.Floor(px)), int(math.Floor(py))
			if x0 < 0 || y0 < 0 || x0+1 >= w || y0+1 >= h {
				out[x] = 255
				continue
			}
			fx, fy := px-float64(x0), py-float64(y0)
			i := y0*src.Stride + x0
			top := float64(src.Pix[i])*(1-fx) + float64(src.Pix[i+1])*fx
			bot := float64(src.Pix[i+src.Stride])*(1-fx) + float64(src.Pix[i+src.Stride+1])*fx
			out[x] = uint8(top*(1-fy) + bot*fy + 0.5)
		}
	}
	return dst
}
