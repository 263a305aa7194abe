//go:build !unix

package secret

// On Windows VirtualLock is bounded by the working set, which memguard
// grows as needed; there is no per-user limit to read.
func memlockLimit() (limit uint64, raised, unlimited bool) { return 0, false, true }
