package bundle

import (
	"bytes"

	"filippo.io/age"
	"strings"
	"testing"

	"immivault/internal/contact"
	"immivault/internal/ids"
	"immivault/internal/vault"
)

// TestFamilyRoundTrip: A exports everything to B and C; both import it,
// with the notices byte for byte; B changes a record and exports back to A,
// who sees the change; importing the same bundle again changes nothing.
func TestFamilyRoundTrip(t *testing.T) {
	a, b, c := newMember(t, "Ana"), newMember(t, "Beto"), newMember(t, "Carmen")
	befriend(t, a, b, c)
	files := a.family(t)

	bundle := a.export(t, ExportOptions{To: []contact.Card{b.card(t), c.card(t)}})
	for _, m := range []*member{b, c} {
		p, res := m.importAll(t, bundle)
		if got := actions(p); got[Add] != 2+4+2+3+1 || len(got) != 1 {
			t.Fatalf("%s's preview: %v, want 12 additions", m.name, got)
		}
		if res.Added != 12 || res.Files != 3 || len(res.Skipped) != 0 {
			t.Fatalf("%s's import: %+v", m.name, res)
		}
		ix := m.v.Index()
		for _, n := range ix.Notices {
			if !bytes.Equal(m.noticeFile(t, n), files[n.FileName]) {
				t.Fatalf("%s's copy of %s differs", m.name, n.FileName)
			}
		}
		ana, err := ix.Person("Ana Morales")
		if err != nil {
			t.Fatal(err)
		}
		id, err := ix.Identifier(ana.ID, ids.Other, "Library card")
		if err != nil || reveal(t, id.Value) != `Tab\t"quote" ñ 日本` {
			t.Fatalf("the library card arrived as %v, %v", id, err)
		}
		if len(ix.Events) != 1 || ix.Events[0].Time != "09:30" {
			t.Fatalf("events: %+v", ix.Events)
		}
	}

	// Again: nothing changes, not even the revision.
	before := b.state(t)
	p, res := b.importAll(t, bundle)
	if p.Changes() != 0 || res.Added+res.Updated+res.Conflicts != 0 || b.state(t) != before {
		t.Fatalf("re-import changed something: %v %+v", actions(p), res)
	}

	// B renames Ana and sets a new status; A gets both back.
	b.update(t, func(ix *vault.Index) error {
		p, _ := ix.Person("Ana Morales")
		if err := ix.EditPerson(p.ID, "Ana María Morales", p.Born, p.Relation); err != nil {
			return err
		}
		_, err := ix.SetCase(p.ID, "EAC2512345678", vault.CaseChange{Status: "Case Was Approved"})
		return err
	})
	back := b.export(t, ExportOptions{To: []contact.Card{a.card(t)}})
	p, res = a.importAll(t, back)
	if got := actions(p); got[Update] != 2 || got[Unchanged] != 10 {
		t.Fatalf("A's preview of B's changes: %v", got)
	}
	if res.Updated != 2 || res.Added != 0 {
		t.Fatalf("A's import: %+v", res)
	}
	ix := a.v.Index()
	if _, err := ix.Person("Ana María Morales"); err != nil {
		t.Fatal("A does not see B's rename")
	}
	if cs, _ := ix.CaseByReceipt("EAC2512345678"); cs.Status != "Case Was Approved" {
		t.Fatalf("A's case status: %q", cs.Status)
	}

	// C still has the old version; C's export of it to A is older.
	old := c.export(t, ExportOptions{To: []contact.Card{a.card(t)}})
	before = a.state(t)
	p, _ = a.importAll(t, old)
	if got := actions(p); got[Older] != 2 || p.Changes() != 0 {
		t.Fatalf("A's preview of C's older bundle: %v", got)
	}
	if a.state(t) != before {
		t.Fatal("an older bundle changed A's vault")
	}
}

