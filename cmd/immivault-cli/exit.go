package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/awnumar/memguard"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

// report prints err, if any, as one line and returns the exit status.
func (c *cli) report(err error) int {
	if err == nil || errors.Is(err, errHelpShown) {
		return 0
	}
	msg := err.Error()
	if errors.Is(err, vault.ErrWrongPassphrase) {
		msg = "wrong passphrase (if you are sure it is right, identity.age may be damaged: " +
			"run `immivault-cli recover` with your recovery key)"
	}
	fmt.Fprintln(c.stderr, "immivault-cli: "+oneLine(msg))
	return 1
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", " ")), " ")
}

// guard turns a panic into a one-line message and status 1, after
// destroying every secret. Only runtime errors are described: their text
// carries no data, where another panic value might carry a secret.
func guard(stderr io.Writer, status *int) {
	r := recover()
	if r == nil {
		return
	}
	secret.Purge()
	msg := "immivault-cli: internal error (a bug: please report it)"
	if rerr, ok := r.(runtime.Error); ok {
		msg += ": " + rerr.Error()
	}
	fmt.Fprintln(stderr, msg)
	*status = 1
}

// catchSignals wipes secrets on Ctrl-C or SIGTERM, as memguard.CatchInterrupt
// does, and first gives the terminal its echo back if a prompt had turned
// it off. secret.Purge waits for a Use in progress (a second of scrypt,
// say); memguard destroys every locked buffer and its own key as it exits
// in any case, so the exit does not wait for it longer than that.
func catchSignals() {
	memguard.CatchSignal(func(os.Signal) {
		restoreTerminal()
		purged := make(chan struct{})
		go func() {
			secret.Purge()
			close(purged)
		}()
		select {
		case <-purged:
		case <-time.After(2 * time.Second):
		}
	}, os.Interrupt, syscall.SIGTERM)
}
