package ids

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// found is the part of a Match a test states; the offsets are checked for every match.
type found struct {
	Kind      Kind
	Value     string
	Label     string
	Corrected bool
}

func short(ms []Match) []found {
	fs := make([]found, len(ms))
	for i, m := range ms {
		fs[i] = found{m.Kind, m.Value, m.Label, m.Corrected}
	}
	return fs
}

// checkMatches verifies what holds for every result of Find: offsets are within the text,
// results are in order and do not overlap, and every value is valid for its kind.
func checkMatches(t *testing.T, text string, ms []Match) {
	t.Helper()
	end := 0
	for _, m := range ms {
		if m.Start < end || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("match %+v out of order or out of range (previous end %d, len %d)", m, end, len(text))
		}
		end = m.End
		if m.Kind == "" {
			if !shapeIs([]byte(m.Value), "llldddddddddd") {
				t.Errorf("unclassified match %+v is not 3 letters and 10 digits", m)
			}
			continue
		}
		if n, err := Normalize(m.Kind, []byte(m.Value)); err != nil || string(n) != m.Value {
			t.Errorf("match %+v: value not in storage form (%q, %v)", m, n, err)
		}
	}
}

func assertFind(t *testing.T, text string, want []found) {
	t.Helper()
	ms := Find(text)
	checkMatches(t, text, ms)
	got := short(ms)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Find =\n%s\nwant\n%s", list(got), list(want))
	}
}

func list(fs []found) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\t%+v\n", f)
	}
	return b.String()
}

// i797c is the header of a receipt notice as PDFium extracts it: label rows with their values
// in the row below, in the same columns (docs/identifiers.md#header-layout).
const i797c = `Department of Homeland Security
U.S. Citizenship and Immigration Services                       I-797C, Notice of Action

THE UNITED STATES OF AMERICA
Receipt Number                  Case Type
EAC2599900001                   I130 - PETITION FOR ALIEN RELATIVE
Received Date   Priority Date   Petitioner        A012 345 678
09/01/2026      09/01/2026      EXEMPLO, MARIA
Notice Date     Page            Beneficiary
09/05/2026      1 of 1          EXEMPLO, JOAO

MARIA EXEMPLO                                    Notice Type: Receipt Notice
C/O EXEMPLO LAW OFFICE
123 MAIN ST                                      Amount received: $675.00 U.S.
ANYTOWN, ST 00000                                Section: Husband or wife of
                                                 permanent resident, 203(a)(2)(A) INA

The above application has been received. Please notify us immediately if any of the above
information is incorrect. If you find it necessary to contact this office in writing, you must
include a copy of this receipt notice with your inquiry.
Form I-797C 04/01/19
`

func TestFindI797CLabelRows(t *testing.T) {
	t.Parallel()
	assertFind(t, i797c, []found{
		{ReceiptNumber, "EAC2599900001", "Receipt Number", false},
		{ANumber, "A012345678", "Petitioner", false},
	})
}

// TestFindANumberInHeaderRows covers the A-number printed without a label: after the name on a
// party row, or below a header row in the party's column; not in other rows.
func TestFindANumberInHeaderRows(t *testing.T) {
	t.Parallel()
	text := "Received Date        Notice Date        Beneficiary\n" +
		"09/01/2026           09/05/2026         A 012-345-678\n" +
		"Petitioner: EXEMPLO, MARIA (A87654321)\n" +
		"Mail to                                  Account\n" +
		"123 MAIN ST                              A 023-456-789\n" +
		"Applicant a012345678 a lower-case a is prose\n"
	assertFind(t, text, []found{
		{ANumber, "A012345678", "Beneficiary", false},
		{ANumber, "A087654321", "Petitioner", false},
	})
}

// TestFindLabelRowColumns puts the receipt in the second column, under its label, beside a value
// of the same shape under another label: each is classified by the label above it.
func TestFindLabelRowColumns(t *testing.T) {
	t.Parallel()
	text := "Notice Date         Receipt Number          Card Number\n" +
		"09/05/2026          LIN2512345678           SRC0123456789\n" +
		"\n" +
		"Your new Permanent Resident Card (Form I-551) will be mailed.\n"
	assertFind(t, text, []found{
		{ReceiptNumber, "LIN2512345678", "Receipt Number", false},
		{GreenCard, "SRC0123456789", "Card Number", false},
	})
}

