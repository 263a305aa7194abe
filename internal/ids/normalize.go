package ids

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxRawLen bounds the input Normalize looks at; no identifier comes near it, and a bound keeps
// a pasted document from costing more than a moment.
const maxRawLen = 4096

// maxOtherLen is the longest free-text value of kind Other, in bytes after normalisation.
const maxOtherLen = 200

var (
	errANumberZero = errors.New("an A-number cannot be all zeros")
	errSSNInvalid  = errors.New("no Social Security number starts with 000 or 666, or has 00 or 0000 as a group")
	errEADZero     = errors.New("EAD category numbers start at 1, e.g. C09 or (c)(9)")
)

// Normalize validates raw input and returns the canonical storage form in a new slice, which the
// caller owns. Letters are upper-cased after NFKC, Unicode dashes count as '-', and spaces,
// dashes, dots, slashes, '#' and ':' are dropped (also '*' in receipts, and parentheses in EAD
// categories so that "(c)(9)" reads as C09). No OCR correction happens here: what a person typed
// is either valid or rejected.
//
// The error is a sentence for people and never contains the input.
func Normalize(k Kind, raw []byte) ([]byte, error) {
	in, ok := k.info()
	if !ok {
		return nil, errUnknownKind
	}
	if len(raw) > maxRawLen {
		return nil, in.invalid
	}
	if k == Other {
		return normalizeOther(raw, in.invalid)
	}
	strip := ""
	switch k {
	case ReceiptNumber:
		strip = "*"
	case EADCategory:
		strip = "()"
	}
	s, ok := clean(raw, strip)
	if !ok {
		return nil, in.invalid
	}
	out, err := check(k, s)
	if err != nil {
		clear(s)
		if errors.Is(err, errInvalid) {
			err = in.invalid
		}
		return nil, err
	}
	return out, nil
}

// errInvalid tells Normalize to answer with the kind's own sentence.
var errInvalid = errors.New("invalid")

// check validates the cleaned form s of kind k and returns the storage form, which may be s itself.
func check(k Kind, s []byte) ([]byte, error) {
	switch k {
	case AccountNumber:
		return s, want(shapeIs(s, "dddddddddddd"))
	case ANumber:
		return checkANumber(s)
	case ReceiptNumber, GreenCard, EADCard:
		return s, want(shapeIs(s, "llldddddddddd"))
	case I94:
		return s, want(shapeIs(s, "dddddddddxd"))
	case SEVISID:
		return s, want(shapeIs(s, "Ndddddddddd"))
	case Passport:
		return s, want(len(s) >= 6 && len(s) <= 12 && shapeIs(s, strings.Repeat("x", len(s))))
	case EADCategory:
		return checkEADCategory(s)
	case SSN:
		return checkSSN(s)
	case NVCCase:
		return s, want(shapeIs(s, "lllddddddddd") || shapeIs(s, "llldddddddddd"))
	case DS160:
		return s, want(shapeIs(s, "AAxxxxxxxx"))
	}
	return nil, errInvalid
}

func want(ok bool) error {
	if ok {
		return nil
	}
	return errInvalid
}

func checkANumber(s []byte) ([]byte, error) {
	digits := s
	if len(digits) > 0 && digits[0] == 'A' {
		digits = digits[1:]
	}
	if len(digits) < 7 || len(digits) > 9 || !allDigits(digits) {
		return nil, errInvalid
	}
	if bytes.Count(digits, []byte("0")) == len(digits) {
		return nil, errANumberZero
	}
	out := make([]byte, 0, 10)
	out = append(out, 'A')
	out = append(out, "00"[:9-len(digits)]...)
	out = append(out, digits...)
	clear(s)
	return out, nil
}

func checkSSN(s []byte) ([]byte, error) {
	if !shapeIs(s, "ddddddddd") {
		return nil, errInvalid
	}
	area, group, serial := string(s[:3]), string(s[3:5]), string(s[5:])
	if area == "000" || area == "666" || group == "00" || serial == "0000" {
		return nil, errSSNInvalid
	}
	return s, nil
}

// checkEADCategory pads the number to two digits: C9 and (c)(9) are both stored as C09, the form
// printed on the card.
func checkEADCategory(s []byte) ([]byte, error) {
	if len(s) < 2 || (s[0] != 'A' && s[0] != 'C') {
		return nil, errInvalid
	}
	rest := s[1:]
	n := 0
	for n < len(rest) && n < 3 && isDigit(rest[n]) {
		n++
	}
	if n == 0 || n > 2 || len(rest)-n > 1 || (len(rest) > n && !isUpper(rest[n])) {
		return nil, errInvalid
	}
	if bytes.Count(rest[:n], []byte("0")) == n {
		return nil, errEADZero
	}
	out := make([]byte, 0, 4)
	out = append(out, s[0])
	if n == 1 {
		out = append(out, '0')
	}
	out = append(out, rest...)
	clear(s)
	return out, nil
}

// clean upper-cases and NFKC-normalises raw, maps Unicode dashes to '-' and drops separators,
// whitespace and the bytes in extra. It reports false if anything other than ASCII letters and
// digits (or other ASCII punctuation, which check then rejects) is left.
func clean(raw []byte, extra string) ([]byte, bool) {
	nfkc := norm.NFKC.Append(nil, raw...)
	defer clear(nfkc)
	out := make([]byte, 0, len(nfkc))
	for i := 0; i < len(nfkc); {
		r, size := utf8.DecodeRune(nfkc[i:])
		i += size
		r = unicode.ToUpper(r)
		if isDash(r) || unicode.IsSpace(r) || r == '.' || r == '/' || r == '#' || r == ':' {
			continue
		}
		if r >= utf8.RuneSelf {
			clear(out)
			return nil, false
		}
		if strings.IndexByte(extra, byte(r)) >= 0 {
			continue
		}
		out = append(out, byte(r))
	}
	return out, true
}

// normalizeOther keeps free text as written (no case change), NFKC-normalised and trimmed,
// and refuses control and formatting characters such as bidi overrides that could disguise it.
func normalizeOther(raw []byte, invalid error) ([]byte, error) {
	nfkc := norm.NFKC.Append(nil, raw...)
	defer clear(nfkc)
	s := bytes.TrimSpace(nfkc)
	if len(s) == 0 || len(s) > maxOtherLen || !utf8.Valid(s) {
		return nil, invalid
	}
	for _, r := range string(s) {
		if r != ' ' && !unicode.IsPrint(r) {
			return nil, invalid
		}
	}
	return bytes.Clone(s), nil
}

func isDash(r rune) bool { return r == '-' || r == '\u2212' || unicode.Is(unicode.Pd, r) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func allDigits(s []byte) bool {
	for _, c := range s {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// shapeIs reports whether s matches pattern position by position: 'l' an upper-case letter,
// 'd' a digit, 'x' either, and any other byte itself.
func shapeIs(s []byte, pattern string) bool {
	if len(s) != len(pattern) {
		return false
	}
	for i := range len(s) {
		c := s[i]
		switch pattern[i] {
		case 'l':
			if !isUpper(c) {
				return false
			}
		case 'd':
			if !isDigit(c) {
				return false
			}
		case 'x':
			if !isUpper(c) && !isDigit(c) {
				return false
			}
		default:
			if c != pattern[i] {
				return false
			}
		}
	}
	return true
}
