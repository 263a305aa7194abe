//go:build unix && !linux

package secret

import "golang.org/x/sys/unix"

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
	return uint64(rl.Cur), raised, rl.Cur == unix.RLIM_INFINITY
}
