package strength

import "bytes"

// repeatMatches appends each run of a part typed two or more times in a
// row, left to right, as zxcvbn's repeat_match finds them with the regular
// expressions (.+)\1+ and (.+?)\1+: of the shortest and the longest part
// that repeats at the leftmost position, the one whose run is longer. The
// part's own guesses come from estimating it alone.
func repeatMatches(ms []match, t text, user *dictionary) []match {
	s := t.raw
	for p := 0; p+1 < len(s); p++ {
		shortest := 0
		for l := 1; p+2*l <= len(s); l++ {
			if s[p] == s[p+l] && bytes.Equal(s[p:p+l], s[p+l:p+2*l]) {
				shortest = l
				break
			}
		}
		if shortest == 0 {
			continue
		}
		longest := shortest
		for l := (len(s) - p) / 2; l > shortest; l-- {
			if s[p] == s[p+l] && bytes.Equal(s[p:p+l], s[p+l:p+2*l]) {
				longest = l
				break
			}
		}
		base, end := shortest, runEnd(s, p, shortest)
		if e := runEnd(s, p, longest); e > end {
			end = e
			base = period(s[p:end])
		}
		m := match{i: p, j: end, pattern: repeat, count: (end - p) / base}
		m.baseLog10, _ = analyse(t.sub(p, p+base), user)
		ms = append(ms, m)
		p = end - 1
	}
	return ms
}

// runEnd returns where the run of s[p:p+l] repeated from p ends.
func runEnd(s []byte, p, l int) int {
	end := p + l
	for end+l <= len(s) && bytes.Equal(s[p:p+l], s[end:end+l]) {
		end += l
	}
	return end
}

// period returns the length of the shortest part that s is made of, repeated.
func period(s []byte) int {
	for l := 1; l <= len(s)/2; l++ {
		if len(s)%l == 0 && bytes.Equal(s[:len(s)-l], s[l:]) {
			return l
		}
	}
	return len(s)
}