// TestConflictKeepsBoth: when both sides change a record, the importer
// keeps its own and adds the sender's beside it, marked; again changes
// nothing; and the conflict copy travels like any other record.
func TestConflictKeepsBoth(t *testing.T) {
	a, b := anaAndBeto(t)
	b.importAll(t, a.export(t, ExportOptions{}))

	// Both rename Leo and change his A-number, each their own way.
	changeLeo := func(m *member, name, aNumber string) {
		m.update(t, func(ix *vault.Index) error {
			p, _ := ix.Person("Leo Morales")
			if err := ix.EditPerson(p.ID, name, p.Born, p.Relation); err != nil {
				return err
			}
			_, err := ix.SetIdentifier(p.ID, ids.ANumber, "", pass(aNumber))
			return err
		})
	}
	changeLeo(a, "Leonardo Morales", "A011111111")
	changeLeo(b, "Leo M. Morales", "A022222222")
	fromB := b.export(t, ExportOptions{People: []string{"Leo M. Morales"}})
	p, res := a.importAll(t, fromB)
	if got := actions(p); got[Conflict] != 2 {
		t.Fatalf("preview: %v", got)
	}
	if res.Conflicts != 2 {
		t.Fatalf("import: %+v", res)
	}
	ix := a.v.Index()
	mine, err := ix.Person("Leonardo Morales")
	if err != nil {
		t.Fatal("A lost its own version")
	}
	theirs := findPerson(ix, func(p *vault.Person) bool { return strings.HasPrefix(p.Name, "Leo M. Morales (from Beto, ") })
	if theirs == nil {
		t.Fatalf("B's version is not kept visibly: %v", names(ix))
	}
	own, err := ix.Identifier(mine.ID, ids.ANumber, "")
	if err != nil || reveal(t, own.Value) != "A011111111" {
		t.Fatal("A's A-number changed")
	}
	copied, err := ix.Identifier(mine.ID, ids.Other, "A-number (from Beto, "+p.From[len("from Beto, "):]+")")
	if err != nil || reveal(t, copied.Value) != "A022222222" {
		t.Fatalf("B's A-number is not kept beside A's: %v", err)
	}

	before := a.state(t)
	p, _ = a.importAll(t, fromB)
	if p.Changes() != 0 || a.state(t) != before {
		t.Fatalf("importing the conflict again changed something: %v", actions(p))
	}
}

func findPerson(ix *vault.Index, f func(*vault.Person) bool) *vault.Person {
	for _, p := range ix.People {
		if f(p) {
			return p
		}
	}
	return nil
}

func names(ix *vault.Index) []string {
	var out []string
	for _, p := range ix.People {
		out = append(out, p.Name)
	}
	return out
}

// TestSelectiveExport: a person brings everything of theirs and nothing
// of anyone else's; a case brings its person's record, itself, and its
// notices and events, but no identifiers.
func TestSelectiveExport(t *testing.T) {
	a := newMember(t, "Ana")
	a.family(t)
	for _, tc := range []struct {
		name                                        string
		o                                           ExportOptions
		people, identifiers, cases, notices, events int
		files                                       []string
	}{
		{"person", ExportOptions{People: []string{"leo morales"}}, 1, 1, 1, 1, 0, []string{"notices/Leo Morales/leo.pdf"}},
		{"case", ExportOptions{Cases: []string{"EAC-25-123-45678"}}, 1, 0, 1, 1, 1, []string{"notices/Ana Morales/I-797C EAC2512345678 2025-01-10.pdf"}},
		{"everything", ExportOptions{}, 2, 4, 2, 3, 1, []string{
			"notices/Ana Morales/I-797C EAC2512345678 2025-01-10.pdf", "notices/Ana Morales/passport.jpg", "notices/Leo Morales/leo.pdf"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := a.open(t, a.export(t, tc.o))
			if err != nil {
				t.Fatal(err)
			}
			m := b.m
			if len(m.People) != tc.people || len(m.Identifiers) != tc.identifiers || len(m.Cases) != tc.cases ||
				len(m.Notices) != tc.notices || len(m.Events) != tc.events {
				t.Fatalf("got %d people, %d identifiers, %d cases, %d notices, %d events",
					len(m.People), len(m.Identifiers), len(m.Cases), len(m.Notices), len(m.Events))
			}
			var got []string
			for _, f := range m.Files[1:] {
				got = append(got, f.Path)
			}
			if strings.Join(got, "|") != strings.Join(tc.files, "|") {
				t.Fatalf("files %q, want %q", got, tc.files)
			}
		})
	}
	var buf bytes.Buffer
	if err := Export(&buf, a.v, ExportOptions{SenderName: "Ana", People: []string{"Nobody"}}); err == nil {
		t.Fatal("an unknown person was exported")
	}
}

