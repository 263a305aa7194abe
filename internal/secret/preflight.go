package secret

import "fmt"

// WantedLockedMemory is how much locked memory immivault asks for: room for
// memguard's key, the vault identity, a passphrase being typed and a few
// identifier values open at once, with headroom for concurrent use.
const WantedLockedMemory = 512 << 10

// minimumPages is what secrets need beside memguard's coffer: the sealing
// key open (with its transient view), the scratch page, and one more page
// for a nested Use.
const minimumPages = cofferPages + 4

// Report says what Preflight found and what it did about it.
type Report struct {
	Limit     uint64 // locked-memory limit in bytes after raising; 0 = unlimited
	Raised    bool   // the soft limit was raised to the hard limit
	Degraded  bool   // less than WantedLockedMemory is available
	Unlocked  bool   // too little for memguard: secrets are kept in ordinary memory
	BufferCap int    // pages open buffers may use at once; 0 = no cap
}

// Warning is a one-line explanation for the user when the report is degraded,
// or "" when all is well.
func (r Report) Warning() string {
	switch {
	case r.Unlocked:
		return fmt.Sprintf("warning: locked memory is limited to %s, too little to lock secrets in RAM; "+
			"they are kept in ordinary memory and may reach swap (%s)", kib(r.Limit), raiseHint)
	case r.Degraded:
		return fmt.Sprintf("warning: locked memory is limited to %s (immivault wants %s); "+
			"secrets stay encrypted in memory but are opened one at a time (%s)",
			kib(r.Limit), kib(WantedLockedMemory), raiseHint)
	}
	return ""
}

func kib(n uint64) string { return fmt.Sprintf("%d KiB", n>>10) }

// Preflight reads the locked-memory limit, raises the soft limit to the hard
// limit, and sizes the page budget so that memguard never runs out. Call it
// once at start-up, before any Secret is made.
func Preflight() Report {
	limit, raised, unlimited := memlockLimit()
	r := Report{Limit: limit, Raised: raised}
	if unlimited {
		r.Limit = 0
		budget.set(0, false)
		return r
	}
	pages := int(limit / uint64(pageSize))
	switch {
	case pages < minimumPages:
		r.Degraded, r.Unlocked = true, true
		budget.set(0, true)
	default:
		r.Degraded = limit < WantedLockedMemory
		r.BufferCap = pages - cofferPages
		budget.set(r.BufferCap, false)
	}
	return r
}
