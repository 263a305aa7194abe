package strength

import "slices"

// pattern is the kind of guessable structure a match found.
type pattern uint8

const (
	word        pattern = iota // from a ranked list or the caller's inputs
	keyboardRun                // adjacent keys, as qwerty or 741236
	repeat                     // a part typed again, as abcabc
	sequence                   // a run with a steady step, as abcd or 9753
	date                       // a date, or a year alone
)

// match is one part raw[i:j] of a passphrase that a guesser would try as a
// unit. It holds offsets and numbers only, never passphrase bytes.
type match struct {
	i, j    int
	pattern pattern
	log10   float64 // guesses to find this part alone, set by guessesLog10

	// word
	dict     *dictionary
	entry    entry
	reversed bool
	l33t     bool
	sep      bool // raw[i] is the passphrase's word separator, counted as free

	// keyboardRun
	keyboard *keyboard
	turns    int
	shifted  int

	// repeat
	baseLog10 float64
	count     int

	// sequence
	ascending bool

	// date
	year      int
	separator bool // 1/2/1990 rather than 121990
	yearOnly  bool
}

// findMatches returns every match in t that some matcher finds. Matches
// overlap freely: the search picks the cheapest way to cover t.
func findMatches(t text, user *dictionary) []match {
	ms := make([]match, 0, 4*len(t.raw))
	ms = wordMatches(ms, t, builtin())
	if user != nil {
		ms = wordMatches(ms, t, user)
	}
	ms = separatedWords(ms, t)
	ms = keyboardMatches(ms, t)
	ms = repeatMatches(ms, t, user)
	ms = sequenceMatches(ms, t)
	ms = dateMatches(ms, t)
	// Bytes are matched, but parts are whole characters: drop the few
	// matches that would cut a character in two.
	return slices.DeleteFunc(ms, func(m match) bool { return !t.boundary(m.i) || !t.boundary(m.j) })
}

func (m *match) weakness() Weakness {
	switch m.pattern {
	case keyboardRun:
		return KeyboardPattern
	case repeat:
		return Repeat
	case sequence:
		return Sequence
	case date:
		return Date
	}
	return m.entry.list.weakness()
}