// TestFindTabbedColumns lays the label row out with tabs, which stop every 8 columns, and the
// value row with spaces; an empty cell under one label must not lend the next column's value.
func TestFindTabbedColumns(t *testing.T) {
	t.Parallel()
	text := "Notice Date\t\t\tReceipt Number\n" +
		"09/05/2026                      XYZ2512345678\n" +
		"Receipt Number     Card Number\n" +
		"                   SRC0123456789 (Form I-551)\n"
	assertFind(t, text, []found{
		{ReceiptNumber, "XYZ2512345678", "Receipt Number", false},
		{GreenCard, "SRC0123456789", "Card Number", false},
	})
}

func TestFindLabelValueLines(t *testing.T) {
	t.Parallel()
	text := "Subject: Case update\r\n" +
		"Receipt Number: WAC-25-123-45678\r\n" +
		"Form Type: I-765\r\n" +
		"Applicant: EXEMPLO, MARIA\r\n" +
		"A-Number: A 098-765-432\r\n" +
		"USCIS Online Account Number (if any): 0012 3456 7890\r\n" +
		"Admission (I-94) Record Number: 123456789A1\r\n" +
		"SEVIS ID: N0012345678\r\n" +
		"U.S. Social Security Number: 123-45-6789\r\n" +
		"Passport Number: X1234567   Country of Issuance: MEX\r\n" +
		"DS-160 Confirmation No.: AA00A1B2C3\r\n" +
		"Alien Registration Number (A-Number): 87654321\r\n"
	assertFind(t, text, []found{
		{ReceiptNumber, "WAC2512345678", "Receipt Number", false},
		{ANumber, "A098765432", "A-Number", false},
		{AccountNumber, "001234567890", "USCIS Online Account Number", false},
		{I94, "123456789A1", "Admission (I-94) Record Number", false},
		{SEVISID, "N0012345678", "SEVIS ID", false},
		{SSN, "123456789", "Social Security Number", false},
		{Passport, "X1234567", "Passport Number", false},
		{DS160, "AA00A1B2C3", "DS-160 Confirmation No.", false},
		{ANumber, "A087654321", "A-Number", false},
	})
}

// TestFindLabelAboveValue has labels that end their line and values on the line below.
func TestFindLabelAboveValue(t *testing.T) {
	t.Parallel()
	text := "USCIS Online Account Number:\n" +
		"001234567890\n" +
		"Receipt #\n" +
		"\n" +
		"IOE 09 123 45678\n"
	assertFind(t, text, []found{
		{AccountNumber, "001234567890", "USCIS Online Account Number", false},
		{ReceiptNumber, "IOE0912345678", "Receipt #", false},
	})
}

// TestFindBareAccountLabel: newer notices label the online account number "Account Number"
// alone; only its 12 digits are taken, never a number of another shape.
func TestFindBareAccountLabel(t *testing.T) {
	t.Parallel()
	assertFind(t, "Applicant  VORBILD, SOFIA\nAccount Number  3553 1692 7240\n", []found{
		{AccountNumber, "355316927240", "Account Number", false},
	})
	for _, m := range Find("Account Number: 12345678\nBank Account No. 0012345678901234\n") {
		if m.Kind == AccountNumber {
			t.Errorf("%q taken as an account number", m.Value)
		}
	}
}

// TestFindValueUnderALabelsCell: a label that ends a cell of several words has its value under
// the cell, not under the label's own words.
func TestFindValueUnderALabelsCell(t *testing.T) {
	t.Parallel()
	assertFind(t, " BENEFICIARY A#                  PRIORITY DATE\n 163284786\n", []found{
		{ANumber, "A163284786", "A#", false},
	})
}

func TestFindOCR(t *testing.T) {
	t.Parallel()
	// Tesseract output of a scanned I-797C: O for 0, l for 1, 1 for I, '|' for a table rule.
	text := "Receipt Number          Case Type\n" +
		"EAC25O1234567           I485 - APPLICATION TO REGISTER PERMANENT RESIDENCE\n" +
		"Received Date  Notice Date  Applicant  A0l2 345 678\n" +
		"| 1OE0912345678 | WAC-25-l23-4567B |\n" +
		"Ref. MSC2S1B2345O7\n" // three digit fixes: more likely a word than a number
	assertFind(t, text, []found{
		{ReceiptNumber, "EAC2501234567", "Receipt Number", true},
		{ANumber, "A012345678", "Applicant", true},
		{ReceiptNumber, "IOE0912345678", "", true},
		{ReceiptNumber, "WAC2512345678", "", true},
	})
	for _, m := range Find(text) {
		if m.Value == "IOE0912345678" && text[m.Start:m.End] != "1OE0912345678" {
			t.Errorf("offsets point at %q, want the text as printed", text[m.Start:m.End])
		}
	}
}

