//go:build linux || darwin

package notice

import (
	"sync"

	"golang.org/x/sys/unix"

	"github.com/tetratelabs/wazero/experimental"
)

// wasmMemory gives each PDFium instance's linear memory a mapping of its own, reserved at the
// instance's limit and filled by the kernel page by page as PDFium touches it. wazero's own
// memory is a Go slice grown by append: every growth copies it and leaves the old copy, notice
// bytes and all, to the garbage collector. Reading a 20 MB scan inside a PDF peaked 597 MiB
// above the engine's baseline that way, 169 MiB with this; and an instance's memory is gone
// the moment it is closed.
var wasmMemory experimental.MemoryAllocator = experimental.MemoryAllocatorFunc(func(capacity, max uint64) experimental.LinearMemory {
	buf, err := unix.Mmap(-1, 0, int(max), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON|unix.MAP_NORESERVE)
	if err != nil {
		return &sliceMemory{buf: make([]byte, 0, capacity)}
	}
	return &mapping{buf: buf}
})

type mapping struct{ buf []byte }

func (m *mapping) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil // over the limit: memory.grow fails, and PDFium reports it
	}
	return m.buf[:size]
}

// Free unmaps the memory, except while an instance is being killed (see beginKill): then it
// only drops the pages, and the mapping stays until the kill is over.
func (m *mapping) Free() {
	unmaps.Lock()
	defer unmaps.Unlock()
	if unmaps.killing > 0 {
		unix.Madvise(m.buf, unix.MADV_DONTNEED)
		unmaps.pending = append(unmaps.pending, m.buf)
		return
	}
	unix.Munmap(m.buf)
}

var unmaps struct {
	sync.Mutex
	killing int
	pending [][]byte
}

// beginKill and endKill bracket the killing of an instance whose code may still be running.
// wazero frees a module's memory when the module is closed, even while its code runs on in
// another goroutine until it notices; an unmapped page would crash the process there, an
// emptied one only feeds it zeros on its way out. endKill comes once that code has returned.
func beginKill() {
	unmaps.Lock()
	unmaps.killing++
	unmaps.Unlock()
}

func endKill() {
	unmaps.Lock()
	defer unmaps.Unlock()
	if unmaps.killing--; unmaps.killing == 0 {
		for _, buf := range unmaps.pending {
			unix.Munmap(buf)
		}
		unmaps.pending = nil
	}
}

// sliceMemory is wazero's way of holding linear memory, a Go slice grown by append, for when
// the operating system does not give wasmMemory a mapping.
type sliceMemory struct{ buf []byte }

func (m *sliceMemory) Reallocate(size uint64) []byte {
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size]
	} else {
		m.buf = append(m.buf[:cap(m.buf)], make([]byte, size-uint64(cap(m.buf)))...)
	}
	return m.buf
}

func (m *sliceMemory) Free() { m.buf = nil }
