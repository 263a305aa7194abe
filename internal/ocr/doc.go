// Package ocr reads the words of a scanned page with Tesseract compiled to WebAssembly and run
// in the process by wazero: no tesseract program, no cgo, and the same engine on every
// platform. The engine (tesseract-wasm's emscripten build of Tesseract 5.3.0 and Leptonica)
// and the English model (tessdata_fast) are embedded, compressed; see wasm/NOTICE and
// docs/adr/0015-ocr-in-webassembly.md.
//
// The module gets no file system, network, clock beyond the time of day, or environment of
// the host's (one variable of ours, which picks tesseract's SIMD dot product): its
// imports are emscripten's runtime as runtime.go writes it, and embind's registrations, which
// embind.go reads to call the C++ API tesseract-wasm declares.
//
// Recognize returns words with their boxes, confidences and line numbers; TSV writes them as
// the tesseract program's TSV output, which internal/notice parses.
package ocr
