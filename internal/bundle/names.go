package bundle

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"immivault/internal/filename"
)

// The fixed entries of a bundle's archive.
const (
	readmeName    = "README.txt"
	manifestName  = "manifest.json"
	signatureName = "manifest.sig"
	noticesDir    = "notices/"
)

// maxComponent bounds one part of an entry name, in bytes; maxName a whole
// name. Both keep unzipped paths well inside Windows' 260 characters.
const (
	maxComponent = 80
	maxName      = 200
)

// cleanComponent makes s a file or folder name that every system accepts:
// NFC, no control characters and none of <>:"/\|?*, no leading or trailing
// spaces or dots, not a Windows device name, at most max bytes. It returns
// fallback for a name with nothing left.
func cleanComponent(s, fallback string, max int) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError || unicode.IsControl(r) || unicode.In(r, unicode.Bidi_Control) || strings.ContainsRune(`<>:"/\|?*`, r):
			return '_'
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, norm.NFC.String(s))
	return filename.Fit(s, fallback, max)
}

// checkEntryName says why name may not be in a bundle's archive, or nil:
// only the fixed names and names under notices/ whose every part is
// already a clean component.
func checkEntryName(name string) error {
	switch name {
	case readmeName, manifestName, signatureName:
		return nil
	}
	bad := func(why string) error { return fmt.Errorf("the archive has an entry %.80q, %s", name, why) }
	switch {
	case !utf8.ValidString(name):
		return bad("which is not UTF-8")
	case strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':'):
		return bad("an absolute path")
	case strings.Contains(name, `\`):
		return bad("with a backslash")
	case len(name) > maxName:
		return bad("a name that is too long")
	}
	for part := range strings.SplitSeq(name, "/") {
		if part == ".." {
			return bad(`that climbs out of its folder with ".."`)
		}
		if part == "" || part == "." || part != cleanComponent(part, "", maxComponent) {
			return bad("that is not a clean file name")
		}
	}
	if !strings.HasPrefix(name, noticesDir) || path.Clean(name) != name {
		return bad("outside notices/")
	}
	return nil
}

// foldName is the key under which two names are the same file on a
// case-insensitive file system (Windows, macOS).
func foldName(name string) string {
	return strings.ToLower(norm.NFC.String(name))
}

// uniqueNames hands out entry names no two of which fold to the same key.
type uniqueNames map[string]bool

// take returns dir + stem + ext, or with " (2)", " (3)"... after the stem
// if that is taken.
func (u uniqueNames) take(dir, stem, ext string) string {
	for i := 1; ; i++ {
		s := stem
		if i > 1 {
			s = fmt.Sprintf("%s (%d)", stem, i)
		}
		name := dir + s + ext
		if !u[foldName(name)] {
			u[foldName(name)] = true
			return name
		}
	}
}

// noticeExt is a file name's extension if it is a short plain one
// (".pdf", ".jpeg"), else "".
func noticeExt(fileName string) string {
	ext := path.Ext(fileName)
	if len(ext) < 2 || len(ext) > 6 {
		return ""
	}
	for _, r := range ext[1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return ""
		}
	}
	return strings.ToLower(ext)
}
