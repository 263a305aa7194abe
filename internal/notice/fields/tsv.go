package fields

import (
	"bufio"
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// MaxTSVLen is how much of tesseract's TSV output OCRLayout reads: 8 MiB, the word boxes of
// far more pages than a notice has.
const MaxTSVLen = 8 << 20

// maxColumns bounds the column a word is put at: a page is 120 or so columns wide, and a box
// far off it must not make a line of millions of spaces.
const maxColumns = 1000

// OCRLayout lays out the words of tesseract's TSV output (tesseract IMAGE stdout tsv) in rows
// and columns, the way pdftotext -layout and PDFium's layout reconstruction lay out a text PDF.
//
// Tesseract's plain text output keeps the words of a row in order but drops the left margin and
// squeezes the gaps between them, so a date under "Received Date" and one under "Notice Date"
// cannot be told apart by column. Its TSV output gives every word's box: from those, a word's
// column is its distance from the page's left text edge in character widths, and the gap
// between two boxes of a row becomes one space within a phrase or at least two between columns
// (the cell break Extract reads). Rows are tesseract's text lines, one per line of output.
//
// Words that are only punctuation and that tesseract is unsure of (specks of dust) are left out,
// but for dashes: the one in "I485 - APPLICATION …" is as faint as a speck.
func OCRLayout(tsv io.Reader) (string, error) {
	words, err := readTSV(io.LimitReader(tsv, MaxTSVLen))
	if err != nil {
		return "", err
	}
	if len(words) == 0 {
		return "", nil
	}
	var widths []float64
	left := math.MaxInt
	for _, w := range words {
		left = min(left, w.left)
		if n := len([]rune(w.text)); n >= 3 {
			widths = append(widths, float64(w.width)/float64(n))
		}
	}
	cw := 20.0 // a 10 pt character at 300 DPI, if no word is long enough to measure
	if len(widths) > 0 {
		slices.Sort(widths)
		cw = widths[len(widths)/2]
	}
	var b strings.Builder
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && words[j].line == words[i].line {
			j++
		}
		row := words[i:j]
		slices.SortStableFunc(row, func(a, b tsvWord) int { return a.left - b.left })
		col := 0
		for k, w := range row {
			at := min(int(math.Round(float64(w.left-left)/cw)), maxColumns)
			if k > 0 {
				prev := row[k-1]
				// Between words of a phrase the gap is under two characters of the larger of
				// the two fonts; between columns it is wider.
				unit := max(cw, charWidth(prev), charWidth(w))
				if gap := float64(w.left - prev.left - prev.width); gap < 2.2*unit {
					at = col + 1
				} else {
					at = max(at, col+2)
				}
			}
			b.WriteString(strings.Repeat(" ", max(at-col, 0)))
			b.WriteString(w.text)
			col = max(at, col) + len([]rune(w.text))
		}
		b.WriteByte('\n')
		i = j
	}
	return b.String(), nil
}

// tsvWord is one word row of tesseract's TSV output.
type tsvWord struct {
	line        [4]int // page, block, paragraph and line number
	left, width int
	text        string
}

// readTSV reads the word rows (level 5) of tesseract's TSV output, in its order.
func readTSV(r io.Reader) ([]tsvWord, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var words []tsvWord
	for n := 0; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if n == 0 {
			if len(f) < 12 || f[0] != "level" {
				return nil, errTSV
			}
			continue
		}
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		var v [8]int
		for i := range v {
			x, err := strconv.Atoi(f[i+1])
			if err != nil {
				return nil, errTSV
			}
			v[i] = x
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		text := strings.TrimSpace(f[11])
		if err != nil || text == "" || v[5] < 0 || v[7] <= 0 || conf < 50 && !strings.ContainsFunc(text, isAlnum) && !isDash(text) {
			continue
		}
		words = append(words, tsvWord{line: [4]int{v[0], v[1], v[2], v[3]}, left: v[5], width: v[7], text: text})
	}
	if err := sc.Err(); err != nil {
		return nil, errTSV
	}
	return words, nil
}

var errTSV = errors.New("this is not tesseract TSV output (run tesseract with the tsv config)")

func isDash(s string) bool { return strings.Trim(s, "-\u2013\u2014") == "" }

// charWidth is the width of a word's characters, in pixels.
func charWidth(w tsvWord) float64 { return float64(w.width) / float64(len([]rune(w.text))) }

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
