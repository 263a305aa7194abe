package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"strings"
	"testing"

	"immivault/internal/ids"
)

func writtenFormat(t *testing.T, ix *Index) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeIndex(&b, ix, sha256.New()); err != nil {
		t.Fatal(err)
	}
	var f struct{ Format string }
	if err := json.Unmarshal(b.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	return f.Format
}

// TestDeadlineFactsNeedV3: a person's situation or a document's class or
// parole kind is written as v3, which releases that would drop it refuse;
// without them the index is written as before, and clearing them goes
// back to it.
func TestDeadlineFactsNeedV3(t *testing.T) {
	cases := []struct {
		name string
		set  func(ix *Index, personID, eadID, otherID string) error
	}{
		{"I-751 waiver", func(ix *Index, p, _, _ string) error { return ix.SetSituation(p, Situation{I751Waiver: true}) }},
		{"principal", func(ix *Index, p, _, _ string) error {
			q, err := ix.AddPerson("Investor", "", "spouse")
			if err != nil {
				return err
			}
			return ix.SetSituation(p, Situation{PrincipalID: q.ID})
		}},
		{"moving date", func(ix *Index, p, _, _ string) error { return ix.SetSituation(p, Situation{Moved: "2026-03-01"}) }},
		{"job end date", func(ix *Index, p, _, _ string) error { return ix.SetSituation(p, Situation{JobEnded: "2026-03-01"}) }},
		{"seeks asylum", func(ix *Index, p, _, _ string) error { return ix.SetSituation(p, Situation{SeeksAsylum: true}) }},
		{"class", func(ix *Index, _, ead, _ string) error { return ix.SetDocumentFacts(ead, DocumentFacts{Class: "c26"}) }},
		{"parole", func(ix *Index, _, _, other string) error {
			return ix.SetDocumentFacts(other, DocumentFacts{Parole: ParoleHumanitarian})
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, _ := newVault(t)
			defer v.Close()
			personID := addFamily(t, v)
			var eadID, otherID string
			if err := v.Update(func(ix *Index) error {
				ead, err := ix.SetIdentifier(personID, ids.EADCard, "", pass("IOE0912345678"))
				if err != nil {
					return err
				}
				other, err := ix.Identifier(personID, ids.Other, "Library card")
				eadID, otherID = ead.ID, other.ID
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if got := writtenFormat(t, v.Index()); got != "immivault-index/v1" {
				t.Fatalf("without the facts: %s", got)
			}
			if err := v.Update(func(ix *Index) error { return tc.set(ix, personID, eadID, otherID) }); err != nil {
				t.Fatal(err)
			}
			if got := writtenFormat(t, v.Index()); got != "immivault-index/v3" {
				t.Errorf("with the facts: %s", got)
			}
			if err := v.Index().Validate(); err != nil {
				t.Errorf("does not validate: %v", err)
			}
			if err := v.Update(func(ix *Index) error {
				if err := ix.SetSituation(personID, Situation{}); err != nil {
					return err
				}
				return firstError(ix.SetDocumentFacts(eadID, DocumentFacts{}), ix.SetDocumentFacts(otherID, DocumentFacts{}))
			}); err != nil {
				t.Fatal(err)
			}
			if got := writtenFormat(t, v.Index()); got != "immivault-index/v1" {
				t.Errorf("after clearing them: %s", got)
			}
		})
	}
}

// TestDeadlineFactsSurviveSaving: what is set is what a reopened vault
// reads, classes written the one way the rules compare them.
func TestDeadlineFactsSurviveSaving(t *testing.T) {
	v, dir := newVault(t)
	personID := addFamily(t, v)
	want := Situation{I751Waiver: true, Moved: "2026-03-01", JobEnded: "2026-02-27", SeeksAsylum: true}
	if err := v.Update(func(ix *Index) error {
		ead, err := ix.SetIdentifier(personID, ids.EADCard, "", pass("IOE0912345678"))
		if err != nil {
			return err
		}
		other, err := ix.Identifier(personID, ids.Other, "Library card")
		if err != nil {
			return err
		}
		return firstError(ix.SetSituation(personID, want), ix.SetDocumentFacts(ead.ID, DocumentFacts{Class: "(c)(9)"}),
			ix.SetDocumentFacts(other.ID, DocumentFacts{Parole: ParoleAdvance}))
	}); err != nil {
		t.Fatal(err)
	}
	v.Close()
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	p, err := v.Index().Person(personID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Situation != want {
		t.Errorf("situation %+v, want %+v", p.Situation, want)
	}
	ead, _ := v.Index().Identifier(personID, ids.EADCard, "")
	other, _ := v.Index().Identifier(personID, ids.Other, "Library card")
	if ead == nil || ead.Class != "C09" || other == nil || other.Parole != ParoleAdvance {
		t.Errorf("document facts not kept: %+v %+v", ead, other)
	}
}

func TestNormalizeClass(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"": "", "c9": "C09", "(c)(9)": "C09", "C09": "C09", "(c)(3)(C)": "C03C", "c03b": "C03B", "a17": "A17",
		"(a)(12)": "A12", "c33": "C33", "(a)(3)": "A03",
	} {
		got, err := NormalizeClass(ids.EADCard, in)
		if err != nil || got != want {
			t.Errorf("NormalizeClass(ead-card, %q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"H-1B": "H1B", "f-1": "F1", "WT": "WT", "K-1": "K1", "L-1A": "L1A", "B-2": "B2", "A-3": "A3", "c1": "C1",
	} {
		got, err := NormalizeClass(ids.I94, in)
		if err != nil || got != want {
			t.Errorf("NormalizeClass(i94, %q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"C09;", "1B", "ABCDEFG", "é"} {
		if _, err := NormalizeClass(ids.EADCard, bad); err == nil {
			t.Errorf("NormalizeClass(%q) accepted", bad)
		}
	}
}

func TestBadDeadlineFactsAreRefused(t *testing.T) {
	v, _ := newVault(t)
	defer v.Close()
	personID := addFamily(t, v)
	cases := []struct {
		name, want string
		set        func(ix *Index) error
	}{
		{"own principal", "own principal", func(ix *Index) error { return ix.SetSituation(personID, Situation{PrincipalID: personID}) }},
		{"principal not there", "no person", func(ix *Index) error {
			return ix.SetSituation(personID, Situation{PrincipalID: "aaaaaaaaaaaaaaaa"})
		}},
		{"moving date", "YYYY-MM-DD", func(ix *Index) error { return ix.SetSituation(personID, Situation{Moved: "March"}) }},
		{"class on an A-number", "has a class", func(ix *Index) error {
			a, err := ix.Identifier(personID, ids.ANumber, "")
			if err != nil {
				return err
			}
			return ix.SetDocumentFacts(a.ID, DocumentFacts{Class: "C09"})
		}},
		{"parole on an A-number", "kind other", func(ix *Index) error {
			a, err := ix.Identifier(personID, ids.ANumber, "")
			if err != nil {
				return err
			}
			return ix.SetDocumentFacts(a.ID, DocumentFacts{Parole: ParoleAdvance})
		}},
		{"unknown parole", "advance", func(ix *Index) error {
			o, err := ix.Identifier(personID, ids.Other, "Library card")
			if err != nil {
				return err
			}
			return ix.SetDocumentFacts(o.ID, DocumentFacts{Parole: "tourist"})
		}},
	}
	before := writtenFormat(t, v.Index())
	for _, tc := range cases {
		err := v.Update(tc.set)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one that says %q", tc.name, err, tc.want)
		}
	}
	if p, _ := v.Index().Person(personID); p.Situation != (Situation{}) || writtenFormat(t, v.Index()) != before {
		t.Errorf("a refused change was kept: %+v", p.Situation)
	}
	// A record read from a bundle is held to the same rules.
	bad := &Identifier{Kind: ids.ANumber, DocumentFacts: DocumentFacts{Class: "C09"}}
	if err := bad.DocumentFacts.fault(bad.Kind); err == nil {
		t.Error("a class on an A-number passes the record rules")
	}
}

// FuzzNormalizeClass: a class typed by anyone is refused or written in
// the one form the rules compare, which it keeps when written again.
func FuzzNormalizeClass(f *testing.F) {
	for _, s := range []string{"(c)(9)", "H-1B", "c03c", "WT", "", "A 17", "ABCDEFG", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, kind := range []ids.Kind{ids.EADCard, ids.I94} {
			c, err := NormalizeClass(kind, s)
			if err != nil {
				continue
			}
			if c != "" && !classPattern.MatchString(c) {
				t.Fatalf("NormalizeClass(%s, %q) = %q, not a class", kind, s, c)
			}
			if again, err := NormalizeClass(kind, c); err != nil || again != c {
				t.Fatalf("NormalizeClass(%s, %q) = %q, then %q, %v", kind, s, c, again, err)
			}
		}
	})
}
