package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha512"
	"errors"
	"hash/crc32"
	"strings"
	"testing"

	"filippo.io/age"

	"immivault/internal/contact"
	"immivault/internal/vault"
)

// TestFlippedBytes: a bundle with any one byte changed is refused, and the
// vault it was meant for is untouched.
func TestFlippedBytes(t *testing.T) {
	a, b := anaAndBeto(t)
	for _, armored := range []bool{false, true} {
		data := a.export(t, ExportOptions{Armor: armored})
		before := b.state(t)
		positions := []int{0, 1, len(data) / 3, len(data) - 2, len(data) - 1}
		for i := 0; i < 64; i++ {
			positions = append(positions, i*len(data)/64+i)
		}
		for _, pos := range positions {
			pos %= len(data)
			bad := bytes.Clone(data)
			bad[pos] ^= 0x01
			if armored && (bad[pos] == '\n' || data[pos] == '\n') {
				continue
			}
			if bb, err := b.open(t, bad); err == nil {
				_, err = Apply(b.v, bb, Preview(b.v.Index(), bb))
				t.Fatalf("byte %d of %d flipped (armored %v): opened, apply said %v", pos, len(data), armored, err)
			}
		}
		if b.state(t) != before {
			t.Fatal("a refused bundle changed the vault")
		}
	}
}

// TestSenders: a known sender is accepted; an unknown one only once the
// user trusts the right fingerprint; one who takes a contact's name but
// not their keys is called out; a bundle for others does not open.
func TestSenders(t *testing.T) {
	a, b, c := newMember(t, "Ana"), newMember(t, "Beto"), newMember(t, "Carmen")
	befriend(t, a, b)
	a.family(t)
	c.family(t)

	t.Run("unknown", func(t *testing.T) {
		data := c.export(t, ExportOptions{To: []contact.Card{b.card(t)}})
		bb, err := b.open(t, data)
		if err != nil {
			t.Fatal(err)
		}
		if _, known := bb.KnownSender(b.v.Index()); known {
			t.Fatal("Carmen is not in Beto's family list")
		}
		before := b.state(t)
		var se *SenderError
		if _, err := Apply(b.v, bb, Preview(b.v.Index(), bb)); !errors.As(err, &se) || se.Claimed != nil ||
			!strings.Contains(err.Error(), c.card(t).Fingerprint()) {
			t.Fatalf("an unknown sender: %v", err)
		}
		if err := bb.Trust(a.card(t).Fingerprint()); err == nil {
			t.Fatal("trusted with someone else's fingerprint")
		}
		if b.state(t) != before {
			t.Fatal("the vault changed")
		}
		fp := strings.ToLower(strings.ReplaceAll(c.card(t).Fingerprint(), "-", ""))
		if err := bb.Trust(fp); err != nil {
			t.Fatal(err)
		}
		if res, err := Apply(b.v, bb, Preview(b.v.Index(), bb)); err != nil || res.Added != 12 {
			t.Fatalf("trusted: %+v %v", res, err)
		}
	})

	t.Run("mismatched", func(t *testing.T) {
		impostor := newMember(t, "Ana")
		impostor.family(t)
		data := impostor.export(t, ExportOptions{To: []contact.Card{b.card(t)}})
		bb, err := b.open(t, data)
		if err != nil {
			t.Fatal(err)
		}
		before := b.state(t)
		var se *SenderError
		if _, err := Apply(b.v, bb, Preview(b.v.Index(), bb)); !errors.As(err, &se) || se.Claimed == nil || se.Claimed.Name != "Ana" {
			t.Fatalf("an impostor: %v", err)
		}
		if b.state(t) != before {
			t.Fatal("the vault changed")
		}
	})

	t.Run("not addressed", func(t *testing.T) {
		data := a.export(t, ExportOptions{To: []contact.Card{c.card(t)}})
		if _, err := b.open(t, data); err != ErrNotAddressed {
			t.Fatalf("a bundle for others: %v", err)
		}
	})

	t.Run("self", func(t *testing.T) {
		data := a.export(t, ExportOptions{To: []contact.Card{}})
		p, res := a.importAll(t, data)
		if p.Changes() != 0 || res.Added != 0 {
			t.Fatalf("my own bundle: %v", actions(p))
		}
	})
}

