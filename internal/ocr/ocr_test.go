package ocr

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The tests share the compiled module through a cache directory of their own: compiling it
// takes seconds, loading it from the cache a fraction of one.
var testCache string

func TestMain(m *testing.M) {
	if cache := os.Getenv(peakVar); cache != "" {
		os.Exit(readForPeak(cache))
	}
	dir, err := os.MkdirTemp("", "ocr-test-cache")
	if err != nil {
		panic(err)
	}
	testCache = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// peakVar, set to a compilation cache directory, makes the test binary read one page, a PGM
// on its standard input, as the app reads a page, and print its peak resident memory: what
// BenchmarkRecognize reports as the memory of reading a page, apart from the benchmark's own
// drawing of the page.
const peakVar = "IMMIVAULT_TEST_OCR_PEAK"

func readForPeak(cache string) int {
	in, err := io.ReadAll(os.Stdin)
	var w, h, maxval int
	var n int
	if err == nil {
		n, err = fmt.Sscanf(string(in), "P5\n%d %d\n%d\n", &w, &h, &maxval)
	}
	if err != nil || n != 3 || len(in) < w*h {
		fmt.Fprintln(os.Stderr, "not a PGM:", err)
		return 2
	}
	page := &image.Gray{Pix: in[len(in)-w*h:], Stride: w, Rect: image.Rect(0, 0, w, h)}
	eng, err := New(context.Background(), Config{CacheDir: cache})
	if err == nil {
		_, err = eng.Recognize(context.Background(), page, 300)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0 // no peak to tell
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			fmt.Println(strings.TrimSpace(rest))
		}
	}
	return 0
}

var shared1 struct {
	once sync.Once
	eng  *Engine
	err  error
}

// testEngine is an engine with the default limits, shared by the tests.
func testEngine(t testing.TB) *Engine {
	t.Helper()
	shared1.once.Do(func() {
		shared1.eng, shared1.err = New(context.Background(), Config{CacheDir: testCache, MaxInstances: 2, KeepLoaded: true})
	})
	if shared1.err != nil {
		t.Fatal(shared1.err)
	}
	return shared1.eng
}

// typedPage is a white letter page at 300 dpi with lines of 12-point text.
func typedPage(t testing.TB, lines ...string) *image.Gray {
	t.Helper()
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 12, DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	page := image.NewGray(image.Rect(0, 0, 2550, 3300))
	draw.Draw(page, page.Bounds(), image.White, image.Point{}, draw.Src)
	d := font.Drawer{Dst: page, Src: image.Black, Face: face}
	for i, line := range lines {
		d.Dot = fixed.P(300, 400+120*i)
		d.DrawString(line)
	}
	return page
}

// TestEmbeddedModule pins the module: importNames and the exports' names are those of this
// build's JavaScript, and wasm/NOTICE names it by this hash.
func TestEmbeddedModule(t *testing.T) {
	for _, c := range []struct {
		gz   []byte
		want string
	}{
		{wasmGz, "3822dc6ee83d507f2bd2f83b97a3dd5dabf3ea71a9836d951602c9054615137e"},
		{modelGz, "7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2"},
	} {
		b, err := gunzip(c.gz)
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != c.want {
			t.Errorf("embedded file is %x, want %s", sum, c.want)
		}
	}
}

func TestRecognizeTypedPage(t *testing.T) {
	lines := []string{
		"Receipt Number WAC2390123456",
		"Notice Date January 5, 2025",
		"Case Type I-130 Petition for Alien Relative",
	}
	words, err := testEngine(t).Recognize(context.Background(), typedPage(t, lines...), 300)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range words {
		got = append(got, w.Text)
		if w.Left >= w.Right || w.Top >= w.Bottom || w.Conf <= 0 || w.Conf > 100 {
			t.Errorf("word %+v", w)
		}
	}
	for _, want := range []string{"Receipt", "WAC2390123456", "January", "2025", "I-130", "Petition", "Relative"} {
		if !slices.Contains(got, want) {
			t.Errorf("%q not read; read %q", want, got)
		}
	}
	// A line of the page is a line of the result, in order, each word on the baseline drawn.
	for _, w := range words {
		if line := w.Line - 1; line < 0 || line >= len(lines) || !strings.Contains(lines[line], w.Text) && w.Text != "WAC2390123456" {
			t.Errorf("word %q on line %d", w.Text, w.Line)
		}
		if base := 400 + 120*(w.Line-1); w.Bottom < base-10 || w.Top > base {
			t.Errorf("word %q box %d–%d, line's baseline at %d", w.Text, w.Top, w.Bottom, base)
		}
	}
}

func TestRecognizeBlankAndSmall(t *testing.T) {
	eng := testEngine(t)
	for _, size := range []image.Rectangle{image.Rect(0, 0, 1, 1), image.Rect(0, 0, 7, 3), image.Rect(0, 0, 850, 1100)} {
		page := image.NewGray(size)
		draw.Draw(page, size, image.White, image.Point{}, draw.Src)
		words, err := eng.Recognize(context.Background(), page, 0)
		if err != nil || len(words) != 0 {
			t.Errorf("%v blank page: %v, %v", size, words, err)
		}
	}
	// A sub-image: its own rows, not its parent's from the first.
	page := typedPage(t, "", "", "", "", "", "Approval Notice")
	words, err := eng.Recognize(context.Background(), page.SubImage(image.Rect(200, 900, 1400, 1100)).(*image.Gray), 300)
	if err != nil || len(words) != 2 || words[0].Text != "Approval" || words[1].Text != "Notice" {
		t.Errorf("sub-image: %v, %v", words, err)
	}
}

