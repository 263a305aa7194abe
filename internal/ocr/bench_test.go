package ocr_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
	"immivault/internal/ocr"
)

// letterScan is a generated notice drawn at 300 dpi and made to look scanned: a 2550×3300 gray
// letter page, as internal/notice gives tesseract a scan.
func letterScan(tb testing.TB, seed int64) *image.Gray {
	tb.Helper()
	ctx := context.Background()
	n := noticetest.Generate(seed)
	doc, err := notice.Read(ctx, n.PDF, "generated.pdf", notice.WithoutOCR())
	if err != nil {
		tb.Fatal(err)
	}
	defer doc.Close()
	page, err := doc.Render(ctx, 0, 300)
	if err != nil {
		tb.Fatal(err)
	}
	return noticetest.Scan(page, seed).(*image.Gray)
}

func pgm(page *image.Gray) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "P5\n%d %d\n255\n", page.Rect.Dx(), page.Rect.Dy())
	for y := range page.Rect.Dy() {
		b.Write(page.Pix[y*page.Stride : y*page.Stride+page.Rect.Dx()])
	}
	return b.Bytes()
}

// BenchmarkRecognize reads a scanned letter page with the WebAssembly engine and, where it is
// installed, with the tesseract program given the options internal/notice gives the engine, on one thread.
//
// wasm is a page on the instance the engine keeps loaded between pages, as the app reads a
// page: the instance and model are loaded while the timer is stopped, as they are between a
// person's pages. wasm-cold is a page that finds no instance ready, and loads one (0.4 s).
// native is a whole run of the program, its start and model load included: what
// internal/notice runs for a page. Run with -cpu 1: each reads on one thread.
func BenchmarkRecognize(b *testing.B) {
	page := letterScan(b, 7)
	ctx := context.Background()
	b.Run("wasm", func(b *testing.B) {
		eng := ocr.TestEngine(b)
		for b.Loop() {
			b.StopTimer()
			if err := eng.WaitIdle(ctx); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := eng.Recognize(ctx, page, 300); err != nil {
				b.Fatal(err)
			}
		}
		if mib := peakMiB(b, page); mib > 0 {
			b.ReportMetric(mib, "MiB-peak-rss")
		}
	})
	b.Run("wasm-cold", func(b *testing.B) {
		eng, err := ocr.New(ctx, ocr.Config{CacheDir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		defer eng.Close()
		for b.Loop() {
			if _, err := eng.Recognize(ctx, page, 300); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("native", func(b *testing.B) {
		path, err := exec.LookPath("tesseract")
		if err != nil {
			b.Skip("tesseract is not installed")
		}
		in := pgm(page)
		for b.Loop() {
			cmd := exec.Command(path, "stdin", "stdout", "--psm", "6", "-l", "eng", "--dpi", "300", "tsv")
			cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
			cmd.Stdin = bytes.NewReader(in)
			if out, err := cmd.Output(); err != nil || len(out) == 0 {
				b.Fatal(err)
			}
		}
	})
}

// TestSameWordsAsNative compares the words the engine reads on scanned letters with the
// tesseract program's, where it is installed: same version, model and options, so nearly all
// the same.
func TestSameWordsAsNative(t *testing.T) {
	path, err := exec.LookPath("tesseract")
	if err != nil {
		t.Skip("tesseract is not installed")
	}
	if testing.Short() {
		t.Skip("reads three pages twice")
	}
	for seed := range int64(3) {
		page := letterScan(t, seed)
		words, err := ocr.TestEngine(t).Recognize(context.Background(), page, 300)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(path, "stdin", "stdout", "--psm", "6", "-l", "eng", "--dpi", "300", "tsv")
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		cmd.Stdin = bytes.NewReader(pgm(page))
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		native := map[string]int{}
		n := 0
		for _, line := range bytes.Split(out, []byte("\n")) {
			f := bytes.Split(line, []byte("\t"))
			if len(f) == 12 && string(f[0]) == "5" && len(bytes.TrimSpace(f[11])) > 0 {
				native[string(bytes.TrimSpace(f[11]))]++
				n++
			}
		}
		same := 0
		for _, w := range words {
			if native[w.Text] > 0 {
				native[w.Text]--
				same++
			}
		}
		t.Logf("seed %d: %d words, native %d, %d the same", seed, len(words), n, same)
		if same < 95*n/100 {
			t.Errorf("seed %d: only %d of native's %d words read the same", seed, same, n)
		}
	}
}

// peakMiB is the peak resident memory of a process that reads the page as the app does: the
// test binary run again to do only that (ocr.PeakVar), the compiled module from the tests'
// cache. 0 where the system does not tell it.
func peakMiB(b *testing.B, page *image.Gray) float64 {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), ocr.PeakVar+"="+ocr.CacheDir())
	cmd.Stdin = bytes.NewReader(pgm(page))
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("reading a page for its peak memory: %v", err)
	}
	kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(string(out)), "kB")))
	if err != nil {
		return 0
	}
	return float64(kb) / 1024
}
