package strength

// leetLetters gives, for each character people type in place of a letter,
// the letters it stands for (zxcvbn's table): 4 and @ for a, 0 for o, and
// so on. 1, | and 7 each stand for two letters.
var leetLetters = [256][2]byte{
	'4': {'a'}, '@': {'a'},
	'8': {'b'},
	'(': {'c'}, '{': {'c'}, '[': {'c'}, '<': {'c'},
	'3': {'e'},
	'6': {'g'}, '9': {'g'},
	'1': {'i', 'l'}, '!': {'i'}, '|': {'i', 'l'},
	'7': {'l', 't'}, '+': {'t'},
	'0': {'o'},
	'$': {'s'}, '5': {'s'},
	'%': {'x'},
	'2': {'z'},
}

// ambiguous numbers the characters that stand for two letters. A word
// finder records in two bits for each which letter the token so far reads
// it as, so that one token reads it one way: "l1ttl3" reads 1 as i or as
// l, never both.
var ambiguous = [256]uint8{'1': 1, '|': 2, '7': 3}

// wordFinder walks a passphrase through a dictionary from one start
// position, following every way of reading it (a literal character, or a
// letter it stands for) that some word continues.
type wordFinder struct {
	d        *dictionary
	s        []byte // t.lower, or t.rev for reversed words
	n        int    // len(s)
	start    int
	leet     bool
	reversed bool
	out      []match
}

// wordMatches appends the words of d found in t: as typed, in l33t speak
// (p@ssw0rd), and reversed (drowssap).
func wordMatches(ms []match, t text, d *dictionary) []match {
	f := wordFinder{d: d, n: len(t.raw), out: ms}
	for _, rev := range [...]bool{false, true} {
		f.s, f.leet, f.reversed = t.lower, true, false
		if rev {
			f.s, f.leet, f.reversed = t.rev, false, true
		}
		for f.start = range f.s {
			f.walk(0, len(d.entries), f.start, false, 0)
		}
	}
	return f.out
}

func (f *wordFinder) walk(lo, hi, pos int, subbed bool, choices uint16) {
	if pos == len(f.s) || pos-f.start == maxWordLen {
		return
	}
	c := f.s[pos]
	f.step(lo, hi, pos, c, subbed, choices)
	if !f.leet {
		return
	}
	for k, letter := range leetLetters[c] {
		if letter == 0 {
			break
		}
		next := choices
		if a := ambiguous[c]; a != 0 {
			shift := 2 * (a - 1)
			if chosen := choices >> shift & 3; chosen != 0 && int(chosen) != k+1 {
				continue
			}
			next |= uint16(k+1) << shift
		}
		f.step(lo, hi, pos, letter, true, next)
	}
}

func (f *wordFinder) step(lo, hi, pos int, c byte, subbed bool, choices uint16) {
	depth := pos - f.start
	lo, hi = f.d.narrow(lo, hi, depth, c)
	if lo == hi {
		return
	}
	// zxcvbn ignores one-character l33t words: "4" is not an "a".
	if e := f.d.entries[lo]; int(e.n) == depth+1 && !(subbed && depth == 0) {
		m := match{i: f.start, j: pos + 1, pattern: word, dict: f.d, entry: e, l33t: subbed, reversed: f.reversed}
		if f.reversed {
			m.i, m.j = f.n-(pos+1), f.n-f.start
		}
		// A palindrome read backwards is the same word at twice the guesses.
		if !f.reversed || !palindrome(f.d.word(e)) {
			f.out = append(f.out, m)
		}
	}
	f.walk(lo, hi, pos+1, subbed, choices)
}

// separators are the characters people put between the words of a passphrase.
const separators = " -_.,+/|:;~*"

// separatedWords appends, for each word that follows the passphrase's most
// used separator, the same word with the separator in front at the same
// number of guesses. Someone guessing "correct horse battery staple" tries
// word combinations with the usual separators between them, and the
// separators add almost nothing to that: without this each would cost as
// much as a random character.
func separatedWords(ms []match, t text) []match {
	var counts [len(separators)]int
	for _, c := range t.raw {
		for k := range len(separators) {
			if c == separators[k] {
				counts[k]++
			}
		}
	}
	best := 0
	for k, n := range counts {
		if n > counts[best] {
			best = k
		}
	}
	if counts[best] == 0 {
		return ms
	}
	sep := separators[best]
	for _, m := range ms {
		if m.pattern == word && !m.sep && m.i > 0 && t.raw[m.i-1] == sep {
			m.i--
			m.sep = true
			ms = append(ms, m)
		}
	}
	return ms
}

func palindrome(w []byte) bool {
	for i := range len(w) / 2 {
		if w[i] != w[len(w)-1-i] {
			return false
		}
	}
	return true
}
