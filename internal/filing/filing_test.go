package filing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"immivault/internal/ids"
	"immivault/internal/notice/fields"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

func TestMain(m *testing.M) {
	secret.Preflight()
	os.Exit(m.Run())
}

func newVault(t *testing.T) *vault.Vault {
	t.Helper()
	v, _, err := vault.Create(filepath.Join(t.TempDir(), "v"), secret.New([]byte("p")), vault.Options{WorkFactor: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(ix *vault.Index) error {
		if _, err := ix.AddPerson("Maria", "", "self"); err != nil {
			return err
		}
		_, err := ix.AddPerson("Joao", "", "spouse")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return v
}

func f(v string) fields.Field { return fields.Field{Value: v, Confidence: 0.95} }

func receiptNotice() fields.Notice {
	return fields.Notice{
		ReceiptNumber: f("EAC2512345678"),
		ANumbers:      []fields.Field{f("A012345678")},
		AccountNumber: f("000012345678"),
		Form:          f("I-485"),
		NoticeType:    f("Receipt Notice"),
		NoticeDate:    f("2025-02-01"),
		ReceivedDate:  f("2025-01-15"),
		Events:        []fields.Event{{Kind: "biometrics", Date: "2025-03-04", Time: "09:30"}},
	}
}

func TestProposeAndApplyFilesEverything(t *testing.T) {
	v := newVault(t)
	data := []byte("%PDF-1.7 receipt notice")
	p, err := Propose(v.Index(), "Maria", "I-797C.pdf", data, receiptNotice())
	if err != nil {
		t.Fatal(err)
	}
	if p.CaseID != "" || p.ReceiptNumber != "EAC2512345678" || len(p.Identifiers) != 2 || len(p.Events) != 1 {
		t.Fatalf("proposal: %+v", p)
	}
	if strings.Contains(p.Identifiers[0].Masked, "2345") {
		t.Fatalf("mask shows too much: %s", p.Identifiers[0].Masked)
	}
	n, err := Apply(v, p, data)
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	c, err := ix.CaseByReceipt("EAC2512345678")
	if err != nil || c.Form != "I-485" || c.Received != "2025-01-15" || c.Status != "Receipt Notice" || n.CaseID != c.ID {
		t.Fatalf("case: %+v %v", c, err)
	}
	if n.Type != "Receipt Notice" || n.Fields["receipt_number"] != "EAC2512345678" {
		t.Fatalf("notice: %+v", n)
	}
	if len(ix.Events) != 1 || ix.Events[0].NoticeID != n.ID || ix.Events[0].CaseID != c.ID {
		t.Fatalf("events: %+v", ix.Events)
	}
	a, err := ix.Identifier(p.PersonID, ids.ANumber, "")
	if err != nil || !a.Value.Equal(secret.New([]byte("A012345678"))) {
		t.Fatalf("A-number: %v", err)
	}

	// The same file again is refused, whoever it is for.
	if _, err := Propose(v.Index(), "Joao", "again.pdf", data, receiptNotice()); err == nil || !strings.Contains(err.Error(), "already in the vault") {
		t.Fatalf("duplicate: %v", err)
	}
}

func TestANumberOfSomeoneElseIsNotAdded(t *testing.T) {
	v := newVault(t)
	data := []byte("first")
	p, _ := Propose(v.Index(), "Maria", "a.pdf", data, receiptNotice())
	if _, err := Apply(v, p, data); err != nil {
		t.Fatal(err)
	}
	n := receiptNotice()
	n.ReceiptNumber = f("EAC2599999999")
	p, err := Propose(v.Index(), "Joao", "b.pdf", []byte("second"), n)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range p.Identifiers {
		if id.Kind == ids.ANumber {
			t.Fatal("Maria's A-number was proposed for Joao")
		}
	}
	if !strings.Contains(strings.Join(p.Warnings, "\n"), "Maria's") {
		t.Fatalf("warnings: %q", p.Warnings)
	}
}

func TestAnOlderNoticeDoesNotSetTheStatusBack(t *testing.T) {
	v := newVault(t)
	approval := receiptNotice()
	approval.NoticeType, approval.NoticeDate = f("Approval Notice"), f("2025-09-01")
	p, _ := Propose(v.Index(), "Maria", "approval.pdf", []byte("approval"), approval)
	if _, err := Apply(v, p, []byte("approval")); err != nil {
		t.Fatal(err)
	}
	p, _ = Propose(v.Index(), "Maria", "receipt.pdf", []byte("receipt"), receiptNotice())
	if p.CaseID == "" {
		t.Fatal("the existing case was not found")
	}
	if _, err := Apply(v, p, []byte("receipt")); err != nil {
		t.Fatal(err)
	}
	c, _ := v.Index().CaseByReceipt("EAC2512345678")
	if c.Status != "Approval Notice" || c.NoticeDate != "2025-09-01" || len(v.Index().Notices) != 2 {
		t.Fatalf("case went back: %+v", c)
	}
}

func TestNoReceiptFilesWithoutACase(t *testing.T) {
	v := newVault(t)
	p, err := Propose(v.Index(), "Maria", "scan.jpg", []byte("x"), fields.Notice{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := Apply(v, p, []byte("x"))
	if err != nil || n.CaseID != "" || len(v.Index().Cases) != 0 || len(p.Warnings) == 0 {
		t.Fatalf("%+v %v %q", n, err, p.Warnings)
	}
}

// TestConflictingANumber files a notice whose A-number differs from the one Maria has: it is
// a conflict, not dropped, and each choice does what it says.
func TestConflictingANumber(t *testing.T) {
	for _, tc := range []struct {
		choice    Choice
		aNumbers  []string // Maria's A-numbers after filing, masked
		otherKept bool     // the notice's kept as an "other" number
	}{
		{Skip, []string{ids.Mask(ids.ANumber, []byte("A099999999"))}, false},
		{Replace, []string{ids.Mask(ids.ANumber, []byte("A012345678"))}, false},
		{KeepBoth, []string{ids.Mask(ids.ANumber, []byte("A099999999"))}, true},
	} {
		v := newVault(t)
		if err := v.Update(func(ix *vault.Index) error {
			p, _ := ix.Person("Maria")
			_, err := ix.SetIdentifier(p.ID, ids.ANumber, "", secret.New([]byte("A099999999")))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		data := []byte("notice")
		p, err := Propose(v.Index(), "Maria", "a.pdf", data, receiptNotice())
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Conflicts) != 1 || p.Conflicts[0].Kind != ids.ANumber || p.Conflicts[0].Stored != ids.Mask(ids.ANumber, []byte("A099999999")) || p.Conflicts[0].Choice != Skip {
			t.Fatalf("conflicts: %+v", p.Conflicts)
		}
		for _, id := range p.Identifiers {
			if id.Kind == ids.ANumber {
				t.Fatal("a conflicting A-number was proposed to be added as is")
			}
		}
		p.Conflicts[0].Choice = tc.choice
		if _, err := Apply(v, p, data); err != nil {
			t.Fatal(err)
		}
		ix := v.Index()
		maria, _ := ix.Person("Maria")
		var got []string
		kept := false
		for _, id := range ix.IdentifiersOf(maria.ID) {
			id.Value.Use(func(b []byte) error {
				switch {
				case id.Kind == ids.ANumber:
					got = append(got, ids.Mask(ids.ANumber, b))
				case id.Kind == ids.Other && id.Label == KeptLabel(ids.ANumber) && string(b) == "A012345678":
					kept = true
				}
				return nil
			})
		}
		if strings.Join(got, ",") != strings.Join(tc.aNumbers, ",") || kept != tc.otherKept {
			t.Errorf("choice %d: A-numbers %v, kept as other %v", tc.choice, got, kept)
		}
	}
}

// TestNothingDroppedSilently: every identifier read is added, a conflict, or not added with
// a reason.
func TestNothingDroppedSilently(t *testing.T) {
	v := newVault(t)
	data := []byte("first")
	p, _ := Propose(v.Index(), "Maria", "a.pdf", data, receiptNotice())
	if _, err := Apply(v, p, data); err != nil {
		t.Fatal(err)
	}
	n := receiptNotice()
	n.ANumbers = append(n.ANumbers, f("A011111111"))
	p, err := Propose(v.Index(), "Maria", "b.pdf", []byte("second"), n)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Identifiers) != 0 || len(p.Conflicts) != 0 || len(p.NotAdded) != 3 {
		t.Fatalf("added %d, conflicts %d, not added %+v", len(p.Identifiers), len(p.Conflicts), p.NotAdded)
	}
	for _, na := range p.NotAdded {
		if na.Why == "" || na.Masked == "" {
			t.Errorf("not added without a reason: %+v", na)
		}
	}
}
