//go:build !linux && !windows

package notice

import "os"

// limitMemory does nothing here: macOS does not enforce RLIMIT_AS (nor RLIMIT_DATA on memory
// that malloc maps), and the other systems are not built for. Tesseract's memory is bounded
// there by what it is given: a gray page of at most maxOCRPixels that we made (docs/adr/0011).
func limitMemory(p *os.Process, limit uint64) (release func(), err error) {
	return func() {}, nil
}
