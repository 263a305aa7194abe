package secret

import (
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// LowMemlockCommand builds a command that runs name with a locked-memory
// limit of kib KiB and, when run as root, without CAP_IPC_LOCK (which would
// exempt it from the limit). It needs util-linux's prlimit and setpriv.
func LowMemlockCommand(t *testing.T, kib int, name string, args ...string) *exec.Cmd {
	t.Helper()
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit (util-linux) not installed")
	}
	limit := strconv.Itoa(kib << 10)
	argv := []string{"--memlock=" + limit + ":" + limit}
	if os.Geteuid() == 0 {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("setpriv (util-linux) not installed")
		}
		argv = append(argv, setpriv, "--inh-caps=-ipc_lock", "--bounding-set=-ipc_lock")
	}
	argv = append(argv, name)
	argv = append(argv, args...)
	return exec.Command(prlimit, argv...)
}
