package bundle

import (
	"slices"
	"strings"
	"testing"
	"time"

	"immivault/internal/contact"
	"immivault/internal/ids"
	"immivault/internal/vault"
)

// TestHistoryIsBounded: what a bundle says about the versions a record
// descends from is refused, with the vault untouched, when it has a time
// more than MaxClockSkew ahead, is out of order, repeats a version, lists
// the record's own version or is too long; the record's own times and the
// bundle's are held to the same clock.
func TestHistoryIsBounded(t *testing.T) {
	a, b := anaAndBeto(t)
	ahead := func(d time.Duration) time.Time { return time.Now().UTC().Add(d).Truncate(time.Millisecond) }
	past := func(n int) []time.Time {
		var ts []time.Time
		for i := range n {
			ts = append(ts, time.Date(2024, 1, 1, 0, 0, i, 0, time.UTC))
		}
		return ts
	}
	for _, tc := range []struct {
		name    string
		change  func(m *manifest)
		wantErr string // "" for a bundle that must open
	}{
		{"sixteen future versions", func(m *manifest) {
			var h []time.Time
			for i := range vault.MaxSharedVersions {
				h = append(h, time.Date(2100, 1, 1, 0, 0, i, 0, time.UTC))
			}
			m.People[0].History = h
		}, "in the future"},
		{"a version a day and an hour ahead", func(m *manifest) {
			m.Identifiers[0].History = append(past(2), ahead(25*time.Hour))
		}, "in the future"},
		{"a version within the clock skew", func(m *manifest) {
			m.Cases[0].History = append(past(2), ahead(23*time.Hour))
		}, ""},
		{"out of order", func(m *manifest) {
			h := past(3)
			h[0], h[2] = h[2], h[0]
			m.Notices[0].History = h
		}, "not in order"},
		{"a version twice", func(m *manifest) {
			h := past(3)
			m.Events[0].History = append(h, h[2])
		}, "repeats a version"},
		{"its own version", func(m *manifest) {
			m.People[1].History = append(past(2), m.People[1].Updated)
		}, "its own version"},
		{"a version of no time", func(m *manifest) {
			m.People[0].History = []time.Time{{}}
		}, "no time"},
		{"seventeen versions", func(m *manifest) {
			m.People[0].History = past(vault.MaxSharedVersions + 1)
		}, "more than 16 versions"},
		{"a record changed in the future", func(m *manifest) {
			m.Identifiers[1].Updated = ahead(48 * time.Hour)
		}, "changed in the future"},
		{"a bundle made in the future", func(m *manifest) {
			m.Created = ahead(48 * time.Hour)
		}, "ahead of this computer's clock"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := b.state(t)
			_, err := openChanged(t, a, b, tc.change)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("got %v, want an error with %q", err, tc.wantErr)
			case err != nil && strings.Contains(err.Error(), "\n"):
				t.Fatalf("the error is more than one line: %q", err)
			}
			if b.state(t) != before {
				t.Fatal("the vault changed")
			}
		})
	}
}

// TestHistoryCannotEvictSharedVersions: a sender's history, however long,
// does not push out the versions this vault knows. Beto receives Leo's
// A-number, then an update of it from Ana whose history lists 15 made-up
// versions besides the real one; he removes the number. Replaying the
// first bundle must find it removed, not add it again.
func TestHistoryCannotEvictSharedVersions(t *testing.T) {
	a, b := anaAndBeto(t)
	first := a.export(t, ExportOptions{To: []contact.Card{b.card(t)}})
	b.importAll(t, first)
	leo, _ := b.v.Index().Person("Leo Morales")
	number, err := b.v.Index().Identifier(leo.ID, ids.ANumber, "")
	if err != nil {
		t.Fatal(err)
	}
	t0 := number.Updated

	m, entries := baseManifest(t, a)
	i := slices.IndexFunc(m.Identifiers, func(x *identifierJSON) bool { return x.ID == number.ID })
	in := m.Identifiers[i]
	in.Updated = t0.Add(time.Minute)
	in.History = []time.Time{t0}
	for j := 1; j < vault.MaxSharedVersions; j++ {
		in.History = append(in.History, t0.Add(time.Duration(j)*time.Millisecond))
	}
	p, _ := b.importAll(t, craft(t, a, b, m, entries))
	if got := actions(p); got[Update] != 1 {
		t.Fatalf("the made-up history's preview: %v, want one update", got)
	}
	shared := b.v.Index().SharedVersions(number.ID)
	if !containsTime(shared, t0) {
		t.Fatalf("the received history pushed out the version Beto received first: %v", shared)
	}
	if len(shared) > vault.MaxSharedVersions/2+1 {
		t.Errorf("Beto adopted %d versions from one history; at most half the room is the sender's", len(shared))
	}

	b.update(t, func(ix *vault.Index) error { return ix.RemoveIdentifier(number.ID) })
	before := b.state(t)
	p, res := b.importAll(t, first)
	if res.Added != 0 || b.state(t) != before {
		t.Fatalf("replaying the first bundle brought back the removed number: %v %+v", actions(p), res)
	}
	if it := p.Items[slices.IndexFunc(p.Items, func(it Item) bool { return it.ID == number.ID })]; it.Action != Removed {
		t.Errorf("the removed number: %v, want removed", it.Action)
	}
}

