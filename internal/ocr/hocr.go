package ocr

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Word is one word tesseract read, with where it is on the page and the line it put it on.
type Word struct {
	Text string
	// Left, Top, Right, Bottom are the word's box in the page's pixels, Right and Bottom
	// excluded.
	Left, Top, Right, Bottom int
	// Conf is tesseract's confidence in the word, 0 to 100.
	Conf float64
	// Block, Par, Line and Num number the word as tesseract's TSV does: its block on the page,
	// paragraph in the block and line in the paragraph, from 1, and its place in the line.
	Block, Par, Line, Num int
}

// maxWords bounds the words read from one page: a dense page has about 1,000.
const maxWords = 200_000

// ParseHOCR reads the words of tesseract's hOCR for one page: each ocrx_word span, with its
// bbox and x_wconf, inside the ocr_carea, ocr_par and line (ocr_line, ocr_header, ocr_caption,
// ocr_textfloat) elements that number it. It reads what tesseract writes and refuses what is
// not well-formed XML.
func ParseHOCR(hocr []byte) ([]Word, error) {
	d := xml.NewDecoder(bytes.NewReader(hocr))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var (
		words            []Word
		block, par, line int
		num              int
		stack            []string // the class of each open element
		cur              *Word    // the word being read
		text             strings.Builder
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("ocr: hOCR: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > 1000 {
				return nil, errors.New("ocr: hOCR nested too deep")
			}
			class, title := attr(t, "class"), attr(t, "title")
			stack = append(stack, class)
			switch class {
			case "ocr_carea":
				block, par, line = block+1, 0, 0
			case "ocr_par":
				par, line = par+1, 0
			case "ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat":
				line, num = line+1, 0
			case "ocrx_word":
				if cur != nil {
					return nil, errors.New("ocr: hOCR word inside a word")
				}
				if len(words) == maxWords {
					return nil, errors.New("ocr: hOCR has too many words")
				}
				num++
				w := Word{Block: max(block, 1), Par: max(par, 1), Line: max(line, 1), Num: num}
				if err := parseTitle(title, &w); err != nil {
					return nil, err
				}
				cur = &w
				text.Reset()
			}
		case xml.CharData:
			if cur != nil {
				text.Write(t)
			}
		case xml.EndElement:
			class := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if class == "ocrx_word" {
				cur.Text = strings.TrimSpace(text.String())
				if cur.Text != "" {
					words = append(words, *cur)
				} else {
					num--
				}
				cur = nil
			}
		}
	}
	return words, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// parseTitle reads a word's title: "bbox x0 y0 x1 y1; x_wconf c", in any order, other
// properties ignored. The box is required and must be a box; the confidence is 0 to 100.
func parseTitle(title string, w *Word) error {
	hasBox := false
	for prop := range strings.SplitSeq(title, ";") {
		f := strings.Fields(prop)
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "bbox":
			if len(f) != 5 {
				return fmt.Errorf("ocr: hOCR bbox %q", prop)
			}
			var n [4]int
			for k := range n {
				v, err := strconv.Atoi(f[k+1])
				if err != nil || v < 0 || v > 1<<20 {
					return fmt.Errorf("ocr: hOCR bbox %q", prop)
				}
				n[k] = v
			}
			if n[2] < n[0] || n[3] < n[1] {
				return fmt.Errorf("ocr: hOCR bbox %q", prop)
			}
			w.Left, w.Top, w.Right, w.Bottom = n[0], n[1], n[2], n[3]
			hasBox = true
		case "x_wconf":
			if len(f) != 2 {
				return fmt.Errorf("ocr: hOCR x_wconf %q", prop)
			}
			c, err := strconv.ParseFloat(f[1], 64)
			if err != nil || math.IsNaN(c) || c < 0 || c > 100 {
				return fmt.Errorf("ocr: hOCR x_wconf %q", prop)
			}
			w.Conf = c
		}
	}
	if !hasBox {
		return errors.New("ocr: hOCR word without a bbox")
	}
	return nil
}

// TSV writes words as tesseract's TSV output does (its header, then a level-5 row for each
// word: level, page, block, paragraph, line, word, left, top, width, height, confidence,
// text), so that a reader of the tesseract program's TSV reads them unchanged. The rows of
// levels 1 to 4 (page, block, paragraph, line) are left out: they carry no text. A tab or
// newline in a word, which tesseract never writes, becomes a space.
func TSV(words []Word) []byte {
	var b bytes.Buffer
	b.WriteString("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n")
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for _, w := range words {
		fmt.Fprintf(&b, "5\t1\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n",
			w.Block, w.Par, w.Line, w.Num, w.Left, w.Top, w.Right-w.Left, w.Bottom-w.Top,
			strconv.FormatFloat(w.Conf, 'f', -1, 64), clean.Replace(w.Text))
	}
	return b.Bytes()
}

// Text is the words as lines of text: the words of each line tesseract found, in its order,
// parted by a space, one line a row.
func Text(words []Word) string {
	var b strings.Builder
	for i, w := range words {
		switch {
		case i == 0:
		case w.Block != words[i-1].Block || w.Par != words[i-1].Par || w.Line != words[i-1].Line:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}
