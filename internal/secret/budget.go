package secret

import (
	"crypto/subtle"
	"os"
	"sync"
)

// memguard keeps its enclave key in a "coffer" of three one-page buffers,
// and every seal or open takes a one-page view of that key on the side.
const (
	cofferPages  = 3
	keyViewPages = 1
)

var pageSize = os.Getpagesize()

func pagesFor(n int) int { return (n + pageSize - 1) / pageSize }

// pageBudget is a counting semaphore over locked pages. Nothing in this
// package calls into memguard without first holding the pages it will lock.
type pageBudget struct {
	mu      sync.Mutex
	cond    *sync.Cond
	total   int // pages available to buffers; 0 means unlimited
	inUse   int
	noMlock bool // locked memory too small even for one secret
}

var budget = newPageBudget()

func newPageBudget() *pageBudget {
	b := &pageBudget{}
	b.cond = sync.NewCond(&b.mu)
	return b
}

func (b *pageBudget) set(total int, noMlock bool) {
	b.mu.Lock()
	b.total, b.noMlock = total, noMlock
	b.mu.Unlock()
	b.cond.Broadcast()
}

func (b *pageBudget) locked() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.noMlock
}

// acquire waits until n pages are free and takes them. A request larger
// than the whole budget is let through alone, when nothing else is open:
// better one mlock attempt at the limit than a deadlock.
func (b *pageBudget) acquire(n int) (release func()) {
	b.mu.Lock()
	if b.total > 0 {
		for b.inUse > 0 && b.inUse+n > b.total {
			b.cond.Wait()
		}
	}
	b.inUse += n
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		b.inUse -= n
		b.mu.Unlock()
		b.cond.Broadcast()
	}
}

func subtleEqual(a, b []byte) bool { return subtle.ConstantTimeCompare(a, b) == 1 }
