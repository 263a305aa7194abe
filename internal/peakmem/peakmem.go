// Package peakmem measures how much memory a piece of work takes at its
// peak, above what the process held before it, for the benchmarks that
// check a memory budget (a backup or a bundle of 500 MB in bounded memory).
package peakmem

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Peak is what Measure saw, in MiB above the baseline.
type Peak struct {
	RSS  float64 // resident set (0 where /proc/self/statm does not exist)
	Heap float64 // Go heap in use
}

// Measure runs work and samples the process's memory every 5 ms while it
// runs.
func Measure(work func()) Peak {
	debug.FreeOSMemory()
	baseRSS, baseHeap := rss(), heapInUse()
	maxRSS, maxHeap := baseRSS, baseHeap
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			maxRSS, maxHeap = max(maxRSS, rss()), max(maxHeap, heapInUse())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	work()
	close(done)
	wg.Wait()
	const mib = 1 << 20
	return Peak{RSS: float64(maxRSS-baseRSS) / mib, Heap: float64(maxHeap-baseHeap) / mib}
}

// rss is the process's resident set size in bytes, or 0 where
// /proc/self/statm does not exist.
func rss() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
