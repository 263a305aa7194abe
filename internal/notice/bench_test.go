package notice

import (
	"bufio"
	"bytes"
	"context"
	"image"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The benchmarks measure the budgets:
//
//	BenchmarkInspectTextPDF     Read + Text of a one-page text PDF, warm engine   <= 150 ms
//	BenchmarkRenderPage150DPI   one page at 150 dpi, warm engine                  <= 100 ms
//	BenchmarkColdStart          a new engine: cached, and first-ever compile      reported
//	BenchmarkOCRScan            Read + Text of a letter page scanned at 300 dpi   <= 1.2x tesseract alone
//	BenchmarkTesseractAlone     the tesseract program on the same page, as a person runs it
//	BenchmarkPeakMemory20MBScan peak RSS above the warm engine's, reading a 20 MB scan <= 150 MiB

func warmEngine(b *testing.B) {
	b.Helper()
	if _, err := sharedEngine(context.Background()); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkInspectTextPDF(b *testing.B) {
	data := noticePDF()
	warmEngine(b)
	for b.Loop() {
		d, err := Read(context.Background(), data, "")
		if err != nil || !strings.Contains(d.Text(), testReceipt) {
			b.Fatal(err)
		}
		d.Close()
	}
}

func BenchmarkRenderPage150DPI(b *testing.B) {
	d, err := Read(context.Background(), noticePDF(), "")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := d.Render(context.Background(), 0, 150); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColdStart starts an engine and takes its first instance, as the first PDF of a
// process does: with the compilation cache on disk, and without (the first run after install).
func BenchmarkColdStart(b *testing.B) {
	start := func(b *testing.B, dir string) {
		e, err := newEngine(dir)
		if err != nil {
			b.Fatal(err)
		}
		s, err := e.open(context.Background(), noticePDF())
		if err != nil {
			b.Fatal(err)
		}
		s.close()
		e.close()
	}
	b.Run("cached", func(b *testing.B) {
		dir := b.TempDir()
		start(b, dir) // fills the cache
		for b.Loop() {
			start(b, dir)
		}
	})
	b.Run("first-compile", func(b *testing.B) {
		for b.Loop() {
			start(b, "")
		}
	})
}

// letterScan is the notice as a 300 dpi scan of a letter page, a little turned and speckled,
// made once for all benchmarks.
func letterScan(tb testing.TB) *image.Gray {
	letterScanOnce.Lock()
	defer letterScanOnce.Unlock()
	if letterScanOnce.img == nil {
		letterScanOnce.img = scanOf(tb, noticePDF(), 0.5, 0.001)
	}
	return letterScanOnce.img
}

var letterScanOnce struct {
	sync.Mutex
	img *image.Gray
}

func BenchmarkOCRScan(b *testing.B) {
	needOCR(b)
	for _, c := range []struct {
		name string
		data func() []byte
	}{
		{"png", func() []byte { return encodePNG(b, letterScan(b)) }},
		{"image-only-pdf", func() []byte { return imagePDF(b, encodeJPEG(b, letterScan(b))) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			data := c.data()
			warmEngine(b)
			for b.Loop() {
				d, err := Read(context.Background(), data, "")
				if err != nil || d.Source() != SourceOCR {
					b.Fatal(err, d.Warnings())
				}
				_ = d.Text()
			}
		})
	}
}

// BenchmarkTesseractAlone runs the tesseract program, where it is installed, on the PNG of
// BenchmarkOCRScan from a file, with its defaults, as a person would at a shell, and with the
// options Read gives the engine inside immivault: for comparison, as nothing needs it.
func BenchmarkTesseractAlone(b *testing.B) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		b.Skip("the tesseract program is not installed: nothing to compare with")
	}
	path := filepath.Join(b.TempDir(), "scan.png") // a generated page, not a notice
	if err := os.WriteFile(path, encodePNG(b, letterScan(b)), 0o600); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"defaults", nil, []string{path, "stdout"}},
		// What Read asks of the engine, from a file.
		{"as-read-runs-it", []string{"OMP_THREAD_LIMIT=1"}, []string{path, "stdout", "--psm", "6", "-l", "eng", "tsv"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				cmd := exec.Command("tesseract", c.args...)
				cmd.Env = append(os.Environ(), c.env...)
				if out, err := cmd.Output(); err != nil || len(out) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// scan20MB is a 300 dpi letter page in color on grey paper with sensor noise in every pixel,
// which is what makes a real scan's PNG 20 MB.
func scan20MB(b *testing.B) image.Image {
	gray := letterScan(b)
	img := image.NewNRGBA(gray.Rect)
	r := rand.New(rand.NewPCG(5, 6))
	for i, v := range gray.Pix {
		for c := range 3 {
			img.Pix[4*i+c] = uint8(30 + int(v)*3/4 + r.IntN(56) - 28)
		}
		img.Pix[4*i+3] = 0xff
	}
	return img
}

// BenchmarkPeakMemory20MBScan reports how far the process's resident memory rises above the
// warm engine's while a 20 MB scan is read from disk and OCRed: as a PNG, and as a PDF holding
// that PNG, which PDFium must decode and draw (Linux only: it resets and reads the kernel's
// high-water mark). Tesseract is a process of its own and not counted: about 130 MiB for
// this page, by /usr/bin/time.
func BenchmarkPeakMemory20MBScan(b *testing.B) {
	if err := resetPeakRSS(); err != nil {
		b.Skip("cannot measure peak memory here:", err)
	}
	needOCR(b)
	scan := scan20MB(b)
	dir := b.TempDir()
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"png", encodePNG(b, scan)},
		{"image-only-pdf", pngPDF(b, scan)},
	} {
		path := filepath.Join(dir, c.name) // a generated page, not a notice
		if err := os.WriteFile(path, c.data, 0o600); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			warmEngine(b)
			var peak float64
			for b.Loop() {
				runtime.GC()
				debug.FreeOSMemory()
				if err := resetPeakRSS(); err != nil {
					b.Fatal(err)
				}
				base := rssMiB("VmRSS")
				data, err := os.ReadFile(path)
				if err != nil {
					b.Fatal(err)
				}
				d, err := Read(context.Background(), data, "")
				if err != nil || d.Source() != SourceOCR {
					b.Fatal(err, d.Warnings())
				}
				peak = rssMiB("VmHWM") - base
			}
			b.ReportMetric(float64(len(c.data))/1e6, "MB-file")
			b.ReportMetric(peak, "MiB-peak-above-warm")
		})
	}
}

// resetPeakRSS resets the kernel's record of this process's peak resident memory (VmHWM).
func resetPeakRSS() error {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// rssMiB reads a field of /proc/self/status, in MiB.
func rssMiB(field string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, _ := bytes.Cut(sc.Bytes(), []byte(":"))
		if string(name) == field {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(string(value)), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
