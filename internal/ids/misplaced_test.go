package ids

import "testing"

func TestMisplaced(t *testing.T) {
	for _, tc := range []struct {
		field Kind
		typed string
		want  Kind // "" when the value is not recognised as another kind
	}{
		{AccountNumber, "EAC2512345678", ReceiptNumber},
		{AccountNumber, "eac-25-123-45678", ReceiptNumber},
		{AccountNumber, "IOE0912345678", ReceiptNumber},
		{AccountNumber, "001234567890", ""}, // right where it is
		{AccountNumber, "0012 3456 7890", ""},
		{AccountNumber, "12345", ""},       // wrong, but not another number
		{AccountNumber, "EAC25123456", ""}, // a receipt number with digits missing
		{AccountNumber, "A012345678", ""},  // an A-number: not one of the two
		{ReceiptNumber, "001234567890", AccountNumber},
		{ReceiptNumber, "0012-3456-7890", AccountNumber},
		{ReceiptNumber, "EAC2512345678", ""},
		{ReceiptNumber, "0012345678901", ""}, // 13 digits: neither
		{ANumber, "001234567890", ""},        // only the two kinds are confused
		{Passport, "EAC2512345678", ""},
		{AccountNumber, "", ""},
	} {
		got, ok := Misplaced(tc.field, []byte(tc.typed))
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Misplaced(%s, %q) = %q, %v; want %q", tc.field, tc.typed, got, ok, tc.want)
		}
	}
}
