package fields

import (
	"regexp"
	"slices"
	"strings"
)

// labelKind names a label printed on notices.
type labelKind int

const (
	receiptLabel labelKind = iota
	caseTypeLabel
	receivedLabel
	priorityLabel
	noticeDateLabel
	noticeTypeLabel
	pageLabel
	partyLabel
	aNumberLabel
	accountLabel
	appointmentLabel
)

// labelPhrases are the words of each label. OCR tolerance is added by fuzzy.
var labelPhrases = []struct {
	kind    labelKind
	phrases []string
}{
	{receiptLabel, []string{"Receipt Number", "Receipt No", "Receipt #"}},
	{caseTypeLabel, []string{"Case Type"}},
	{receivedLabel, []string{"Received Date", "Receipt Date", "Date Received", "Date Filed", "Filing Date", "Filed:"}},
	{priorityLabel, []string{"Priority Date"}},
	{noticeDateLabel, []string{"Notice Date", "Date of Notice"}},
	{noticeTypeLabel, []string{"Notice Type"}},
	{pageLabel, []string{"Page"}},
	{partyLabel, []string{"Applicant", "Petitioner", "Beneficiary", "Requestor", "Requester"}},
	{aNumberLabel, []string{"A-Number", "A Number", "USCIS A#", "A#", "Alien Number", "USCIS#", "Alien Registration Number",
		"File No", "File Number", "File"}},
	{accountLabel, []string{"USCIS Online Account Number", "Online Account Number"}},
	{appointmentLabel, []string{"Date and Time of Appointment", "Appointment Date and Time", "Appointment Date",
		"Date and Time of Interview", "Interview Date and Time", "Interview Date",
		"New Appointment Date and Time", "New Interview Date and Time", "New Appointment",
		"Date and Time", "Date / Time", "Rescheduled To"}},
}

// labelRE matches every label; the submatch that took part names its kind.
var labelRE, labelKinds = func() (*regexp.Regexp, []labelKind) {
	var alts []string
	var kinds []labelKind
	for _, lp := range labelPhrases {
		for _, ph := range lp.phrases {
			alts = append(alts, "("+fuzzy(ph)+")")
			kinds = append(kinds, lp.kind)
		}
	}
	// Longer phrases first, so that "Appointment Date and Time" beats "Appointment Date".
	return regexp.MustCompile(`(?i)(?:^|[^A-Za-z0-9])(?:` + strings.Join(alts, "|") + `)`), kinds
}()

// confusable lists, for a letter of a label, what OCR reads it as.
var confusable = map[rune]string{
	'i': `[il1|!]`, 'l': `[il1|]`, 'o': `[o0]`, 's': `[s5]`, 'b': `[b8]`, 'e': `[ec]`, 'c': `[ce]`,
	'm': `(?:m|rn)`, 'n': `(?:n|ri)`, 'g': `[g9]`, '#': `[#@]`,
}

// fuzzy turns a label into an expression that also matches what OCR makes of it: the usual
// letter confusions, and words run together or spaced apart (a layout that places each word
// at its own column may part them by several spaces), or parted by a speck ("RECEIVED. DATE").
func fuzzy(phrase string) string {
	var b strings.Builder
	for i, w := range strings.Fields(phrase) {
		if i > 0 {
			b.WriteString(`[ .,'-]{0,8}`) // a speck between the words may be read as punctuation, or a hyphen
		}
		for _, c := range strings.ToLower(w) {
			if alt, ok := confusable[c]; ok {
				b.WriteString(alt)
			} else {
				b.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
	}
	return b.String()
}

// label is a label found on a line; start and end are columns.
type label struct {
	kind       labelKind
	line       int
	start, end int
}

// findLabels finds the labels on every line of the head, in order; in text read by OCR, also
// labels misread beyond the look-alikes (approxLabels).
func (p *page) findLabels(ocr bool) [][]label {
	all := make([][]label, len(p.lines))
	for i, ln := range p.lines[:p.headLines] {
		for _, m := range labelRE.FindAllStringSubmatchIndex(ln.text, -1) {
			for g := 1; g < len(m)/2; g++ {
				if m[2*g] >= 0 {
					if end := m[2*g+1]; end < len(ln.text) && isAlnumByte(ln.text[end]) && isAlnumByte(ln.text[end-1]) {
						break // the start of a longer word
					}
					all[i] = append(all[i], label{kind: labelKinds[g-1], line: i, start: m[2*g], end: m[2*g+1]})
					break
				}
			}
		}
		if ocr {
			all[i] = append(all[i], approxLabels(ln.text, i, all[i])...)
			slices.SortFunc(all[i], func(a, b label) int { return a.start - b.start })
		}
	}
	return all
}

func isAlnumByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
