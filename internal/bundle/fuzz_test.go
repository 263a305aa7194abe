package bundle

import (
	"bytes"
	"io"
	"testing"

	"filippo.io/age"
)

// seedBundle is a small real bundle from a fresh vault, and its zip
// archive as age decrypts it.
func seedBundle(f *testing.F) (archive, manifestJSON []byte) {
	a := newMember(f, "Ana")
	a.family(f)
	data := a.export(f, ExportOptions{To: nil})
	id, _ := a.v.Decrypter()
	r, err := age.Decrypt(bytes.NewReader(data), id)
	if err != nil {
		f.Fatal(err)
	}
	archive, _ = io.ReadAll(r)
	b, err := a.open(f, data)
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeManifest(&buf, b.m); err != nil {
		f.Fatal(err)
	}
	return archive, buf.Bytes()
}

// seedLoginManifest is the manifest of a bundle that carries a login
// with every kind of secret.
func seedLoginManifest(f *testing.F) []byte {
	a := newMember(f, "Ana")
	a.family(f)
	id := addAnaLogin(f, a, "pw-Zq81vKe0oXn", "KRSXG5DTMVRXEZLUJZQW2ZJAM5XWIZI", "QW7731PLMM", "answer-Kd9r2")
	data := a.export(f, ExportOptions{To: nil, Logins: []string{id}})
	b, err := a.open(f, data)
	if err != nil {
		f.Fatal(err)
	}
	if len(b.m.Logins) != 1 {
		f.Fatalf("the seed carries %d logins", len(b.m.Logins))
	}
	var buf bytes.Buffer
	if err := writeManifest(&buf, b.m); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzManifest: the manifest parser never panics, and what it accepts
// writes back to the same bytes it reads again.
func FuzzManifest(f *testing.F) {
	_, seed := seedBundle(f)
	f.Add(seed)
	f.Add(seedLoginManifest(f))
	f.Add([]byte(`{"format":"immivault-bundle/v2"}`))
	f.Add([]byte(`{"format":"immivault-bundle/v1","identifiers":[{"value":"\ud800"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := parseManifest(bytes.Clone(b))
		if err != nil {
			return
		}
		var once, twice bytes.Buffer
		if err := writeManifest(&once, m); err != nil {
			t.Fatal(err)
		}
		m2, err := parseManifest(bytes.Clone(once.Bytes()))
		if err != nil {
			t.Fatalf("a manifest it wrote does not read back: %v", err)
		}
		if err := writeManifest(&twice, m2); err != nil || !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("the round trip changed the manifest: %v", err)
		}
	})
}

// FuzzOpenArchive: the archive checks (after decryption: zip structure,
// names, limits, manifest, signature, hashes) never panic on a mutated
// bundle, and accept nothing that was changed where the signature covers.
func FuzzOpenArchive(f *testing.F) {
	archive, _ := seedBundle(f)
	f.Add(archive)
	f.Add(archive[:len(archive)/2])
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Fuzz(func(t *testing.T, b []byte) {
		bb, err := openZip(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		for _, f := range bb.m.Files {
			if bb.files[f.Path] == nil {
				t.Fatalf("opened, but %s is missing", f.Path)
			}
		}
	})
}
