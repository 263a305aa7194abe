package notice

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	wasmocr "immivault/internal/ocr"
)

// maxInstances bounds how many PDF operations run at once; more wait for a free instance.
const maxInstances = 4

// engine is PDFium compiled to WebAssembly, ready to hand out instances.
type engine struct {
	pool  pdfium.Pool
	cache wazero.CompilationCache // nil when there is no cache directory
}

// newEngine compiles PDFium, or loads it from the compilation cache in cacheDir ("" for none).
// A cache that cannot be created costs time, not correctness, so it is skipped silently.
func newEngine(cacheDir string) (*engine, error) {
	config := wazero.NewRuntimeConfig().
		// The module lowers setjmp/longjmp to exception handling instructions.
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		// Lets a cancelled context stop PDFium in the middle of a call (pdfSession.step).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(wasmMemoryPages)
	e := &engine{}
	if cacheDir != "" && os.MkdirAll(cacheDir, 0o700) == nil {
		if cache, err := wazero.NewCompilationCacheWithDir(cacheDir); err == nil {
			e.cache = cache
			config = config.WithCompilationCache(cache)
		}
	}
	pool, err := webassembly.Init(webassembly.Config{
		// Each instance's memory a mapping of its own, unmapped when it closes (wasmmem_unix.go).
		Context:  experimental.WithMemoryAllocator(context.Background(), wasmMemory),
		MinIdle:  1, // one instance instantiated ahead, so the first Read does not wait
		MaxIdle:  1,
		MaxTotal: maxInstances,
		// go-pdfium mounts the host's root directory when FSConfig is nil; an empty one mounts
		// nothing, so PDFium can neither read nor write a file.
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: config,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
		// ReuseWorkers stays false: each instance, and the notice in its memory, is discarded
		// when its operation ends. Instantiating one takes about 2 ms.
	})
	if err != nil {
		e.close()
		return nil, fmt.Errorf("cannot start the PDF reader: %w", err)
	}
	e.pool = pool
	return e, nil
}

func (e *engine) close() {
	if e.pool != nil {
		e.pool.Close()
	}
	if e.cache != nil {
		e.cache.Close(context.Background())
	}
}

// cacheDir is where compiled PDFium is kept between runs: compiled code, not secret.
func cacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "immivault", "wazero")
}

// The process's engine, started once by Warm or the first PDF operation and never closed.
var shared struct {
	once  sync.Once
	ready chan struct{}
	eng   *engine
	err   error
}

// Warm starts the PDF engine in the background and returns at once. Call it at program start:
// compiling PDFium takes seconds the first time and a fraction of a second with the cache, and
// the first PDF operation waits for whatever is left of that.
func Warm() {
	// Scans are read by the OCR engine inside immivault, whose compilation takes seconds the
	// first time: it starts now too.
	wasmocr.Warm(ocrCacheDir())
	shared.once.Do(func() {
		shared.ready = make(chan struct{})
		go func() {
			shared.eng, shared.err = newEngine(cacheDir())
			close(shared.ready)
		}()
	})
}

// sharedEngine waits for the process's engine, starting it if needed.
func sharedEngine(ctx context.Context) (*engine, error) {
	Warm()
	select {
	case <-shared.ready:
		return shared.eng, shared.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
