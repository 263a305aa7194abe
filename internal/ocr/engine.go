package ocr

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// The engine and its model, compressed: 0.7 MB and 2.0 MB, 1.8 MB and 4.1 MB as they run.
// See wasm/NOTICE for what they are and their licences.
var (
	//go:embed wasm/tesseract-core.wasm.gz
	wasmGz []byte
	//go:embed wasm/eng.traineddata.gz
	modelGz []byte
)

// The limits of one recognition. An instance's memory holds the model, the page (a byte a
// pixel) and tesseract's work on it.
const (
	// MaxPixels is the largest page Recognize takes: internal/notice's limit for OCR.
	MaxPixels = 40_000_000
	// DefaultMemoryLimit bounds one instance's memory, in bytes. A scanned letter page at
	// 300 dpi reads within 40 MiB, the model included; the rest is room for pages up to
	// MaxPixels, whose pixels alone are 40 MB, and tesseract's copies of them.
	DefaultMemoryLimit = 512 << 20
	// maxHOCR bounds the hOCR read back: a dense page is about 500 KB.
	maxHOCR = 16 << 20
)

var (
	// ErrOutOfMemory is a page that needed more memory than the instance may have.
	ErrOutOfMemory = errors.New("OCR ran out of memory")
	// ErrTooLarge is a page over MaxPixels.
	ErrTooLarge = fmt.Errorf("OCR takes pages of at most %d megapixels", MaxPixels/1_000_000)
)

// Config sets up an Engine.
type Config struct {
	// CacheDir keeps the compiled module between runs ("" for none). Compiling takes seconds;
	// loading it from the cache a fraction of one.
	CacheDir string
	// MaxInstances bounds how many pages are read at once; more wait. 0 is 1.
	MaxInstances int
	// MemoryLimit bounds each instance's memory, in bytes (0 is DefaultMemoryLimit).
	MemoryLimit uint64
	// KeepLoaded keeps one instance loaded between pages, ready for the next: its memory
	// (about 20 MiB, the model) is held while no page is read.
	KeepLoaded bool
}

// Engine is tesseract compiled to WebAssembly, ready to read pages. Each page is read in an
// instance of its own, discarded with its memory when the page is done: nothing of one page
// stays for the next, and pages read from several goroutines at once, up to MaxInstances.
// Between pages the engine keeps one instance idle with the model loaded (as internal/notice
// keeps a PDFium instance), so that a page does not wait the 0.4 s of instantiating and
// loading the model; that instance has seen no page.
// The module is given no file system, environment of the host's (only moduleEnv), clock
// beyond the time of day, or network: only the imports in runtime.go.
type Engine struct {
	rt       wazero.Runtime
	cache    wazero.CompilationCache
	mod      wazero.CompiledModule
	slots    chan struct{}
	maxPages uint32
	model    []byte // eng.traineddata, decompressed once

	keep      bool
	idle      chan *loaded // at most one instance, model loaded, waiting for a page
	life      context.Context
	stop      context.CancelFunc
	mu        sync.Mutex
	refilling bool // an instance is being loaded for idle
	closed    bool
}

// New compiles the module (or loads it from cfg.CacheDir) and decompresses the model.
func New(ctx context.Context, cfg Config) (*Engine, error) {
	limit := cfg.MemoryLimit
	if limit == 0 {
		limit = DefaultMemoryLimit
	}
	pages := uint32(min(limit/wasmPageLen, 1<<14)) // the module's own maximum is 1 GiB
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2). // SIMD, bulk memory, sign extension
		// Not WithCloseOnContextDone: see _emval_call for where a cancelled context stops it.
		WithMemoryLimitPages(pages)
	e := &Engine{maxPages: pages, slots: make(chan struct{}, max(1, cfg.MaxInstances)), idle: make(chan *loaded, 1), keep: cfg.KeepLoaded}
	e.life, e.stop = context.WithCancel(context.Background())
	if cfg.CacheDir != "" && os.MkdirAll(cfg.CacheDir, 0o700) == nil {
		if cache, err := wazero.NewCompilationCacheWithDir(cfg.CacheDir); err == nil {
			e.cache = cache
			rc = rc.WithCompilationCache(cache)
		}
	}
	e.rt = wazero.NewRuntimeWithConfig(ctx, rc)
	fail := func(err error) (*Engine, error) {
		e.Close()
		return nil, fmt.Errorf("cannot start OCR: %w", err)
	}
	bin, err := gunzip(wasmGz)
	if err != nil {
		return fail(err)
	}
	if e.model, err = gunzip(modelGz); err != nil {
		return fail(err)
	}
	if e.mod, err = e.rt.CompileModule(ctx, bin); err != nil {
		return fail(err)
	}
	host := e.rt.NewHostModuleBuilder(hostModule)
	fns := hostFunctions()
	for _, imp := range e.mod.ImportedFunctions() {
		mod, name, _ := imp.Import()
		f := fns[importNames[name]]
		if mod != hostModule || f == nil {
			return fail(fmt.Errorf("%w: import %s.%s unknown", errNoBinding, mod, name))
		}
		host.NewFunctionBuilder().WithFunc(f).Export(name)
	}
	if _, err := host.Instantiate(ctx); err != nil {
		return fail(err)
	}
	return e, nil
}

