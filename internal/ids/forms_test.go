package ids

import "testing"

func TestNormalizeForm(t *testing.T) {
	for _, tc := range []struct{ in, form, title string }{
		{"I-485", "I-485", "Application to Register Permanent Residence or Adjust Status"},
		{"i485", "I-485", "Application to Register Permanent Residence or Adjust Status"},
		{"n 400", "N-400", "Application for Naturalization"},
		{"I-129F", "I-129F", "Petition for Alien Fiancé(e)"},
		{"I-999", "I-999", ""},
	} {
		form, title, err := NormalizeForm(tc.in)
		if err != nil || form != tc.form || title != tc.title {
			t.Errorf("NormalizeForm(%q) = %q, %q, %v", tc.in, form, title, err)
		}
	}
	for _, bad := range []string{"", "485", "X-485", "I-48555", "I--485"} {
		if _, _, err := NormalizeForm(bad); err == nil {
			t.Errorf("NormalizeForm(%q) accepted", bad)
		}
	}
}
