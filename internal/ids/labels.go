package ids

import (
	"regexp"
	"strings"
)

// labelRule says how the value after a label is classified.
type labelRule int

const (
	fixedKind  labelRule = iota // the label names the kind
	cardNumber                  // green card or EAD card, told apart by the text around the label
	caseNumber                  // NVC case if the text around mentions NVC, DOS or CEAC; else prefix rules apply
	unplaced                    // a 3+10 number that is none of our kinds (FOIA control numbers): the person picks
)

// A labelDef is a label printed next to or above an identifier.
type labelDef struct {
	pattern string // RE2, matched case-insensitively at a word start
	starts  string // the words, lower case and space separated, the pattern can start with
	kind    Kind
	rule    labelRule
	shapes  []shape
}

var (
	threeTen = []shape{{groups: []string{"lll", "dd", "ddd", "ddddd"}, star: true}}
	nvcCase  = []shape{{groups: []string{"lll", "dddddddddd"}}, {groups: []string{"lll", "ddddddddd"}}}
	aNumber  = []shape{
		{groups: []string{"A", "ddd", "ddd", "ddd"}},
		{groups: []string{"A", "dd", "ddd", "ddd"}},
		{groups: []string{"A", "ddddddd"}},
		{groups: []string{"ddd", "ddd", "ddd"}},
		{groups: []string{"dd", "ddd", "ddd"}},
		{groups: []string{"ddddddd"}},
	}
	// aNumberInline is the form printed after a name on I-797 header rows, "A012 345 678".
	aNumberInline = aNumber[:2]
	account       = []shape{{groups: strings.Split(strings.Repeat("d", 12), "")}}
	i94           = []shape{{groups: []string{"dddddddddxd"}}}
	sevis         = []shape{{groups: []string{"N", "dddddddddd"}}}
	ssn           = []shape{{groups: []string{"ddd", "dd", "dddd"}}}
	passport      = alnumRuns(12, 6)
	ds160         = []shape{{groups: []string{"AAxxxxxxxx"}}}
)

// alnumRuns returns shapes of from down to to letters or digits, longest first.
func alnumRuns(from, to int) []shape {
	var ss []shape
	for n := from; n >= to; n-- {
		ss = append(ss, shape{groups: []string{strings.Repeat("x", n)}})
	}
	return ss
}

// num is the tail every "... Number" label shares.
const num = `(?:Number|No\b\.?|#)`

// labels, most specific first: at one position the first that matches wins.
var labels = []labelDef{
	{`(?:USCIS\s+)?Online\s+Account\s+` + num, "uscis online", AccountNumber, fixedKind, account},
	// The header of newer notices says only "Account Number"; its value must still be the
	// account number's 12 digits, which no other number on a notice has.
	{`Account\s+` + num, "account", AccountNumber, fixedKind, account},
	{`Admission\s*\(?\s*I-?94\s*\)?\s*Record\s*` + num, "admission", I94, fixedKind, i94},
	{`I-?94\s*(?:Record\s*)?` + num, "i i94", I94, fixedKind, i94},
	{`Admission\s+(?:Record\s+)?` + num, "admission", I94, fixedKind, i94},
	{`SEVIS\s*(?:ID\b|` + num + `)?`, "sevis", SEVISID, fixedKind, sevis},
	{`(?:NVC|DOS|CEAC)\s+Case\s*(?:ID\b|` + num + `)`, "nvc dos ceac", NVCCase, fixedKind, nvcCase},
	{`Receipt\s*` + num + `(?:\s*\(s\)|s\b)?`, "receipt", ReceiptNumber, fixedKind, threeTen},
	{`Card\s*` + num, "card", "", cardNumber, threeTen},
	{`Case\s*(?:ID\b|` + num + `)`, "case", NVCCase, caseNumber, nvcCase},
	{`(?:FOIA\s+)?Control\s*` + num, "foia control", "", unplaced, threeTen},
	{`(?:Alien\s+)?Registration\s+` + num, "alien registration", ANumber, fixedKind, aNumber},
	{`Alien\s+` + num, "alien", ANumber, fixedKind, aNumber},
	{`USCIS\s*` + num, "uscis", ANumber, fixedKind, aNumber},
	// "A-number", "A#", "A Number", but not the "a number" of a sentence.
	{`(?-i:A)\s?(?:-\s?` + num + `|#|(?-i:Number|NUMBER|No\b\.?|NO\b\.?))`, "a", ANumber, fixedKind, aNumber},
	{`SSN\b|Social\s+Security\s*` + num, "ssn social", SSN, fixedKind, ssn},
	{`Passport\s*` + num, "passport", Passport, fixedKind, passport},
	{`(?:DS-?160\s+)?(?:Application\s+ID\b|Confirmation\s+` + num + `)`, "ds ds160 application confirmation", DS160, fixedKind, ds160},
}

// labelREs match each label at the start of their input.
var labelREs = func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(labels))
	for i, l := range labels {
		res[i] = regexp.MustCompile(`(?i)^(?:` + l.pattern + `)`)
	}
	return res
}()

// labelsByWord lists, for each word a label can start with, the labels to try there. Trying
// label expressions only where such a word starts keeps Find fast on long text.
var labelsByWord = func() map[string][]int {
	m := map[string][]int{}
	for i, l := range labels {
		for _, w := range strings.Fields(l.starts) {
			m[w] = append(m[w], i)
		}
	}
	return m
}()

// maxLabelLen bounds the text a label expression looks at.
const maxLabelLen = 120

// Words that place a card number or a case number. The card whose word is nearest the label wins.
var (
	greenCardWords = regexp.MustCompile(`(?i)\bI-?551\b|\bPermanent\s+Resident\b|\bGreen\s+Card\b`)
	eadCardWords   = regexp.MustCompile(`(?i)\bI-?76[56]\b|\bEAD\b|\bEmployment\s+Authori[sz]ation\b`)
	nvcWords       = regexp.MustCompile(`(?i)\bNVC\b|\bNational\s+Visa\s+Center\b|\bDOS\b|\bDepartment\s+of\s+State\b|\bCEAC\b|\bConsular\b`)
)

// partyLine finds the rows where an I-797 prints an A-number without a label of its own:
// after the applicant's, petitioner's or beneficiary's name, or in the header rows.
var partyLine = regexp.MustCompile(`(?i)\b(?:Applicant|Petitioner|Beneficiary|Requestor|Received\s+Date|Notice\s+Date|Priority\s+Date|Case\s+Type)\b`)

// A label's context words are at most contextLines lines and contextBytes bytes away from it.
const (
	contextLines = 3
	contextBytes = 400
)