func gunzip(b []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// Close releases the compiled module. Calls under way fail.
func (e *Engine) Close() error {
	e.mu.Lock()
	e.closed = true
	e.mu.Unlock()
	e.stop()
	if e.rt != nil {
		e.rt.Close(context.Background())
	}
	if e.cache != nil {
		e.cache.Close(context.Background())
	}
	return nil
}

// Recognize reads the words of a gray page. dpi is the page's resolution when known, 0 to let
// tesseract judge it from the letters. The page is read as one uniform block of text (page
// segmentation mode 6), as internal/notice reads notices, so that a printed row stays one line.
//
// The errors are the context's, ErrTooLarge, ErrOutOfMemory, or a failure of tesseract's.
func (e *Engine) Recognize(ctx context.Context, page *image.Gray, dpi int) ([]Word, error) {
	return e.RecognizeWith(ctx, page, Params{DPI: dpi})
}

// Params say how a page is read.
type Params struct {
	// DPI is the page's resolution when known, 0 to let tesseract judge it from the letters.
	DPI int
	// PageSegMode is tesseract's page segmentation mode (its --psm): 0 means 6, one uniform
	// block of text, what notices are read with; 11, sparse text, finds words scattered over a
	// screen, as a window's labels and buttons are.
	PageSegMode int
}

// RecognizeWith is Recognize with the parameters p.
func (e *Engine) RecognizeWith(ctx context.Context, page *image.Gray, p Params) ([]Word, error) {
	hocr, err := e.hocr(ctx, page, p)
	if err != nil {
		return nil, err
	}
	return ParseHOCR(hocr)
}

// HOCR is Recognize's work before parsing: the page in tesseract's hOCR.
func (e *Engine) HOCR(ctx context.Context, page *image.Gray, dpi int) ([]byte, error) {
	return e.hocr(ctx, page, Params{DPI: dpi})
}

func (e *Engine) hocr(ctx context.Context, page *image.Gray, p Params) ([]byte, error) {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("ocr: a %d×%d page", w, h)
	}
	if w*h > MaxPixels {
		return nil, ErrTooLarge
	}
	if p.PageSegMode == 0 {
		p.PageSegMode = 6
	}
	if p.PageSegMode < 0 || p.PageSegMode > 13 {
		return nil, fmt.Errorf("ocr: no page segmentation mode %d", p.PageSegMode)
	}
	select {
	case e.slots <- struct{}{}:
		defer e.release()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	l, err := e.takeLoaded(ctx)
	if err != nil {
		return nil, err
	}
	defer l.m.Close(context.Background())
	pctx := context.WithValue(ctx, instanceKey{}, l.in)
	s := &session{ctx: pctx, m: l.m, reg: l.in.reg}
	out, err := recovering(func() ([]byte, error) { return s.readPage(l.eng, page, p) })
	if err != nil {
		return nil, e.failure(ctx, l.in, err)
	}
	return out, nil
}

// loaded is an instance with tesseract's engine made and the model loaded: what a page's
// work starts from. It reads one page and is closed with its memory.
type loaded struct {
	m   api.Module
	in  *instance
	eng uint32 // the module's OCREngine
}

// load instantiates the module and loads the model: 0.4 s of a page's time.
func (e *Engine) load(ctx context.Context) (*loaded, error) {
	in := &instance{reg: newRegistry(), start: time.Now(), maxPages: e.maxPages}
	ictx := context.WithValue(ctx, instanceKey{}, in)
	// No name: instances are anonymous, so that several can run at once.
	m, err := e.rt.InstantiateModule(ictx, e.mod, wazero.NewModuleConfig().WithName("").WithStartFunctions())
	if err != nil {
		return nil, e.failure(ctx, in, err)
	}
	s := &session{ctx: ictx, m: m, reg: in.reg}
	var eng uint32
	_, err = recovering(func() ([]byte, error) {
		var err error
		eng, err = s.loadModel(e.model)
		return nil, err
	})
	if err != nil {
		m.Close(context.Background())
		return nil, e.failure(ctx, in, err)
	}
	return &loaded{m: m, in: in, eng: eng}, nil
}

// takeLoaded is the idle instance if there is one, or else a new one.
func (e *Engine) takeLoaded(ctx context.Context) (*loaded, error) {
	select {
	case l := <-e.idle:
		return l, nil
	default:
		return e.load(ctx)
	}
}

// release frees a page's slot and, if no instance is idle, loads one for the next page in the
// background once a slot is free: pages do not wait for the model to load, and the next page
// still gets an instance that has seen no other page.
func (e *Engine) release() {
	<-e.slots
	e.refill()
}

func (e *Engine) refill() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.keep || e.refilling || e.closed || len(e.idle) > 0 {
		return
	}
	e.refilling = true
	go func() {
		defer func() {
			e.mu.Lock()
			e.refilling = false
			e.mu.Unlock()
		}()
		e.slots <- struct{}{}
		defer func() { <-e.slots }()
		if len(e.idle) > 0 {
			return
		}
		l, err := e.load(e.life)
		if err != nil {
			return // the next page loads its own, and says why if it fails too
		}
		select {
		case e.idle <- l:
		default:
			l.m.Close(context.Background())
		}
	}()
}

