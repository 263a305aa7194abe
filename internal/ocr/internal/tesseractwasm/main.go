// Command tesseractwasm stands in for the tesseract program as internal/notice runs it
// ("tesseract stdin stdout --psm 6 -l eng [--dpi N] tsv", a binary PGM on standard input),
// reading the page with package ocr instead. Put first on PATH, it lets the tests that run
// tesseract (internal/filing's TestReadNoticeAccuracy) score the WebAssembly engine, and
// /usr/bin/time measure its memory, with nothing in the reader changed.
//
// The compiled engine is cached in $TMPDIR/immivault-ocr-wazero: the reader gives tesseract
// TMPDIR, not HOME.
package main

import (
	"bufio"
	"context"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"immivault/internal/ocr"
)

func main() {
	dpi := 0
	args := os.Args[1:]
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--dpi":
			if i+1 < len(args) {
				dpi, _ = strconv.Atoi(args[i+1])
				i++
			}
		case "--version":
			fmt.Println("tesseract 5.3.0 (tesseract-wasm 0.11.0 on wazero)")
			return
		}
	}
	page, err := readPGM(bufio.NewReader(os.Stdin))
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	// 192 MiB rather than the default: the reader runs tesseract under a 1 GiB address-space
	// limit, and wazero reserves an instance's whole limit of address space up front.
	eng, err := ocr.New(ctx, ocr.Config{CacheDir: filepath.Join(os.TempDir(), "immivault-ocr-wazero"), MemoryLimit: 192 << 20})
	if err != nil {
		fail(err)
	}
	words, err := eng.Recognize(ctx, page, dpi)
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(ocr.TSV(words))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// readPGM reads a binary PGM of 8-bit samples, as internal/notice writes it.
func readPGM(r *bufio.Reader) (*image.Gray, error) {
	var f [4]string
	for k := range f {
		for {
			c, err := r.ReadByte()
			if err != nil {
				return nil, fmt.Errorf("not a PGM: %v", err)
			}
			if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
				if f[k] != "" {
					break // the whitespace after maxval is the last byte before the samples
				}
				continue
			}
			f[k] += string(c)
		}
	}
	w, _ := strconv.Atoi(f[1])
	h, _ := strconv.Atoi(f[2])
	maxval, _ := strconv.Atoi(f[3])
	if f[0] != "P5" {
		return nil, fmt.Errorf("not a binary PGM")
	}
	if maxval != 255 || w <= 0 || h <= 0 || w*h > ocr.MaxPixels {
		return nil, fmt.Errorf("a %d×%d PGM of maxval %d", w, h, maxval)
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	if _, err := io.ReadFull(r, img.Pix); err != nil {
		return nil, err
	}
	return img, nil
}
