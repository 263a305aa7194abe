package strength

import "math"

// zxcvbn's floors: a part of a passphrase is never counted as cheaper than
// this, since a guesser does not know where one part ends and the next
// begins.
const (
	minSubmatchGuessesSingleChar = 10
	minSubmatchGuessesMultiChar  = 50
)

// guessesLog10 returns log10 of the guesses needed to find m's part of t
// alone, as zxcvbn's estimate_guesses counts them.
func guessesLog10(m *match, t text) float64 {
	var g float64
	switch m.pattern {
	case word:
		g = wordGuesses(m, t)
	case keyboardRun:
		g = keyboardGuesses(m, t)
	case repeat:
		g = math.Pow(10, m.baseLog10) * float64(m.count)
	case sequence:
		g = sequenceGuesses(m, t)
	case date:
		g = max(float64(abs(m.year-referenceYear)), minYearSpace)
		if !m.yearOnly {
			g *= 365
			if m.separator {
				g *= 4
			}
		}
	}
	floor := 1.0
	if n := t.charsIn(m.i, m.j); n < t.charsIn(0, len(t.raw)) {
		floor = minSubmatchGuessesMultiChar
		if n == 1 {
			floor = minSubmatchGuessesSingleChar
		}
	}
	return math.Log10(min(max(g, floor), math.MaxFloat64))
}

// bruteforceLog10 is log10 of zxcvbn's guesses for n characters that no
// pattern explains: 10 a character, at least 11 for one and 51 for more.
func bruteforceLog10(n int) float64 {
	if n == 1 {
		return math.Log10(minSubmatchGuessesSingleChar + 1)
	}
	return float64(n)
}

// wordGuesses is the word's rank, times the ways of capitalising it, of
// substituting its l33t characters, and 2 if it is reversed.
func wordGuesses(m *match, t text) float64 {
	i := m.i
	if m.sep {
		i++
	}
	g := float64(m.entry.rank) * uppercaseVariations(t.raw[i:m.j])
	if m.l33t {
		g *= l33tVariations(t.lower[i:m.j], m.dict.word(m.entry))
	}
	if m.reversed {
		g *= 2
	}
	return g
}

// uppercaseVariations counts the capitalisations a guesser tries before
// this one: 1 for all lower case; 2 for a first or last capital or all
// capitals; otherwise the ways of placing up to as many capitals as it has.
func uppercaseVariations(token []byte) float64 {
	upper, lower := 0, 0
	for _, c := range token {
		switch {
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z':
			lower++
		}
	}
	if upper == 0 {
		return 1
	}
	last := len(token) - 1
	firstUp := 'A' <= token[0] && token[0] <= 'Z'
	lastUp := 'A' <= token[last] && token[last] <= 'Z'
	if lower == 0 || upper == 1 && (firstUp && len(token) > 1 || lastUp && len(token) > 1) {
		return 2
	}
	return variations(upper, lower)
}

// l33tVariations counts, for each substitution made in token to read it as
// w, the ways of making it in some places and not others.
func l33tVariations(token, w []byte) float64 {
	g := 1.0
	var done [256]bool
	for k := range token {
		sub, letter := token[k], w[k]
		if sub == letter || done[sub] {
			continue
		}
		done[sub] = true
		subbed, unsubbed := 0, 0
		for _, c := range token {
			switch c {
			case sub:
				subbed++
			case letter:
				unsubbed++
			}
		}
		if unsubbed == 0 {
			g *= 2
		} else {
			g *= variations(subbed, unsubbed)
		}
	}
	return g
}

// variations is the sum over k from 1 to min(a, b) of (a+b choose k).
func variations(a, b int) float64 {
	v := 0.0
	for k := 1; k <= min(a, b); k++ {
		v += choose(a+b, k)
	}
	return v
}

func choose(n, k int) float64 {
	if k > n {
		return 0
	}
	r := 1.0
	for d := 1; d <= k; d++ {
		r = r * float64(n) / float64(d)
		n--
	}
	return r
}

// keyboardGuesses counts the runs of the same length with at most as many
// turns, from any starting key, and the ways of shifting some of the keys.
func keyboardGuesses(m *match, t text) float64 {
	kb := m.keyboard
	n := t.charsIn(m.i, m.j)
	g := 0.0
	for i := 2; i <= n; i++ {
		for j := 1; j <= min(m.turns, i-1); j++ {
			g += choose(i-1, j-1) * kb.startingPositions * math.Pow(kb.averageDegree, float64(j))
		}
	}
	if m.shifted > 0 {
		if unshifted := n - m.shifted; unshifted == 0 {
			g *= 2
		} else {
			g *= variations(m.shifted, unshifted)
		}
	}
	return g
}

// sequenceGuesses counts the sequences of this length from a likely first
// character (a, z, 0, 1, 9 and their capitals come first), up or down.
func sequenceGuesses(m *match, t text) float64 {
	g := 26.0
	switch c := t.raw[m.i]; {
	case c == 'a' || c == 'A' || c == 'z' || c == 'Z' || c == '0' || c == '1' || c == '9':
		g = 4
	case isDigit(c):
		g = 10
	}
	if !m.ascending {
		g *= 2
	}
	return g * float64(t.charsIn(m.i, m.j))
}
