package ids

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// pinNow sets the clock to t for the rest of the test. Tests using it do not run in parallel.
func pinNow(t *testing.T, at time.Time) {
	t.Helper()
	saved := now
	now = func() time.Time { return at }
	t.Cleanup(func() { now = saved })
}

func TestExplainReceipt(t *testing.T) {
	pinNow(t, time.Date(2026, time.March, 15, 12, 0, 0, 0, time.UTC)) // fiscal year 2026
	tests := []struct {
		norm     string
		summary  string
		office   string
		fy       int
		warnings []string // parts of each expected warning, in order
	}{
		{"EAC2512345678", "Receipt number from the Vermont Service Center, fiscal year 2025 (Oct 2024–Sep 2025)",
			"Vermont Service Center", 2025, nil},
		{"WAC2600100001", "Receipt number from the California Service Center, fiscal year 2026 (Oct 2025–Sep 2026)",
			"California Service Center", 2026, nil},
		{"MSC2700100001", "", "National Benefits Center", 2027, nil}, // next fiscal year: can be real near October
		{"LIN2800100001", "", "Nebraska Service Center", 2028, []string{"fiscal year 2028 has not started"}},
		{"SRC9912345678", "", "Texas Service Center", 1999, nil},
		{"EAC2599900001", "", "Vermont Service Center", 2025, []string{"intake-workday digits"}},
		{"EAC2500012345", "", "Vermont Service Center", 2025, []string{"intake-workday digits"}},
		{"EAC2530012345", "", "Vermont Service Center", 2025, nil},
		{"EAC2530112345", "", "Vermont Service Center", 2025, []string{"intake-workday digits"}},
		{"YSC2512300000", "", "Potomac Service Center", 2025, []string{"sequence number 00000"}},
		{"EAC3800000000", "", "Vermont Service Center", 2038, []string{"fiscal year 2038", "intake-workday digits", "sequence number 00000"}},
		{"IOE0912345678", "Receipt number from the USCIS Electronic Immigration System (ELIS)",
			"USCIS Electronic Immigration System (ELIS)", 0, nil},
		{"IOE9999900000", "", "USCIS Electronic Immigration System (ELIS)", 0, nil}, // no decode, so no warnings
		{"ZNY2512345678", "Receipt number from the New York Asylum Office, fiscal year 2025 (Oct 2024–Sep 2025)",
			"New York Asylum Office", 2025, nil},
		{"ZBO2512345678", "Receipt number from an asylum office (ZBO), fiscal year 2025 (Oct 2024–Sep 2025)",
			"", 2025, nil},
		{"ABC2512345678", "Receipt number from an unrecognized office (ABC)", "", 0, []string{"unrecognized office"}},
		{"PSC2512345678", "", "", 0, []string{"unrecognized office"}},
	}
	for _, tt := range tests {
		e := Explain(ReceiptNumber, []byte(tt.norm))
		if tt.summary != "" && e.Summary != tt.summary {
			t.Errorf("%s: Summary = %q, want %q", tt.norm, e.Summary, tt.summary)
		}
		if e.Office != tt.office || e.FiscalYear != tt.fy {
			t.Errorf("%s: Office, FiscalYear = %q, %d; want %q, %d", tt.norm, e.Office, e.FiscalYear, tt.office, tt.fy)
		}
		if len(e.Warnings) != len(tt.warnings) {
			t.Errorf("%s: Warnings = %q, want %d", tt.norm, e.Warnings, len(tt.warnings))
			continue
		}
		for i, w := range tt.warnings {
			if !strings.Contains(e.Warnings[i], w) {
				t.Errorf("%s: warning %q does not say %q", tt.norm, e.Warnings[i], w)
			}
		}
	}
}

func TestFiscalYear(t *testing.T) {
	t.Parallel()
	tests := []struct {
		at   time.Time
		want int
	}{
		{time.Date(2024, time.September, 30, 23, 59, 0, 0, time.UTC), 2024},
		{time.Date(2024, time.October, 1, 0, 0, 0, 0, time.UTC), 2025},
		// The example of docs/identifiers.md#fiscal-year-and-workday.
		{time.Date(2024, time.November, 15, 0, 0, 0, 0, time.UTC), 2025},
		{time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC), 2025},
	}
	for _, tt := range tests {
		if got := fiscalYear(tt.at); got != tt.want {
			t.Errorf("fiscalYear(%v) = %d, want %d", tt.at, got, tt.want)
		}
	}
}

