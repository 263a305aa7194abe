package fields

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// tsv writes tesseract TSV for rows of words, each word as its text, left edge and width in
// pixels (a character is 20 pixels wide here), with the line rows tesseract also writes.
// Tesseract is sure of words (confidence 95) and unsure of punctuation (12), as of specks.
func tsv(rows ...[]any) string {
	var b strings.Builder
	b.WriteString("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n")
	b.WriteString("1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n")
	for i, row := range rows {
		fmt.Fprintf(&b, "4\t1\t1\t1\t%d\t0\t0\t%d\t2000\t30\t-1\t\n", i+1, 100*i)
		for k := 0; k < len(row); k += 3 {
			conf := 95.5
			if !strings.ContainsFunc(row[k].(string), isAlnum) {
				conf = 12
			}
			fmt.Fprintf(&b, "5\t1\t1\t1\t%d\t%d\t%d\t%d\t%d\t30\t%g\t%s\n", i+1, k/3+1, row[k+1], 100*i, row[k+2], conf, row[k])
		}
	}
	return b.String()
}

func TestOCRLayout(t *testing.T) {
	t.Parallel()
	text, err := OCRLayout(strings.NewReader(tsv(
		[]any{"Received", 200, 160, "Date", 380, 80, "Priority", 1000, 160, "Date", 1180, 80},
		[]any{"03/14/2025", 204, 200, ".", 1500, 3},
		[]any{"EXEMPLO,", 600, 160, "MARIA", 780, 100},
	)))
	if err != nil {
		t.Fatal(err)
	}
	// Columns are distances from the leftmost word in 20-pixel characters; words of a phrase
	// are one space apart, columns at least two. The speck "." is left out.
	want := "Received Date                           Priority Date\n" +
		"03/14/2025\n" +
		"                    EXEMPLO, MARIA\n"
	if text != want {
		t.Errorf("OCRLayout =\n%q\nwant\n%q", text, want)
	}
	n := Extract(text, OCR)
	if n.ReceivedDate.Value != "2025-03-14" || n.PriorityDate.Value != "" {
		t.Errorf("from the layout, received %q and priority %q; want the date under Received Date only",
			n.ReceivedDate.Value, n.PriorityDate.Value)
	}
}

func TestOCRLayoutErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"Receipt Number EAC2512345678\n", "level\tpage_num\n5\t1\n",
		tsv([]any{"x", 1, 1}) + "5\t1\t1\t1\t1\tone\t0\t0\t1\t1\t90\tword\n"} {
		if _, err := OCRLayout(strings.NewReader(in)); !errors.Is(err, errTSV) {
			t.Errorf("OCRLayout(%q): error %v, want %v", in, err, errTSV)
		}
	}
	if text, err := OCRLayout(strings.NewReader(tsv())); err != nil || text != "" {
		t.Errorf("no words: %q, %v", text, err)
	}
}

func FuzzOCRLayout(f *testing.F) {
	f.Add(tsv([]any{"Received", 200, 160, "Date", 380, 80}, []any{"03/14/2025", 210, 200}))
	f.Add("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"5\t1\t1\t1\t1\t1\t-99999999\t0\t0\t0\t-1\t\xff\n5\t1\t1\t1\t1\t2\t99999999\t0\t-5\t0\tNaN\tx\n")
	f.Fuzz(func(t *testing.T, in string) {
		text, err := OCRLayout(strings.NewReader(in))
		if err != nil && text != "" {
			t.Fatalf("text %q with error %v", text, err)
		}
		if len(text) > 64*len(in)+1024 {
			t.Fatalf("%d bytes of layout from %d bytes of TSV", len(text), len(in))
		}
	})
}
