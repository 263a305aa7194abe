package fields

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkExtract reads one page of text-PDF notice, the work of `notice inspect` after the
// reader; BenchmarkExtractMax reads MaxTextLen of the text that makes Extract work hardest.
func BenchmarkExtract(b *testing.B) {
	text, err := os.ReadFile("testdata/text/001.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(string(text), PDFText)
	}
}

func BenchmarkExtractMax(b *testing.B) {
	row := "Received Date  Priority Date  Notice Date\n|1OE 0912 3456 78 12/12/2012 1212/2012 respond by A012 345 678\n"
	text := strings.Repeat(row, MaxTextLen/len(row))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, OCR)
	}
}
