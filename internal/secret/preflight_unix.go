//go:build unix

package secret

import "golang.org/x/sys/unix"

// memlockLimit raises RLIMIT_MEMLOCK's soft limit to its hard limit and
// returns it. A process holding CAP_IPC_LOCK (root, usually) is not bound
// by the limit at all.
func memlockLimit() (limit uint64, raised, unlimited bool) {
	var rl unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_MEMLOCK, &rl); err != nil {
		return 0, false, true
	}
	if rl.Cur < rl.Max {
		want := rl
		want.Cur = rl.Max
		if unix.Setrlimit(unix.RLIMIT_MEMLOCK, &want) == nil {
			rl, raised = want, true
		}
	}
	return uint64(rl.Cur), raised, rl.Cur == unix.RLIM_INFINITY || hasIPCLock()
}
