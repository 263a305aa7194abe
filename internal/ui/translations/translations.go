// Package translations holds every string the desktop app shows, in each
// language it speaks, and registers them with Fyne's lang package on import.
//
// Files are named AREA.LANG.json (app.es.json, secretentry.es.json): each
// screen or widget keeps its strings in its own file, and go-i18n reads the
// language from the part before ".json". English files translate each string
// to itself; a test checks that every lang.L string in the app has a
// non-empty entry in every language and that no entry is left unused.
package translations

import (
	"embed"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed *.json
var files embed.FS

// Files is the embedded translation files, for the coverage test.
var Files = files

func init() {
	// A system without a locale (LANG=C, as in containers and CI) makes
	// Fyne log a parse error on every load: say English instead.
	if posixLocale() {
		os.Setenv("LANGUAGE", "en")
	}
	Reload()
}

// posixLocale reports whether the environment names no language, only the
// C or POSIX locale.
func posixLocale() bool {
	for _, name := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		switch v := os.Getenv(name); {
		case v == "":
			continue
		case v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX."):
			return true
		default:
			return false
		}
	}
	return true
}

// Use makes lang.L answer in language ("en", "es"), whatever the system's:
// for the language chosen in the settings, and for tests that read the
// English strings on any machine.
func Use(language string) {
	os.Setenv("LANGUAGE", language)
	Reload()
}

// Reload loads the translations again, which makes Fyne choose the
// language anew from the environment (after the app has set LANGUAGE to
// the language chosen in its settings).
func Reload() {
	entries, err := files.ReadDir(".")
	if err != nil {
		fyne.LogError("failed to list the immivault translations", err)
		return
	}
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err == nil {
			err = lang.AddTranslations(fyne.NewStaticResource(e.Name(), data))
		}
		if err != nil {
			fyne.LogError("failed to load the immivault translations in "+e.Name(), err)
		}
	}
}
