package fields

import (
	"regexp"
	"strings"

	"immivault/internal/ids"
)

// labelIs is an A-number or account number label in a sentence, where "is" parts it from its
// value: "Your A-Number is A-201-449-982." ids.Find reads a value only right after its label.
var labelIs = regexp.MustCompile(`(?i)\b(A-?\s?Number|A#|Alien\s+(?:Registration\s+)?Number|USCIS\s*#|(?:USCIS\s+)?Online\s+Account\s+Number)\s+(?:is|was)\s*:?\s+`)

// fileNumber is an A-number after the label an immigration court or an older letter gives it,
// the person's file: "File No.: 199075922", "FILE: A210-546-151".
var fileNumber = regexp.MustCompile(`(?i)\bFile(?:\s+No\.?|\s+Number)?\s*:\s*(A?[- ]?[0-9]{3}-?[0-9]{3}-?[0-9]{3})(?:[^0-9A-Za-z-]|$)`)

// fileNumbers finds the A-numbers fileNumber labels.
func fileNumbers(text string) []candidate {
	var cs []candidate
	for _, m := range fileNumber.FindAllStringSubmatchIndex(text, -1) {
		digits := strings.Map(func(r rune) rune {
			if '0' <= r && r <= '9' {
				return r
			}
			return -1
		}, text[m[2]:m[3]])
		if a, err := ids.Normalize(ids.ANumber, []byte("A"+digits)); err == nil {
			cs = append(cs, candidate{ids.Match{Kind: ids.ANumber, Value: string(a), Start: m[2], End: m[3]}, labelledWeight})
		}
	}
	return cs
}

// spelledOut finds the values labelIs introduces, by handing ids.Find the label and the value
// without the "is", so that they are read by the same rules as every other labelled value.
func spelledOut(text string) []candidate {
	var cs []candidate
	for _, loc := range labelIs.FindAllStringSubmatchIndex(text, -1) {
		end := loc[1] + min(40, len(text)-loc[1])
		if nl := strings.IndexByte(text[loc[1]:end], '\n'); nl >= 0 {
			end = loc[1] + nl
		}
		probe := text[loc[2]:loc[3]] + ": "
		for _, m := range ids.Find(probe + text[loc[1]:end]) {
			if m.Start == len(probe) && (m.Kind == ids.ANumber || m.Kind == ids.AccountNumber) {
				m.Start, m.End = m.Start-len(probe)+loc[1], m.End-len(probe)+loc[1]
				cs = append(cs, candidate{m, spelledWeight})
			}
		}
	}
	return cs
}

// aNumberPrint is an A-number as I-797 headers print it, "A012 345 678" or "A012345678", as
// OCR reads it: with look-alikes for digits, specks read as punctuation or a layout's extra
// spaces between the A and the digits or between groups, a space inside a group.
var aNumberPrint = regexp.MustCompile(`(?:^|[^A-Za-z0-9])A[-#:]? {0,4}(` + aDigit + ` ?` + aDigit + `(?: ?` + aDigit + `)?(?:[ .,;:()'-]{1,6}` +
	aDigit + ` ?` + aDigit + ` ?` + aDigit + `){2}|` + aDigit + `{8,9})(?:[^A-Za-z0-9]|$)`)

// aDigit is a digit of an A-number or what tesseract reads for one: the look-alikes of
// docs/identifiers.md#ocr-look-alikes, and Q, D and () (0) and Z (2), which it reads in the fonts
// notices use and on faxes.
const aDigit = `(?:[0-9OIlSB|QDZ]|\(\))`

// printForm is the layout of a printed A-number: groups of 3 parted by spaces (one, or more
// where a layout placed each group at its own column).
var printForm = regexp.MustCompile(`^\S{3} +\S{3} +\S{3}$`)

// maxANumberFixes is how many look-alikes a printed A-number may have: two of its nine digits.
// ids.Find allows one, for numbers with less around them.
const maxANumberFixes = 2

