package main

import (
	"runtime"
	"testing"
)

func TestDisplayableDropsControlCharacters(t *testing.T) {
	if got := displayable("Maria\x1b[2J\u202e Lopez\n"); got != "Maria\uFFFD[2J\uFFFD Lopez\uFFFD" {
		t.Errorf("displayable = %q", got)
	}
}

func TestShellWord(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"Ben":        "Ben",
		"José":       "José",
		"Ana-María":  "Ana-María",
		"Ana García": "'Ana García'",
		"O'Brien":    `'O'\''Brien'`,
		"-Ana":       "'-Ana'",
		"$(rm)":      "'$(rm)'",
		"/home/ana/.config/immivault/vault/recovery.age": "/home/ana/.config/immivault/vault/recovery.age",
		"/home/Ana García/vault/recovery.age":            "'/home/Ana García/vault/recovery.age'",
		`C:\Users\ana\vault`:                             `'C:\Users\ana\vault'`,
	}
	if runtime.GOOS == "windows" {
		want = map[string]string{
			"Ben":                   "Ben",
			"José":                  "José",
			"Ana García":            `"Ana García"`,
			"O'Brien":               `"O'Brien"`,
			`Ana "La Flaca" García`: `"Ana \"La Flaca\" García"`,
			"-Ana":                  `"-Ana"`,
			`C:\Users\ana\AppData\Roaming\immivault\vault\recovery.age`: `C:\Users\ana\AppData\Roaming\immivault\vault\recovery.age`,
			`C:\Users\José Núñez\AppData\Roaming\immivault\vault`:       `"C:\Users\José Núñez\AppData\Roaming\immivault\vault"`,
			"D:/vaults/ana": "D:/vaults/ana",
		}
	}
	for in, want := range want {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestWindowsQuote checks the quoting on every system: it is plain string
// work, by the C runtime's rules for splitting a command line, which Go's
// programs on Windows follow too.
func TestWindowsQuote(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Ana García":          `"Ana García"`,
		`Ana "La Flaca" Ruiz`: `"Ana \"La Flaca\" Ruiz"`,
		`C:\Users\José Núñez`: `"C:\Users\José Núñez"`,
		`D:\vaults\`:          `"D:\vaults\\"`,
		`a\"b`:                `"a\\\"b"`,
	} {
		if got := windowsQuote(in); got != want {
			t.Errorf("windowsQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