// TestHistoryAdoptedForUpdates: a genuine history still does its work.
// Beto changes Leo's record that Ana sent him and sends it to Carmen, who
// adopts the version Beto's descends from; when Carmen sends it to Ana,
// Ana sees an update of her own version, not a conflict.
func TestHistoryAdoptedForUpdates(t *testing.T) {
	a, b, c := newMember(t, "Ana"), newMember(t, "Beto"), newMember(t, "Carmen")
	befriend(t, a, b, c)
	a.family(t)
	b.importAll(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}, People: []string{"Leo Morales"}}))
	b.update(t, func(ix *vault.Index) error {
		p, _ := ix.Person("Leo Morales")
		return ix.EditPerson(p.ID, "Leo M. Morales", p.Born, p.Relation)
	})
	c.importAll(t, b.export(t, ExportOptions{To: []contact.Card{c.card(t)}}))
	p, _ := a.importAll(t, c.export(t, ExportOptions{To: []contact.Card{a.card(t)}}))
	if got := actions(p); got[Update] != 1 || got[Conflict] != 0 {
		t.Fatalf("Ana's preview of Carmen's bundle: %v, want one update", got)
	}
	if _, err := a.v.Index().Person("Leo M. Morales"); err != nil {
		t.Fatal("Ana does not have Beto's change")
	}
}

// TestFileNamesLoseHiddenCharacters: a notice named to look like a PDF
// while being something else ("I-797C<U+202E>fdp.scr") arrives with the
// bidirectional controls and other invisible characters taken out, in
// the preview and in the vault.
func TestFileNamesLoseHiddenCharacters(t *testing.T) {
	a, b := anaAndBeto(t)
	bb, err := openChanged(t, a, b, func(m *manifest) {
		m.Notices[0].FileName = "I-797C\u202Efdp.scr"
		m.Notices[1].FileName = "pass\u200Bport\u2066\u2069\u061C\u200E\u200F\u00AD\tscan.jpg"
		m.Notices[2].FileName = "\u202E\u202C"
	})
	if err != nil {
		t.Fatal(err)
	}
	p := Preview(b.v.Index(), bb)
	for _, it := range p.Items {
		if strings.ContainsFunc(it.What, func(r rune) bool { return r == '\u202E' || r == '\u200B' || r == '\t' }) {
			t.Errorf("the preview shows %q", it.What)
		}
	}
	if _, err := Apply(b.v, bb, p); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range b.v.Index().Notices {
		names = append(names, n.FileName)
	}
	slices.Sort(names)
	want := []string{"I-797Cfdp.scr", "notice", "passport scan.jpg"}
	if !slices.Equal(names, want) {
		t.Errorf("stored as %q, want %q", names, want)
	}
}

