// Package archtest holds no code, only tests of the project's dependency
// rule (docs/architecture.md#dependencies-point-one-way): the engine, meaning
// every package under internal/ except internal/ui and the immivault-cli
// command, never depends on Fyne and builds without cgo, so that it can be
// tested, scripted and cross-compiled with nothing but Go.
package archtest