// TestSelectiveImport: a case's bundle adds the person and the case to a
// vault that has neither; a person left out of the plan leaves their
// records out too, and says so.
func TestSelectiveImport(t *testing.T) {
	a, b := anaAndBeto(t)
	bundle := a.export(t, ExportOptions{Cases: []string{"EAC2512345678"}})
	bb, err := b.open(t, bundle)
	if err != nil {
		t.Fatal(err)
	}
	p := Preview(b.v.Index(), bb)
	for i := range p.Items {
		if p.Items[i].Kind == "person" {
			p.Items[i].Accept = false
		}
	}
	res, err := Apply(b.v, bb, p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || len(res.Skipped) != 3 || len(b.v.Index().Cases) != 0 {
		t.Fatalf("without the person: %+v", res)
	}
	_, res = b.importAll(t, bundle)
	if res.Added != 4 || res.Files != 1 {
		t.Fatalf("with the person: %+v", res)
	}
	if len(b.v.Index().Identifiers) != 0 {
		t.Fatal("a case's bundle brought identifiers")
	}
}

// TestPassphraseBundle: a bundle for a passphrase opens with it alone.
func TestPassphraseBundle(t *testing.T) {
	a, b := anaAndBeto(t)
	data := a.export(t, ExportOptions{Passphrase: pass("correct horse battery staple"), Armor: true})
	if !bytes.HasPrefix(data, []byte("-----BEGIN AGE ENCRYPTED FILE-----\n")) {
		t.Fatal("not armored")
	}
	if _, err := b.open(t, data); err != ErrPassphrase {
		t.Fatalf("opened without the passphrase: %v", err)
	}
	if _, err := Open(bytes.NewReader(data), int64(len(data)), vault.PassphraseIdentity(pass("wrong"))); err != ErrPassphrase {
		t.Fatalf("a wrong passphrase: %v", err)
	}
	bb, err := Open(bytes.NewReader(data), int64(len(data)), vault.PassphraseIdentity(pass("correct horse battery staple")))
	if err != nil {
		t.Fatal(err)
	}
	if !bb.Passphrase() || len(bb.AddressedTo()) != 0 {
		t.Fatal("a passphrase bundle says it is addressed to people")
	}
	res, err := Apply(b.v, bb, Preview(b.v.Index(), bb))
	if err != nil || res.Added != 12 {
		t.Fatalf("%+v, %v", res, err)
	}

	var buf bytes.Buffer
	err = Export(&buf, a.v, ExportOptions{SenderName: "Ana", Passphrase: pass("x"), To: []contact.Card{b.card(t)}})
	if err == nil || !strings.Contains(err.Error(), "cannot also be encrypted") {
		t.Fatalf("passphrase and recipients mixed: %v", err)
	}
}

// TestRecipients: the default is the family and the sender; classic keys
// are never dropped silently; more than 1024 recipients are refused.
func TestRecipients(t *testing.T) {
	a, b := anaAndBeto(t)
	s, err := Describe(a.v, ExportOptions{SenderName: "Ana"})
	if err != nil || len(s.To) != 2 || !s.IncludesSender || s.Notices != 3 {
		t.Fatalf("default recipients: %+v %v", s, err)
	}
	bundle := a.export(t, ExportOptions{})
	for _, m := range []*member{a, b} {
		bb, err := m.open(t, bundle)
		if err != nil {
			t.Fatalf("%s cannot open the default bundle: %v", m.name, err)
		}
		if !bb.AddressedToCard(m.card(t)) {
			t.Fatalf("the manifest does not name %s", m.name)
		}
	}

	classicID, _ := age.GenerateX25519Identity()
	classic := contact.Card{Name: "Tío Pepe", Recipient: classicID.Recipient().String(), SigningKey: b.card(t).SigningKey}
	a.update(t, func(ix *vault.Index) error {
		c, err := ix.AddContact("", classic)
		if err != nil {
			return err
		}
		return ix.VerifyContact(c.ID)
	})
	for _, o := range []ExportOptions{{}, {To: []contact.Card{b.card(t), classic}}} {
		o.SenderName = "Ana"
		var buf bytes.Buffer
		if err := Export(&buf, a.v, o); err == nil || !strings.Contains(err.Error(), `"Tío Pepe" has a classic age key`) {
			t.Fatalf("a classic key mixed in: %v", err)
		}
	}
	data := a.export(t, ExportOptions{To: []contact.Card{classic}})
	if _, err := Open(bytes.NewReader(data), int64(len(data)), classicID); err != nil {
		t.Fatalf("the classic contact cannot open their own bundle: %v", err)
	}

	_, err = Describe(a.v, ExportOptions{SenderName: "Ana", To: distinct(t, MaxRecipients)})
	if err == nil || !strings.Contains(err.Error(), "at most 1024") {
		t.Fatalf("1025 recipients: %v", err)
	}
}

// TestDefaultRecipientsAreVerified: without To, a bundle is for the
// family members whose fingerprint was compared, and for the sender; one
// not compared yet is left out, and Describe names them.
func TestDefaultRecipientsAreVerified(t *testing.T) {
	a, b, c := newMember(t, "Ana"), newMember(t, "Beto"), newMember(t, "Carmen")
	befriend(t, a, b)
	a.family(t)
	cCard := c.card(t)
	a.update(t, func(ix *vault.Index) error { _, err := ix.AddContact("Carmen", cCard); return err })

	s, err := Describe(a.v, ExportOptions{SenderName: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	names := func(cs []contact.Card) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return out
	}
	if len(s.To) != 2 || !s.To[0].SameKeys(a.card(t)) || !s.To[1].SameKeys(b.card(t)) {
		t.Errorf("default recipients: %q, want Ana and Beto", names(s.To))
	}
	if len(s.Unverified) != 1 || !s.Unverified[0].SameKeys(cCard) {
		t.Errorf("left out as unverified: %q, want Carmen", names(s.Unverified))
	}
	data := a.export(t, ExportOptions{})
	if _, err := c.open(t, data); err != ErrNotAddressed {
		t.Fatalf("Carmen, whose fingerprint Ana never compared, opens the default bundle: %v", err)
	}
	if _, err := b.open(t, data); err != nil {
		t.Fatalf("Beto cannot open the default bundle: %v", err)
	}

	// Naming her is a choice, and works.
	data = a.export(t, ExportOptions{To: []contact.Card{cCard}})
	if _, err := c.open(t, data); err != nil {
		t.Fatalf("Carmen cannot open a bundle made for her: %v", err)
	}
	if s, _ := Describe(a.v, ExportOptions{SenderName: "Ana", To: []contact.Card{cCard}}); len(s.Unverified) != 0 {
		t.Errorf("a bundle with To names %q as left out", names(s.Unverified))
	}
}

// distinct makes n cards with different post-quantum recipients.
func distinct(t testing.TB, n int) []contact.Card {
	t.Helper()
	out := make([]contact.Card, n)
	for i := range out {
		id, err := age.GenerateHybridIdentity()
		if err != nil {
			t.Fatal(err)
		}
		out[i] = contact.Card{Name: "someone", Recipient: id.Recipient().String(), SigningKey: make([]byte, 32)}
	}
	return out
}

// TestDatesTravel: a document's validity and a person's residence go with
// them, for the date rules on the other side.
func TestDatesTravel(t *testing.T) {
	a, b := anaAndBeto(t)
	a.update(t, func(ix *vault.Index) error {
		p, err := ix.Person("Ana Morales")
		if err != nil {
			return err
		}
		if err := ix.SetResidence(p.ID, vault.Residence{Since: "2024-12-15", Conditional: true}); err != nil {
			return err
		}
		for _, id := range ix.IdentifiersOf(p.ID) {
			if err := ix.SetValidity(id.ID, vault.Validity{Issued: "2024-12-15", Expires: "2026-12-15"}); err != nil {
				return err
			}
		}
		return nil
	})
	b.importAll(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	p, err := b.v.Index().Person("Ana Morales")
	if err != nil {
		t.Fatal(err)
	}
	if p.Since != "2024-12-15" || !p.Conditional {
		t.Errorf("residence did not travel: %+v", p.Residence)
	}
	ids := b.v.Index().IdentifiersOf(p.ID)
	if len(ids) == 0 {
		t.Fatal("no identifiers arrived")
	}
	for _, id := range ids {
		if id.Expires != "2026-12-15" || id.Issued != "2024-12-15" {
			t.Errorf("%s validity did not travel: %+v", id.Kind, id.Validity)
		}
	}
}

// TestResidenceCountsAsContent: a person whose residence differs is not
// "the same" record, so a change to it is never dropped as unchanged.
func TestResidenceCountsAsContent(t *testing.T) {
	a, b := anaAndBeto(t)
	b.importAll(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	tick()
	a.update(t, func(ix *vault.Index) error {
		p, _ := ix.Person("Ana Morales")
		return ix.SetResidence(p.ID, vault.Residence{Since: "2021-05-20"})
	})
	b.update(t, func(ix *vault.Index) error {
		p, _ := ix.Person("Ana Morales")
		return ix.EditPerson(p.ID, p.Name, p.Born, p.Relation) // a new version, same fields
	})
	p, _ := b.importAll(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}, People: []string{"Ana Morales"}}))
	for _, it := range p.Items {
		if it.Kind == "person" && it.Action == Unchanged {
			t.Fatalf("a person whose residence changed was called unchanged: %+v", it)
		}
	}
	found := false
	for _, q := range b.v.Index().People {
		found = found || q.Since == "2021-05-20"
	}
	if !found {
		t.Error("the sender's residence was lost")
	}
}
