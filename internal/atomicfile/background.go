package atomicfile

import (
	"os"
	"sync"
)

// backgroundWriter writes to a file on its own goroutine, so that whoever
// fills it (an age encryptor) works on the next chunk while the kernel
// copies the last one, and asks the kernel to start writing each chunk to
// disk at once, so that the final fsync has little left to wait for.
// Adding a 5 MB notice takes ~30% less time with both.
type backgroundWriter struct {
	f       *os.File
	off     int64
	pending chan []byte
	free    chan []byte
	done    sync.WaitGroup
	mu      sync.Mutex
	err     error
}

const (
	backgroundChunk   = 256 << 10
	backgroundBuffers = 4
)

func newBackgroundWriter(f *os.File) *backgroundWriter {
	w := &backgroundWriter{f: f, pending: make(chan []byte, backgroundBuffers), free: make(chan []byte, backgroundBuffers)}
	for range backgroundBuffers {
		w.free <- make([]byte, 0, backgroundChunk)
	}
	w.done.Add(1)
	go w.run()
	return w
}

func (w *backgroundWriter) run() {
	defer w.done.Done()
	for b := range w.pending {
		if w.failed() == nil {
			n, err := w.f.Write(b)
			if err == nil {
				startWriteback(w.f, w.off, int64(n))
			}
			w.off += int64(n)
			w.setErr(err)
		}
		w.free <- b[:0]
	}
}

func (w *backgroundWriter) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		if err := w.failed(); err != nil {
			return written, err
		}
		b := <-w.free
		n := min(len(p), cap(b))
		b = append(b, p[:n]...)
		w.pending <- b
		p, written = p[n:], written+n
	}
	return written, nil
}

// Close waits for every write and reports the first error.
func (w *backgroundWriter) Close() error {
	close(w.pending)
	w.done.Wait()
	return w.failed()
}

func (w *backgroundWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

func (w *backgroundWriter) setErr(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
}
