package main

import (
	"fmt"
	"runtime"
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

// shellWord quotes a name or a path for a command line printed for
// copying, for the system's shell: a POSIX shell's single quotes, or on
// Windows double quotes (windowsQuote), the only ones cmd.exe knows, which
// PowerShell takes too. Folder separators and, on Windows, a drive's colon
// need no quotes.
func shellWord(s string) string {
	s = displayable(s)
	safe := "-_./"
	if runtime.GOOS == "windows" {
		safe += `\:`
	}
	plain := s != "" && s[0] != '-' && !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(safe, r)
	})
	switch {
	case plain:
		return s
	case runtime.GOOS == "windows":
		return windowsQuote(s)
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// windowsQuote puts s in double quotes as a Windows program (Go's, the C
// runtime's) splits its command line, which cmd.exe passes on as typed: a
// " inside becomes \", and the backslashes before it or before the closing
// quote are doubled. PowerShell reads such a " differently, and expands a $
// inside double quotes, as cmd.exe expands %VAR%: names and paths rarely
// hold any of them.
func windowsQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for _, r := range s {
		switch r {
		case '\\':
			slashes++
		case '"':
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteRune(r)
	}
	b.WriteString(strings.Repeat(`\`, slashes))
	b.WriteByte('"')
	return b.String()
}

// plural is one when n is 1, else many with n in it: plural(n, "1 case",
// "%d cases").
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
