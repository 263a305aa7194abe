package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableColors reports whether f is a console that takes ANSI colour codes,
// which a Windows console reads only when told to; restore puts its mode
// back as it was.
func enableColors(f *os.File) (restore func(), ok bool) {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return func() {}, false
	}
	if err := windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING); err != nil {
		return func() {}, false
	}
	return func() { windows.SetConsoleMode(h, mode) }, true
}
