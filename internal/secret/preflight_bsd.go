//go:build unix && !linux

package secret

// Outside Linux there is no capability that lifts the limit.
func hasIPCLock() bool { return false }
