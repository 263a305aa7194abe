package notice

import (
	"context"
	"image"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"immivault/internal/datetext"
)

// A Word is a word printed on a page, with its box as fractions of the page's width and
// height (0 to 1, y growing down), so that it can be drawn over the page at any size. Line
// numbers the row the word is printed in, from the top; words of one row are left to right.
type Word struct {
	Text           string
	Line           int
	X0, Y0, X1, Y1 float64
}

// Words are the words of page (from 0) with their boxes: known for the pages read from a
// PDF's text layer or by OCR, nil for the others (and for a page out of range).
func (d *Document) Words(page int) []Word {
	if page < 0 || page >= len(d.words) {
		return nil
	}
	return d.words[page]
}

// pageWords gives the words of rows as Words on a page w wide and h high.
func pageWords(rows []row, w, h float64) []Word {
	if !(w > 0 && h > 0) {
		return nil
	}
	var out []Word
	for line, r := range rows {
		for _, wd := range r.words {
			out = append(out, Word{Text: wd.text, Line: line,
				X0: wd.x0 / w, Y0: wd.y0 / h, X1: wd.x1 / w, Y1: wd.y1 / h})
		}
	}
	return out
}

// A wordSink keeps the words of the page OCR read last, for Document.Words: the reader puts
// one in the context it reads pages with (withWordSink), and layoutOCR fills it.
type wordSink struct{ words []Word }

type wordSinkKey struct{}

func withWordSink(ctx context.Context) (context.Context, *wordSink) {
	s := &wordSink{}
	return context.WithValue(ctx, wordSinkKey{}, s), s
}

// take gives the words kept, and forgets them.
func (s *wordSink) take() []Word {
	w := s.words
	s.words = nil
	return w
}

// layoutOCR lays out the rows OCR read off page, and keeps their words, as fractions of the
// page, in the context's sink if it has one.
func layoutOCR(ctx context.Context, rows []row, page *image.Gray) string {
	if s, ok := ctx.Value(wordSinkKey{}).(*wordSink); ok && s != nil {
		s.words = pageWords(rows, float64(page.Rect.Dx()), float64(page.Rect.Dy()))
	}
	return layoutRows(rows)
}

// A Value is what to look for on a page: its kind says how it may be printed.
type Value struct {
	Kind ValueKind
	Text string // as the proposal holds it: "EAC2512345678", "A261349091", "I-485", "2025-05-23", "Receipt Notice"
}

// ValueKind says how a value may be printed.
type ValueKind int

const (
	// Number is a receipt, A- or account number or a form: its letters and digits in order,
	// whatever is printed between them ("EAC*25…", "A# 261 349 091", "I130"), and an
	// A-number also without its A.
	Number ValueKind = iota
	// Date is a date written any way datetext reads ("May 23, 2025", "05/23/2025").
	Date
	// Text is words, compared without case, accents or punctuation.
	Text
)

// A Box is where a value is printed: the union of its words' boxes.
type Box struct {
	Page           int
	X0, Y0, X1, Y1 float64
}

// maxRun is how many words of a row a value may be printed in: "A# 261 349 091" is four,
// "Request for Applicant to Appear for Interview" seven.
const maxRun = 8

// Locate finds where v is printed on pages, the words of each page (see Document.Words): every
// run of words of one row that spells it. Nothing is found for an empty value.
func Locate(pages [][]Word, v Value) []Box {
	want := fold(v.Kind, v.Text)
	if want == "" {
		return nil
	}
	if v.Kind == Date && len(v.Text) != len("2006-01-02") {
		return nil
	}
	var out []Box
	for page, words := range pages {
		for i := 0; i < len(words); i++ {
			var joined strings.Builder
			for j := i; j < len(words) && j < i+maxRun && words[j].Line == words[i].Line; j++ {
				if j > i {
					joined.WriteByte(' ')
				}
				joined.WriteString(words[j].Text)
				if matches(v, want, joined.String()) {
					out = append(out, union(page, words[i:j+1]))
					i = j // the next match starts after this one
					break
				}
			}
		}
	}
	return out
}

// matches says whether printed, some words of a row, spell the value v folded to want.
func matches(v Value, want, printed string) bool {
	switch v.Kind {
	case Date:
		// "May 23, 2025." and "(05/23/2025)": the punctuation around a date is not part of it.
		iso, err := datetext.Parse(strings.TrimFunc(printed, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		return err == nil && iso == v.Text && datePrinted(printed)
	case Number:
		got := fold(Number, printed)
		return sameNumber(got, want) || (strings.HasPrefix(want, "A") && len(want) > 8 && sameNumber(got, want[1:]))
	}
	return fold(Text, printed) == want
}

// datePrinted is false for a run of words that datetext reads as a date but that starts or
// ends with words that are not part of it, which would draw the box too wide.
func datePrinted(printed string) bool {
	words := strings.Fields(printed)
	first, last := words[0], words[len(words)-1]
	has := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	}
	return has(first) && has(last)
}

// sameNumber says whether got, folded, is want, folded, taking a letter OCR reads for a digit
// (O for 0, l for 1) where want has that digit.
func sameNumber(got, want string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range len(got) {
		if got[i] != want[i] && (got[i] >= 0x80 || digitFor(rune(got[i])) != rune(want[i])) {
			return false
		}
	}
	return true
}

// fold is s as compared for its kind: a number's letters and digits, upper case; a text's letters and digits, lower case, without accents, one space between
// words.
func fold(kind ValueKind, s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // an accent
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if kind == Text {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteRune(unicode.ToLower(r))
			} else {
				b.WriteRune(unicode.ToUpper(r))
			}
			space = false
		default:
			space = true
		}
	}
	return b.String()
}

