package fields

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// approxLabels finds, on a line of the head, the labels OCR misread beyond the look-alikes
// fuzzy knows: a letter read as another ("Date Recened", "Prionty Date", "Pecesved Date",
// "Date ot Notice"), as a fax's broken strokes often are. Only labels of two words or more are
// read so, whole word by whole word, each word within one edit of the label's (two from seven
// letters), and the whole within a quarter of its letters: a single word so close may be any
// word, two together are the label. found are the labels already found on the line, which an
// approximate one never overlaps.
func approxLabels(text string, line int, found []label) []label {
	words := splitWords(text)
	var out []label
	for i := 0; i < len(words); i++ {
		best, bestDist, bestLen := label{}, -1, 0
		for _, lp := range approxPhrases {
			n := len(lp.words)
			if i+n > len(words) {
				continue
			}
			d, ok := phraseDistance(lp.words, words[i:i+n])
			if !ok || d == 0 {
				continue // an exact label is labelRE's
			}
			if bestDist < 0 || d < bestDist || d == bestDist && n > bestLen {
				start, end := words[i].start, words[i+n-1].end
				best, bestDist, bestLen = label{kind: lp.kind, line: line, start: start, end: end}, d, n
			}
		}
		if bestDist < 0 || overlaps(best, found) || overlaps(best, out) {
			continue
		}
		out = append(out, best)
		for i+1 < len(words) && words[i+1].start < best.end {
			i++
		}
	}
	return out
}

func overlaps(l label, ls []label) bool {
	return slices.ContainsFunc(ls, func(o label) bool { return o.start < l.end && l.start < o.end })
}

// approxPhrase is a label phrase of two words or more, its words in canonical letters.
type approxPhrase struct {
	kind  labelKind
	words []string
}

// approxPhrases are labelPhrases' phrases of two words or more.
var approxPhrases = func() []approxPhrase {
	var ps []approxPhrase
	for _, lp := range labelPhrases {
		for _, ph := range lp.phrases {
			if ws := strings.Fields(ph); len(ws) >= 2 {
				for j := range ws {
					ws[j] = canonical(ws[j])
				}
				ps = append(ps, approxPhrase{lp.kind, ws})
			}
		}
	}
	return ps
}()

// phraseDistance is the edits between a label's words and the words of a line, if they are
// near enough to be the label.
func phraseDistance(want []string, got []lineWord) (int, bool) {
	total, letters := 0, 0
	for j, w := range want {
		n := utf8.RuneCountInString(w)
		allowed := 1
		if n >= 7 {
			allowed = 2
		}
		// A word longer or shorter by more than the edits allowed is none: no distance to
		// work out, which keeps a long line of long words cheap.
		if diff := utf8.RuneCountInString(got[j].canon) - n; diff > allowed || -diff > allowed {
			return 0, false
		}
		d := editDistance(w, got[j].canon)
		if d > allowed {
			return 0, false
		}
		total += d
		letters += n
	}
	return total, total <= max(1, letters/4)
}

// lineWord is a word of a line: its offsets and its letters in canonical form.
type lineWord struct {
	start, end int
	canon      string
}

// splitWords parts a line at spaces, leaving off the punctuation around a word (a label's
// colon, a speck read as a dot).
func splitWords(text string) []lineWord {
	var ws []lineWord
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		s, e := i, j
		for s < e && strings.IndexByte(`.,:;'"?`, text[s]) >= 0 {
			s++
		}
		for e > s && strings.IndexByte(`.,:;'"?`, text[e-1]) >= 0 {
			e--
		}
		if s < e {
			ws = append(ws, lineWord{start: s, end: e, canon: canonical(text[s:e])})
		}
		i = j
	}
	return ws
}

// canonical lowers a word and writes each OCR look-alike as one letter, so that a look-alike
// costs no edit.
func canonical(w string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(w) {
		switch c {
		case '1', 'l', '|', '!':
			c = 'i'
		case '0':
			c = 'o'
		case '5':
			c = 's'
		case '8':
			c = 'b'
		case '9':
			c = 'g'
		}
		b.WriteRune(c)
	}
	return b.String()
}

// editDistance is the Levenshtein distance between two words, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