// WaitIdle waits until an instance is loaded and idle, or ctx is done: for measuring a page's
// time apart from the model's loading, which happens between pages. It is an error on an
// engine that does not keep one (Config.KeepLoaded).
func (e *Engine) WaitIdle(ctx context.Context) error {
	if !e.keep {
		return errors.New("ocr: the engine keeps no instance loaded")
	}
	e.refill()
	for {
		select {
		case l := <-e.idle:
			e.idle <- l
			return nil
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
			e.refill()
		}
	}
}

// failure turns what stopped an instance into what the caller is told.
func (e *Engine) failure(ctx context.Context, in *instance, err error) error {
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case in.outOfMem:
		return fmt.Errorf("%w (it may use %d MiB)", ErrOutOfMemory, uint64(e.maxPages)*wasmPageLen>>20)
	}
	return fmt.Errorf("OCR failed: %w", err)
}

// session is the calls of one page on one instance.
type session struct {
	ctx context.Context
	m   api.Module
	reg *registry
}

// recovering runs f, with a trap raised outside the module's code (stringArg's) returned as
// the error it is.
func recovering(f func() ([]byte, error)) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, ok := p.(*trapError)
			if !ok {
				panic(p)
			}
			err = t.err
		}
	}()
	return f()
}

// loadModel runs the module's static constructors, which declare its classes, makes an
// OCREngine and loads the model into it.
func (s *session) loadModel(model []byte) (uint32, error) {
	if _, err := s.m.ExportedFunction(exportCtors).Call(s.ctx); err != nil {
		return 0, err
	}
	ocrClass := s.reg.classes["OCREngine"]
	if ocrClass == nil || s.reg.classes["Image"] == nil {
		return 0, errNoBinding
	}
	eng, err := s.construct(ocrClass)
	if err != nil {
		return 0, err
	}
	if err := s.checked(ocrClass, eng, "loadModel", s.stringArg(model)); err != nil {
		return 0, fmt.Errorf("loading the model: %w", err)
	}
	return eng, nil
}