// digitFor is the digit OCR may have read as r, or r.
func digitFor(r rune) rune {
	switch r {
	case 'O', 'D', 'Q':
		return '0'
	case 'I', 'L':
		return '1'
	case 'S':
		return '5'
	case 'B':
		return '8'
	case 'Z':
		return '2'
	}
	return r
}

func union(page int, words []Word) Box {
	b := Box{Page: page, X0: words[0].X0, Y0: words[0].Y0, X1: words[0].X1, Y1: words[0].Y1}
	for _, w := range words[1:] {
		b.X0, b.Y0, b.X1, b.Y1 = min(b.X0, w.X0), min(b.Y0, w.Y0), max(b.X1, w.X1), max(b.Y1, w.Y1)
	}
	return b
}

// A Name is a person's name printed on a notice beside or under a label that introduces one.
type Name struct {
	Label string // as printed: "Beneficiary", "APPLICANT"
	Text  string // as printed: "MORALES, ANA"
	Box   Box
}

// nameLabels are the labels notices print a person's name under or after, folded.
var nameLabels = map[string]bool{
	"applicant": true, "beneficiary": true, "petitioner": true, "requestor": true, "requester": true,
	"name": true, "applicant name": true, "beneficiary name": true, "petitioner name": true,
	"name of applicant": true, "name of beneficiary": true,
}

// FindNames finds the names printed on pages after a name label on the same row ("Applicant:
// MORALES, ANA") or, when the label has no name beside it, at the start of the row under it,
// as notices print their header in boxes. Each label gives at most one name, and a name is
// letters with the punctuation of names: a value with a digit in it is not one.
func FindNames(pages [][]Word) []Name {
	var out []Name
	for page, words := range pages {
		for i := 0; i < len(words); i++ {
			n := labelAt(words, i)
			if n == 0 || (i > 0 && !strings.HasSuffix(words[i+n-1].Text, ":") && words[i-1].Line == words[i].Line && nextInPhrase(words[i-1], words[i])) {
				// Not a label but a word of a sentence: "Request for Applicant to Appear".
				continue
			}
			label := words[i : i+n]
			var name []Word
			if k := i + n; k < len(words) && words[k].Line == words[i].Line && nearRight(label[n-1], words[k]) {
				name = nameRun(words, k)
			}
			if len(name) == 0 {
				name = nameUnder(words, label[0])
			}
			if len(name) > 0 {
				out = append(out, Name{Label: strings.TrimRight(joinWords(label), ":"), Text: strings.TrimRight(joinWords(name), ",.;:- "), Box: union(page, name)})
			}
			i += n - 1
		}
	}
	return out
}

// labelAt is how many words from words[i] make a name label, 0 if none do. The longest wins.
func labelAt(words []Word, i int) int {
	best := 0
	for n := 1; n <= 3 && i+n <= len(words) && words[i+n-1].Line == words[i].Line; n++ {
		if nameLabels[fold(Text, joinWords(words[i:i+n]))] {
			best = n
		}
	}
	// "Name" alone is a label only when it ends in a colon or stands alone: "Name of the
	// company" in a paragraph is not one.
	if best == 1 && fold(Text, words[i].Text) == "name" && !strings.HasSuffix(words[i].Text, ":") {
		if i+1 < len(words) && words[i+1].Line == words[i].Line && nearRight(words[i], words[i+1]) {
			return 0
		}
	}
	return best
}

// nearRight says whether b follows a on its row within a few characters' width: the value
// after a label, not the next column.
func nearRight(a, b Word) bool {
	height := a.Y1 - a.Y0
	return b.X0 >= a.X0 && b.X0-a.X1 < 12*height
}

// nameRun is the name-like words from words[k] on, on one row, each close to the one before.
func nameRun(words []Word, k int) []Word {
	var run []Word
	for j := k; j < len(words) && words[j].Line == words[k].Line && len(run) < 6; j++ {
		w := words[j]
		if len(run) > 0 && !nextInPhrase(run[len(run)-1], w) {
			break // the next column
		}
		if !nameLike(w.Text) {
			break
		}
		run = append(run, w)
	}
	if !strings.ContainsFunc(joinWords(run), unicode.IsLetter) {
		return nil
	}
	return run
}

// nextInPhrase says whether b follows a on its row as the next word of a phrase does: less than one
// and a half times the row's height apart, or two and a half characters (a space in a
// monospaced font is a whole character, wider than a fraction of the height of OCR's capitals).
func nextInPhrase(a, b Word) bool {
	char := 0.0
	if n := utf8.RuneCountInString(a.Text); n > 0 {
		char = (a.X1 - a.X0) / float64(n)
	}
	gap := b.X0 - a.X1
	return gap < max(1.5*(a.Y1-a.Y0), 2.5*char)
}

// nameUnder is the name that starts on the row under label, below its first letter.
func nameUnder(words []Word, label Word) []Word {
	height := label.Y1 - label.Y0
	for k, w := range words {
		if w.Line == label.Line+1 && w.X0 > label.X0-height && w.X0 < label.X0+2*height {
			return nameRun(words, k)
		}
	}
	return nil
}

// nameLike is a word that may be part of a name: letters, and the hyphens, apostrophes,
// periods and commas names are written with.
func nameLike(s string) bool {
	if s == "" || s == ":" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !strings.ContainsRune("-'’.,", r) {
			return false
		}
	}
	return true
}

func joinWords(words []Word) string {
	texts := make([]string, len(words))
	for i, w := range words {
		texts[i] = w.Text
	}
	return strings.Join(texts, " ")
}
