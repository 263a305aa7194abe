package secret

import (
	"bufio"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

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
	if rl.Cur == unix.RLIM_INFINITY || hasIPCLock() {
		return rl.Cur, raised, true
	}
	return rl.Cur, raised, false
}

// hasIPCLock reports whether CAP_IPC_LOCK is in the effective set.
func hasIPCLock() bool {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "CapEff:")
		if !ok {
			continue
		}
		caps, err := strconv.ParseUint(strings.TrimSpace(rest), 16, 64)
		return err == nil && caps&(1<<unix.CAP_IPC_LOCK) != 0
	}
	return false
}
