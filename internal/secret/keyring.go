package secret

import (
	"crypto/rand"
	"sync"

	"github.com/awnumar/memguard"
)

// keyring owns the sealing key and the locked scratch page that plaintext
// is decrypted into. When locked memory is unavailable (Preflight found too
// little for memguard) both live in ordinary memory instead.
type keyring struct {
	mu          sync.Mutex
	key         *memguard.Enclave      // the sealing key at rest
	held        *memguard.LockedBuffer // the key, open while holds > 0
	heldRelease func()
	unlockedKey *[32]byte // instead of key and held, without locked memory
	holds       int

	scratchMu      sync.Mutex // held by the Use that is using scratch
	scratch        *memguard.LockedBuffer
	scratchRelease func()
}

var keys keyring

// scratchSize covers identifier values, passphrases and identities; a
// larger secret gets a buffer of its own for its Use.
const scratchSize = 4096

func (k *keyring) hold() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.holds == 0 {
		if !budget.locked() {
			if k.unlockedKey == nil {
				k.unlockedKey = new([32]byte)
				rand.Read(k.unlockedKey[:])
			}
		} else {
			if k.key == nil {
				release := budget.acquire(keyViewPages + 1)
				k.key = memguard.NewEnclaveRandom(32)
				release()
			}
			k.heldRelease = budget.acquire(keyViewPages + 1)
			b, err := k.key.Open()
			if err != nil {
				k.heldRelease()
				return ErrDestroyed
			}
			k.held = b
		}
	}
	k.holds++
	return nil
}

func (k *keyring) release() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.holds == 0 {
		return
	}
	if k.holds--; k.holds == 0 && k.held != nil {
		k.held.Destroy()
		k.held = nil
		k.heldRelease()
	}
}

// withKey runs f with the sealing key open, opening it for this call only
// if no Hold is in force.
func (k *keyring) withKey(f func(key *[32]byte) error) error {
	if err := k.hold(); err != nil {
		return err
	}
	defer k.release()
	if k.unlockedKey != nil {
		return f(k.unlockedKey)
	}
	return f(k.held.ByteArray32())
}

// withScratch runs f with n bytes of locked memory: the shared scratch page
// when it is free (Use calls may nest, as in Equal), else a buffer of its own.
func (k *keyring) withScratch(n int, f func(b []byte) error) error {
	if !budget.locked() {
		b := make([]byte, n)
		defer clear(b)
		return f(b)
	}
	if n <= scratchSize && k.scratchMu.TryLock() {
		defer k.scratchMu.Unlock()
		if k.scratch == nil {
			k.scratchRelease = budget.acquire(pagesFor(scratchSize))
			k.scratch = memguard.NewBuffer(scratchSize)
		}
		return f(k.scratch.Bytes()[:n])
	}
	release := budget.acquire(pagesFor(n))
	defer release()
	b := memguard.NewBuffer(n)
	defer b.Destroy()
	return f(b.Bytes())
}

// purge forgets the sealing key and the scratch page; memguard.Purge,
// called next, destroys the buffers themselves.
//
// It never holds both of the keyring's locks, so a purge from a signal
// handler cannot deadlock with a Use in progress; a Use whose scratch page
// is in use keeps it, and memguard.Purge unmaps it under it (memguard's own
// hazard: purge when nothing is being used).
func (k *keyring) purge() {
	k.mu.Lock()
	if k.held != nil {
		k.heldRelease()
	}
	if k.unlockedKey != nil {
		clear(k.unlockedKey[:])
	}
	k.key, k.held, k.unlockedKey, k.holds = nil, nil, nil, 0
	k.mu.Unlock()
	if k.scratchMu.TryLock() {
		if k.scratch != nil {
			k.scratchRelease()
		}
		k.scratch = nil
		k.scratchMu.Unlock()
	}
}
