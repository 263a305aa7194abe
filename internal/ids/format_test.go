package ids

import "testing"

func TestFormat(t *testing.T) {
	t.Parallel()
	tests := []kindCase{
		{ReceiptNumber, "EAC2512345678", "EAC2512345678"},
		{ReceiptNumber, "IOE0912345678", "IOE0912345678"},
		{ANumber, "A012345678", "A-012-345-678"},
		{SSN, "123456789", "123-45-6789"},
		{GreenCard, "SRC0123456789", "SRC0123456789"},
		{EADCard, "IOE0912345678", "IOE0912345678"},
		{AccountNumber, "001234567890", "001234567890"},
		{EADCategory, "C09", "C09"},
		{Other, "Employer ID 12-3456789", "Employer ID 12-3456789"},
		// Not in storage form: returned as given rather than grouped wrongly.
		{ReceiptNumber, "EAC-25-123-45678", "EAC-25-123-45678"},
		{ANumber, "12345678", "12345678"},
		{SSN, "12345", "12345"},
		{Kind("nonsense"), "x", "x"},
	}
	for _, tt := range tests {
		in := []byte(tt.in)
		got := Format(tt.kind, in)
		if string(got) != tt.want {
			t.Errorf("Format(%s, %q) = %q, want %q", tt.kind, tt.in, got, tt.want)
		}
		if len(got) > 0 && &got[0] == &in[0] {
			t.Errorf("Format(%s, %q) returned its input slice", tt.kind, tt.in)
		}
	}
}
