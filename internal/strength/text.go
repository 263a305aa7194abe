package strength

import "unicode/utf8"

// text is a passphrase, or a part of one, in the forms the matchers read.
// raw is the caller's; the others are scratch that Estimate wipes.
type text struct {
	raw   []byte
	lower []byte // raw lower-cased, same length and offsets
	rev   []byte // lower reversed
	// chars[k] counts the characters that start in raw[:k] (plus a
	// constant in a sub-text): brute force counts characters, not bytes,
	// so that ñ costs what n costs. A byte that is not valid UTF-8 is a
	// character of its own.
	chars []int32
}

// sub returns the part raw[i:j] of t, sharing t's buffers.
func (t text) sub(i, j int) text {
	n := len(t.raw)
	return text{raw: t.raw[i:j], lower: t.lower[i:j], rev: t.rev[n-j : n-i], chars: t.chars[i : j+1]}
}

// charsIn returns the number of characters in raw[i:j].
func (t text) charsIn(i, j int) int { return int(t.chars[j] - t.chars[i]) }

// boundary reports whether a character starts at k, or k is the end.
func (t text) boundary(k int) bool { return k == len(t.raw) || t.chars[k+1] != t.chars[k] }

// countChars fills chars, of length len(raw)+1, for raw.
func countChars(chars []int32, raw []byte) {
	var n int32
	for k := 0; k < len(raw); {
		_, size := utf8.DecodeRune(raw[k:])
		chars[k] = n
		for b := 1; b < size; b++ {
			chars[k+b] = n + 1
		}
		n++
		k += size
	}
	chars[len(raw)] = n
}

// lower writes src lower-cased into dst, which has src's length. It changes
// ASCII and the Latin-1 capitals (UTF-8 C3 80 to C3 9E but not ×), which
// keep their length when lower-cased, so offsets stay the same.
func lower(dst, src []byte) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xc3 && i+1 < len(src) && 0x80 <= src[i+1] && src[i+1] <= 0x9e && src[i+1] != 0x97:
			dst[i] = c
			i++
			c = src[i] + 0x20
		}
		dst[i] = c
	}
}

// reverse writes src reversed byte by byte into dst, which has src's length.
func reverse(dst, src []byte) {
	for i, c := range src {
		dst[len(src)-1-i] = c
	}
}

// foldAccents appends to dst the lower-case word w without the accents of
// Spanish, Catalan and Portuguese (á→a, ñ→n, ç→c, ü→u), and reports
// whether w had any.
func foldAccents(dst, w []byte) ([]byte, bool) {
	changed := false
	for i := 0; i < len(w); i++ {
		if w[i] == 0xc3 && i+1 < len(w) {
			if f := accentFold[w[i+1]]; f != 0 {
				dst = append(dst, f)
				i++
				changed = true
				continue
			}
		}
		dst = append(dst, w[i])
	}
	return dst, changed
}

// accentFold maps the second byte of a lower-case UTF-8 letter C3 xx to its
// unaccented ASCII letter.
var accentFold = [256]byte{
	0xa0: 'a', 0xa1: 'a', 0xa2: 'a', 0xa3: 'a', 0xa4: 'a',
	0xa7: 'c',
	0xa8: 'e', 0xa9: 'e', 0xaa: 'e', 0xab: 'e',
	0xac: 'i', 0xad: 'i', 0xae: 'i', 0xaf: 'i',
	0xb1: 'n',
	0xb2: 'o', 0xb3: 'o', 0xb4: 'o', 0xb5: 'o', 0xb6: 'o',
	0xb9: 'u', 0xba: 'u', 0xbb: 'u', 0xbc: 'u',
	0xbd: 'y', 0xbf: 'y',
}
