package fields

import (
	"strings"
	"sync"

	"immivault/internal/ids"
)

// repairReceipts rewrites, in place, each receipt number OCR broke beyond what ids.Find reads, when
// its prefix is a known office's: look-alikes in the prefix ("10E", "lOE", "TOE" are IOE, "LlN" is
// LIN, "$RC" is SRC; ids.Find corrects at most one letter in three, as
// docs/identifiers.md#ocr-look-alikes says for numbers nothing else vouches for, but here the known
// office vouches), a table border read as a character before it ("|EAC…", "1IOE…"), spaces or
// dashes where tesseract split the digits ("IOE088597 7035", "LIN--22-155-48922"), and a label run
// into it ("NUMBEREAC…"). The digits are left for ids.Find to correct. The number is rewritten in
// its compact form padded with spaces, so that the text keeps its length and offsets; a label run
// into it loses its last letter to the space that parts them. It returns the text and which of its
// bytes are numbers whose prefix was corrected.
func repairReceipts(text string) (string, []bool) {
	var b []byte
	fixed := make([]bool, len(text))
	for i := 0; i < len(text); i++ {
		glued := i > 0 && isAlnumByte(text[i-1])
		if glued && !strings.EqualFold(text[max(i-6, 0):i], "number") {
			continue
		}
		for _, skip := range []int{0, 1} {
			if skip == 1 && !strings.ContainsRune("|1lI![", rune(text[i])) {
				break
			}
			prefix, digits, end, ok := readBrokenReceipt(text, i+skip)
			if !ok {
				continue
			}
			compact := prefix + digits
			corrected := skip == 1 || text[i+skip:i+skip+3] != prefix
			if !glued && !corrected && (text[i:end] == compact || ids.Find(text[i:end]) != nil) {
				break // ids.Find reads it as printed
			}
			if b == nil {
				b = []byte(text)
			}
			at := i
			switch {
			case glued && end-i > len(compact):
				b[i], at = ' ', i+1
			case glued:
				b[i-1] = ' '
			}
			copy(b[at:end], compact+strings.Repeat(" ", end-at-len(compact)))
			for k := i; corrected && k < end; k++ {
				fixed[k] = true
			}
			i = end - 1
			break
		}
	}
	if b == nil {
		return text, fixed
	}
	return string(b), fixed
}

// readBrokenReceipt reads, at text[i:], three letters or look-alikes that spell a known office
// prefix (or four, one of them doubled), an optional '*', and ten digits or look-alikes with at
// most two separators between any two. It returns the prefix, the ten characters read as
// digits, and the end.
func readBrokenReceipt(text string, i int) (prefix, digits string, end int, ok bool) {
	j := i + 3
	prefix, ok = prefixAt(text, i)
	if !ok {
		prefix, ok = doubledPrefixAt(text, i)
		j++
	}
	if !ok {
		return "", "", 0, false
	}
	if j < len(text) && text[j] == '*' {
		j++
	}
	d := make([]byte, 0, 10)
	for gap := 0; j < len(text) && len(d) < 10; j++ {
		switch c := text[j]; {
		case strings.IndexByte(" -=_~", c) >= 0:
			if gap++; gap > 2 {
				return "", "", 0, false
			}
		case c == ']' || c == '[':
			d, gap = append(d, '|'), 0 // a 1 at a box's edge; ids.Find reads | as 1
		case isDigitLike(c):
			d, gap = append(d, c), 0
		default:
			return "", "", 0, false
		}
	}
	if len(d) < 10 || j < len(text) && isAlnumByte(text[j]) {
		return "", "", 0, false
	}
	return prefix, string(d), j, true
}

// prefixAt reads a known office prefix from the three characters at text[i:].
func prefixAt(text string, i int) (string, bool) {
	if i+3 > len(text) {
		return "", false
	}
	return prefixOf([]byte(text[i : i+3]))
}

// prefixOf reads three characters as a known office prefix, through letterLookalikes and
// knownReading.
func prefixOf(p []byte) (string, bool) {
	for k, c := range p {
		if v, ok := letterLookalikes[c]; ok {
			p[k] = v
		}
		if p[k] < 'A' || p[k] > 'Z' {
			return "", false
		}
	}
	return knownReading(p)
}

// doubledPrefixAt reads a known office prefix from four characters at text[i:] two of which,
// side by side, read as the same letter: OCR doubles a letter ("I0OE", "1O0E" for IOE).
func doubledPrefixAt(text string, i int) (string, bool) {
	if i+4 > len(text) {
		return "", false
	}
	read := func(c byte) byte {
		if v, ok := letterLookalikes[c]; ok {
			return v
		}
		return c
	}
	for k := i; k < i+3; k++ {
		if read(text[k]) == read(text[k+1]) {
			if p, ok := prefixOf([]byte(text[i:k] + text[k+1:i+4])); ok {
				return p, true
			}
		}
	}
	return "", false
}

// letterConfusions are the capital letters tesseract takes for one another.
var letterConfusions = map[byte]string{
	'E': "FB", 'F': "E", 'B': "E", 'C': "GO", 'G': "C", 'O': "CDQ", 'D': "O", 'Q': "O",
	'R': "P", 'P': "R", 'N': "MH", 'M': "N", 'H': "N", 'W': "V", 'V': "WY", 'Y': "V",
	'L': "I", 'I': "L",
}

// knownReading returns p if it is a known office prefix, else the one known prefix that a
// single letter confusion makes of it ("BAC" is EAC: B and E are confused, and no other known
// prefix is one confusion away). Two candidates are no reading: the person types it.
func knownReading(p []byte) (string, bool) {
	if knownPrefix(string(p)) {
		return string(p), true
	}
	found := ""
	for k, c := range p {
		for _, alt := range []byte(letterConfusions[c]) {
			q := []byte(string(p))
			q[k] = alt
			switch s := string(q); {
			case !knownPrefix(s) || s == found:
			case found != "":
				return "", false
			default:
				found = s
			}
		}
	}
	return found, found != ""
}

func isDigitLike(c byte) bool { return '0' <= c && c <= '9' || strings.IndexByte("OIlSB|", c) >= 0 }

// letterLookalikes are the characters OCR reads in place of capital letters.
var letterLookalikes = map[byte]byte{'1': 'I', 'l': 'I', '|': 'I', '!': 'I', 'T': 'I', '0': 'O', 'o': 'O', '5': 'S', '$': 'S', '8': 'B', '2': 'Z', '7': 'Z'}

// knownPrefix reports whether p is the prefix of a receipt office
// docs/identifiers.md#office-prefixes lists, as ids.Explain knows them. Answers are kept:
// repairReceipts asks at every word.
func knownPrefix(p string) bool {
	if known, ok := knownPrefixes.Load(p); ok {
		return known.(bool)
	}
	known := ids.Explain(ids.ReceiptNumber, []byte(p+"2500100001")).Office != ""
	knownPrefixes.Store(p, known)
	return known
}

var knownPrefixes sync.Map // prefix → bool
