package calendar

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText: any text, escaped and folded, comes back from unfold and
// unescape as it went in, but for what TEXT cannot hold.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "plain", `a\b;c,d`, "line\r\nbreaks\nand\rmore", strings.Repeat("é", 80),
		strings.Repeat("a", 72) + "日本語", strings.Repeat(`\`, 100), "\xff\x01\xfe", "tab\tdel\x7f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines, err := unfold(string(fold(nil, "DESCRIPTION:"+escapeText(s))))
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != 1 {
			t.Fatalf("%d content lines, want 1", len(lines))
		}
		p := parseLine(lines[0])
		if p.name != "DESCRIPTION" || p.params != "" {
			t.Fatalf("the line's name changed: %q", lines[0])
		}
		got, err := unescape(p.value)
		if err != nil {
			t.Fatal(err)
		}
		if want := textOnly(s); got != want {
			t.Fatalf("round trip of %q gave %q, want %q", s, got, want)
		}
	})
}

// textOnly is s as TEXT can hold it: valid UTF-8, line breaks as LF, no
// control characters but tab and LF.
func textOnly(s string) string {
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
