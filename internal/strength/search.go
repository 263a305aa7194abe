package strength

import (
	"math"
	"slices"
)

// minGuessesBeforeGrowingSequence is zxcvbn's additive penalty base: a
// decomposition into l parts costs at least 10000^(l-1) guesses, so that
// a passphrase is not explained away as many one-character parts.
const minGuessesBeforeGrowingSequence = 4 // log10 of 10000

// part is one piece of the cheapest decomposition of a passphrase: raw[i:j]
// and what explains it, None for brute force.
type part struct {
	i, j   int
	reason Weakness
}

// maxParts bounds the parts of a cover the search considers, which bounds
// its work. It changes no result below 10^(4×maxParts): a cover of more
// parts costs at least 10000^maxParts by itself.
const maxParts = 16

// candidate is the cheapest way found to cover a prefix with l parts, the
// last of which starts at i; l == 0 marks none.
type candidate struct {
	l  int
	g  float64 // log10 of l! × 10^pi + 10000^(l-1): what the cover costs
	pi float64 // log10 of the product of the parts' guesses
	i  int
	m  int // index of the last part's match, or -1 for brute force
}

// analyse estimates t: log10 of the guesses needed, and the cover that
// needs the fewest.
func analyse(t text, user *dictionary) (float64, []part) {
	ms := findMatches(t, user)
	for k := range ms {
		ms[k].log10 = guessesLog10(&ms[k], t)
	}
	return cheapest(t, ms)
}

// cheapest is zxcvbn's most_guessable_match_sequence: dynamic programming
// over prefixes, keeping for each prefix and each number of parts l the
// cheapest cover, where a cover of l parts costs l! times the product of
// its parts' guesses (a guesser does not know the order of the patterns)
// plus 10000^(l-1). Spans no match explains are brute-forced, never two
// brute-force spans in a row. It works in log10 so that nothing overflows.
func cheapest(t text, ms []match) (float64, []part) {
	n := len(t.raw)
	if n == 0 {
		return 0, nil
	}
	// The matches in order of end, then start, packed with their index
	// into numbers, which sort much faster than the matches themselves.
	order := make([]uint64, len(ms))
	for k, m := range ms {
		order[k] = uint64(m.j)<<48 | uint64(m.i)<<32 | uint64(k)
	}
	slices.Sort(order)
	best := make([][maxParts + 1]candidate, n+1)
	update := func(e, l int, pi float64, i, m int) {
		if l > maxParts {
			return
		}
		product, additive := logFactorials[l]+pi, minGuessesBeforeGrowingSequence*float64(l-1)
		// Most updates lose, and g is at least the larger term, which is
		// cheaper to compare than g itself.
		lowest := max(product, additive)
		for _, c := range best[e][1 : l+1] {
			if c.l != 0 && c.g <= lowest {
				return
			}
		}
		g := logAdd(product, additive)
		for _, c := range best[e][1 : l+1] {
			if c.l != 0 && c.g <= g {
				return
			}
		}
		best[e][l] = candidate{l: l, g: g, pi: pi, i: i, m: m}
	}
	// A brute-force span of k ≥ 2 characters costs 10^k, so the cheapest
	// way to end at e with l parts, the last brute force of 2 or more
	// characters after a match, is chars(e) + min(pi - chars(i)) over the
	// covers of l-1 parts ending in a match at some i at least 2
	// characters before e. lead[l] keeps that minimum.
	type leader struct {
		key float64
		i   int
	}
	var lead [maxParts + 1]leader
	for l := range lead {
		lead[l].key = math.Inf(1)
	}
	next, absorbed, previous := 0, 1, 0
	for e := 1; e <= n; e++ {
		for ; next < len(order) && int(order[next]>>48) == e; next++ {
			k := int(uint32(order[next]))
			m := &ms[k]
			if m.i == 0 {
				update(e, 1, m.log10, 0, k)
				continue
			}
			for _, c := range best[m.i] {
				if c.l != 0 {
					update(e, c.l+1, c.pi+m.log10, m.i, k)
				}
			}
		}
		if !t.boundary(e) {
			continue
		}
		chars := t.charsIn(0, e)
		for ; absorbed < e && t.charsIn(absorbed, e) >= 2; absorbed++ {
			if !t.boundary(absorbed) {
				continue
			}
			key := -float64(t.charsIn(0, absorbed))
			for l, c := range best[absorbed] {
				if c.l != 0 && c.m >= 0 && c.pi+key < lead[l].key {
					lead[l] = leader{c.pi + key, absorbed}
				}
			}
		}
		update(e, 1, bruteforceLog10(chars), 0, -1)
		for _, c := range best[previous] {
			if c.l != 0 && c.m >= 0 {
				update(e, c.l+1, c.pi+bruteforceLog10(1), previous, -1)
			}
		}
		for l, ld := range lead {
			if !math.IsInf(ld.key, 1) {
				update(e, l+1, ld.key+float64(chars), ld.i, -1)
			}
		}
		previous = e
	}

	var top candidate
	for _, c := range best[n] {
		if c.l != 0 && (top.l == 0 || c.g < top.g) {
			top = c
		}
	}
	parts := make([]part, top.l)
	for e, c := n, top; e > 0; e, c = c.i, best[c.i][c.l-1] {
		parts[c.l-1] = part{i: c.i, j: e}
		if c.m >= 0 {
			parts[c.l-1].reason = ms[c.m].weakness()
		}
	}
	return top.g, parts
}

// logAdd returns log10(10^a + 10^b).
func logAdd(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if a-b > 17 { // 10^(b-a) vanishes next to 1 in a float64
		return a
	}
	return a + math.Log10(1+math.Pow(10, b-a))
}

// logFactorials[l] is log10(l!) for every number of parts a cover can have.
var logFactorials = func() []float64 {
	f := make([]float64, maxParts+1)
	for n := 2; n <= maxParts; n++ {
		f[n] = f[n-1] + math.Log10(float64(n))
	}
	return f
}()
