//go:build !(windows && wine)

package main

// underWine says that these tests run under Wine (wine_on_test.go).
const underWine = false
