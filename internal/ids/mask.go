package ids

import (
	"strings"
	"unicode/utf8"
)

// dot hides one character in a mask.
const dot = "•"

// Mask returns a display mask of a stored value that says which number it is to its owner
// without giving it away: EAC••••••5678, A-•••-•••-789, •••-••-6789. It keeps at most the last 4
// characters, fewer for short values, plus a prefix that is the same for many people (a receipt's
// or card's office letters, the N of a SEVIS ID, the AA of a DS-160 ID). An EAD category is
// shown as is: it names a class of applicants, not a person. A value not in storage form is
// masked completely.
func Mask(k Kind, norm []byte) string {
	if !isStored(k, norm) {
		return strings.Repeat(dot, 4)
	}
	s := string(norm)
	switch k {
	case ANumber:
		return "A-" + dot + dot + dot + "-" + dot + dot + dot + "-" + s[7:]
	case SSN:
		return dot + dot + dot + "-" + dot + dot + "-" + s[5:]
	case ReceiptNumber, GreenCard, EADCard, NVCCase:
		return s[:3] + hide(s[3:], 4)
	case SEVISID:
		return s[:1] + hide(s[1:], 4)
	case DS160:
		return s[:2] + hide(s[2:], 3)
	case EADCategory:
		return s
	case AccountNumber, I94:
		return hide(s, 4)
	}
	// Passport numbers and free text vary in length; keep a third at most, so a 6-character
	// passport number shows 2.
	n := utf8.RuneCountInString(s)
	return hide(s, min(n/3, 4))
}

// hide replaces all but the last keep runes of s with dots, at most 8 of them: free text can be
// long, and the mask need not tell how long.
func hide(s string, keep int) string {
	n := utf8.RuneCountInString(s)
	if keep > n {
		keep = n
	}
	i := len(s)
	for range keep {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return strings.Repeat(dot, min(n-keep, 8)) + s[i:]
}
