package strength

import "time"

// Dates between these years are read as dates; zxcvbn's bounds.
const (
	minDateYear = 1000
	maxDateYear = 2050
)

// minYearSpace is the fewest years a guesser is assumed to try around the
// reference year, so that this year's date is not nearly free.
const minYearSpace = 20

// referenceYear is the year whose dates are guessed first.
var referenceYear = time.Now().Year()

// dateSplits lists, for each length of a run of digits, where it may split
// into day, month and year: 4 digits as 1 1 91 or 11 91, and so on.
var dateSplits = [9][][2]int{
	4: {{1, 2}, {2, 3}},
	5: {{1, 3}, {2, 3}},
	6: {{1, 2}, {2, 4}, {4, 5}},
	7: {{1, 3}, {2, 3}, {4, 5}, {4, 6}},
	8: {{2, 4}, {4, 6}},
}

// dateMatches appends the dates in t, as zxcvbn's date_match and its
// recent_year regular expression find them: 4 to 8 digits that read as a
// day, a month and a year in some order (13111985, 851113), 6 to 10
// characters with one separator used twice (13/11/1985, 1985-11-13), and
// any 19xx or 20xx.
func dateMatches(ms []match, t text) []match {
	s := t.raw
	first := len(ms)
	for i := range s {
		for j := i + 4; j <= i+8 && j <= len(s); j++ {
			if !allDigits(s[i:j]) {
				break
			}
			var best date3
			found := false
			for _, split := range dateSplits[j-i] {
				d, ok := readDate(number(s[i:i+split[0]]), number(s[i+split[0]:i+split[1]]), number(s[i+split[1]:j]))
				if ok && (!found || abs(d.year-referenceYear) < abs(best.year-referenceYear)) {
					best, found = d, true
				}
			}
			if found {
				ms = append(ms, match{i: i, j: j, pattern: date, year: best.year})
			}
		}
		for j := i + 6; j <= i+10 && j <= len(s); j++ {
			if a, b, c, ok := splitDate(s[i:j]); ok {
				if d, ok := readDate(a, b, c); ok {
					ms = append(ms, match{i: i, j: j, pattern: date, year: d.year, separator: true})
				}
			}
		}
	}
	// A date inside another, as 11/1985 in 13/11/1985, adds nothing. The
	// dates are in order of start and at most 10 long, so only near
	// neighbours can hold one another.
	dates := ms[first:]
	kept := first
	for k, m := range dates {
		inside := false
		for o := k - 1; o >= 0 && dates[o].i >= m.i-10 && !inside; o-- {
			inside = dates[o].j >= m.j
		}
		for o := k + 1; o < len(dates) && dates[o].i == m.i && !inside; o++ {
			inside = dates[o].j >= m.j
		}
		if !inside {
			ms[kept] = m
			kept++
		}
	}
	ms = ms[:kept]
	for i := 0; i+4 <= len(s); {
		if y := number(s[i : i+4]); allDigits(s[i:i+4]) && 1900 <= y && y <= 2099 {
			ms = append(ms, match{i: i, j: i + 4, pattern: date, year: y, yearOnly: true})
			i += 4
			continue
		}
		i++
	}
	return ms
}

type date3 struct{ year, month, day int }

// splitDate reads s as digits, a separator, one or two digits, the same
// separator and digits again, the first and last groups of 1 to 4 digits.
func splitDate(s []byte) (a, b, c int, ok bool) {
	k := 0
	for k < len(s) && k < 4 && isDigit(s[k]) {
		k++
	}
	if k == 0 || k == len(s) || !isDateSeparator(s[k]) {
		return 0, 0, 0, false
	}
	sep, m := s[k], k+1
	for m < len(s) && m-k-1 < 2 && isDigit(s[m]) {
		m++
	}
	if m == k+1 || m == len(s) || s[m] != sep {
		return 0, 0, 0, false
	}
	rest := s[m+1:]
	if len(rest) == 0 || len(rest) > 4 || !allDigits(rest) {
		return 0, 0, 0, false
	}
	return number(s[:k]), number(s[k+1 : m]), number(rest), true
}

func isDateSeparator(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r', '/', '\\', '_', '.', '-':
		return true
	}
	return false
}

// readDate is zxcvbn's map_ints_to_dmy: it reads three numbers as a day, a
// month and a year in whatever order makes a date, preferring a four-digit
// year at either end.
func readDate(a, b, c int) (date3, bool) {
	if b > 31 || b <= 0 {
		return date3{}, false
	}
	over12, over31, under1 := 0, 0, 0
	for _, n := range [3]int{a, b, c} {
		if 99 < n && n < minDateYear || n > maxDateYear {
			return date3{}, false
		}
		if n > 31 {
			over31++
		}
		if n > 12 {
			over12++
		}
		if n <= 0 {
			under1++
		}
	}
	if over31 >= 2 || over12 == 3 || under1 >= 2 {
		return date3{}, false
	}
	splits := [2][3]int{{c, a, b}, {a, b, c}}
	for _, y := range splits {
		if minDateYear <= y[0] && y[0] <= maxDateYear {
			day, month, ok := readDayMonth(y[1], y[2])
			return date3{y[0], month, day}, ok
		}
	}
	for _, y := range splits {
		if day, month, ok := readDayMonth(y[1], y[2]); ok {
			return date3{fourDigitYear(y[0]), month, day}, true
		}
	}
	return date3{}, false
}

func readDayMonth(a, b int) (day, month int, ok bool) {
	for _, dm := range [2][2]int{{a, b}, {b, a}} {
		if 1 <= dm[0] && dm[0] <= 31 && 1 <= dm[1] && dm[1] <= 12 {
			return dm[0], dm[1], true
		}
	}
	return 0, 0, false
}

func fourDigitYear(y int) int {
	switch {
	case y > 99:
		return y
	case y > 50:
		return y + 1900
	}
	return y + 2000
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func allDigits(s []byte) bool {
	for _, c := range s {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// number reads up to 8 decimal digits.
func number(s []byte) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}
