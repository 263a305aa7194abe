package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// displayable makes text from the vault (which may come from someone
// else's bundle) safe to print on a terminal: control characters, which
// could move the cursor or rewrite what is shown, become U+FFFD.
func displayable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError || unicode.In(r, unicode.Bidi_Control) {
			return utf8.RuneError
		}
		return r
	}, s)
}

// byteSize prints n bytes for people: 512 B, 12.3 KiB, 4.0 MiB.
func byteSize(n int64) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	f, unit := float64(n)/1024, "KiB"
	for _, u := range []string{"MiB", "GiB", "TiB"} {
		if f < 1024 {
			break
		}
		f, unit = f/1024, u
	}
	return fmt.Sprintf("%.1f %s", f, unit)
}

// shellWord quotes a name for a command line printed for copying.
func shellWord(s string) string {
	s = displayable(s)
	plain := s != "" && s[0] != '-' && !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_.", r)
	})
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// plural is one when n is 1, else many with n in it: plural(n, "1 case",
// "%d cases").
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
