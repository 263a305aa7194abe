package noticeview

import (
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-pdf/fpdf"

	"immivault/internal/notice"
)

var windowSize = fyne.NewSize(800, 700)

func TestPagesAndZoom(t *testing.T) {
	v, _ := open(t, "receipt.pdf", twoPagePDF(t), windowSize)

	first := waitForPage(t, v)
	if first.page != "Page 1 of 2" {
		t.Errorf("page label = %q, want %q", first.page, "Page 1 of 2")
	}
	if first.problemShown {
		t.Errorf("a problem is shown for a good notice: %q", first.problem)
	}
	// Fitting the width at first: the page takes the view's width, less padding, drawn a
	// pixel per unit (the test canvas's scale is 1).
	fitted := v.viewportWidth() - 2*theme.Padding()
	fits := func(what string, got view) {
		t.Helper()
		if got.size.Width > fitted || got.size.Width < fitted*(1-fitTolerance) {
			t.Errorf("%s fitted to %v units is %v wide", what, fitted, got.size.Width)
		}
		if got.pixels.X != int(got.size.Width) || got.pixels.Y != int(got.size.Height) {
			t.Errorf("%s is drawn %v for %v units at scale 1", what, got.pixels, got.size)
		}
	}
	fits("page 1", first)

	v.NextPage()
	second := waitForPage(t, v)
	if second.page != "Page 2 of 2" {
		t.Errorf("page label = %q, want %q", second.page, "Page 2 of 2")
	}
	if second.pixels.X <= second.pixels.Y {
		t.Errorf("page 2 is landscape, drawn %v", second.pixels)
	}
	// A landscape page is fitted to the width as well, once its size is known.
	fits("landscape page 2", second)

	v.NextPage() // past the last page: nothing
	v.PrevPage()
	if got := waitForPage(t, v); got.page != "Page 1 of 2" || got.pixels != first.pixels {
		t.Errorf("back on page 1: %q drawn %v, want %q drawn %v", got.page, got.pixels, "Page 1 of 2", first.pixels)
	}

	v.ZoomIn()
	in := waitForPage(t, v)
	if in.size.Width <= first.size.Width || in.pixels.X <= first.pixels.X {
		t.Errorf("zooming in from %v (%v px) gave %v (%v px)", first.size, first.pixels, in.size, in.pixels)
	}
	if in.zoom != "100%" {
		t.Errorf("zoom in from fit (%s) shows %q, want the next step, 100%%", first.zoom, in.zoom)
	}
	if in.pixels.X != 816 { // 8.5 inches at 96 dpi
		t.Errorf("at 100%% a letter page is %d pixels wide, want 816", in.pixels.X)
	}

	v.ZoomOut()
	v.ZoomOut()
	out := waitForPage(t, v)
	if out.zoom != "75%" || out.pixels.X >= first.pixels.X {
		t.Errorf("zooming out twice from 100%% shows %q drawn %v", out.zoom, out.pixels)
	}

	v.FitWidth()
	if got := waitForPage(t, v); got.size != first.size || got.pixels != first.pixels || got.zoom != first.zoom {
		t.Errorf("fit width gave %+v, want %+v", got, first)
	}
}

