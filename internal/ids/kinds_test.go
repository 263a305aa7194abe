package ids

import (
	"slices"
	"strings"
	"testing"
)

func TestKindsOrder(t *testing.T) {
	want := []Kind{AccountNumber, ANumber, ReceiptNumber, I94, SEVISID, Passport, GreenCard,
		EADCard, EADCategory, SSN, NVCCase, DS160, Other}
	if got := Kinds(); !slices.Equal(got, want) {
		t.Fatalf("Kinds() = %v, want %v", got, want)
	}
}

func TestParseKind(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds() {
		got, err := ParseKind(string(k))
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, err)
		}
	}
	for in, want := range map[string]Kind{" A-Number ": ANumber, "SSN": SSN, "I94": I94} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "anumber", "receipt", "i-94", "a-number-x"} {
		_, err := ParseKind(in)
		if err == nil {
			t.Errorf("ParseKind(%q) succeeded", in)
			continue
		}
		for _, k := range Kinds() {
			if !strings.Contains(err.Error(), string(k)) {
				t.Errorf("ParseKind(%q) error %q does not name %q", in, err, k)
			}
		}
	}
}

func TestTitles(t *testing.T) {
	t.Parallel()
	want := map[Kind]string{
		AccountNumber: "USCIS online account number",
		ANumber:       "A-number",
		ReceiptNumber: "Receipt number",
		"":            "Unclassified number",
	}
	for k, title := range want {
		if got := k.Title(); got != title {
			t.Errorf("%q.Title() = %q, want %q", k, got, title)
		}
	}
	seen := map[string]bool{}
	for _, k := range Kinds() {
		title := k.Title()
		if title == "" || title == string(k) || seen[title] {
			t.Errorf("%q.Title() = %q: missing or repeated", k, title)
		}
		seen[title] = true
	}
}

// TestExamples checks that every example is valid and already in display form, since help text
// shows it as what to type.
func TestExamples(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds() {
		ex := k.Example()
		n, err := Normalize(k, []byte(ex))
		if err != nil {
			t.Errorf("%s example %q: %v", k, ex, err)
			continue
		}
		if got := string(Format(k, n)); got != ex {
			t.Errorf("%s example %q is not in display form %q", k, ex, got)
		}
	}
	if got := Kind("nonsense").Example(); got != "" {
		t.Errorf("unknown kind example = %q", got)
	}
}
