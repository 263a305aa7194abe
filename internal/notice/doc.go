// Package notice reads notice files (USCIS Form I-797 receipt, approval and RFE letters, as PDFs
// or as scans) into text laid out like the page, and renders their pages as images.
//
// [Read] sniffs the file by its first bytes, never by its name: a PDF goes through PDFium, a JPEG
// or PNG through OCR. [Document.Text] gives every page's text, pages separated by "\f", and
// [Document.Render] draws a page for viewing.
//
// # Layout
//
// Notices print labels in one row and values in the row below ("Receipt Number   Case Type" over
// "EAC2599900001   I130 - PETITION FOR ALIEN RELATIVE"), so the text keeps the page's geometry
// the way pdftotext -layout does: one line per printed row, each phrase (a label, a value, a
// line of a paragraph) at the column its left edge falls on, so a value stands under its label.
// The words of a phrase keep one space between them; phrases keep at least two. A vertical gap
// of a line or more becomes a blank line.
// PDF text is rebuilt from PDFium's per-character boxes; OCR text from tesseract's word boxes, so
// both come out in the same shape.
//
// # PDFs
//
// PDFium runs as WebAssembly on wazero: pure Go, no cgo, and a hostile PDF attacks a sandbox
// with no file system (none is mounted) and a bounded memory, not the process. Documents are
// loaded from bytes, never from a path. The module takes seconds to compile, so the compiled code
// is cached in os.UserCacheDir()/immivault/wazero: code, not secret, and no notice data. One engine serves the process; [Warm] starts it in the background so that the
// first PDF does not wait for it. Each operation (a Read, a Render) gets its own short-lived
// PDFium instance, whose memory, holding the notice, is dropped when the operation ends.
//
// A page whose text layer holds almost nothing while it draws a picture (an image, or letters
// turned into outlines) is a scan, read by OCR. A page that is nothing but one JPEG, as scanner
// apps make, is decoded in Go, for OCR and for viewing, when the JPEG's own header agrees with
// the size the PDF gives it; any other page is drawn by PDFium (at 300 dpi for OCR).
//
// # OCR
//
// Images and scanned pages are read by tesseract compiled to WebAssembly (internal/ocr), run
// in-process on wazero as PDFium is: nothing to install on any desktop, no file system, an
// instance's memory bounded (512 MiB) and dropped with the page, the English model inside the
// binary, the compiled code cached beside PDFium's. What it is given is always gray pixels
// that this package decoded or drew itself, at most 40 megapixels, prepared for OCR (enlarged
// to 300 dpi when low, light made even, deskewed), never the notice's bytes: tesseract's image
// libraries never parse the file. If the engine cannot start, Read still succeeds (the pages
// can be viewed) with [TextSource] "none" and a warning that asks the person to type the
// numbers in. OCR of a long scan takes a second or two per page: pass [WithProgress] to show
// it.
//
// # Limits
//
// A file over a limit is refused, before the work the limit bounds, with a one-line error that
// says which:
//
//   - a file is at most [MaxFileSize] (200 MB);
//   - a PDF has at most [MaxPages] (500) pages;
//   - an image has at most [MaxImagePixels] (50 megapixels), read from its header before any
//     pixel is decoded, so a small file that claims to be a huge image costs nothing. An image
//     inside a PDF is held to the same limit before its page is drawn, by the larger of the
//     size its dictionary gives and the size its JPEG or JPEG 2000 header gives: a PDF that
//     calls a 12000×12000 JPEG 1000×1000 is refused, not decoded ([ErrImageTooLarge]);
//   - a PDF page drawn has at most 100,000 objects ([ErrPageTooComplex]);
//   - a render produces at most [MaxRenderPixels] (100 megapixels).
//
// Work on what passes is bounded too:
//
//   - the text of a PDF page is read up to its 100,000th character;
//   - OCR reads a page of at most 40 megapixels (large PDF pages are rendered below 300 dpi,
//     large images shrunk, to fit), keeps at most 16 MB of tesseract's output and gives
//     tesseract two minutes and 512 MiB a page;
//   - one PDFium step (opening the file, reading or drawing one page) gets 30 seconds and 1 GiB
//     of memory, so that a PDF crafted to make PDFium spin or swell fails instead of hanging.
//
// The caller's context cancels all of it: OCR and PDFium are stopped mid-call.
// A panic in a decoder, which no file should cause, is reported as [ErrDamaged] in one line.
// docs/adr/0011-hostile-notice-images.md has the reasons and what remains.
//
// # Secrets
//
// A notice's content never touches the disk: no temporary files, no file system inside PDFium
// or the OCR engine, nothing but compiled code in the cache. Text and rendered images live in
// ordinary memory (they are megabytes; see "Secrets in memory" in the architecture notes); the
// memory of the PDFium instance that held a notice is unmapped when its operation ends, not left
// to the garbage collector. Errors and warnings never quote the content; they may name the file
// by the name passed to Read, so pass "" where even the name is private.
package notice
