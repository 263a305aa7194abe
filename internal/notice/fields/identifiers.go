package fields

import (
	"slices"
	"strings"

	"immivault/internal/ids"
)

// Rule weights for identifiers.
const (
	labelledWeight = 1.0  // printed with its label, or on an applicant's or beneficiary's row
	spelledWeight  = 0.95 // "Your A-Number is …"
	prefixWeight   = 0.9  // a receipt known by its office prefix alone
	printedWeight  = 0.9  // an A-number in the form notices print it, found without ids' label
	asylumWeight   = 0.8  // an asylum office's receipt, which ids leaves unclassified when unlabelled
	unplacedWeight = 0.85 // an own receipt chosen only because it comes first
)

// candidate is an identifier found in the text, with the weight of the rule that found it.
type candidate struct {
	ids.Match
	weight float64
}

// identifiers reads the receipt numbers, A-numbers and the labelled USCIS online account number.
// ids.Find does most of it; what it leaves is what OCR broke (see repairReceipts and
// printedANumbers) and values a sentence parts from their label (spelledOut).
func (x *extraction) identifiers() (own Field, others, aNumbers []Field, account Field) {
	text, repaired := repairReceipts(x.text)
	var found []candidate
	taken := make([]bool, len(text)) // the bytes of what ids.Find found
	for _, m := range ids.Find(text) {
		w := labelledWeight
		switch {
		case m.Kind == "" && m.Label == "" && asylumOffice(m.Value):
			m.Kind, w = ids.ReceiptNumber, asylumWeight
		case m.Label == "":
			w = prefixWeight
		}
		if slices.Contains(repaired[m.Start:m.End], true) {
			m.Corrected = true
		}
		found = append(found, candidate{m, w})
		for i := m.Start; i < m.End; i++ {
			taken[i] = true
		}
	}
	for _, c := range slices.Concat(spelledOut(text), fileNumbers(text), x.printedANumbers(text), x.cellANumbers(text)) {
		if !slices.Contains(taken[c.Start:c.End], true) {
			found = append(found, c)
		}
	}
	slices.SortStableFunc(found, func(a, b candidate) int { return a.Start - b.Start })

	var receipts []candidate
	seen := map[string]bool{}
	for _, c := range found {
		switch {
		case c.Kind == ids.ReceiptNumber:
			receipts = append(receipts, c)
		case c.Kind == ids.ANumber:
			if !seen[c.Value] {
				seen[c.Value] = true
				aNumbers = addANumber(aNumbers, x.field(c.Value, c.weight, c.Corrected))
			}
		case c.Kind == ids.AccountNumber && account.Value == "":
			account = x.field(c.Value, c.weight, c.Corrected)
		}
	}
	others = []Field{}
	if len(receipts) == 0 {
		return Field{}, others, nonNil(aNumbers), account
	}
	ownAt, weight := 0, unplacedWeight
	for k, c := range receipts {
		// A label in a sentence ("collected for your case with receipt number …") names
		// another case as often as this one: only a printed label, capitalized, says which
		// is the notice's own.
		if c.Label != "" && !inSentence(c.Label) || x.nearReceiptLabel(c.Start) {
			ownAt, weight = k, labelledWeight
			break
		}
	}
	own = x.field(receipts[ownAt].Value, weight, receipts[ownAt].Corrected)
	seen[own.Value] = true
	for _, c := range receipts {
		if !seen[c.Value] {
			seen[c.Value] = true
			others = append(others, x.field(c.Value, c.weight, c.Corrected))
		}
	}
	return own, others, nonNil(aNumbers), account
}

// addANumber adds an A-number to those found, unless it differs from one of them in a single
// digit: a person has one A-number and a petition's two people have unrelated ones, so that is
// one number printed twice and misread once. The surer reading is kept, marked for the person
// to confirm. (Receipt numbers are not merged so: cases filed together get consecutive ones.)
func addANumber(found []Field, a Field) []Field {
	for k, f := range found {
		if oneDigitApart(f.Value, a.Value) {
			if a.Confidence > f.Confidence {
				f = a
			}
			if !f.Corrected {
				f.Corrected, f.Confidence = true, round2(f.Confidence*correctedFactor)
			}
			found[k] = f
			return found
		}
	}
	return append(found, a)
}

func oneDigitApart(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			diff++
		}
	}
	return diff == 1
}

func nonNil(fs []Field) []Field {
	if fs == nil {
		return []Field{}
	}
	return fs
}

// nearReceiptLabel reports whether offset off is beside a "Receipt Number" label or in one of
// the three rows below it: the header's own receipt, when OCR garbled the label beyond what
// ids.Find recognises.
func (x *extraction) nearReceiptLabel(off int) bool {
	i := x.lineOf(off)
	for j := max(i-3, 0); j <= i; j++ {
		for _, lb := range x.labels[j] {
			if lb.kind == receiptLabel && (j < i || x.lines[j].start+lb.end <= off) &&
				!inSentence(x.lines[j].text[lb.start:lb.end]) {
				return true
			}
		}
	}
	return false
}

func asylumOffice(receipt string) bool {
	return strings.HasPrefix(receipt, "Z") && ids.Explain(ids.ReceiptNumber, []byte(receipt)).Office != ""
}

// inSentence reports whether a label was printed as words of a sentence, in lower case, rather
// than as a label.
func inSentence(label string) bool { return label != "" && 'a' <= label[0] && label[0] <= 'z' }
