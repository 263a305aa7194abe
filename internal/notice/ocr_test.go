package notice

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strings"
	"testing"
	"time"
)

// tsv writes tesseract TSV: one header, then a level-5 row per word given as
// block, paragraph, line, left, top, width, height, confidence, text.
func tsv(words ...string) []byte {
	var b strings.Builder
	b.WriteString("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n")
	b.WriteString("1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n")
	for i, w := range words {
		f := strings.Fields(w)
		fmt.Fprintf(&b, "5\t1\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n",
			f[0], f[1], f[2], i+1, f[3], f[4], f[5], f[6], f[7], strings.Join(f[8:], " "))
	}
	return []byte(b.String())
}

func TestParseTSV(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		tsv  []byte
		want string
	}{
		{"label row over value row", tsv(
			"1 1 1 100 100 150 30 96 Receipt",
			"1 1 1 265 100 150 30 96 Number",
			"1 1 1 900 100 90 30 96 Case",
			"1 1 1 1005 100 90 30 96 Type",
			"1 1 2 100 145 300 30 92 EAC2599900001",
			"1 1 2 900 145 90 30 91 I130",
		), "Receipt Number                      Case Type\nEAC2599900001                       I130"},
		{"columns in separate blocks share a row", tsv(
			"1 1 1 100 100 150 30 96 Receipt",
			"1 1 1 265 100 150 30 96 Number",
			"2 1 1 900 102 90 30 96 Case",
			"2 1 1 1005 102 90 30 96 Type",
			"1 1 2 100 145 300 30 92 EAC2599900001",
			"2 1 2 900 146 90 30 91 I130",
		), "Receipt Number                      Case Type\nEAC2599900001                       I130"},
		{"a turned scan's lines stay apart", tsv(
			// Each line falls 40 pixels across the page; its words' boxes overlap the next line's.
			"1 1 1 100 100 300 30 96 FIRSTLINE0001",
			"1 1 1 1500 140 300 30 96 FIRSTLINE0002",
			"1 1 2 100 145 300 30 96 SECONDLINE001",
			"1 1 2 1500 185 300 30 96 SECONDLINE002",
		), "FIRSTLINE0001                                                FIRSTLINE0002\n" +
			"SECONDLINE001                                                SECONDLINE002"},
		{"specks are dropped, marks that are words are kept", tsv(
			"1 1 1 100 100 100 30 96 Page",
			"1 1 1 203 100 8 30 12 ~",
			"1 1 1 215 100 60 30 95 1/2",
			"1 1 1 285 100 20 30 90 -",
		), "Page 1/2 -"},
		{"boxes that are not finite are left out", tsv(
			// Infinite widths would make the typical character infinitely wide.
			"1 1 1 0 100 inf 30 96 A", "1 1 2 0 200 inf 30 96 B", "1 1 3 0 300 inf 30 96 C",
			"1 1 4 0 400 1e308 30 96 D", "1 1 4 1e308 400 1e308 30 96 E",
			"1 1 5 100 500 60 30 96 F", "1 1 5 900 500 60 30 96 G",
		), "D\n\n  F            G"},
		{"nothing read", tsv(), ""},
		{"not TSV", []byte("Tesseract Open Source OCR Engine\n\x00\xff"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := layoutRows(parseTSV(c.tsv)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// A page OCR fails on is a one-line warning, and the notice is still read: it can be viewed,
// and the person types its numbers in.
func TestOCRFails(t *testing.T) {
	fakeOCR(t, func(*image.Gray, int) (string, error) {
		return "", errors.New("OCR failed: memory access out of bounds")
	})
	d, err := Read(t.Context(), encodePNG(t, image.NewGray(image.Rect(0, 0, 400, 300))), "scan.png")
	if err != nil {
		t.Fatal(err)
	}
	want := "OCR could not read this notice (OCR failed: memory access out of bounds); type the numbers in"
	if w := d.Warnings(); len(w) != 1 || w[0] != want {
		t.Errorf("warnings %q, want [%q]", w, want)
	}
	if d.Source() != SourceNone {
		t.Errorf("source %q, want none", d.Source())
	}
}

// Cancelling the context stops OCR at once: judged against a whole
// OCR of the same page on the same (shared, variably loaded) machine, not
// against a clock.
func TestOCRCancelled(t *testing.T) {
	needOCR(t)
	t.Parallel()
	page := scanOf(t, noticePDF(), 0, 0)
	start := time.Now()
	if _, err := ocr(testContext(t), page, 0); err != nil {
		t.Fatal(err)
	}
	whole := time.Since(start)
	ctx, cancel := context.WithTimeout(context.Background(), whole/10)
	defer cancel()
	start = time.Now()
	_, err := ocr(ctx, page, 0)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("OCR past its deadline: %v, want %v", err, context.DeadlineExceeded)
	}
	if elapsed := time.Since(start); elapsed > whole*3/4 {
		t.Errorf("cancelled OCR returned after %v; a whole page takes %v", elapsed, whole)
	}
}
