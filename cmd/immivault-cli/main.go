// Command immivault-cli drives an immivault vault from the command line:
// the USCIS numbers, cases and notices of a family, kept encrypted with age.
// It uses the same engine as the desktop app and builds without cgo.
//
// Usage:
//
//	immivault-cli [--vault DIR] COMMAND [ARGS]
//
// Run `immivault-cli help` for the commands; docs/cli.md describes each,
// the environment variables and the JSON that `ls --json` writes.
package main

import (
	"os"

	"immivault/internal/secret"
)

// version is the release, set with -ldflags "-X main.version=...".
var version = "0.1.0"

func main() { exit(run()) }

// run is the whole command: it returns the exit status, 0 on success and 1
// on any error, which it has already reported on one line.
func run() (status int) {
	defer guard(os.Stderr, &status)
	report := secret.Preflight()
	if w := report.Warning(); w != "" {
		os.Stderr.WriteString(w + "\n")
	}
	catchSignals()
	c := &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, memory: report}
	return c.report(c.dispatch(os.Args[1:]))
}

// exit destroys every secret still in memory before the process ends.
func exit(status int) {
	secret.Purge()
	os.Exit(status)
}