// TestUpdateShowsWhatItReplaces: the preview of an update says, field by
// field, what the vault holds and what it would hold; numbers masked.
func TestUpdateShowsWhatItReplaces(t *testing.T) {
	a, b := anaAndBeto(t)
	b.importAll(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	a.update(t, func(ix *vault.Index) error {
		p, _ := ix.Person("Leo Morales")
		if _, err := ix.SetIdentifier(p.ID, ids.ANumber, "", pass("A011111111")); err != nil {
			return err
		}
		_, err := ix.SetCase(p.ID, "IOE0912345678", vault.CaseChange{Status: "Case Was Approved"})
		return err
	})
	bb, err := b.open(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	if err != nil {
		t.Fatal(err)
	}
	p := Preview(b.v.Index(), bb)
	got := map[string]Change{}
	for _, it := range p.Items {
		if it.Action == Update {
			for _, c := range it.Changes {
				got[it.Kind+" "+c.Field] = c
			}
		}
	}
	if c := got["case status"]; c.Current != "" || c.New != "Case Was Approved" {
		t.Errorf("the case's status: %+v", c)
	}
	v, ok := got["identifier value"]
	if !ok || !v.Secret() || v.Current != ids.Mask(ids.ANumber, []byte("A087654321")) || v.New != ids.Mask(ids.ANumber, []byte("A011111111")) {
		t.Fatalf("the A-number: %+v", v)
	}
	for _, c := range got {
		if strings.Contains(c.Current+c.New, "087654321") || strings.Contains(c.Current+c.New, "011111111") {
			t.Errorf("a number in clear: %+v", c)
		}
	}
	var cur, in string
	if err := v.Reveal(func(k ids.Kind, c, i []byte) error { cur, in = string(c), string(i); return nil }); err != nil || cur != "A087654321" || in != "A011111111" {
		t.Errorf("Reveal: %q %q %v", cur, in, err)
	}
	if err := got["case status"].Reveal(func(ids.Kind, []byte, []byte) error { return nil }); err == nil {
		t.Error("Reveal of a status did not fail")
	}
}

// TestBundleFromThisVault: a bundle this vault signed is recognised as
// its own, is never passed on, and imports without a family entry.
func TestBundleFromThisVault(t *testing.T) {
	a, b, c := newMember(t, "Ana"), newMember(t, "Beto"), newMember(t, "Carmen")
	befriend(t, a, b)
	a.family(t)
	mine, err := a.open(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	if err != nil {
		t.Fatal(err)
	}
	if !mine.FromVault(a.v) || mine.PassedOn(a.v) {
		t.Errorf("Ana's own bundle: from her vault %v, passed on %v", mine.FromVault(a.v), mine.PassedOn(a.v))
	}
	theirs, err := b.open(t, a.export(t, ExportOptions{To: []contact.Card{b.card(t)}}))
	if err != nil {
		t.Fatal(err)
	}
	if theirs.FromVault(b.v) || theirs.PassedOn(b.v) {
		t.Errorf("Ana's bundle for Beto: from his vault %v, passed on %v", theirs.FromVault(b.v), theirs.PassedOn(b.v))
	}
	// Beto hands Carmen a bundle Ana made for him: it opens for Carmen only
	// if it was encrypted to her, so make one that was, naming only Beto.
	m, entries := baseManifest(t, a)
	m.To = []Addressee{{Name: "Beto", Fingerprint: b.card(t).Fingerprint()}}
	passed, err := c.open(t, craft(t, a, c, m, entries))
	if err != nil {
		t.Fatal(err)
	}
	if !passed.PassedOn(c.v) {
		t.Error("a bundle that does not name Carmen is not called passed on")
	}
}

// TestTrustReadsFingerprintsAsTyped: the fingerprint a person types after
// comparing it may be in any case, with or without dashes and spaces, with
// O for 0 and I or L for 1; anything else is refused.
func TestTrustReadsFingerprintsAsTyped(t *testing.T) {
	a, b := newMember(t, "Ana"), newMember(t, "Beto")
	a.family(t)
	data := a.export(t, ExportOptions{To: []contact.Card{b.card(t)}})
	fp := a.card(t).Fingerprint()
	typed := strings.NewReplacer("0", "o", "1", "l", "-", " ").Replace(strings.ToLower(fp))
	for _, s := range []string{fp, strings.ToLower(fp), typed, " " + fp + "\u200B\n"} {
		bb, err := b.open(t, data)
		if err != nil {
			t.Fatal(err)
		}
		if err := bb.Trust(s); err != nil {
			t.Errorf("Trust(%q): %v", s, err)
		}
	}
	bb, _ := b.open(t, data)
	for _, s := range []string{"", fp[:len(fp)-1], b.card(t).Fingerprint(), fp + "X"} {
		if err := bb.Trust(s); err == nil {
			t.Errorf("Trust(%q) accepted", s)
		}
	}
	if _, err := Apply(b.v, bb, Preview(b.v.Index(), bb)); err == nil {
		t.Error("imported after every fingerprint typed was wrong")
	}
}

// TestRelationsReadAsKeys: a bundle from a release that stored the app's
// word for a relation ("yo" for self, in Spanish) reads with the key, as
// the vault reads its own.
func TestRelationsReadAsKeys(t *testing.T) {
	a, b := anaAndBeto(t)
	bb, err := openChanged(t, a, b, func(m *manifest) { m.People[0].Relation, m.People[1].Relation = "Yo", "hijo/a" })
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{bb.m.People[0].Relation, bb.m.People[1].Relation}; !slices.Equal(got, []string{vault.RelationSelf, vault.RelationChild}) {
		t.Errorf("relations read as %q", got)
	}
}