// entry is one entry of a hand-made archive. raw entries are written with
// CreateRaw: their declared size is size, whatever data holds.
type entry struct {
	name   string
	data   []byte
	method uint16
	raw    bool
	size   uint64
}

// craft builds a bundle by hand: the entries, a manifest m (signed by
// signer as Export would sign it), encrypted to to. Only the checks on
// the archive itself can refuse what it makes.
func craft(t *testing.T, signer *member, to *member, m *manifest, entries []entry) []byte {
	t.Helper()
	var mbuf bytes.Buffer
	if err := writeManifest(&mbuf, m); err != nil {
		t.Fatal(err)
	}
	digest := sha512.Sum512(mbuf.Bytes())
	sig, err := signer.v.SignDigest(digest[:], signatureContext)
	if err != nil {
		t.Fatal(err)
	}
	entries = append([]entry{{name: manifestName, data: mbuf.Bytes()}, {name: signatureName, data: sig}}, entries...)
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, e := range entries {
		if e.raw {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: e.method, CRC32: crc32.ChecksumIEEE(e.data),
				CompressedSize64: uint64(len(e.data)), UncompressedSize64: e.size})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(e.data)
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := age.ParseHybridRecipient(to.v.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w, err := age.Encrypt(&out, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(zbuf.Bytes())
	w.Close()
	return out.Bytes()
}

// baseManifest is a valid manifest from signer's vault, and the archive
// entries it needs besides manifest.json and manifest.sig.
func baseManifest(t *testing.T, signer *member) (*manifest, []entry) {
	t.Helper()
	ix := signer.v.Index()
	sel, err := selectRecords(ix, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := buildManifest(ix, sel, signer.card(t), []contact.Card{signer.card(t)}, false, now().UTC())
	entries := []entry{{name: readmeName, data: []byte(readme)}}
	for i, n := range sel.notices {
		entries = append(entries, entry{name: m.Notices[i].File, data: signer.noticeFile(t, n)})
	}
	return m, entries
}

// openChanged opens, as to, a bundle from signer whose manifest change
// altered, hand-made and signed as Export would sign it (craft).
func openChanged(t *testing.T, signer, to *member, change func(m *manifest)) (*Bundle, error) {
	t.Helper()
	m, entries := baseManifest(t, signer)
	change(m)
	return to.open(t, craft(t, signer, to, m, entries))
}

// TestCraftedArchives: hand-made archives, properly signed and encrypted,
// that only the checks on the archive and the manifest can refuse.
func TestCraftedArchives(t *testing.T) {
	a, b := anaAndBeto(t)
	m, entries := baseManifest(t, a)
	if bb, err := b.open(t, craft(t, a, b, m, entries)); err != nil || len(bb.m.Notices) != 3 {
		t.Fatalf("the unchanged hand-made bundle: %v", err)
	}
	notice := entries[1]
	// rename gives notice 0's file another name in the manifest and the archive.
	rename := func(name string) (*manifest, []entry) {
		m, entries := baseManifest(t, a)
		old := m.Notices[0].File
		m.Notices[0].File = name
		for i := range m.Files {
			if m.Files[i].Path == old {
				m.Files[i].Path = name
			}
		}
		for i := range entries {
			if entries[i].name == old {
				entries[i].name = name
			}
		}
		return m, entries
	}
	for _, tc := range []struct {
		name    string
		build   func() []byte
		wantErr string
	}{
		{"absolute path", func() []byte { m, e := rename("/notices/x.pdf"); return craft(t, a, b, m, e) }, "absolute path"},
		{"drive letter", func() []byte { m, e := rename("C:/notices/x.pdf"); return craft(t, a, b, m, e) }, "absolute path"},
		{"dot dot", func() []byte { m, e := rename("notices/../../x.pdf"); return craft(t, a, b, m, e) }, `".."`},
		{"backslash", func() []byte { m, e := rename(`notices\x.pdf`); return craft(t, a, b, m, e) }, "backslash"},
		{"reserved name", func() []byte { m, e := rename("notices/Ana/CON.pdf"); return craft(t, a, b, m, e) }, "not a clean file name"},
		{"control character", func() []byte { m, e := rename("notices/Ana/x\x1b[2J.pdf"); return craft(t, a, b, m, e) }, "not a clean file name"},
		{"duplicate", func() []byte { m, e := baseManifest(t, a); return craft(t, a, b, m, append(e, notice)) }, "two entries"},
		{"duplicate in another case", func() []byte {
			m, e := baseManifest(t, a)
			n := notice
			n.name = noticesDir + strings.ToUpper(n.name[len(noticesDir):])
			return craft(t, a, b, m, append(e, n))
		}, "two entries"},
		{"duplicate manifest", func() []byte {
			m, e := baseManifest(t, a)
			return craft(t, a, b, m, append(e, entry{name: manifestName, data: []byte("{}")}))
		}, "two entries"},
		{"unlisted file", func() []byte {
			m, e := baseManifest(t, a)
			return craft(t, a, b, m, append(e, entry{name: "notices/Ana Morales/extra.pdf", data: []byte("%PDF")}))
		}, "does not list"},
		{"missing file", func() []byte { m, e := baseManifest(t, a); return craft(t, a, b, m, e[:len(e)-1]) }, "missing"},
		{"directory", func() []byte {
			m, e := baseManifest(t, a)
			return craft(t, a, b, m, append(e, entry{name: "notices/"}))
		}, "not a clean file name"},
		{"other compression", func() []byte {
			m, e := baseManifest(t, a)
			e[1].method, e[1].raw, e[1].size = 12, true, uint64(len(e[1].data)) // bzip2
			return craft(t, a, b, m, e)
		}, "method"},
		{"changed file", func() []byte {
			m, e := baseManifest(t, a)
			e[1].data = bytes.Clone(e[1].data)
			e[1].data[10] ^= 1
			return craft(t, a, b, m, e)
		}, "SHA-256"},
		{"zip bomb: one file", func() []byte {
			m, e := baseManifest(t, a)
			e[1] = entry{name: e[1].name, data: []byte{3, 0}, method: zip.Deflate, raw: true, size: MaxFileSize + 1}
			return craft(t, a, b, m, e)
		}, "larger than 200 MiB"},
		{"zip bomb: all files", func() []byte {
			m, e := baseManifest(t, a)
			for i := range 11 {
				e = append(e, entry{name: "notices/bomb " + string(rune('a'+i)), data: []byte{3, 0}, method: zip.Deflate, raw: true, size: MaxFileSize})
			}
			return craft(t, a, b, m, e)
		}, "more than 2 GiB"},
		{"json bomb", func() []byte {
			// A manifest entry that declares more than the limit.
			var zbuf bytes.Buffer
			zw := zip.NewWriter(&zbuf)
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: manifestName, Method: zip.Deflate, CompressedSize64: 2, UncompressedSize64: MaxManifestSize + 1})
			w.Write([]byte{3, 0})
			w, _ = zw.CreateHeader(&zip.FileHeader{Name: signatureName})
			w.Write(make([]byte, 64))
			zw.Close()
			return encryptTo(t, b, zbuf.Bytes())
		}, "manifest.json is larger than 16 MiB"},
		{"json bomb: deep nesting", func() []byte {
			var zbuf bytes.Buffer
			zw := zip.NewWriter(&zbuf)
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: manifestName, Method: zip.Deflate})
			w.Write([]byte(`{"format":"immivault-bundle/v1","people":` + strings.Repeat("[", 1<<20) + strings.Repeat("]", 1<<20) + "}"))
			w, _ = zw.CreateHeader(&zip.FileHeader{Name: signatureName})
			w.Write(make([]byte, 64))
			zw.Close()
			return encryptTo(t, b, zbuf.Bytes())
		}, "not an immivault bundle"},
		{"newer format", func() []byte {
			m, e := baseManifest(t, a)
			m.Format = "immivault-bundle/v2"
			return craft(t, a, b, m, e)
		}, "made by a newer immivault"},
		{"signed by another key", func() []byte {
			m, e := baseManifest(t, a)
			return craft(t, b, b, m, e)
		}, "signature does not match"},
		{"not a zip", func() []byte { return encryptTo(t, b, []byte("hello, this is not a zip")) }, "no zip archive"},
		{"not age", func() []byte { return []byte("PK\x03\x04 a plain zip, unencrypted") }, "not an age file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := b.state(t)
			data := tc.build()
			_, err := b.open(t, data)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("got %v, want an error with %q", err, tc.wantErr)
			}
			if b.state(t) != before {
				t.Fatal("the vault changed")
			}
		})
	}
}

