// Package datetext reads a date as people and notices write it, and says
// a date back in words. The app and the CLI store dates as YYYY-MM-DD; a
// person types 03/15/1988, March 15, 1988, 15 Mar 1988, 15 de marzo de
// 1988 or 1988-03-15, and is told back what was understood ("March 15,
// 1988"), so that a day and month typed the other way round are seen.
//
// Numbers with slashes, dashes or dots are read month first, as US forms
// and notices print them. Two-digit years are refused: 03/15/88 could be
// 1888 or 2088 as far as a program knows, and a wrong century is a wrong
// deadline.
package datetext

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ErrDate is a text that is no date this package reads.
var ErrDate = errors.New("not a date: write it as 03/15/1988, March 15, 1988, 15 Mar 1988 or 1988-03-15")

// maxLen bounds what is read: the longest way of writing a date is far
// shorter.
const maxLen = 64

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
	"julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
	// Abbreviations, English and Spanish, with "sept" as people write it.
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
}

// Parse reads s as a date and returns it as YYYY-MM-DD. An empty text is
// no date and no error: "" comes back.
func Parse(s string) (string, error) {
	if len(s) > maxLen {
		return "", ErrDate
	}
	words := split(s)
	if len(words) == 0 {
		return "", nil
	}
	var y, m, d int
	var ok bool
	switch {
	case len(words) == 3 && allDigits(words):
		a, b, c := num(words[0]), num(words[1]), num(words[2])
		switch {
		case len(words[0]) == 4: // 1988-03-15
			y, m, d, ok = a, b, c, true
		case len(words[2]) == 4: // 03/15/1988, month first
			y, m, d, ok = c, a, b, true
		}
	case len(words) == 3:
		// March 15 1988, 15 March 1988 (the "de" of Spanish dropped by split).
		if mo, isMonth := month(words[0]); isMonth && allDigits(words[1:]) && len(words[2]) == 4 {
			y, m, d, ok = num(words[2]), int(mo), num(words[1]), true
		} else if mo, isMonth := month(words[1]); isMonth && allDigits([]string{words[0], words[2]}) && len(words[2]) == 4 {
			y, m, d, ok = num(words[2]), int(mo), num(words[0]), true
		}
	}
	if !ok || len(strconv.Itoa(y)) != 4 {
		return "", ErrDate
	}
	if m > 12 && m <= 31 && d >= 1 && d <= 12 && len(words[0]) <= 2 {
		return "", fmt.Errorf("dates with numbers are read month first, as US forms write them: write %02d/%02d/%d for day %d of %s",
			d, m, y, m, time.Month(d))
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || t.Month() != time.Month(m) {
		return "", fmt.Errorf("there is no such day as %s", strings.TrimSpace(s))
	}
	return t.Format(time.DateOnly), nil
}

// split is s's words and numbers: separators, commas, dots, weekdays and
// the Spanish "de" and "del" dropped, letters lowered and unaccented.
func split(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			w := cur.String()
			if w != "de" && w != "del" && !weekday(w) {
				words = append(words, w)
			}
			cur.Reset()
		}
	}
	prevDigit := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsDigit(r) || unicode.IsLetter(r):
			digit := unicode.IsDigit(r)
			if cur.Len() > 0 && digit != prevDigit {
				flush() // "15March" or "1st"
			}
			prevDigit = digit
			cur.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	// Ordinal suffixes: "15th", "1st", "2nd", "3rd".
	out := words[:0]
	for i, w := range words {
		if i > 0 && (w == "st" || w == "nd" || w == "rd" || w == "th") && allDigits(words[i-1:i]) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func weekday(w string) bool {
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
		"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"} {
		if w == d {
			return true
		}
	}
	return false
}

func month(w string) (time.Month, bool) {
	m, ok := monthNames[w]
	return m, ok
}

func allDigits(words []string) bool {
	for _, w := range words {
		if w == "" || len(w) > 4 {
			return false
		}
		for _, r := range w {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}

func num(w string) int {
	n, _ := strconv.Atoi(w)
	return n
}

var spanishMonths = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre"}

// Say writes a YYYY-MM-DD date in words, in English ("March 15, 1988") or
// Spanish ("es": "15 de marzo de 1988"). Anything else is given back as
// it is.
func Say(iso, language string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	if language == "es" {
		return fmt.Sprintf("%d de %s de %d", t.Day(), spanishMonths[t.Month()-1], t.Year())
	}
	return t.Format("January 2, 2006")
}

var spanishShortMonths = [...]string{"ene", "feb", "mar", "abr", "may", "jun", "jul",
	"ago", "sep", "oct", "nov", "dic"}

// Short writes a YYYY-MM-DD date the short way lists show it, in English
// ("Mar 15, 1988") or Spanish ("es": "15 mar 1988"): the month as a word,
// so that no reader takes the day for the month, and a form Parse reads
// back. Anything else is given back as it is.
func Short(iso, language string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	if language == "es" {
		return fmt.Sprintf("%d %s %d", t.Day(), spanishShortMonths[t.Month()-1], t.Year())
	}
	return t.Format("Jan 2, 2006")
}