// readPage reads a page with an engine loadModel made.
func (s *session) readPage(eng uint32, page *image.Gray, p Params) ([]byte, error) {
	dpi := p.DPI
	ocrClass, imageClass := s.reg.classes["OCREngine"], s.reg.classes["Image"]
	if err := s.loadImage(ocrClass, imageClass, eng, page, dpi); err != nil {
		return nil, err
	}
	// After loadImage, which sets automatic page segmentation.
	vars := [][2]string{{"tessedit_pageseg_mode", strconv.Itoa(p.PageSegMode)}}
	if dpi > 0 {
		vars = append(vars, [2]string{"user_defined_dpi", strconv.Itoa(dpi)})
	}
	for _, v := range vars {
		if err := s.checked(ocrClass, eng, "setVariable", s.stringArg([]byte(v[0])), s.stringArg([]byte(v[1]))); err != nil {
			return nil, err
		}
	}
	res, err := s.invoke(ocrClass, "getHOCR", eng, progressVal)
	if err != nil {
		return nil, err
	}
	return s.takeString(res, maxHOCR)
}

// loadImage hands the page to tesseract as an 8-bit gray Leptonica image, as the tesseract
// program gets it from a PGM, and frees it (tesseract keeps its own copy).
//
// The module's Image is 32 bits a pixel: what a browser's canvas gives. Given so, tesseract
// takes a second longer on a letter page (it thresholds each colour channel), and the page
// takes four times its size in memory, twice. So the Image is made a quarter as wide, which
// is a gray page's rows in 32-bit words, and its Pix is relabelled 8 bits deep, one sample a
// pixel, at the page's width: the fields of Leptonica's struct Pix (w, h, d, spp, wpl, …,
// xres, yres, …, data), checked to hold what pixCreate put there before they are changed.
func (s *session) loadImage(ocrClass, imageClass *class, eng uint32, page *image.Gray, dpi int) error {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	wpl := (w + 3) / 4
	img, err := s.construct(imageClass, uint64(wpl), uint64(h))
	if err != nil {
		return err
	}
	mem := s.m.Memory()
	pix, _ := mem.ReadUint32Le(img) // Image's one member, PIX *pix_
	if img == 0 || pix == 0 {
		return ErrOutOfMemory // pixCreate failed
	}
	defer func() {
		if _, derr := call(s.ctx, s.m, imageClass.destructor, uint64(img)); err == nil {
			err = derr
		}
	}()
	view, err := s.invoke(imageClass, "data", img)
	if err != nil {
		return err
	}
	v, ok := s.reg.vals[view]
	delete(s.reg.vals, view)
	hdr := u32s(s.m, pix, 13)
	if !ok || v.kind != 5 || v.size != uint32(wpl*h) || hdr[0] != uint32(wpl) || hdr[1] != uint32(h) ||
		hdr[2] != 32 || hdr[4] != uint32(wpl) || hdr[12] != v.ptr {
		return fmt.Errorf("%w: the module's Image is not a Leptonica Pix of 32 bits a pixel", errNoBinding)
	}
	buf, ok := mem.Read(v.ptr, 4*v.size)
	if !ok {
		return fmt.Errorf("%w: Image.data outside memory", errNoBinding)
	}
	// Leptonica keeps a row as 32-bit words, the first pixel in the top byte: in the module's
	// little-endian memory, pixel x of a row is byte x^3.
	for y := range h {
		row := page.Pix[y*page.Stride : y*page.Stride+w]
		out := buf[4*wpl*y : 4*wpl*(y+1)]
		for x, g := range row {
			out[x^3] = g
		}
		for x := w; x < 4*wpl; x++ {
			out[x^3] = 0xff // the padding of the last word: paper
		}
	}
	res := uint32(max(dpi, 0))
	for off, val := range map[uint32]uint32{0: uint32(w), 8: 8, 12: 1, 24: res, 28: res} {
		mem.WriteUint32Le(pix+off, val)
	}
	return s.checked(ocrClass, eng, "loadImage", uint64(img))
}

func (s *session) construct(c *class, args ...uint64) (uint32, error) {
	ctor, ok := c.ctors[len(args)]
	if !ok {
		return 0, fmt.Errorf("%w: %s has no constructor of %d arguments", errNoBinding, c.name, len(args))
	}
	res, err := call(s.ctx, s.m, ctor.invoker, append([]uint64{uint64(ctor.context)}, args...)...)
	if err != nil {
		return 0, err
	}
	return uint32(res[0]), nil
}

