//go:build testhooks

package main

// A build with -tags testhooks has the test hooks (testhooks.go), for
// running testdata/script against a binary built on its own.
func init() { installTestHooks() }
