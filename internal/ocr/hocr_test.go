package ocr

import (
	"bytes"
	"strings"
	"testing"
)

const hocrLine = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head><title></title></head><body>
  <div class='ocr_page' id='page_1' title='image ""; bbox 0 0 2550 3300; ppageno 0; scan_res 300 300'>
   <div class='ocr_carea' id='block_1_1' title="bbox 304 361 1268 651">
    <p class='ocr_par' id='par_1_1' lang='eng' title="bbox 304 361 1268 651">
     <span class='ocr_line' id='line_1_1' title="bbox 304 361 1046 410; baseline 0 -10; x_size 48; x_descenders 10; x_ascenders 12">
      <span class='ocrx_word' id='word_1_1' title='bbox 304 363 471 410; x_wconf 96'>Receipt</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 489 361 662 401; x_wconf 93'>A&amp;B&#39;s</span>
     </span>
     <span class='ocr_header' id='line_1_2' title="bbox 304 483 933 527">
      <span class='ocrx_word' id='word_1_3' title='x_wconf 40; bbox 304 483 440 521'>&lt;Notice&gt;</span>
     </span>
    </p>
   </div>
   <div class='ocr_carea' id='block_1_2' title="bbox 1 1 2 2">
    <p class='ocr_par' id='par_1_2' lang='eng' title="bbox 1 1 2 2">
     <span class='ocr_line' id='line_1_3' title="bbox 1 1 2 2"><span class='ocrx_word' id='word_1_4' title='bbox 1 1 2 2; x_wconf 0'> </span><span class='ocrx_word' id='word_1_5' title='bbox 1 1 2 2; x_wconf 12.5'>x</span></span>
    </p>
   </div>
  </div>
</body></html>`

func TestParseHOCR(t *testing.T) {
	words, err := ParseHOCR([]byte(hocrLine))
	if err != nil {
		t.Fatal(err)
	}
	want := []Word{
		{Text: "Receipt", Left: 304, Top: 363, Right: 471, Bottom: 410, Conf: 96, Block: 1, Par: 1, Line: 1, Num: 1},
		{Text: "A&B's", Left: 489, Top: 361, Right: 662, Bottom: 401, Conf: 93, Block: 1, Par: 1, Line: 1, Num: 2},
		{Text: "<Notice>", Left: 304, Top: 483, Right: 440, Bottom: 521, Conf: 40, Block: 1, Par: 1, Line: 2, Num: 1},
		{Text: "x", Left: 1, Top: 1, Right: 2, Bottom: 2, Conf: 12.5, Block: 2, Par: 1, Line: 1, Num: 1},
	}
	if len(words) != len(want) {
		t.Fatalf("got %+v", words)
	}
	for i := range want {
		if words[i] != want[i] {
			t.Errorf("word %d: got %+v, want %+v", i, words[i], want[i])
		}
	}
}

func TestParseHOCRRefuses(t *testing.T) {
	word := func(title, text string) string {
		return `<html><span class='ocr_line'><span class='ocrx_word' title='` + title + `'>` + text + `</span></span></html>`
	}
	for _, c := range []struct{ name, hocr string }{
		{"not XML", "<html><span>"},
		{"unknown entity", word("bbox 1 1 2 2", "&nbsp2;")},
		{"no bbox", word("x_wconf 90", "a")},
		{"short bbox", word("bbox 1 2 3", "a")},
		{"negative bbox", word("bbox -1 2 3 4", "a")},
		{"inverted bbox", word("bbox 5 2 3 4", "a")},
		{"huge bbox", word("bbox 1 2 3 99999999999", "a")},
		{"bad conf", word("bbox 1 2 3 4; x_wconf NaN", "a")},
		{"conf over 100", word("bbox 1 2 3 4; x_wconf 101", "a")},
		{"word in word", `<html><span class='ocrx_word' title='bbox 1 1 2 2'><span class='ocrx_word' title='bbox 1 1 2 2'>a</span></span></html>`},
		{"too deep", strings.Repeat("<b>", 2000) + strings.Repeat("</b>", 2000)},
	} {
		if words, err := ParseHOCR([]byte(c.hocr)); err == nil {
			t.Errorf("%s: accepted as %+v", c.name, words)
		}
	}
	for _, c := range []struct{ name, hocr string }{
		{"empty page", `<html><body><div class='ocr_page' title='bbox 0 0 1 1'></div></body></html>`},
		{"empty word", word("bbox 1 1 2 2; x_wconf 90", "  ")},
	} {
		if words, err := ParseHOCR([]byte(c.hocr)); err != nil || len(words) != 0 {
			t.Errorf("%s: %+v, %v", c.name, words, err)
		}
	}
}

func TestTSV(t *testing.T) {
	got := string(TSV([]Word{
		{Text: "Receipt", Left: 304, Top: 363, Right: 471, Bottom: 410, Conf: 96, Block: 1, Par: 1, Line: 1, Num: 1},
		{Text: "a\tb\nc", Left: 1, Top: 2, Right: 4, Bottom: 8, Conf: 12.5, Block: 2, Par: 3, Line: 4, Num: 5},
	}))
	want := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"5\t1\t1\t1\t1\t1\t304\t363\t167\t47\t96\tReceipt\n" +
		"5\t1\t2\t3\t4\t5\t1\t2\t3\t6\t12.5\ta b c\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// FuzzParseHOCR: any input is words or an error, never a panic, and the words are boxes with
// text that TSV writes as one row of twelve fields each.
func FuzzParseHOCR(f *testing.F) {
	f.Add([]byte(hocrLine))
	f.Add([]byte(`<html><span class='ocrx_word' title='bbox 1 1 2 2; x_wconf 5'>a</span></html>`))
	f.Add([]byte(`<span class='ocr_line'><span class='ocrx_word' title='bbox 0 0 0 0'>&#9;</span>`))
	f.Fuzz(func(t *testing.T, hocr []byte) {
		words, err := ParseHOCR(hocr)
		if err != nil {
			return
		}
		for _, w := range words {
			if w.Text == "" || w.Right < w.Left || w.Bottom < w.Top || w.Conf < 0 || w.Conf > 100 ||
				w.Block < 1 || w.Par < 1 || w.Line < 1 || w.Num < 1 {
				t.Fatalf("word %+v", w)
			}
		}
		rows := bytes.Split(bytes.TrimSuffix(TSV(words), []byte("\n")), []byte("\n"))
		if len(rows) != len(words)+1 {
			t.Fatalf("%d rows for %d words", len(rows), len(words))
		}
		for _, r := range rows {
			if n := len(bytes.Split(r, []byte("\t"))); n != 12 {
				t.Fatalf("row %q has %d fields", r, n)
			}
		}
	})
}

func TestText(t *testing.T) {
	words := []Word{
		{Text: "Receipt", Block: 1, Par: 1, Line: 1}, {Text: "Number", Block: 1, Par: 1, Line: 1},
		{Text: "EAC2599900001", Block: 1, Par: 1, Line: 2}, {Text: "OK", Block: 2, Par: 1, Line: 1},
	}
	if got, want := Text(words), "Receipt Number\nEAC2599900001\nOK"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if Text(nil) != "" {
		t.Error("no words, some text")
	}
}
