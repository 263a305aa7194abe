package notice

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// limitMemory bounds the address space of the process p, just started, to limit bytes: its
// allocations past that fail (C++'s std::bad_alloc, Leptonica's "malloc fail") and it stops
// with an error instead of taking the machine's memory. Go cannot set a child's resource
// limits before it starts; prlimit(2) sets them from outside, here before the child is given
// the image it would allocate for. A process already gone needs no limit.
func limitMemory(p *os.Process, limit uint64) (release func(), err error) {
	err = unix.Prlimit(p.Pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: limit, Max: limit}, nil)
	if errors.Is(err, unix.ESRCH) {
		err = nil
	}
	return func() {}, err
}
