package ids

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// kindCase is one row of the tables that test a function of a kind and a
// value: Normalize, Format and Mask.
type kindCase struct {
	kind Kind
	in   string // the value given (in storage form, for Format and Mask)
	want string // what the function gives back, or a part of its error
}

func TestNormalizeValid(t *testing.T) {
	t.Parallel()
	tests := []kindCase{
		{AccountNumber, "001234567890", "001234567890"},
		{AccountNumber, "0012 3456 7890", "001234567890"},
		{AccountNumber, "0012-3456-7890", "001234567890"},

		{ANumber, "A012345678", "A012345678"},
		{ANumber, "a-012-345-678", "A012345678"},
		{ANumber, "A 012 345 678", "A012345678"},
		{ANumber, "12345678", "A012345678"},
		{ANumber, "A1234567", "A001234567"},
		{ANumber, "A#123456789", "A123456789"},
		{ANumber, "A–012–345–678", "A012345678"}, // en dashes
		{ANumber, "Ａ０１２３４５６７８", "A012345678"},    // full width, NFKC
		{ANumber, "A0000001", "A000000001"},

		{ReceiptNumber, "EAC2512345678", "EAC2512345678"},
		{ReceiptNumber, "eac-25-123-45678", "EAC2512345678"},
		{ReceiptNumber, "EAC 25 123 45678", "EAC2512345678"},
		{ReceiptNumber, "EAC*2512345678", "EAC2512345678"},
		{ReceiptNumber, " IOE0912345678\n", "IOE0912345678"},
		{ReceiptNumber, "XYZ2512345678", "XYZ2512345678"},       // unknown office: accepted, Explain warns
		{ReceiptNumber, "EAC2599900001", "EAC2599900001"},       // workday 999: accepted, Explain warns
		{ReceiptNumber, "EAC\u20112512345678", "EAC2512345678"}, // non-breaking hyphen

		{I94, "123456789A1", "123456789A1"},
		{I94, "12345678901", "12345678901"},
		{I94, "123456789a1", "123456789A1"},

		{SEVISID, "N0012345678", "N0012345678"},
		{SEVISID, "n 0012345678", "N0012345678"},

		{Passport, "X1234567", "X1234567"},
		{Passport, "x12 345 67", "X1234567"},
		{Passport, "123456", "123456"},
		{Passport, "AB1234567890", "AB1234567890"},

		{GreenCard, "SRC0123456789", "SRC0123456789"},
		{GreenCard, "AAA0000000000", "AAA0000000000"},
		{EADCard, "ioe0912345678", "IOE0912345678"},

		{EADCategory, "C09", "C09"},
		{EADCategory, "c9", "C09"},
		{EADCategory, "(c)(9)", "C09"},
		{EADCategory, "(a)(10)", "A10"},
		{EADCategory, "(c)(3)(B)", "C03B"},
		{EADCategory, "C03B", "C03B"},

		{SSN, "123-45-6789", "123456789"},
		{SSN, "123 45 6789", "123456789"},
		{SSN, "912-34-5678", "912345678"}, // ITIN range: accepted, Explain warns
		{SSN, "078-05-1120", "078051120"},

		{NVCCase, "XYZ0123456789", "XYZ0123456789"},
		{NVCCase, "guz202412345", "GUZ202412345"},

		{DS160, "AA00A1B2C3", "AA00A1B2C3"},
		{DS160, "aa00a1b2c3", "AA00A1B2C3"},

		{Other, "  Employer ID 12-3456789 ", "Employer ID 12-3456789"},
		{Other, "x", "x"},
		{Other, "ﬁle №5", "file No5"}, // NFKC, case kept
		{Other, strings.Repeat("é", 100), strings.Repeat("é", 100)},
	}
	for _, tt := range tests {
		raw := []byte(tt.in)
		got, err := Normalize(tt.kind, raw)
		if err != nil {
			t.Errorf("Normalize(%s, %q): %v", tt.kind, tt.in, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("Normalize(%s, %q) = %q, want %q", tt.kind, tt.in, got, tt.want)
		}
		if string(raw) != tt.in {
			t.Errorf("Normalize(%s, %q) changed its input to %q", tt.kind, tt.in, raw)
		}
		if len(got) > 0 && len(raw) > 0 && &got[0] == &raw[0] {
			t.Errorf("Normalize(%s, %q) returned its input slice", tt.kind, tt.in)
		}
	}
}

func TestNormalizeInvalid(t *testing.T) {
	t.Parallel()
	tests := []kindCase{
		{AccountNumber, "98765432109", "12 digits"},
		{AccountNumber, "9876543210987", "12 digits"},
		{AccountNumber, "98765432109X", "12 digits"},

		{ANumber, "A000000000", "all zeros"},
		{ANumber, "0000000", "all zeros"},
		{ANumber, "A987654", "7 to 9 digits"},
		{ANumber, "A9876543210", "7 to 9 digits"},
		{ANumber, "B98765432", "7 to 9 digits"},
		{ANumber, "AA98765432", "7 to 9 digits"},
		{ANumber, "A987654321\u00b9", "7 to 9 digits"}, // superscript one: NFKC makes it a tenth digit
		{ANumber, "A9876O5432", "7 to 9 digits"},       // no OCR correction in typed input

		{ReceiptNumber, "EAC987654321", "3 letters and 10 digits"},
		{ReceiptNumber, "EAC25123456789", "3 letters and 10 digits"},
		{ReceiptNumber, "EA12512345678", "3 letters and 10 digits"},
		{ReceiptNumber, "EAC25O1234567", "3 letters and 10 digits"},
		{ReceiptNumber, "ÉAC2512345678", "3 letters and 10 digits"},
		{ReceiptNumber, "EAC_2512345678", "3 letters and 10 digits"},
		{ReceiptNumber, "", "3 letters and 10 digits"},

		{I94, "98765432AB1", "I-94"},
		{I94, "9876543210", "I-94"},

		{SEVISID, "M9876543210", "SEVIS"},
		{SEVISID, "N987654321", "SEVIS"},

		{Passport, "X9876", "6 to 12"},
		{Passport, "X98765432109Z", "6 to 12"},
		{Passport, "X9876*543", "6 to 12"},

		{GreenCard, "SRC987654321", "green card"},
		{EADCard, "IOE98765432100", "EAD card"},

		{EADCategory, "B09", "A or C"},
		{EADCategory, "C123", "A or C"},
		{EADCategory, "C09BB", "A or C"},
		{EADCategory, "C00", "start at 1"},
		{EADCategory, "(b)(9)", "A or C"},

		{SSN, "000-12-3456", "000 or 666"},
		{SSN, "666-12-3456", "000 or 666"},
		{SSN, "987-00-6543", "000 or 666"},
		{SSN, "987-65-0000", "000 or 666"},
		{SSN, "987-65-432", "9 digits"},

		{NVCCase, "XYZ98765432", "NVC"},
		{NVCCase, "XY987654321", "NVC"},

		{DS160, "AB98765432", "DS-160"},
		{DS160, "AA9876543", "DS-160"},

		{Other, "   ", "printable"},
		{Other, "secret\u202Eevil", "printable"}, // bidi override
		{Other, "line\nbreak", "printable"},
		{Other, strings.Repeat("z", 201), "printable"},
		{Other, "\xff\xfe", "printable"},

		{Kind("nonsense"), "EAC2512345678", "unknown"},
		{ReceiptNumber, strings.Repeat("EAC2512345678", 400), "3 letters and 10 digits"},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.kind, []byte(tt.in))
		if err == nil {
			t.Errorf("Normalize(%s, %q) = %q, want an error", tt.kind, tt.in, got)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tt.want) {
			t.Errorf("Normalize(%s, %q) error %q does not say %q", tt.kind, tt.in, msg, tt.want)
		}
		if in := strings.TrimSpace(tt.in); in != "" && strings.Contains(msg, in) {
			t.Errorf("Normalize(%s, %q) error %q contains the input", tt.kind, tt.in, msg)
		}
		if !isSentence(tt.kind, err) {
			t.Errorf("Normalize(%s, %q) error %q is not one of the fixed sentences", tt.kind, tt.in, msg)
		}
	}
}

// isSentence reports whether err is one of the fixed error values, which cannot carry input.
func isSentence(k Kind, err error) bool {
	in, _ := k.info()
	for _, e := range []error{in.invalid, errANumberZero, errSSNInvalid, errEADZero, errUnknownKind} {
		if e != nil && errors.Is(err, e) {
			return true
		}
	}
	return false
}

// TestNormalizeIdempotent checks the stored form is a fixed point and survives display: a value
// read back from the vault and re-entered from its display form must compare equal.
func TestNormalizeIdempotent(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds() {
		n, err := Normalize(k, []byte(k.Example()))
		if err != nil {
			t.Fatal(err)
		}
		again, err := Normalize(k, n)
		if err != nil || !bytes.Equal(again, n) {
			t.Errorf("Normalize(%s, %q) = %q, %v", k, n, again, err)
		}
	}
}
