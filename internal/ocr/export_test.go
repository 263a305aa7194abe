package ocr

// TestEngine lets the external tests (bench_test.go, package ocr_test) share the tests'
// engine. They are external because they draw their pages with internal/notice, which
// imports this package.
var TestEngine = testEngine
