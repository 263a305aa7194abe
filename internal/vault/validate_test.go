package vault

import (
	"slices"
	"strings"
	"testing"
	"time"

	"immivault/internal/contact"
	"immivault/internal/ids"
)

// otherCard is the contact card of another vault.
func otherCard(t *testing.T) contact.Card {
	t.Helper()
	v, _ := newVault(t)
	card, err := v.Card("Beto")
	if err != nil {
		t.Fatal(err)
	}
	return card
}

// validIndex is an index as the writers make it: every kind of record,
// and card in the family list.
func validIndex(t *testing.T, card contact.Card) *Index {
	t.Helper()
	ix := &Index{}
	p, err := ix.AddPerson("Maria Exemplo", "1990-02-03", "self")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		kind       ids.Kind
		qualifier  string
		value      string
		issued, to string
	}{
		{ids.ANumber, "", "A-012-345-678", "", ""},
		{ids.Passport, "mx", "xk 483 1927", "2020-01-02", "2030-01-01"},
		{ids.Other, "Library card", `Tab\t"quote" ñ`, "", ""},
		{ids.I94, "", "123456789A1", "", "d/s"},
	} {
		id, err := ix.SetIdentifier(p.ID, x.kind, x.qualifier, pass(x.value))
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.SetValidity(id.ID, Validity{Issued: x.issued, Expires: x.to}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := ix.SetCase(p.ID, "EAC-25-123-45678", CaseChange{Form: "i485", Received: "2025-01-02", Status: "Case Was Received"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := ix.AddNotice(p.ID, c.ID, "dir/I-797C.pdf", BlobRef{Name: strings.Repeat("ab", 16) + ".age", Size: 10, SHA256: strings.Repeat("0f", 32)})
	if err != nil {
		t.Fatal(err)
	}
	n.Type, n.Fields = "Receipt Notice", map[string]string{"form": "I-485"}
	if _, err := ix.AddEvent(Event{PersonID: p.ID, CaseID: c.ID, NoticeID: n.ID, Kind: "biometrics", Date: "2025-02-14", Time: "09:30"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.AddContact("Beto", card); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestWritersMakeValidRecords: what the index's writers make passes the
// record rules, and so does the vault an earlier release made.
func TestWritersMakeValidRecords(t *testing.T) {
	if err := validIndex(t, otherCard(t)).Validate(); err != nil {
		t.Errorf("the writers' records: %v", err)
	}
	v, err := Open(copyV1Vault(t), pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Index().Validate(); err != nil {
		t.Errorf("the records of a vault from the release before: %v", err)
	}
}

// TestRecordRulesNameTheRecord: each rule, broken, is refused by Validate
// with the record's kind and ID before what is wrong.
func TestRecordRulesNameTheRecord(t *testing.T) {
	card := otherCard(t)
	for _, tc := range []struct {
		name   string
		change func(ix *Index)
		want   string
	}{
		{"malformed id", func(ix *Index) { ix.People[0].ID = "P1" }, `person "P1": a malformed id`},
		{"no time", func(ix *Index) { ix.Cases[0].Updated = time.Time{} }, "no creation or update time"},
		{"long name", func(ix *Index) { ix.People[0].Name = strings.Repeat("ñ", 101) }, "name longer than 200 bytes"},
		{"empty name", func(ix *Index) { ix.People[0].Name = " " }, "name is empty"},
		{"control character", func(ix *Index) { ix.People[0].Relation = "self\x1b[2J" }, "relation has control characters"},
		{"date", func(ix *Index) { ix.People[0].Born = "1990-02-30" }, "date of birth must be a date as YYYY-MM-DD"},
		{"unknown kind", func(ix *Index) { ix.Identifiers[0].Kind = "a-number-v2" }, "a kind of number this immivault does not know"},
		{"upper-case kind", func(ix *Index) { ix.Identifiers[0].Kind = "A-NUMBER" }, "a kind of number this immivault does not know"},
		{"passport country", func(ix *Index) { ix.Identifiers[1].Country = "mex" }, "a passport without a valid country"},
		{"label", func(ix *Index) { ix.Identifiers[2].Label = "" }, `an "other" identifier without a label`},
		{"qualifier", func(ix *Index) { ix.Identifiers[0].Label = "x" }, "a label or country its kind does not take"},
		{"value", func(ix *Index) { ix.Identifiers[0].Value = pass("A-012-345-678") }, "not a valid A-number"},
		{"D/S", func(ix *Index) { ix.Identifiers[1].Expires = DurationOfStatus }, "expiry date must be a date"},
		{"receipt number", func(ix *Index) { ix.Cases[0].ReceiptNumber = "EAC-25-123-45678" }, "a malformed receipt number"},
		{"status", func(ix *Index) { ix.Cases[0].Status = strings.Repeat("x", MaxLongText+1) }, "status longer than 4000 bytes"},
		{"path", func(ix *Index) { ix.Notices[0].FileName = `..\x.pdf` }, "a file name with a path"},
		{"sha256", func(ix *Index) { ix.Notices[0].SHA256 = "00" }, "no valid size or SHA-256"},
		{"field", func(ix *Index) { ix.Notices[0].Fields["form\x01"] = "x" }, "a field's name has control characters"},
		{"event time", func(ix *Index) { ix.Events[0].Time = "9:30" }, "a time that is not HH:MM"},
		{"event kind", func(ix *Index) { ix.Events[0].Kind = "" }, "kind is empty"},
		{"event notice", func(ix *Index) { ix.Events[0].NoticeID = "n" }, "a malformed notice id"},
		{"contact", func(ix *Index) { ix.Contacts[0].SigningKey = nil }, "signing key is not an Ed25519 key"},
		{"same id", func(ix *Index) { ix.Events[0].ID = ix.Cases[0].ID }, "another record has the same id"},
		{"person missing", func(ix *Index) { ix.Cases[0].PersonID = "nobody" }, "belongs to a person who is not there"},
		{"case missing", func(ix *Index) { ix.Notices[0].CaseID = ix.People[0].ID }, "belongs to a case that is not there"},
		{"null", func(ix *Index) { ix.Events = append(ix.Events, nil) }, "a null event"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := validIndex(t, card)
			tc.change(ix)
			err := ix.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error with %q", err, tc.want)
			}
			if kind, _, _ := strings.Cut(err.Error(), " "); !slices.Contains([]string{"person", "case", "identifier", "notice", "event", "contact", "a"}, kind) {
				t.Errorf("the error does not start with the record: %v", err)
			}
		})
	}
}

// TestReadingStaysLenient: an index whose free text breaks the rules that
// bundles keep (a writer of an earlier release let it in) still opens;
// what is damaged does not.
func TestReadingStaysLenient(t *testing.T) {
	long := strings.Repeat("x", MaxShortText+1)
	ix, err := readIndex([]byte(`{"format":"immivault-index/v1","people":[{"id":"p","name":"Ana\u0007","relation":"` + long + `"}],` +
		`"events":[{"id":"e","person_id":"p","kind":"","date":"2025-02-30","time":"late"}]}`))
	if err != nil {
		t.Fatalf("an index an earlier release could write: %v", err)
	}
	if ix.Validate() == nil {
		t.Error("its records pass the record rules")
	}
	for body, want := range map[string]string{
		`{"format":"immivault-index/v1","people":[{"id":"p"}],"cases":[{"id":"c","person_id":"q"}]}`:              `case c: belongs to a person who is not there ("q")`,
		`{"format":"immivault-index/v1","people":[{"id":"p"}],"events":[{"id":"p","person_id":"p"}]}`:             "event p: another record has the same id",
		`{"format":"immivault-index/v1","people":[{"id":"p"}],"notices":[{"id":"n","person_id":"p","blob":"x"}]}`: "notice n: no valid blob name or size",
	} {
		if _, err := readIndex([]byte(body)); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %q", body, err, want)
		}
	}
}
