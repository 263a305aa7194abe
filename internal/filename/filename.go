// Package filename makes file names that came from elsewhere (a bundle, a
// notice's stored name) safe to show and to save a file under.
//
// A name may hide what it is: "I-797C\u202Efdp.scr" shows as
// "I-797Cfdp.scr" backwards, "I-797Crcs.pdf", in a file manager, and is a
// Windows screen saver, which runs when opened. Two rules stop that:
//
//   - [Strip] removes every invisible character that changes how a name is
//     shown: the Unicode bidirectional controls (U+202A–U+202E,
//     U+2066–U+2069, U+200E, U+200F, U+061C), every other format character
//     (category Cf: zero-width spaces and joiners, soft hyphens, tags) and
//     every control character.
//   - [ForCopy] names a decrypted copy by what the file really is, read
//     from its first bytes ([Ext]), never by the extension of the name it
//     was stored under.
package filename

import (
	"bytes"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Invisible reports whether r is a character Strip removes: a control
// character, a bidirectional control or any other format character, or
// an invalid byte.
func Invisible(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.In(r, unicode.Bidi_Control, unicode.Cf)
}

// Strip removes the characters Invisible names from s, and turns every
// other kind of space (tabs, line and paragraph separators) into a plain
// one. It leaves everything else, letters of any script included.
func Strip(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			return ' '
		case Invisible(r):
			return -1
		}
		return r
	}, s)
}

// maxBytes bounds a name made by Clean: most file systems take 255 bytes.
const maxBytes = 200

// windowsReserved are device names Windows will not create a file as, with
// or without an extension.
var windowsReserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// Clean makes s a file name every system accepts: Strip, then NFC, none of
// <>:"/\|?* (each becomes _), single spaces, no leading or trailing spaces
// or dots, not a Windows device name, at most 200 bytes. A name with
// nothing left is fallback.
func Clean(s, fallback string) string {
	s = norm.NFC.String(Strip(s))
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, s)
	return Fit(s, fallback, maxBytes)
}

// Fit finishes a name whose characters are already ones a file name may
// hold: single spaces, at most max bytes (cut at a character boundary), no
// leading or trailing spaces or dots, and not a Windows device name (which
// gets a leading _). A name with nothing left is fallback.
func Fit(s, fallback string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = strings.Trim(s, " .")
	if s == "" {
		return fallback
	}
	stem, _, _ := strings.Cut(s, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		s = "_" + s
	}
	return s
}

// Ext is the extension a file's content calls for, read from its first
// bytes: ".pdf", ".jpg" or ".png" for the kinds of notice immivault
// reads, ".bin" for anything else, which no system opens with a program
// of its choosing.
func Ext(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return ".pdf"
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return ".jpg"
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return ".png"
	}
	return ".bin"
}

// ForCopy names a decrypted copy of a file stored as stored whose content
// begins with head: the stored name, cleaned and without its extension,
// then the extension the content calls for. "I-797C\u202Efdp.scr" holding
// a PDF becomes "I-797Cfdp.pdf".
func ForCopy(stored string, head []byte) string {
	ext := Ext(head)
	name := Clean(stored, "notice")
	if e := path.Ext(name); isExtension(e) && len(e) < len(name) {
		name = strings.TrimRight(name[:len(name)-len(e)], " .")
	}
	if name == "" {
		name = "notice"
	}
	if len(name)+len(ext) > maxBytes {
		cut := maxBytes - len(ext)
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut]
	}
	return name + ext
}

// isExtension reports whether e (".scr", ".jpeg") looks like a file
// extension: a dot and one to eight letters or digits.
func isExtension(e string) bool {
	if len(e) < 2 || len(e) > 9 {
		return false
	}
	for _, r := range e[1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
