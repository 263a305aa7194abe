package noticetest

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"immivault/internal/ids"
)

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := Generate(7), Generate(7)
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Error("two PDFs of seed 7 differ")
	}
	if !slices.Equal(Corpus(3, 7)[0].PDF, a.PDF) {
		t.Error("Corpus(3, 7)[0] is not Generate(7)")
	}
	if bytes.Equal(Generate(8).PDF, a.PDF) {
		t.Error("seeds 7 and 8 give the same PDF")
	}
}

var (
	isoRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	clockTime = regexp.MustCompile(`^(?:[01]\d|2[0-3]):[0-5]\d$`)
	account   = regexp.MustCompile(`^\d{12}$`)
	typeNames = []string{"Receipt Notice", "Approval Notice", "Request for Evidence", "Biometrics Appointment",
		"Interview Notice", "Transfer Notice", "Rejection Notice", "Notice of Intent to Deny", "Denial Notice"}
)

// TestTruthIsValid checks every truth against the identifier catalog and the date rules: the
// extractor's accuracy is only as good as the truth it is measured against.
func TestTruthIsValid(t *testing.T) {
	t.Parallel()
	for seed, n := range Corpus(300, 1) {
		tr := n.Truth
		stored := func(k ids.Kind, v string) {
			if got, err := ids.Normalize(k, []byte(v)); err != nil || string(got) != v {
				t.Errorf("seed %d: %s %q is not in storage form (%v)", seed+1, k, v, err)
			}
		}
		stored(ids.ReceiptNumber, tr.ReceiptNumber)
		for _, r := range tr.OtherReceipts {
			stored(ids.ReceiptNumber, r)
			if r == tr.ReceiptNumber {
				t.Errorf("seed %d: the own receipt is among the others", seed+1)
			}
		}
		for _, a := range tr.ANumbers {
			stored(ids.ANumber, a)
		}
		if tr.AccountNumber != "" && !account.MatchString(tr.AccountNumber) {
			t.Errorf("seed %d: account number %q", seed+1, tr.AccountNumber)
		}
		if form, title, err := ids.NormalizeForm(tr.Form); err != nil || form != tr.Form || title == "" {
			t.Errorf("seed %d: form %q is not a known form as USCIS prints it", seed+1, tr.Form)
		}
		if !slices.Contains(typeNames, tr.NoticeType) {
			t.Errorf("seed %d: notice type %q", seed+1, tr.NoticeType)
		}
		for _, d := range []string{tr.NoticeDate, tr.ReceivedDate} {
			if !isoRE.MatchString(d) {
				t.Errorf("seed %d: date %q", seed+1, d)
			}
		}
		if tr.PriorityDate != "" && (!isoRE.MatchString(tr.PriorityDate) || tr.PriorityDate > tr.ReceivedDate) {
			t.Errorf("seed %d: priority date %q (received %s)", seed+1, tr.PriorityDate, tr.ReceivedDate)
		}
		if tr.ReceivedDate > tr.NoticeDate {
			t.Errorf("seed %d: received %s after notice %s", seed+1, tr.ReceivedDate, tr.NoticeDate)
		}
		for _, e := range tr.Events {
			if !isoRE.MatchString(e.Date) || e.Date <= tr.NoticeDate || e.Time != "" && !clockTime.MatchString(e.Time) ||
				!slices.Contains([]string{"biometrics", "interview", "rfe-due", "noid-due"}, e.Kind) {
				t.Errorf("seed %d: event %+v (notice date %s)", seed+1, e, tr.NoticeDate)
			}
		}
		if !bytes.HasPrefix(n.PDF, []byte("%PDF-")) || !bytes.Contains(n.PDF, []byte("612.00 792.00")) {
			t.Errorf("seed %d: not a letter-size PDF", seed+1)
		}
	}
}

// TestCorpusVaries checks that a corpus holds what the accuracy tests are meant to cover.
func TestCorpusVaries(t *testing.T) {
	t.Parallel()
	types, forms, prefixes := map[string]int{}, map[string]int{}, map[string]int{}
	var blankPriority, priority, accounts, others, twoANumbers, events int
	for _, n := range Corpus(400, 1000) {
		tr := n.Truth
		types[tr.NoticeType]++
		forms[tr.Form]++
		prefixes[tr.ReceiptNumber[:3]]++
		count := func(c *int, ok bool) {
			if ok {
				*c++
			}
		}
		count(&blankPriority, tr.PriorityDate == "")
		count(&priority, tr.PriorityDate != "")
		count(&accounts, tr.AccountNumber != "")
		count(&others, len(tr.OtherReceipts) > 0)
		count(&twoANumbers, len(tr.ANumbers) > 1)
		count(&events, len(tr.Events) > 0)
	}
	for _, name := range typeNames {
		if types[name] == 0 {
			t.Errorf("no %s in 400 notices", name)
		}
	}
	for _, p := range []string{"EAC", "WAC", "LIN", "SRC", "MSC", "IOE", "NBC", "YSC"} {
		if prefixes[p] == 0 {
			t.Errorf("no %s receipt in 400 notices", p)
		}
	}
	if len(forms) < 14 {
		t.Errorf("only %d forms in 400 notices: %v", len(forms), forms)
	}
	for what, n := range map[string]int{"blank priority dates": blankPriority, "priority dates": priority,
		"account numbers": accounts, "related receipts": others, "second A-numbers": twoANumbers, "events": events} {
		if n < 20 {
			t.Errorf("only %d notices of 400 with %s", n, what)
		}
	}
}
