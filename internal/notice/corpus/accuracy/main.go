// Command accuracy measures the notice reader on the independent corpus of
// internal/notice/corpus: it generates notices of every layout, reads each through
// filing.ReadNotice as the app does (text PDFs through PDFium's text layer, scans through
// tesseract in WebAssembly, internal/ocr), scores the reading against the notice's truth with noticetest's scoring, and
// prints a table: one row per layout and variant, a column per field.
//
//	go run ./internal/notice/corpus/accuracy            # 39 layouts × (12 text + 8 scans)
//	go run ./internal/notice/corpus/accuracy -n 2 -scans 0 -misses
//	go run ./internal/notice/corpus/accuracy -n 0 -kinds fax   # the faxes alone
//
// Layouts the extractor's rules were not developed on (corpus.HeldOut) are marked "held
// out", and totalled apart from the others. It reports; it sets no bar. Every notice comes from its layout and seed, so a miss it lists
// can be drawn again with corpus.Generate and corpus.Scan.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	var c config
	flag.IntVar(&c.text, "n", 12, "text PDFs per layout")
	flag.IntVar(&c.scans, "scans", 8, "scans per layout, the kinds taken in turn")
	flag.StringVar(&c.kinds, "kinds", "", "comma-separated scan kinds (default all)")
	flag.StringVar(&c.layouts, "layouts", "", "comma-separated layouts (default all)")
	flag.IntVar(&c.workers, "j", 2, "notices read at once (OCR reads one page at a time, on one thread, as the app does)")
	flag.Int64Var(&c.seed, "seed", 1, "first seed")
	flag.BoolVar(&c.misses, "misses", false, "list every miss on stderr")
	flag.Parse()
	start := time.Now()
	rep, err := measure(context.Background(), c, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "accuracy:", err)
		os.Exit(1)
	}
	rep.print(os.Stdout)
	fmt.Printf("\n%d notices (%d text, %d scans) in %v\n", rep.notices, rep.texts, rep.scanned,
		time.Since(start).Round(time.Second))
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
