package corpus

import (
	"bytes"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		a, err := Generate(name, 7)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Generate(name, 7)
		if !bytes.Equal(a.PDF, b.PDF) {
			t.Errorf("%s: seed 7 gave two different PDFs", name)
		}
		c, _ := Generate(name, 8)
		if bytes.Equal(a.PDF, c.PDF) {
			t.Errorf("%s: seeds 7 and 8 gave the same PDF", name)
		}
	}
	if _, err := Generate("no-such-layout", 1); err == nil {
		t.Error("an unknown layout was generated")
	}
}

// TestTruthIsConsistent checks what every truth must hold, whatever the layout: the own
// receipt number never among the others, and decoys with no USCIS receipt, form or type.
func TestTruthIsConsistent(t *testing.T) {
	t.Parallel()
	for _, l := range Layouts() {
		for seed := range int64(30) {
			n, _ := Generate(l.Name, seed)
			tr := n.Truth
			for _, o := range tr.OtherReceipts {
				if o == tr.ReceiptNumber {
					t.Errorf("%s/%d: own receipt %s among the others", l.Name, seed, o)
				}
			}
			if l.Decoy != (tr.ReceiptNumber == "" && tr.Form == "" && tr.NoticeType == "") {
				t.Errorf("%s/%d: decoy %v but truth %+v", l.Name, seed, l.Decoy, tr)
			}
			if !l.Decoy && (tr.NoticeDate == "" || tr.ReceivedDate == "") {
				t.Errorf("%s/%d: no notice or received date in %+v", l.Name, seed, tr)
			}
		}
	}
}