// printedANumbers finds the A-numbers ids.Find misses on OCR'd notices: printed after a label
// OCR garbled ("At" for "A#"), with up to two look-alikes, with a speck or a space breaking the
// groups. Nothing else on a notice has the printed form "A012 345 678", so one printed so needs
// no label; one whose groups are broken needs a party or A-number label on its row or above.
func (x *extraction) printedANumbers(text string) []candidate {
	var cs []candidate
	for _, m := range aNumberPrint.FindAllStringSubmatchIndex(text, -1) {
		raw := text[m[2]:m[3]]
		var digits []byte
		fixes := 0
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			if c == '(' && i+1 < len(raw) && raw[i+1] == ')' {
				digits, fixes, i = append(digits, '0'), fixes+1, i+1
				continue
			}
			if strings.IndexByte(" .,;:()'-", c) >= 0 {
				continue
			}
			d, fixed := digitsOf(string(c))
			switch c {
			case 'Q', 'D':
				d, fixed = "0", true
			case 'Z':
				d, fixed = "2", true
			}
			if fixed {
				fixes++
			}
			digits = append(digits, d...)
		}
		exact := printForm.MatchString(raw) || len(raw) == len(digits)
		if fixes > maxANumberFixes || !exact && !x.nearANumberLabel(m[2]) {
			continue
		}
		v, err := ids.Normalize(ids.ANumber, append([]byte("A"), digits...))
		if err != nil {
			continue
		}
		start := m[2] - 1
		for text[start] != 'A' {
			start--
		}
		cs = append(cs, candidate{ids.Match{Kind: ids.ANumber, Value: string(v), Start: start, End: m[3],
			Corrected: fixes > 0}, printedWeight})
	}
	return cs
}

// nearANumberLabel reports whether a party or A-number label is before offset off on its row,
// or on the row above.
func (x *extraction) nearANumberLabel(off int) bool {
	i := x.lineOf(off)
	for j := max(i-1, 0); j <= i; j++ {
		for _, lb := range x.labels[j] {
			if (lb.kind == partyLabel || lb.kind == aNumberLabel) && (j < i || x.lines[j].start+lb.end <= off) {
				return true
			}
		}
	}
	return false
}

// aCellLabel is a header cell that labels an A-number alone, as OCR reads "A#" (At, A4, AH,
// A+, As, AS, A8), after a party's name for it ("Applicant A#"): the # is the character tesseract
// misreads most, and ids.Find no longer sees a label there.
// A label in small capitals may come out in lower case or run into its A# ("uscisSA#",
// "uscis aA#").
var aCellLabel = regexp.MustCompile(`^` + aCellParty + `A[#tH4+sS8]$|(?i:^[a-z]{2,12} ?[a-z]?a#$)`)

// aCellParty is the party's name an A-number cell's label may start with.
const aCellParty = `(?:(?:Applicant|Beneficiary|Petitioner|Requestor|USCIS)(?:/Petitioner)? +)?`

// aCellLabelAsPrinted is an A-number cell's label read as printed.
var aCellLabelAsPrinted = regexp.MustCompile(`^` + aCellParty + `A#$`)

// aCellValue is an A-number as a header cell prints it: nine digits (maybe after an A) in
// groups of three, or run together, with the look-alikes OCR reads for digits.
var aCellValue = regexp.MustCompile(`^A?[-#:]? ?(` + aDigit + `{3}[ -]?` + aDigit + `{3}[ -]?` + aDigit + `{3})$`)

// cellANumbers finds A-numbers in the cell beside or under a header cell that OCR read as an
// A-number label it garbled: the cell must hold an A-number's whole printed form and nothing
// else, and be the next cell of the label's row or in the label's column on the next row.
// Decoys have no such cells; a 3-2-4 Social Security number or a 3-3-4 telephone number is not
// the form.
func (x *extraction) cellANumbers(text string) []candidate {
	var cs []candidate
	for i, ln := range x.lines[:x.headLines] {
		for k, c := range ln.cells {
			if !aCellLabel.MatchString(ln.text[c.start:c.end]) {
				continue
			}
			type at struct {
				ln   line
				cell span
			}
			var values []at
			if k+1 < len(ln.cells) {
				values = append(values, at{ln, ln.cells[k+1]})
			}
			if j, ok := x.nextText(i, 2); ok {
				for _, bc := range x.lines[j].cells {
					if bc.end > c.start-4 && bc.start < c.end+8 {
						values = append(values, at{x.lines[j], bc})
						break
					}
				}
			}
			for _, v := range values {
				vl, vc := v.ln, v.cell
				m := aCellValue.FindStringSubmatch(vl.text[vc.start:vc.end])
				if m == nil {
					continue
				}
				raw := strings.NewReplacer(" ", "", "-", "").Replace(m[1])
				digits, fixed := digitsOf(strings.NewReplacer("Q", "0", "D", "0", "Z", "2").Replace(raw))
				// A label read otherwise than "A#" is a guess at what it was: the person
				// checks the number.
				fixed = fixed || strings.ContainsAny(raw, "QDZ") || !aCellLabelAsPrinted.MatchString(ln.text[c.start:c.end])
				if a, err := ids.Normalize(ids.ANumber, []byte("A"+digits)); err == nil {
					cs = append(cs, candidate{ids.Match{Kind: ids.ANumber, Value: string(a), Start: vl.start + vc.start,
						End: vl.start + vc.end, Corrected: fixed}, printedWeight})
				}
				break
			}
		}
	}
	return cs
}
