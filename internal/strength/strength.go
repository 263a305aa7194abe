package strength

import (
	"math"
	"time"
	"unicode/utf8"
)

// maxAnalysed bounds the bytes Estimate searches for patterns, which keeps
// its time and memory bounded on every keystroke. Bytes past it count as
// random characters.
const maxAnalysed = 256

// Result is what Estimate found.
type Result struct {
	// Guesses is the estimated number of guesses an attacker who knows
	// the word lists and patterns needs to find the passphrase, 10^Log10,
	// saturating at the largest float64.
	Guesses float64
	Log10   float64
	// Score is 0 to 4, zxcvbn's scale: fewer than 10^3 guesses, 10^6,
	// 10^8, 10^10, and 10^10 or more.
	Score int
	// Weakness is what makes the passphrase guessable, or None when the
	// score is 4.
	Weakness Weakness
}

// Weakness is the main reason a passphrase is guessable. The package gives
// no sentences for people: a screen maps each value to its own words.
type Weakness int

const (
	None            Weakness = iota
	TooShort                 // no pattern explains it; it is short
	CommonPassword           // a common password, as typed or in l33t (P@ssw0rd)
	DictionaryWord           // common English or Spanish words
	Name                     // common first names or surnames
	UserInput                // words the caller gave Estimate, as a family name
	Repeat                   // a part typed again (abcabc, 1111)
	Sequence                 // abcd, 1234, 9876
	KeyboardPattern          // adjacent keys (qwerty, asdf, 7412)
	Date                     // a date or a year (1985, 13/11/1985)
)

var weaknessNames = [...]string{
	None:            "None",
	TooShort:        "TooShort",
	CommonPassword:  "CommonPassword",
	DictionaryWord:  "DictionaryWord",
	Name:            "Name",
	UserInput:       "UserInput",
	Repeat:          "Repeat",
	Sequence:        "Sequence",
	KeyboardPattern: "KeyboardPattern",
	Date:            "Date",
}

// String returns the constant's name, for tests and logs, not for people.
func (w Weakness) String() string {
	if w < 0 || int(w) >= len(weaknessNames) {
		return "Weakness(?)"
	}
	return weaknessNames[w]
}

// Estimate says how hard pass is to guess. userInputs are words an
// attacker would try first: the vault's folder name, the family's names.
//
// Estimate does not change or keep pass, and makes no string of it. It
// matches lower-cased and reversed copies, which it wipes before it
// returns. The characters past the first 256 bytes count as random.
//
// The first call loads the word lists, which takes a few tens of
// milliseconds; later calls take well under a millisecond for a
// passphrase of a few dozen characters. Estimate is safe for concurrent
// use.
func Estimate(pass []byte, userInputs ...string) Result {
	var s scratch
	return estimate(pass, userDictionary(userInputs), &s)
}

// scratch holds Estimate's copies of the passphrase.
type scratch struct {
	buf   []byte  // lower-cased, then the same reversed
	chars []int32 // where the characters start
}

func (s *scratch) wipe() {
	clear(s.buf)
	clear(s.chars)
}

func estimate(pass []byte, user *dictionary, s *scratch) Result {
	n := min(len(pass), maxAnalysed)
	for n < len(pass) && n > maxAnalysed-utf8.UTFMax && !utf8.RuneStart(pass[n]) {
		n--
	}
	head := pass[:n]
	s.buf = make([]byte, 2*n)
	s.chars = make([]int32, n+1)
	defer s.wipe()
	t := text{raw: head, lower: s.buf[:n], rev: s.buf[n:], chars: s.chars}
	lower(t.lower, t.raw)
	reverse(t.rev, t.lower)
	countChars(t.chars, t.raw)

	log10, parts := analyse(t, user)
	rest := utf8.RuneCount(pass[n:])
	log10 += float64(rest)
	r := Result{Log10: log10, Guesses: math.Min(math.Pow(10, log10), math.MaxFloat64), Score: score(log10)}
	if r.Score < 4 {
		r.Weakness = weakness(parts, t, rest)
	}
	return r
}

// score is zxcvbn's guesses_to_score, with its margin of 5 guesses above
// each threshold.
func score(log10 float64) int {
	const delta = 5
	g := math.Pow(10, log10)
	for s, limit := range [...]float64{1e3, 1e6, 1e8, 1e10} {
		if g < limit+delta {
			return s
		}
	}
	return 4
}

// weakness names the longest pattern in the cheapest decomposition, or
// TooShort when patterns explain less than half of the passphrase: then
// its length, not a pattern, is what is wrong.
func weakness(parts []part, t text, rest int) Weakness {
	explained, longest, w := 0, 0, TooShort
	for _, p := range parts {
		if p.reason == None {
			continue
		}
		n := t.charsIn(p.i, p.j)
		explained += n
		if n > longest {
			longest, w = n, p.reason
		}
	}
	if 2*explained < t.charsIn(0, len(t.raw))+rest {
		return TooShort
	}
	return w
}

// CrackTime returns how long an attacker making guessesPerSecond guesses a
// second needs, on average, to find the passphrase, saturating at the
// longest time.Duration (about 292 years). guessesPerSecond must be
// positive.
func (r Result) CrackTime(guessesPerSecond float64) time.Duration {
	if !(guessesPerSecond > 0) {
		panic("strength: CrackTime needs a positive number of guesses per second")
	}
	ns := math.Pow(10, r.Log10-math.Log10(guessesPerSecond)+9)
	if ns >= math.MaxInt64 {
		return math.MaxInt64
	}
	return time.Duration(ns)
}
