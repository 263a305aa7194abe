package ids_test

import (
	"fmt"

	"immivault/internal/ids"
)

func ExampleNormalize() {
	n, err := ids.Normalize(ids.ReceiptNumber, []byte(" eac-25-123-45678 "))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("stored %s, shown %s, masked %s\n", n, ids.Format(ids.ReceiptNumber, n), ids.Mask(ids.ReceiptNumber, n))

	_, err = ids.Normalize(ids.ReceiptNumber, []byte("EAC-25-123"))
	fmt.Println(err)
	// Output:
	// stored EAC2512345678, shown EAC2512345678, masked EAC••••••5678
	// receipt numbers are 3 letters and 10 digits, e.g. EAC2512345678
}

func ExampleNormalize_aNumber() {
	n, _ := ids.Normalize(ids.ANumber, []byte("A12345678"))
	fmt.Println(string(n), string(ids.Format(ids.ANumber, n)), ids.Mask(ids.ANumber, n))
	// Output: A012345678 A-012-345-678 A-•••-•••-678
}

func ExampleFind() {
	notice := `Receipt Number                  Case Type
IOE0912345678                   I765 - APPLICATION FOR EMPLOYMENT AUTHORIZATION
Received Date   Priority Date   Applicant         A012 345 678
Card # SRC0123456789 (Form I-551)
Also filed: WAC-25-123-45678, ABC2512345678
`
	for _, m := range ids.Find(notice) {
		fmt.Printf("%-20s %-14s %q\n", m.Kind.Title(), m.Value, m.Label)
	}
	// Output:
	// Receipt number       IOE0912345678  "Receipt Number"
	// A-number             A012345678     "Applicant"
	// Green card number    SRC0123456789  "Card #"
	// Receipt number       WAC2512345678  ""
	// Unclassified number  ABC2512345678  ""
}

func ExampleExplain() {
	e := ids.Explain(ids.ReceiptNumber, []byte("EAC2599900001"))
	fmt.Println(e.Office, e.FiscalYear)
	fmt.Println(e.Warnings)
	// Output:
	// Vermont Service Center 2025
	// [its intake-workday digits are outside the 1–300 workdays of a fiscal year]
}