func encryptTo(t *testing.T, to *member, plain []byte) []byte {
	t.Helper()
	r, _ := age.ParseHybridRecipient(to.v.Recipient())
	var out bytes.Buffer
	w, _ := age.Encrypt(&out, r)
	w.Write(plain)
	w.Close()
	return out.Bytes()
}

// TestManifestLimits: the record limit is checked before the records.
func TestManifestLimits(t *testing.T) {
	a := newMember(t, "Ana")
	m, _ := baseManifest(t, a)
	m.Events = make([]*eventJSON, MaxRecords+1)
	if err := m.check(); err == nil || !strings.Contains(err.Error(), "more than 100000 records") {
		t.Fatalf("too many records: %v", err)
	}
	m, _ = baseManifest(t, a)
	m.To = make([]Addressee, MaxRecipients+1)
	if err := m.check(); err == nil || !strings.Contains(err.Error(), "addressees") {
		t.Fatalf("too many addressees: %v", err)
	}
}

// TestRecordsAreHeldToTheRules: a signed bundle whose records break the
// record rules (vault's Validate) is refused, naming the record, and the
// vault is untouched; a vault record a bundle could not carry stops the
// export, named the same way.
func TestRecordsAreHeldToTheRules(t *testing.T) {
	a, b := anaAndBeto(t)
	for _, tc := range []struct {
		name string
		// change breaks a rule and says the error that names the record.
		change func(m *manifest) string
	}{
		{"a name with control characters", func(m *manifest) string {
			m.People[0].Name = "Ana\x1b[2J"
			return "person " + m.People[0].ID + ": name has control characters"
		}},
		{"a relation too long", func(m *manifest) string {
			m.People[1].Relation = strings.Repeat("x", 201)
			return "person " + m.People[1].ID + ": relation longer than 200 bytes"
		}},
		{"a kind this immivault does not know", func(m *manifest) string {
			m.Identifiers[0].Kind = "a-number-v2"
			return "update immivault to open it (identifier " + m.Identifiers[0].ID + ": a kind of number"
		}},
		{"a value not in storage form", func(m *manifest) string {
			m.Identifiers[0].Value = pass("A-012-345-678")
			return "identifier " + m.Identifiers[0].ID + ": not a valid A-number"
		}},
		{"a case of no one", func(m *manifest) string {
			m.Cases[0].PersonID = m.Notices[0].ID
			return "case " + m.Cases[0].ID + ": belongs to a person who is not there"
		}},
		{"an event at no time", func(m *manifest) string {
			m.Events[0].Time = "9:30"
			return "event " + m.Events[0].ID + ": a time that is not HH:MM"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := b.state(t)
			var want string
			_, err := openChanged(t, a, b, func(m *manifest) { want = tc.change(m) })
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("got %v, want an error with %q", err, want)
			}
			if b.state(t) != before {
				t.Fatal("the vault changed")
			}
		})
	}

	// The vault's writers let a control character into a relation, which
	// no bundle may carry.
	var leo *vault.Person
	a.update(t, func(ix *vault.Index) error {
		leo, _ = ix.Person("Leo Morales")
		return ix.EditPerson(leo.ID, leo.Name, leo.Born, "child\x07")
	})
	var buf bytes.Buffer
	err := Export(&buf, a.v, ExportOptions{SenderName: "Ana", To: []contact.Card{b.card(t)}})
	if want := "person " + leo.ID + ": relation has control characters"; err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("exporting: %v, want an error with %q", err, want)
	}
}
