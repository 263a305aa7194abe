// Package wine lets the Windows test binaries run under Wine, which make
// test uses to run the Windows build on Linux (testing/wine).
//
// Imported for its side effect by the _test.go files of the packages whose
// tests run there. Without the build tag "wine" it does nothing, so the same
// tests built on a real Windows machine run exactly as written.
package wine
