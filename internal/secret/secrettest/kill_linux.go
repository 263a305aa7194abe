package secrettest

import (
	"os/exec"
	"syscall"
)

// killWithParent has the kernel kill cmd when the test process dies; the
// signal survives prlimit's and setpriv's exec of the next program.
func killWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
