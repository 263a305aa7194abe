package ids

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMask(t *testing.T) {
	t.Parallel()
	tests := []kindCase{
		{ReceiptNumber, "EAC2512345678", "EAC••••••5678"},
		{GreenCard, "SRC0123456789", "SRC••••••6789"},
		{EADCard, "IOE0912345678", "IOE••••••5678"},
		{NVCCase, "XYZ012345678", "XYZ•••••5678"},
		{ANumber, "A012345678", "A-•••-•••-678"},
		{SSN, "123456789", "•••-••-6789"},
		{AccountNumber, "001234567890", "••••••••7890"},
		{I94, "123456789A1", "•••••••89A1"},
		{SEVISID, "N0012345678", "N••••••5678"},
		{DS160, "AA00A1B2C3", "AA•••••2C3"},
		{Passport, "X1234567", "••••••67"},
		{Passport, "123456789", "••••••789"},
		{Passport, "AB1234567890", "••••••••7890"},
		{EADCategory, "C09", "C09"},
		{Other, "Employer ID 12-3456789", "••••••••6789"},
		{Other, "ab", "••"},
		{Other, "日本語のテキストです", "•••••••トです"},
		// Not in storage form: nothing shows.
		{ReceiptNumber, "EAC-25-123-45678", "••••"},
		{SSN, "000000000", "••••"},
		{Kind("nonsense"), "EAC2512345678", "••••"},
	}
	for _, tt := range tests {
		if got := Mask(tt.kind, []byte(tt.in)); got != tt.want {
			t.Errorf("Mask(%s, %q) = %q, want %q", tt.kind, tt.in, got, tt.want)
		}
	}
}

// TestMaskHides checks, for every kind's example, that the mask shows at most 4 characters of
// the value beyond a shared prefix.
func TestMaskHides(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds() {
		if k == EADCategory {
			continue
		}
		n, err := Normalize(k, []byte(k.Example()))
		if err != nil {
			t.Fatal(err)
		}
		m := Mask(k, n)
		shown := utf8.RuneCountInString(strings.NewReplacer(dot, "", "-", "").Replace(m))
		prefix := map[Kind]int{ReceiptNumber: 3, GreenCard: 3, EADCard: 3, NVCCase: 3, SEVISID: 1, DS160: 2, ANumber: 1}[k]
		if shown-prefix > 4 || !strings.Contains(m, dot) {
			t.Errorf("Mask(%s, %q) = %q shows too much", k, n, m)
		}
	}
}
