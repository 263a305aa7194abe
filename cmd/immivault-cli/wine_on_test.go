//go:build windows && wine

package main

// underWine says that these Windows tests run under Wine, as make
// test-windows runs them (with the build tag wine), not on Windows itself.
const underWine = true
