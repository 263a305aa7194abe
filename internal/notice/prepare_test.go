package notice

import (
	"context"
	"errors"
	"image"
	"math"
	"testing"
)

// TestSkewAngle: a scan turned either way by up to 6 degrees is measured to within 0.15°, and
// preparePage turns it back.
func TestSkewAngle(t *testing.T) {
	t.Parallel()
	scan := scanOf(t, noticePDF(), 0, 0)
	for _, deg := range []float64{0, -6, -2.5, 0.8, 4} {
		turned := rotate(scan, deg) // clockwise as seen, by deg
		if got := skewAngle(turned); math.Abs(got+deg) > 0.15 {
			t.Errorf("turned %.1f° clockwise: measured %.2f°, want %.1f°", deg, got, -deg)
		}
		upright, _, _, _ := preparePage(t.Context(), turned, 300)
		if got := skewAngle(upright); math.Abs(got) > 0.15 {
			t.Errorf("turned %.1f° and prepared: still %.2f°", deg, got)
		}
	}
}

// TestFlattenLight: a shadow over half the page and a faded page both come out as black ink on
// white paper everywhere.
func TestFlattenLight(t *testing.T) {
	t.Parallel()
	scan := scanOf(t, noticePDF(), 0, 0)
	w, h := scan.Rect.Dx(), scan.Rect.Dy()
	shadowed, faded := image.NewGray(scan.Rect), image.NewGray(scan.Rect)
	for y := range h {
		for x := range w {
			v := float64(scan.Pix[y*scan.Stride+x])
			light := 0.95 - 0.15*float64(y)/float64(h) // falling off down the page
			if x > w/2 {
				light *= 0.45 // a shadow over the right half
			}
			shadowed.Pix[y*w+x] = uint8(v * light)
			faded.Pix[y*w+x] = uint8(120 + v*100/255) // grey ink on grey paper
		}
	}
	for name, page := range map[string]*image.Gray{"shadowed": shadowed, "faded": faded} {
		flat := flattenLight(page)
		for _, half := range []image.Rectangle{image.Rect(0, 0, w/2, h), image.Rect(w/2, 0, w, h)} {
			var paper, ink, inkBefore int
			for y := half.Min.Y; y < half.Max.Y; y++ {
				for x := half.Min.X; x < half.Max.X; x++ {
					v := flat.Pix[y*w+x]
					switch {
					case v >= 230:
						paper++
					case v < 100:
						ink++
					}
					if scan.Pix[y*w+x] < 100 {
						inkBefore++
					}
				}
			}
			if share := float64(paper) / float64(half.Dx()*half.Dy()); share < 0.9 {
				t.Errorf("%s, %v: %.0f%% white paper", name, half, 100*share)
			}
			if ink < inkBefore*7/10 || ink > inkBefore*13/10 {
				t.Errorf("%s, %v: %d ink pixels, %d before", name, half, ink, inkBefore)
			}
		}
	}
}

// TestPreparePage: a fax's 200 dpi page is enlarged to 300 dpi; what is too small, blank or
// no page's shape comes through whole.
func TestPreparePage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name       string
		w, h, dpi  int
		wantW      int
		wantH      int
		wantDPI    int
		fill       uint8
		checkBlank bool
	}{
		{"fax, dpi unknown", 1700, 2200, 0, 2550, 3300, 0, 255, true},
		{"fax, dpi known", 1700, 2200, 200, 2550, 3300, 300, 255, true},
		{"letter at 300 dpi", 2550, 3300, 300, 2550, 3300, 300, 255, true},
		{"a strip, no page", 1700, 400, 0, 1700, 400, 0, 255, true},
		{"too small to judge", 40, 30, 0, 40, 30, 0, 255, true},
		{"a thumbnail, enlarged at most twice", 300, 400, 0, 600, 800, 0, 0, false},
	} {
		page := image.NewGray(image.Rect(0, 0, c.w, c.h))
		for i := range page.Pix {
			page.Pix[i] = c.fill
		}
		got, dpi, _, _ := preparePage(t.Context(), page, c.dpi)
		if got.Rect.Dx() != c.wantW || got.Rect.Dy() != c.wantH || dpi != c.wantDPI {
			t.Errorf("%s: %v at %d dpi, want %d×%d at %d", c.name, got.Rect, dpi, c.wantW, c.wantH, c.wantDPI)
		}
		if c.checkBlank {
			for _, v := range got.Pix {
				if v != 255 {
					t.Errorf("%s: a blank page came out with a pixel of %d", c.name, v)
					break
				}
			}
		}
	}
}

