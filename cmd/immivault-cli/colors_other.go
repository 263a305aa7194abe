//go:build !windows

package main

import (
	"os"

	"golang.org/x/term"
)

// enableColors reports whether f is a terminal that takes ANSI colour
// codes; restore undoes what enabling them took (nothing here).
func enableColors(f *os.File) (restore func(), ok bool) {
	return func() {}, term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb"
}
