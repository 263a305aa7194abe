package ids

// misplacedKinds are the numbers people type in one another's place, by
// the field they land in: the USCIS online account number and a receipt
// number come on the same notices, near each other, and both are called
// "number" on the account's pages.
var misplacedKinds = map[Kind][]Kind{
	AccountNumber: {ReceiptNumber},
	ReceiptNumber: {AccountNumber},
}

// Misplaced recognises a value typed into the field for kind k that is
// not one but is a valid value of a kind people confuse with k: a receipt
// number (3 letters and 10 digits) where the account number (12 digits)
// goes, or the other way round. It reports that kind, so that the person
// can be told which number is which. A value valid as k is never
// misplaced. raw is read, not kept; the copies made of it are wiped.
func Misplaced(k Kind, raw []byte) (Kind, bool) {
	if v, err := Normalize(k, raw); err == nil {
		clear(v)
		return "", false
	}
	for _, other := range misplacedKinds[k] {
		if v, err := Normalize(other, raw); err == nil {
			clear(v)
			return other, true
		}
	}
	return "", false
}