// invoke calls a method and returns its wire value. String arguments (from stringArg) are
// freed after the call, as embind's JavaScript frees them.
func (s *session) invoke(c *class, name string, this uint32, args ...uint64) (uint32, error) {
	f, ok := c.methods[name]
	if !ok || len(f.args) != len(args)+2 {
		return 0, fmt.Errorf("%w: %s.%s", errNoBinding, c.name, name)
	}
	defer func() {
		for k, a := range args {
			if s.reg.types[f.args[k+2]] == "std::string" {
				s.free(uint32(a))
			}
		}
	}()
	res, err := call(s.ctx, s.m, f.invoker, append([]uint64{uint64(f.context), uint64(this)}, args...)...)
	if err != nil {
		return 0, err
	}
	if len(res) == 0 {
		return 0, nil
	}
	return uint32(res[0]), nil
}

// checked calls a method returning tesseract-wasm's OCRResult, whose error field is empty on
// success.
func (s *session) checked(c *class, this uint32, name string, args ...uint64) error {
	ptr, err := s.invoke(c, name, this, args...)
	if err != nil {
		return err
	}
	vo := s.reg.valueObjects[c.methods[name].args[0]]
	if vo == nil || len(vo.fields) != 1 || vo.fields[0].name != "error" {
		return fmt.Errorf("%w: %s.%s does not return OCRResult", errNoBinding, c.name, name)
	}
	f := vo.fields[0]
	res, err := call(s.ctx, s.m, f.getter, uint64(f.context), uint64(ptr))
	if err != nil {
		return err
	}
	msg, err := s.takeString(uint32(res[0]), 4096)
	if err != nil {
		return err
	}
	if _, err := call(s.ctx, s.m, vo.destructor, uint64(ptr)); err != nil {
		return err
	}
	if len(msg) > 0 {
		return fmt.Errorf("%s: %s", name, msg)
	}
	return nil
}

// stringArg copies b into the module as embind passes a std::string: a length, then the
// bytes and a NUL, in memory from malloc. 0 when malloc fails, which the call then reports.
func (s *session) stringArg(b []byte) uint64 {
	res, err := s.m.ExportedFunction(exportMalloc).Call(s.ctx, uint64(4+len(b)+1))
	if err != nil || res[0] == 0 {
		trap("%w", ErrOutOfMemory)
	}
	p := uint32(res[0])
	mem := s.m.Memory()
	mem.WriteUint32Le(p, uint32(len(b)))
	mem.Write(p+4, b)
	mem.WriteByte(p+4+uint32(len(b)), 0)
	return uint64(p)
}

// takeString reads a std::string a method returned (a length and the bytes, from malloc) and
// frees it.
func (s *session) takeString(p uint32, limit uint32) ([]byte, error) {
	mem := s.m.Memory()
	n, ok := mem.ReadUint32Le(p)
	if !ok || n > limit {
		return nil, fmt.Errorf("%w: a string of %d bytes at %#x", errNoBinding, n, p)
	}
	b, ok := mem.Read(p+4, n)
	if !ok {
		return nil, fmt.Errorf("%w: a string outside memory", errNoBinding)
	}
	out := bytes.Clone(b)
	s.free(p)
	return out, nil
}

func (s *session) free(p uint32) {
	s.m.ExportedFunction(exportFree).Call(s.ctx, uint64(p))
}

// The process's engine, started once and never closed.
var shared struct {
	once sync.Once
	done chan struct{}
	eng  *Engine
	err  error
}

// Warm starts the process's engine in the background (see Shared).
func Warm(cacheDir string) {
	shared.once.Do(func() {
		shared.done = make(chan struct{})
		go func() {
			shared.eng, shared.err = New(context.Background(), Config{CacheDir: cacheDir, MaxInstances: 1, KeepLoaded: true})
			if shared.err == nil {
				shared.eng.refill() // the first page's instance
			}
			close(shared.done)
		}()
	})
}

// Shared is the process's engine, with its compiled code kept in cacheDir: started by the
// first Warm or Shared, which decides the directory.
func Shared(ctx context.Context, cacheDir string) (*Engine, error) {
	Warm(cacheDir)
	select {
	case <-shared.done:
		return shared.eng, shared.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