// TestFindCards checks that a card number is never taken for a receipt, even with a receipt
// office prefix, and that the kind of card comes from the words around the label.
func TestFindCards(t *testing.T) {
	t.Parallel()
	greenCard := "UNITED STATES OF AMERICA   PERMANENT RESIDENT\n" +
		"Surname EXEMPLO  Given Name MARIA\n" +
		"USCIS# 012-345-678   Category IR1\n" +
		"Card # SRC0123456789\n"
	assertFind(t, greenCard, []found{
		{ANumber, "A012345678", "USCIS#", false},
		{GreenCard, "SRC0123456789", "Card #", false},
	})
	ead := "EMPLOYMENT AUTHORIZATION CARD\n" +
		"USCIS#  098-765-432   Category C09\n" +
		"Card#   IOE0912345678\n"
	assertFind(t, ead, []found{
		{ANumber, "A098765432", "USCIS#", false},
		{EADCard, "IOE0912345678", "Card#", false},
	})
	nearest := "Form I-765 approved. Form I-551 pending.\nCard Number: EAC2512345678\n"
	assertFind(t, nearest, []found{{GreenCard, "EAC2512345678", "Card Number", false}})
	unknown := "Replacement requested.\n\n\n\n\n\nCard Number: EAC2512345678\n"
	assertFind(t, unknown, []found{{"", "EAC2512345678", "Card Number", false}})
}

func TestFindUnclassified(t *testing.T) {
	t.Parallel()
	text := "Please quote reference XYZ2512345678 when you write.\n" +
		"Call Tel 8005551234 for help.\n" + // a word and 10 digits, not a number
		"Your case nvc0123456789 is noted.\n" + // lower-case prefix, unknown office
		"Ref 0AB2512345678\n" // OAB would be a guess: only a known prefix backs a letter fix
	assertFind(t, text, []found{{"", "XYZ2512345678", "", false}})
}

func TestFindSeveralReceipts(t *testing.T) {
	t.Parallel()
	text := "We have received the following applications filed together:\n" +
		"EAC2512345678 (I-485), EAC-25-123-45679 (I-765) and EAC 25 123 45680 (I-131).\n" +
		"Earlier receipts: LIN*2412345678; SRC9912345678.\n" +
		"FOIA Control Number: NRC2099000001\n"
	assertFind(t, text, []found{
		{ReceiptNumber, "EAC2512345678", "", false},
		{ReceiptNumber, "EAC2512345679", "", false},
		{ReceiptNumber, "EAC2512345680", "", false},
		{ReceiptNumber, "LIN2412345678", "", false},
		{ReceiptNumber, "SRC9912345678", "", false},
		{"", "NRC2099000001", "FOIA Control Number", false},
	})
}

func TestFindNVC(t *testing.T) {
	t.Parallel()
	text := "National Visa Center\n" +
		"Case Number: GUZ2024123456\n" +
		"NVC Case Number: CDJ202412345\n" +
		"DOS Case ID CDJ2024123457\n"
	assertFind(t, text, []found{
		{NVCCase, "GUZ2024123456", "Case Number", false},
		{NVCCase, "CDJ202412345", "NVC Case Number", false},
		{NVCCase, "CDJ2024123457", "DOS Case ID", false},
	})
	// Without NVC words around, "Case Number" labels a receipt number (older I-797 headers say
	// "CASE NUMBER"), but only a value with a USCIS office prefix; anything else is left alone.
	uscis := "Case Number: MSC2512345678\nCase Number: GUZ2024123456\n"
	assertFind(t, uscis, []found{
		{ReceiptNumber, "MSC2512345678", "Case Number", false},
		{"", "GUZ2024123456", "", false},
	})
}

// TestFindNeedsLabels checks that numbers with no label are not guessed from their shape.
func TestFindNeedsLabels(t *testing.T) {
	t.Parallel()
	text := "Numbers: A012345678, 123-45-6789, 001234567890, 123456789A1, N0012345678, AA00A1B2C3.\n" +
		"Phone 1-800-375-5283. Form I-797C 04/01/19. Page 1 of 2.\n" +
		"A-Number: 000-000-000\n" + // labelled but not valid
		"SSN: 666-12-3456\n" +
		"Passport Number: Country of Issuance\n" + // a label beside words, not a number
		"There is a number 123456789 in this sentence.\n"
	assertFind(t, text, nil)
}

