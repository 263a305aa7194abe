// Package secrettest helps tests run programs the way an ordinary desktop
// user's session would, with little locked memory.
package secrettest

import (
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"testing"
)

// TreeLimitEnv names the variable that says this whole process tree already
// runs with that many KiB of lockable memory.
const TreeLimitEnv = "IMMIVAULT_TEST_MEMLOCK_KIB"

// LowMemlockCommand builds a command that runs name with a locked-memory
// limit of kib KiB and, when run as root, without CAP_IPC_LOCK (which would
// exempt it from the limit). It needs util-linux's prlimit and setpriv:
// without them the test skips, or fails under CI, which must have them.
//
// A Windows program cannot lower another's lockable memory, so on Windows
// the limit is applied from outside: make test-windows runs these tests
// under Wine, whose VirtualLock is bounded by Linux's RLIMIT_MEMLOCK, with
// the whole process tree under prlimit and IMMIVAULT_TEST_MEMLOCK_KIB
// saying so. Without it the test skips: that pass is the one that runs it.
func LowMemlockCommand(t testing.TB, kib int, name string, args ...string) *exec.Cmd {
	t.Helper()
	if runtime.GOOS == "windows" {
		if got := os.Getenv(TreeLimitEnv); got != strconv.Itoa(kib) {
			t.Skipf("on Windows the %d KiB limit is set from outside (%s=%d; make test-windows)", kib, TreeLimitEnv, kib)
		}
		return exec.Command(name, args...)
	}
	missing := func(what string) {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed for the low locked-memory test", what)
		}
		t.Skipf("%s is not available", what)
	}
	if runtime.GOOS != "linux" {
		missing("Linux's prlimit")
	}
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		missing("prlimit (util-linux)")
	}
	limit := strconv.Itoa(kib << 10)
	argv := []string{"--memlock=" + limit + ":" + limit}
	if os.Geteuid() == 0 {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			missing("setpriv (util-linux)")
		}
		argv = append(argv, setpriv, "--inh-caps=-ipc_lock", "--bounding-set=-ipc_lock")
	}
	cmd := exec.Command(prlimit, append(append(argv, name), args...)...)
	// A child that hangs must not outlive a test binary killed by -timeout.
	killWithParent(cmd)
	return cmd
}