// TestRecognizeSparse reads a page in sparse-text mode (11), as the real-window test reads a
// screenshot, and gives its words back as lines of text.
func TestRecognizeSparse(t *testing.T) {
	lines := []string{"Unlock vault", "Passphrase"}
	words, err := testEngine(t).RecognizeWith(context.Background(), typedPage(t, lines...), Params{DPI: 300, PageSegMode: 11})
	if err != nil {
		t.Fatal(err)
	}
	if got := Text(words); !strings.Contains(got, "Unlock vault") || !strings.Contains(got, "Passphrase") {
		t.Errorf("read %q", got)
	}
	if _, err := testEngine(t).RecognizeWith(context.Background(), typedPage(t, "x"), Params{PageSegMode: 14}); err == nil {
		t.Error("page segmentation mode 14 accepted")
	}
}

func TestRecognizeRefuses(t *testing.T) {
	eng := testEngine(t)
	for _, r := range []image.Rectangle{image.Rect(0, 0, 0, 10), image.Rect(0, 0, 8000, 5001)} {
		_, err := eng.Recognize(context.Background(), &image.Gray{Rect: r}, 0)
		if err == nil {
			t.Errorf("%v accepted", r)
		}
	}
	if _, err := eng.Recognize(context.Background(), &image.Gray{Rect: image.Rect(0, 0, 8000, 5001)}, 0); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over MaxPixels: %v", err)
	}
}

// TestRecognizeCancel: a cancelled context stops tesseract at its next word, and the engine
// reads the next page.
func TestRecognizeCancel(t *testing.T) {
	eng := testEngine(t)
	var lines []string
	for i := range 20 {
		lines = append(lines, fmt.Sprintf("Line %d of a page long enough to take a while to read", i))
	}
	page := typedPage(t, lines...)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	_, err := eng.Recognize(ctx, page, 300)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	t.Logf("stopped %v after the start", time.Since(start))
	if _, err := eng.Recognize(context.Background(), typedPage(t, "Approval Notice"), 300); err != nil {
		t.Fatal(err)
	}
}

// TestRecognizeMemoryLimit: a page that needs more memory than the instance may have is
// ErrOutOfMemory, not a crash, whether the model or the page is what does not fit.
func TestRecognizeMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		limit uint64
		page  *image.Gray
	}{
		{16 << 20, typedPage(t, "Approval Notice")},                                                      // the model does not fit
		{48 << 20, image.NewGray(image.Rect(0, 0, 6000, 6600))},                                          // the page does not
		{64 << 20, typedPage(t, "Approval Notice").SubImage(image.Rect(0, 0, 2550, 3300)).(*image.Gray)}, // this does
	} {
		eng, err := New(context.Background(), Config{CacheDir: testCache, MemoryLimit: c.limit})
		if err != nil {
			t.Fatal(err)
		}
		_, err = eng.Recognize(context.Background(), c.page, 300)
		eng.Close()
		fits := c.limit == 64<<20
		if fits && err != nil || !fits && !errors.Is(err, ErrOutOfMemory) {
			t.Errorf("%d MiB for a %v page: %v", c.limit>>20, c.page.Rect.Size(), err)
		}
		t.Logf("%d MiB for a %v page: %v", c.limit>>20, c.page.Rect.Size(), err)
	}
}

// TestRecognizeConcurrent: pages read at once read as they do alone.
func TestRecognizeConcurrent(t *testing.T) {
	eng := testEngine(t)
	pages := []*image.Gray{typedPage(t, "Approval Notice"), typedPage(t, "Receipt Notice", "Form I-765")}
	want := make([][]Word, len(pages))
	for i, p := range pages {
		w, err := eng.Recognize(context.Background(), p, 300)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = w
	}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			got, err := eng.Recognize(context.Background(), pages[i%2], 300)
			if err != nil || !slices.Equal(got, want[i%2]) {
				t.Errorf("page %d at once: %v, %v", i%2, got, err)
			}
		})
	}
	wg.Wait()
}

// TestKeepLoaded: the instance kept loaded between pages reads the next page as a fresh one
// would, and each page gets an instance that read no page before: a second page's words are
// its own, whether it found an idle instance or loaded one.
func TestKeepLoaded(t *testing.T) {
	ctx := context.Background()
	fresh, err := New(ctx, Config{CacheDir: testCache})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	kept, err := New(ctx, Config{CacheDir: testCache, KeepLoaded: true})
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	if err := fresh.WaitIdle(ctx); err == nil {
		t.Error("WaitIdle on an engine that keeps nothing loaded: no error")
	}
	for _, lines := range [][]string{{"Approval Notice"}, {"Receipt Notice", "Form I-765"}, {"Interview"}} {
		page := typedPage(t, lines...)
		want, err := fresh.Recognize(ctx, page, 300)
		if err != nil {
			t.Fatal(err)
		}
		if err := kept.WaitIdle(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := kept.Recognize(ctx, page, 300)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%q on the idle instance: %v, %v; a fresh one read %v", lines, got, err, want)
		}
	}
}
