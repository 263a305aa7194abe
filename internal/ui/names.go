package ui

import (
	"fyne.io/fyne/v2/lang"

	"immivault/internal/ids"
)

// kindTitle is an identifier kind's name in the user's language.
func kindTitle(k ids.Kind) string {
	switch k {
	case ids.AccountNumber:
		return lang.L("USCIS online account number")
	case ids.ANumber:
		return lang.L("A-number")
	case ids.ReceiptNumber:
		return lang.L("Receipt number")
	case ids.I94:
		return lang.L("I-94 record number")
	case ids.SEVISID:
		return lang.L("SEVIS ID")
	case ids.Passport:
		return lang.L("Passport number")
	case ids.GreenCard:
		return lang.L("Green card number")
	case ids.EADCard:
		return lang.L("EAD card number")
	case ids.EADCategory:
		return lang.L("EAD category")
	case ids.SSN:
		return lang.L("Social Security number")
	case ids.NVCCase:
		return lang.L("NVC case number")
	case ids.DS160:
		return lang.L("DS-160 confirmation number")
	case ids.Other:
		return lang.L("Other number")
	}
	return string(k)
}

// kindRule says what a valid value of a kind looks like, with an example.
func kindRule(k ids.Kind) string {
	switch k {
	case ids.AccountNumber:
		return lang.L("USCIS online account numbers are 12 digits, e.g. 001234567890")
	case ids.ANumber:
		return lang.L("A-numbers are the letter A and 7 to 9 digits, e.g. A012345678")
	case ids.ReceiptNumber:
		return lang.L("Receipt numbers are 3 letters and 10 digits, e.g. EAC2512345678")
	case ids.I94:
		return lang.L("I-94 numbers are 9 digits, a letter or digit, and a digit, e.g. 123456789A1")
	case ids.SEVISID:
		return lang.L("SEVIS IDs are the letter N and 10 digits, e.g. N0012345678")
	case ids.Passport:
		return lang.L("Passport numbers are 6 to 12 letters and digits, e.g. X1234567")
	case ids.GreenCard:
		return lang.L("Green card numbers are 3 letters and 10 digits, e.g. SRC0123456789")
	case ids.EADCard:
		return lang.L("EAD card numbers are 3 letters and 10 digits, e.g. IOE0912345678")
	case ids.EADCategory:
		return lang.L("EAD categories are A or C and a number, e.g. C09 or (c)(9)")
	case ids.SSN:
		return lang.L("Social Security numbers are 9 digits, e.g. 123-45-6789")
	case ids.NVCCase:
		return lang.L("NVC case numbers are 3 letters and 9 or 10 digits, e.g. XYZ0123456789")
	case ids.DS160:
		return lang.L("DS-160 confirmation numbers are AA and 8 letters or digits, e.g. AA00A1B2C3")
	}
	return lang.L("Other identifiers are 1 to 200 characters of printable text.")
}
