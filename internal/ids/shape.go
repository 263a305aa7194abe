package ids

import (
	"unicode"
	"unicode/utf8"
)

// A shape is how an identifier is written in running text: groups of slots that may be parted
// by one space or dash ("EAC 25 123 45678", "123-45-6789"). In a group, 'l' is a letter slot,
// 'd' a digit slot, 'x' a letter or digit, and an upper-case letter stands for itself.
type shape struct {
	groups []string
	// star allows the '*' that notices print after a receipt's prefix (EAC*2512345678).
	star bool
}

// A reading is the text a shape matched.
type reading struct {
	end   int    // byte offset just past the match
	value []byte // upper case, corrected, separators dropped
	fixed bool   // an OCR correction was applied
	lower bool   // a letter was written in lower case
}

// read matches s at text[pos:]. The match must start and end at a word boundary.
//
// OCR confusions are corrected by position only, as docs/identifiers.md#ocr-look-alikes says: O, I,
// l, |, S, B in a digit slot and 0, 1, 5, 8 in a letter slot. A reading needing more than a few
// fixes is more likely a word than a garbled number, so at most a third of the letter slots and a
// fifth of the digit slots may be fixed: for a receipt, 2 of its 3 letters and 8 of its 10 digits
// must have been read as printed.
func (s shape) read(text string, pos int) (reading, bool) {
	if pos > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:pos]); isWordRune(r) {
			return reading{}, false
		}
	}
	var (
		rd                              reading
		letters, digits, lFixes, dFixes int
	)
	i := pos
	for gi, g := range s.groups {
		if gi > 0 {
			if gi == 1 && s.star && i < len(text) && text[i] == '*' {
				i++
			}
			if i < len(text) {
				if r, size := utf8.DecodeRuneInString(text[i:]); isSeparator(r) {
					i += size
				}
			}
		}
		for j := 0; j < len(g); j++ {
			if i >= len(text) {
				return reading{}, false
			}
			c := text[i]
			var v byte
			switch slot := g[j]; slot {
			case 'd':
				digits++
				v = ocrDigit(c)
				if v != c {
					dFixes++
				}
			case 'l':
				letters++
				v, rd.lower = ocrLetter(c), rd.lower || 'a' <= c && c <= 'z'
				if v != 0 && !isLetter(c) {
					lFixes++
				}
			case 'x':
				v, rd.lower = upper(c), rd.lower || 'a' <= c && c <= 'z'
				if !isUpper(v) && !isDigit(v) {
					v = 0
				}
			default:
				if v = upper(c); v != slot {
					v = 0
				}
				rd.lower = rd.lower || 'a' <= c && c <= 'z'
			}
			if v == 0 {
				return reading{}, false
			}
			rd.value = append(rd.value, v)
			i++
		}
	}
	if i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
			return reading{}, false
		}
	}
	if lFixes*3 > letters || dFixes*5 > digits {
		return reading{}, false
	}
	rd.end, rd.fixed = i, lFixes+dFixes > 0
	return rd, true
}

// readFirst returns the reading of the first of shapes that matches at pos.
func readFirst(shapes []shape, text string, pos int) (reading, bool) {
	for _, s := range shapes {
		if rd, ok := s.read(text, pos); ok {
			return rd, true
		}
	}
	return reading{}, false
}

// ocrDigit reads c in a digit slot, or returns 0.
func ocrDigit(c byte) byte {
	switch c {
	case 'O':
		return '0'
	case 'I', 'l', '|':
		return '1'
	case 'S':
		return '5'
	case 'B':
		return '8'
	}
	if isDigit(c) {
		return c
	}
	return 0
}

// ocrLetter reads c in a letter slot, upper-cased, or returns 0.
func ocrLetter(c byte) byte {
	switch c {
	case '0':
		return 'O'
	case '1':
		return 'I'
	case '5':
		return 'S'
	case '8':
		return 'B'
	}
	if isLetter(c) {
		return upper(c)
	}
	return 0
}

func isLetter(c byte) bool { return isUpper(c) || 'a' <= c && c <= 'z' }

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// isWordRune reports whether r would continue a word, so that a match next to it is part of
// something longer.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isSeparator reports whether r may stand between the groups of a number.
func isSeparator(r rune) bool {
	return r == ' ' || r == '\t' || isDash(r) || unicode.Is(unicode.Zs, r)
}