func TestKeys(t *testing.T) {
	v, _ := open(t, "receipt.pdf", twoPagePDF(t), windowSize)
	first := waitForPage(t, v)

	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if got := waitForPage(t, v); got.page != "Page 2 of 2" {
		t.Errorf("after Page Down: %q", got.page)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if got := waitForPage(t, v); got.page != "Page 1 of 2" {
		t.Errorf("after Left: %q", got.page)
	}
	v.TypedRune('+')
	if got := waitForPage(t, v); got.size.Width <= first.size.Width {
		t.Errorf("+ left the page %v wide, was %v", got.size.Width, first.size.Width)
	}
	v.TypedRune('-')
	v.TypedRune('-')
	if got := waitForPage(t, v); got.size.Width >= first.size.Width {
		t.Errorf("- - left the page %v wide, fitted it was %v", got.size.Width, first.size.Width)
	}
}

func TestZoomLimits(t *testing.T) {
	v, _ := open(t, "receipt.pdf", twoPagePDF(t), windowSize)
	waitForPage(t, v)
	for range len(zoomSteps) + 2 {
		v.ZoomIn()
	}
	top := waitForPage(t, v)
	if top.zoom != "400%" || top.pixels.X != int(math.Round(8.5*maxDPI)) {
		t.Errorf("at most 400%% and %d dpi: %q drawn %v", maxDPI, top.zoom, top.pixels)
	}
	v.mu.Lock()
	disabled := v.zoomIn.Disabled()
	v.mu.Unlock()
	if !disabled {
		t.Error("zoom in is enabled at 400%")
	}
	for range len(zoomSteps) + 2 {
		v.ZoomOut()
	}
	if got := waitForPage(t, v); got.zoom != "25%" {
		t.Errorf("at least 25%%: %q", got.zoom)
	}
}

func TestImageNoticeIsOnePage(t *testing.T) {
	v, _ := open(t, "scan.png", scanPNG(), windowSize)
	got := waitForPage(t, v)
	if got.page != "Page 1 of 1" || got.problemShown {
		t.Errorf("a PNG scan shows %q, problem %q", got.page, got.problem)
	}
	v.NextPage()
	v.mu.Lock()
	current, nextDisabled := v.current, v.next.Disabled()
	v.mu.Unlock()
	if current != 0 || !nextDisabled {
		t.Errorf("a one-page notice turned to page %d (next disabled: %v)", current+1, nextDisabled)
	}
}

func TestUnreadableNotice(t *testing.T) {
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rand.N(256))
	}
	protectedPDF := textPDF(t, "Letter", "EAC2512345678", func(pdf *fpdf.Fpdf) {
		pdf.SetProtection(fpdf.CnProtectPrint, "user secret", "owner secret")
	})

	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"random.bin", random, notice.ErrNotNotice},
		{"broken.pdf", append([]byte("%PDF-1.7\n"), random...), notice.ErrDamaged},
		{"truncated.png", scanPNG()[:2000], notice.ErrDamaged},
		{"empty.pdf", nil, notice.ErrEmpty},
		{"locked.pdf", protectedPDF, notice.ErrPasswordProtected},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, _ := open(t, tc.name, tc.data, windowSize)
			waitFor(t, v, "the problem to be shown", v.problem.Visible)
			v.mu.Lock()
			got := v.view()
			busy := v.busy.Visible()
			v.mu.Unlock()
			if want := problemText(tc.want); got.problem != want {
				t.Errorf("problem = %q, want %q", got.problem, want)
			}
			if strings.Contains(got.problem, "\n") {
				t.Errorf("problem is more than one line: %q", got.problem)
			}
			if busy {
				t.Error("still busy after failing")
			}
			// Nothing to do, and nothing breaks.
			v.NextPage()
			v.PrevPage()
			v.ZoomIn()
			v.ZoomOut()
			v.FitWidth()
			v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
			if got.page != "" {
				t.Errorf("page label %q for a notice that cannot be read", got.page)
			}
		})
	}
}

// TestCloseStopsWork closes viewers while they read and while they draw, and after, and checks
// that every goroutine they started has ended and that they hold nothing of the notice.
func TestCloseStopsWork(t *testing.T) {
	data := twoPagePDF(t)
	warmEngine(t)
	before := runtime.NumGoroutine()

	for _, tc := range []struct {
		name  string
		until func(t *testing.T, v *Viewer)
	}{
		{"while reading", func(*testing.T, *Viewer) {}},
		{"while drawing", func(t *testing.T, v *Viewer) {
			waitForPage(t, v)
			v.ZoomIn()
			v.ZoomIn()
		}},
		{"when idle", func(t *testing.T, v *Viewer) { waitForPage(t, v) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, w := open(t, "receipt.pdf", data, windowSize)
			tc.until(t, v)
			v.Close()
			done := make(chan struct{})
			go func() {
				v.work.Wait()
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the viewer's work went on after Close")
			}
			v.mu.Lock()
			kept := v.data != nil || v.doc != nil || v.sheet.Image != nil
			v.mu.Unlock()
			if kept {
				t.Error("Close kept the notice: its bytes, Document or page image")
			}
			// Nothing works after Close, and nothing breaks.
			v.NextPage()
			v.ZoomIn()
			v.FitWidth()
			v.ExportCopy()
			v.Close()
			if w.Canvas().Overlays().Top() != nil {
				t.Error("a closed viewer offered to export")
			}
		})
	}

	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines before, %d after closing:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestRenderDPI(t *testing.T) {
	for _, tc := range []struct {
		ideal float64
		size  pageSize
		want  int
	}{
		{96, letter, 96},
		{192, letter, 192},
		{105.6, letter, 105},
		{384, letter, maxDPI},
		{0.5, letter, 1},
		// A poster-size page: the reader draws at most MaxRenderPixels.
		{192, pageSize{100, 100}, int(math.Sqrt(notice.MaxRenderPixels*0.98) / 100)},
	} {
		got := renderDPI(tc.ideal, tc.size)
		if got != tc.want {
			t.Errorf("renderDPI(%v, %v) = %d, want %d", tc.ideal, tc.size, got, tc.want)
		}
		if px := float64(got) * tc.size.w * float64(got) * tc.size.h; px > notice.MaxRenderPixels {
			t.Errorf("renderDPI(%v, %v) = %d draws %.0f pixels", tc.ideal, tc.size, got, px)
		}
	}
}