func TestFindOffsetsWithUnicode(t *testing.T) {
	t.Parallel()
	text := "Bénéficiaire — Receipt Number – EAC–25–123–45678 ✓\n"
	ms := Find(text)
	checkMatches(t, text, ms)
	if len(ms) != 1 || ms[0].Value != "EAC2512345678" ||
		text[ms[0].Start:ms[0].End] != "EAC–25–123–45678" {
		t.Errorf("Find = %+v", ms)
	}
}

func TestFindLimit(t *testing.T) {
	t.Parallel()
	pad := strings.Repeat("x ", MaxFindLen/2-10)
	text := pad + "EAC2512345678 and WAC2512345678"
	ms := Find(text)
	checkMatches(t, text, ms)
	if len(ms) != 1 || ms[0].Value != "EAC2512345678" {
		t.Errorf("Find found %+v; want only the number within the first %d bytes", ms, MaxFindLen)
	}
}

// TestFindBoundedWork feeds Find inputs built to make a careless scan quadratic.
func TestFindBoundedWork(t *testing.T) {
	t.Parallel()
	inputs := map[string]string{
		"labels":       strings.Repeat("Receipt Number ", MaxFindLen/15),
		"label column": strings.Repeat("Receipt Number\n", MaxFindLen/15),
		"if any":       "Online Account Number" + strings.Repeat(" (if any)", MaxFindLen/9),
		"party line":   "Petitioner " + strings.Repeat("A012 345 67 ", MaxFindLen/12),
		"digits":       strings.Repeat("EAC251234567", MaxFindLen/12),
		"one cell":     strings.Repeat("A", MaxFindLen),
		"numbers":      strings.Repeat("EAC2512345678 ", MaxFindLen/14),
	}
	for name, text := range inputs {
		start := time.Now()
		ms := Find(text)
		checkMatches(t, text, ms)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: Find took %v", name, d)
		}
	}
}

// TestFindLabelSpellings has a spelling of every label, so that each label's start words (which
// decide where Find tries it) are checked.
func TestFindLabelSpellings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text  string
		kind  Kind
		label string
	}{
		{"Online Account Number 001234567890", AccountNumber, "Online Account Number"},
		{"uscis online account no. 001234567890", AccountNumber, "uscis online account no."},
		{"ADMISSION (I-94) RECORD NUMBER 123456789A1", I94, "ADMISSION (I-94) RECORD NUMBER"},
		{"I94 No. 123456789A1", I94, "I94 No."},
		{"I-94 # 123456789A1", I94, "I-94 #"},
		{"Admission Number: 123456789A1", I94, "Admission Number"},
		{"SEVIS N0012345678", SEVISID, "SEVIS"},
		{"SEVIS Number N0012345678", SEVISID, "SEVIS Number"},
		{"CEAC Case ID: CDJ2024123457", NVCCase, "CEAC Case ID"},
		{"Receipt No. EAC2512345678", ReceiptNumber, "Receipt No."},
		{"RECEIPT NUMBER(S): EAC2512345678", ReceiptNumber, "RECEIPT NUMBER(S)"},
		{"Receipt#EAC2512345678", ReceiptNumber, "Receipt#"},
		{"Employment Authorization Card No.: IOE0912345678", EADCard, "Card No."},
		{"Alien Registration No. 012-345-678", ANumber, "Alien Registration No."},
		{"Registration Number 12345678", ANumber, "Registration Number"},
		{"Alien Number A012345678", ANumber, "Alien Number"},
		{"USCIS Number: 012345678", ANumber, "USCIS Number"},
		{"A No. 012345678", ANumber, "A No."},
		{"A# A012345678", ANumber, "A#"},
		{"A-number 012 345 678", ANumber, "A-number"},
		{"A NUMBER 012345678", ANumber, "A NUMBER"},
		{"Social Security No 123-45-6789", SSN, "Social Security No"},
		{"Passport # 123456789", Passport, "Passport #"},
		{"Application ID AA00A1B2C3", DS160, "Application ID"},
		{"DS160 Confirmation Number AA00A1B2C3", DS160, "DS160 Confirmation Number"},
	}
	for _, tt := range tests {
		ms := Find(tt.text)
		checkMatches(t, tt.text, ms)
		if len(ms) != 1 || ms[0].Kind != tt.kind || ms[0].Label != tt.label {
			t.Errorf("Find(%q) = %+v, want one %s labelled %q", tt.text, ms, tt.kind, tt.label)
		}
	}
}