// TestExplainFollowsClock checks the future-year warning moves with the clock, across the
// October turn of the fiscal year.
func TestExplainFollowsClock(t *testing.T) {
	receipt := []byte("EAC2712345678")
	pinNow(t, time.Date(2025, time.September, 30, 0, 0, 0, 0, time.UTC)) // FY 2025
	if w := Explain(ReceiptNumber, receipt).Warnings; len(w) != 1 {
		t.Errorf("in FY 2025, FY 2027 receipt: Warnings = %q, want one", w)
	}
	pinNow(t, time.Date(2025, time.October, 1, 0, 0, 0, 0, time.UTC)) // FY 2026
	if w := Explain(ReceiptNumber, receipt).Warnings; len(w) != 0 {
		t.Errorf("in FY 2026, FY 2027 receipt: Warnings = %q, want none", w)
	}
}

func TestExplainOtherKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind     Kind
		norm     string
		summary  string
		warnings int
	}{
		{SSN, "123456789", "Social Security number", 0},
		{SSN, "912345678", "Individual Taxpayer Identification Number (ITIN)", 1},
		{SSN, "078051120", "Social Security number", 1},
		{SSN, "219099999", "Social Security number", 1},
		{EADCategory, "C09", "EAD category (c)(9): adjustment of status application pending", 0},
		{EADCategory, "A05", "EAD category (a)(5): asylee", 0},
		{EADCategory, "C03B", "EAD category (c)(3)(B)", 0},
		{EADCategory, "C33", "EAD category (c)(33)", 0},
		{GreenCard, "SRC0123456789", "Green card (Permanent Resident Card) number", 0},
		{GreenCard, "AAA0000000000", "Green card number placeholder for a card issued before December 1997, which has no card number", 0},
		{EADCard, "IOE0912345678", "EAD card (Employment Authorization Document) number", 0},
		{I94, "123456789A1", "I-94 record number, in the format used since May 2019", 0},
		{I94, "12345678901", "I-94 record number", 0},
		{NVCCase, "XYZ0123456789", "NVC case number; its letters are the code of the consular post (XYZ)", 0},
		{ANumber, "A012345678", "A-number", 0},
		{Other, "Employer ID 12-3456789", "Other identifier", 0},
		// Not valid, or not in storage form: the summary is the title and a warning says why.
		{ReceiptNumber, "XYZ98", "Receipt number", 1},
		{ReceiptNumber, "eac2512345678", "Receipt number", 1},
		{ANumber, "12345678", "A-number", 1},
	}
	for _, tt := range tests {
		e := Explain(tt.kind, []byte(tt.norm))
		if e.Summary != tt.summary || len(e.Warnings) != tt.warnings {
			t.Errorf("Explain(%s, %q) = %q with warnings %q; want %q with %d", tt.kind, tt.norm, e.Summary, e.Warnings, tt.summary, tt.warnings)
		}
		if e.Office != "" || e.FiscalYear != 0 {
			t.Errorf("Explain(%s, %q) decoded a receipt: %+v", tt.kind, tt.norm, e)
		}
		for _, w := range e.Warnings {
			if len(tt.norm) > 4 && strings.Contains(w, tt.norm) {
				t.Errorf("Explain(%s, %q) warning %q contains the value", tt.kind, tt.norm, w)
			}
		}
	}
}

// TestKnownReceiptPrefixes pins the list Find trusts to call an unlabelled number a receipt.
func TestKnownReceiptPrefixes(t *testing.T) {
	t.Parallel()
	var got []string
	for p := range receiptOffices {
		if knownReceiptPrefix(p) {
			got = append(got, p)
		}
	}
	slices.Sort(got)
	want := []string{"CSC", "EAC", "IOE", "LIN", "MSC", "NBC", "NSC", "SRC", "TSC", "VSC", "WAC", "YSC"}
	if !slices.Equal(got, want) {
		t.Errorf("known receipt prefixes = %v, want %v", got, want)
	}
}
