package ocr

// TestEngine lets the external tests (bench_test.go, package ocr_test) share the tests'
// engine. They are external because they draw their pages with internal/notice, which
// imports this package.
var TestEngine = testEngine

// CacheDir is the tests' compilation cache, and PeakVar what makes the test binary read a
// page for its peak memory (readForPeak).
func CacheDir() string { return testCache }

const PeakVar = peakVar
