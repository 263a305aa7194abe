package main

import "testing"

func TestDisplayableDropsControlCharacters(t *testing.T) {
	if got := displayable("Maria\x1b[2J\u202e Lopez\n"); got != "Maria\uFFFD[2J\uFFFD Lopez\uFFFD" {
		t.Errorf("displayable = %q", got)
	}
}

func TestShellWord(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Ben":        "Ben",
		"José":       "José",
		"Ana-María":  "Ana-María",
		"Ana García": "'Ana García'",
		"O'Brien":    `'O'\''Brien'`,
		"-Ana":       "'-Ana'",
		"$(rm)":      "'$(rm)'",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}
