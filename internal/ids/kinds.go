package ids

import (
	"errors"
	"strings"
)

// Kind names a kind of identifier. Its value is the name used on the command line and in JSON.
type Kind string

const (
	AccountNumber Kind = "account-number" // USCIS online account number, 12 digits
	ANumber       Kind = "a-number"       // A-number (Alien Registration Number), A + 9 digits
	ReceiptNumber Kind = "receipt-number" // case receipt number, 3 letters + 10 digits
	I94           Kind = "i94"            // I-94 admission record number, 11 characters
	SEVISID       Kind = "sevis-id"       // SEVIS ID, N + 10 digits
	Passport      Kind = "passport"       // passport number; the issuing country is kept beside it, see NormalizeCountry
	GreenCard     Kind = "green-card"     // Permanent Resident Card number, 3 letters + 10 digits
	EADCard       Kind = "ead-card"       // Employment Authorization Document card number, 3 letters + 10 digits
	EADCategory   Kind = "ead-category"   // EAD eligibility category such as C09 for (c)(9)
	SSN           Kind = "ssn"            // Social Security number, 9 digits
	NVCCase       Kind = "nvc-case"       // National Visa Center / State Department case number
	DS160         Kind = "ds160"          // DS-160 application ID (confirmation number)
	Other         Kind = "other"          // anything else; a free label is kept beside the value
)

// kindInfo is what the catalog knows about a kind besides its format rules.
type kindInfo struct {
	title   string
	example string // fictional, in display form
	invalid error  // the one sentence Normalize returns for a malformed value
}

var catalog = []struct {
	kind Kind
	kindInfo
}{
	{AccountNumber, kindInfo{"USCIS online account number", "001234567890",
		errors.New("USCIS online account numbers are 12 digits, e.g. 001234567890")}},
	{ANumber, kindInfo{"A-number", "A-012-345-678",
		errors.New("A-numbers are the letter A and 7 to 9 digits, e.g. A012345678")}},
	{ReceiptNumber, kindInfo{"Receipt number", "EAC2512345678",
		errors.New("receipt numbers are 3 letters and 10 digits, e.g. EAC2512345678")}},
	{I94, kindInfo{"I-94 record number", "123456789A1",
		errors.New("I-94 numbers are 9 digits, a letter or digit, and a digit, e.g. 123456789A1")}},
	{SEVISID, kindInfo{"SEVIS ID", "N0012345678",
		errors.New("SEVIS IDs are the letter N and 10 digits, e.g. N0012345678")}},
	{Passport, kindInfo{"Passport number", "X1234567",
		errors.New("passport numbers are 6 to 12 letters and digits, e.g. X1234567")}},
	{GreenCard, kindInfo{"Green card number", "SRC0123456789",
		errors.New("green card numbers are 3 letters and 10 digits, e.g. SRC0123456789")}},
	{EADCard, kindInfo{"EAD card number", "IOE0912345678",
		errors.New("EAD card numbers are 3 letters and 10 digits, e.g. IOE0912345678")}},
	{EADCategory, kindInfo{"EAD category", "C09",
		errors.New("EAD categories are A or C and a number, e.g. C09 or (c)(9)")}},
	{SSN, kindInfo{"Social Security number", "123-45-6789",
		errors.New("Social Security numbers are 9 digits, e.g. 123-45-6789")}},
	{NVCCase, kindInfo{"NVC case number", "XYZ0123456789",
		errors.New("NVC case numbers are 3 letters and 9 or 10 digits, e.g. XYZ0123456789")}},
	{DS160, kindInfo{"DS-160 confirmation number", "AA00A1B2C3",
		errors.New("DS-160 confirmation numbers are AA and 8 letters or digits, e.g. AA00A1B2C3")}},
	{Other, kindInfo{"Other identifier", "NRC2099000001",
		errors.New("other identifiers are 1 to 200 bytes of printable text")}},
}

var errUnknownKind = errors.New("unknown identifier kind")

func (k Kind) info() (kindInfo, bool) {
	for _, c := range catalog {
		if c.kind == k {
			return c.kindInfo, true
		}
	}
	return kindInfo{}, false
}

// Kinds returns every kind, in the order a person would meet them.
func Kinds() []Kind {
	ks := make([]Kind, len(catalog))
	for i, c := range catalog {
		ks[i] = c.kind
	}
	return ks
}

// ParseKind returns the kind named s (case and surrounding spaces do not matter).
func ParseKind(s string) (Kind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	names := make([]string, len(catalog))
	for i, c := range catalog {
		if string(c.kind) == s {
			return c.kind, nil
		}
		names[i] = string(c.kind)
	}
	return "", errors.New("unknown identifier kind; use one of " + strings.Join(names, ", "))
}

// Title is the kind's name for people, as it starts a sentence or a form field.
// The empty kind, which Find uses for a number it cannot classify, is "Unclassified number".
func (k Kind) Title() string {
	if k == "" {
		return "Unclassified number"
	}
	if in, ok := k.info(); ok {
		return in.title
	}
	return string(k)
}

// Example is a fictional valid value in display form, for placeholders and help text.
func (k Kind) Example() string {
	in, _ := k.info()
	return in.example
}
