//go:build !windows

package secret

// How to get more locked memory, for Report.Warning.
const raiseHint = "raise it with `ulimit -l`"
