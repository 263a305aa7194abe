package fields

import (
	"regexp"
	"strings"

	"immivault/internal/ids"
)

// Rule weights for the form.
const (
	caseTypeWeight = 1.0 // "I485 - APPLICATION TO ..." or the value of the "Case Type" label
	unknownWeight  = 0.7 // a well-formed code this catalog does not know
	bodyFormWeight = 0.5 // "your Form I-485" in the body: often right, but bodies cite other forms
)

var (
	// caseType is the case type as the header prints it: the code without its hyphen, then
	// " - " and the form's title in capitals. OCR reads the I as 1, l, |, T, J or a bracket,
	// doubles it ("!1601A", "1[129F") or drops it, and may run a suffix letter into the digits
	// (I290B as I2908).
	caseType = regexp.MustCompile(`(?:^|[^A-Za-z0-9-])(?:([I1l|!TJ\[\]]|N|G) ?-? ?)?(` + codeDigit + `{2,4}[A-Z]?) *-+ *[A-Z][A-Z(),'/&.]*(?: +[A-Z(),'/&.-]+)+`)
	// caseTypeCode is a code at the start of a "Case Type" label's value.
	caseTypeCode = regexp.MustCompile(`^([I1l|!TJ\[\]]|N|G) ?-? ?(` + codeDigit + `{2,4}[A-Z]?)(?:[^A-Za-z0-9]|$)`)
	bodyForm     = regexp.MustCompile(`\bForm ([I1l|]|N|G)-([0-9]{2,3}[A-Z]?)\b`)
)

// codeDigit is a digit of a form code as OCR reads it: the look-alikes of
// docs/identifiers.md#ocr-look-alikes, and the brackets tesseract reads for a 1 at the end of a box
// ("113]" for I131).
const codeDigit = `[0-9OSBIl|\][]`

// form reads the form from the case type. Notices key on the code, not the title: old notices
// keep old titles.
func (x *extraction) form(fromBody bool) (Field, string) {
	// A known form from a weaker rule beats a code the catalog does not know from a stronger
	// one: that is more often a misreading than a new form.
	var unknown Field
	try := func(series, code string, weight float64) (Field, string, bool) {
		f, title, ok := x.formCode(series, code, weight)
		if ok && title == "" && unknown.Value == "" {
			unknown = f
		}
		return f, title, ok && title != ""
	}
	for _, ls := range x.labels {
		for _, lb := range ls {
			if lb.kind != caseTypeLabel {
				continue
			}
			for _, s := range x.labelValues(lb) {
				if len(s) > 5 && strings.EqualFold(s[:5], "Form ") {
					s = s[5:] // "Case Type  Form I-129, Petition for …"
				}
				if m := caseTypeCode.FindStringSubmatch(s); m != nil {
					if f, title, ok := try(m[1], m[2], caseTypeWeight); ok {
						return f, title
					}
				}
			}
		}
	}
	// A "Form" cell's value and a case type printed bare ("I485 - APPLICATION TO …"): the
	// one higher on the page is the header's; the other may be a related case the body
	// describes.
	cellForm, cellTitle, cellLine := Field{}, "", x.headLines
	for _, v := range x.formCellValues() {
		s := v.text
		if len(s) > 5 && strings.EqualFold(s[:5], "Form ") {
			s = s[5:] // "Form  Form I-290B, Notice of Appeal or Motion"
		}
		if m := caseTypeCode.FindStringSubmatch(s); m != nil {
			if f, title, ok := try(m[1], m[2], caseTypeWeight); ok {
				cellForm, cellTitle, cellLine = f, title, v.line
				break
			}
		}
	}
	for i, ln := range x.lines[:x.headLines] {
		if i > cellLine {
			break
		}
		for _, m := range caseType.FindAllStringSubmatch(ln.text, -1) {
			if f, title, ok := try(m[1], m[2], caseTypeWeight); ok {
				return f, title
			}
		}
	}
	if cellForm.Value != "" {
		return cellForm, cellTitle
	}
	if unknown.Value != "" {
		return unknown, ""
	}
	for _, m := range bodyForm.FindAllStringSubmatch(x.head, -1) {
		if !fromBody {
			break
		}
		if notCaseInBody(m[2]) {
			continue
		}
		if f, title, ok := try(m[1], m[2], bodyFormWeight); ok {
			return f, title
		}
	}
	return unknown, ""
}

// notCaseInBody reports whether the form of number n, named in a notice's text, is never the
// case the notice is about: the I-94, a record of admission notices mention ("No Form I-94 is
// attached"); the affidavits of support (I-864, I-864A, I-134) and the medical
// examination (I-693), evidence a request lists, filed with a case and never receipted as one;
// and the I-290B, the appeal or motion every decision names as the way to contest it ("on Form
// I-290B, Notice of Appeal or Motion"). A notice about an I-290B says so in its header, which
// is read before the text.
func notCaseInBody(n string) bool {
	switch n {
	case "94", "864", "864A", "134", "693", "290B":
		return true
	}
	return false
}