// FuzzPreparePage: any pixels, at any small size, are prepared without panicking, at the
// same size or enlarged within maxOCRPixels.
func FuzzPreparePage(f *testing.F) {
	f.Add(uint16(100), uint16(130), []byte{0, 255, 128})
	f.Add(uint16(64), uint16(64), []byte{0})
	f.Add(uint16(170), uint16(220), []byte{255, 255, 255, 0, 0})
	f.Fuzz(func(t *testing.T, w, h uint16, pixels []byte) {
		w, h = w%600+1, h%600+1
		page := image.NewGray(image.Rect(0, 0, int(w), int(h)))
		for i := range page.Pix {
			if len(pixels) > 0 {
				page.Pix[i] = pixels[i%len(pixels)]
			}
		}
		got, _, _, _ := preparePage(t.Context(), page, 0)
		if got.Rect.Dx() < int(w) || got.Rect.Dy() < int(h) || got.Rect.Dx()*got.Rect.Dy() > maxOCRPixels {
			t.Fatalf("%d×%d prepared to %v", w, h, got.Rect)
		}
	})
}

// TestPreparePageCancelled: a cancelled context stops the preparation with its error.
func TestPreparePageCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, _, err := preparePage(ctx, image.NewGray(image.Rect(0, 0, 850, 1100)), 0); !errors.Is(err, context.Canceled) {
		t.Errorf("prepared on a cancelled context: %v", err)
	}
}

// TestBlackAndWhitePages: a fax's black-and-white page is told from a grey scan; smoothing
// turns a lone speck grey and leaves a stroke black; thickening joins a stroke broken by one
// pixel and leaves paper far from ink white.
func TestBlackAndWhitePages(t *testing.T) {
	t.Parallel()
	page := image.NewGray(image.Rect(0, 0, 100, 80))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	for x := 10; x < 90; x++ { // a stroke three pixels thick, and a speck
		for y := 20; y < 23; y++ {
			page.Pix[y*page.Stride+x] = 0
		}
	}
	page.Pix[60*page.Stride+50] = 0
	if !bilevel(page) {
		t.Error("a black-and-white page is not bilevel")
	}
	s := smoothGray(page)
	if v := s.Pix[60*s.Stride+50]; v < 128 {
		t.Errorf("a lone speck smoothed to %d, want lighter than the threshold", v)
	}
	if v := s.Pix[21*s.Stride+50]; v > 64 {
		t.Errorf("a stroke's middle smoothed to %d, want near black", v)
	}
	grey := image.NewGray(page.Rect)
	for i := range grey.Pix {
		grey.Pix[i] = uint8(100 + i%100)
	}
	if bilevel(grey) {
		t.Error("a grey page is bilevel")
	}

	broken := image.NewGray(image.Rect(0, 0, 20, 5))
	for i := range broken.Pix {
		broken.Pix[i] = 255
	}
	for x := 2; x < 18; x++ { // a one-pixel line with a gap at x = 10
		if x != 10 {
			broken.Pix[2*broken.Stride+x] = 0
		}
	}
	thick := thickenStrokes(broken)
	if v := thick.Pix[2*thick.Stride+10]; v > 128 {
		t.Errorf("the gap thickened to %d, want ink", v)
	}
	if v := thick.Pix[0*thick.Stride+10]; v != 255 {
		t.Errorf("paper two pixels from the line thickened to %d, want 255", v)
	}
}
