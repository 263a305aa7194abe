package ui

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"immivault/internal/notice"
	"immivault/internal/vault"
)

// nameWords are a name's words, lower case and without accents, in alphabetical order: "MORALES,
// Ana" and "Ana Morales" have the same.
func nameWords(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	slices.Sort(words)
	return words
}

// nameMatch says how well a person's name fits a name printed on a notice: 2 the same words,
// 1 all the words of the shorter (of two words or more) in the longer, as a middle name or a
// second surname left out; 0 not at all.
func nameMatch(person, printed string) int {
	a, b := nameWords(person), nameWords(printed)
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if slices.Equal(a, b) {
		return 2
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 2 {
		return 0
	}
	for _, w := range a {
		if !slices.Contains(b, w) {
			return 0
		}
	}
	return 1
}

// matchPerson finds the person a notice is for: the best match of a printed name, the first
// name printed winning a tie. -1 if no one's name is on the notice.
func matchPerson(people []*vault.Person, names []notice.Name) int {
	best, bestScore := -1, 0
	for _, n := range names {
		for i, p := range people {
			if s := nameMatch(p.Name, n.Text); s > bestScore {
				best, bestScore = i, s
			}
		}
	}
	return best
}

// displayName writes a name printed "MORALES, ANA" as people write it: "Ana Morales".
func displayName(printed string) string {
	printed = strings.TrimSpace(strings.Trim(printed, ",. "))
	if last, first, ok := strings.Cut(printed, ","); ok {
		printed = strings.TrimSpace(first) + " " + strings.TrimSpace(last)
	}
	words := strings.Fields(printed)
	for i, w := range words {
		if w == strings.ToUpper(w) { // only shouting is changed: "McDonald" stays
			rs := []rune(strings.ToLower(w))
			rs[0] = unicode.ToUpper(rs[0])
			words[i] = string(rs)
		}
	}
	return strings.Join(words, " ")
}