// formCellValues returns the values of a header cell that is the word "Form" alone, as newer
// notices label the case's form ("Form  N400", or "Form" over "I-130, Petition for Alien
// Relative"): the next cell of its row, and the cell under it in the next row. "Form" is not
// one of the labels (labelPhrases): as a label it would split the header's rows wrongly
// wherever the word starts a cell, as "Form I-797C, Notice of Action" does.
func (x *extraction) formCellValues() []cellValue {
	var vs []cellValue
	for i, ln := range x.lines[:x.headLines] {
		for k, c := range ln.cells {
			cell := ln.text[c.start:c.end]
			// "Form: I-129, Petition for …" in one cell: the value beside its label. Without
			// the colon, "Form I-797C, Notice of Action" is the notice's own name.
			if len(cell) > 5 && strings.EqualFold(cell[:5], "Form:") {
				vs = append(vs, cellValue{strings.TrimSpace(cell[5:]), i})
				continue
			}
			if !strings.EqualFold(strings.TrimRight(cell, ":"), "Form") {
				continue
			}
			if k+1 < len(ln.cells) {
				vs = append(vs, cellValue{ln.text[ln.cells[k+1].start:ln.cells[k+1].end], i})
			}
			if j, ok := x.nextText(i, 2); ok {
				below := x.lines[j]
				for _, bc := range below.cells {
					if bc.end > c.start-4 && bc.start < c.end+8 {
						vs = append(vs, cellValue{below.text[bc.start:bc.end], i})
						break
					}
				}
			}
		}
	}
	return vs
}

// cellValue is a value of a "Form" cell and the line of the cell.
type cellValue struct {
	text string
	line int
}

// labelValues returns what may be a label's value: the rest of its row after a colon and
// spacing, and the cell under it in the next row.
func (x *extraction) labelValues(lb label) []string {
	ln := x.lines[lb.line]
	vs := []string{strings.TrimLeft(ln.text[lb.end:], " :")}
	if j, ok := x.nextText(lb.line, 2); ok {
		below := x.lines[j]
		for _, c := range below.cells {
			if c.end > lb.start-4 && c.start < lb.end+8 {
				vs = append(vs, below.text[c.start:c.end])
				break
			}
		}
	}
	return vs
}

// formCode reads a series letter and a code as OCR gave them. Of the readings the look-alikes
// allow, a form the catalog knows wins; one it does not know is kept with less confidence. The
// Form I-797 is the notice itself, never the case's form.
func (x *extraction) formCode(series, code string, weight float64) (Field, string, bool) {
	type reading struct {
		series, code string
		corrected    bool
	}
	var rs []reading
	switch series {
	case "":
		rs = []reading{{"I", code, true}, {"N", code, true}}
	case "I", "N", "G":
		rs = []reading{{series, code, false}}
	default:
		rs = []reading{{"I", code, true}}
	}
	if strings.ContainsRune("1lI|[]", rune(code[0])) && len(code) >= 3 && series != "" {
		rs = append(rs, reading{rs[0].series, code[1:], true})
	}
	var fallback Field
	for _, r := range rs {
		for _, cr := range codeReadings(r.code) {
			form, title, err := ids.NormalizeForm(r.series + cr.code)
			// The Form I-797 is the notice itself and the I-94 a record of admission
			// notices mention: neither is ever the case's form.
			if err != nil || strings.HasPrefix(form, "I-797") || form == "I-94" {
				continue
			}
			c := r.corrected || cr.corrected
			if title != "" {
				return x.field(form, weight, c), title, true
			}
			// A code without its series letter is only taken when it names a known form.
			if fallback.Value == "" && series != "" {
				fallback = x.field(form, weight*unknownWeight, c)
			}
		}
	}
	return fallback, "", fallback.Value != ""
}

type codeReading struct {
	code      string
	corrected bool
}

// codeReadings lists how a form code read by OCR may be meant: all digits, or digits and a
// suffix letter (I-129F, I-290B, I-601A).
func codeReadings(code string) []codeReading {
	var rs []codeReading
	if len(code) <= 3 {
		d, fixed := digitsOf(bracketsAsOne(code))
		if isDigits(d) {
			rs = append(rs, codeReading{d, fixed})
		}
	}
	if n := len(code); n >= 3 {
		d, fixed := digitsOf(bracketsAsOne(code[:n-1]))
		last := code[n-1]
		letter, ok := map[byte]byte{'8': 'B', '5': 'S', '0': 'O', '1': 'I'}[last]
		if !ok && 'A' <= last && last <= 'Z' {
			letter, ok = last, true
		}
		if ok && isDigits(d) && len(d) <= 3 {
			rs = append(rs, codeReading{d + string(letter), fixed || letter != last})
		}
	}
	return rs
}

// bracketsAsOne reads the brackets of codeDigit as the 1 they stand for, as digitsOf reads |.
func bracketsAsOne(s string) string { return strings.NewReplacer("[", "|", "]", "|").Replace(s) }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// premiumFor names a form premium processing is requested for: the petitions and
// applications an I-907 may accompany.
var premiumFor = regexp.MustCompile(`\b(?:Form\s+)?([I1l|])-?(129|140|539|765)\b`)

// premiumCase reads the case of a premium processing receipt. An I-907 is no case of its
// own: it is receipted under the number of the petition or application it asks to speed up,
// which the notice names ("PETITION  I-129, Petition for A Nonimmigrant Worker", "for the
// Form I-129 petition"), and that is the notice's case. A notice naming none keeps the I-907.
func (x *extraction) premiumCase(f Field, title string) (Field, string) {
	if f.Value != "I-907" {
		return f, title
	}
	for _, m := range premiumFor.FindAllStringSubmatch(x.head, -1) {
		if g, t, ok := x.formCode(m[1], m[2], bodyFormWeight); ok && t != "" {
			return g, t
		}
	}
	return f, title
}
