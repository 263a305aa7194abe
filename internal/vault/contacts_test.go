package vault

import (
	"crypto"
	"crypto/ed25519"
	"crypto/sha512"
	"os"
	"path/filepath"
	"testing"

	"immivault/internal/contact"
)

func TestSigningKeyIsMadeOnceAndKept(t *testing.T) {
	v, dir := newVault(t)
	pub, err := v.SigningPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	digest := sha512.Sum512([]byte("manifest"))
	sig, err := v.SignDigest(digest[:], "test")
	if err != nil || ed25519.VerifyWithOptions(pub, digest[:], sig, &ed25519.Options{Hash: crypto.SHA512, Context: "test"}) != nil {
		t.Fatalf("signature does not verify: %v", err)
	}
	again, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if pub2, _ := again.SigningPublicKey(); !pub.Equal(pub2) {
		t.Error("the signing key changed on reopening")
	}

	// Once the index names the key, a missing signing.age is damage: a
	// new key would silently change the owner's fingerprint.
	os.Remove(filepath.Join(dir, signingFile))
	old, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.SigningPublicKey(); err == nil {
		t.Fatal("a missing signing.age was replaced by a new key")
	}
	rep, err := old.Verify()
	if err != nil || len(rep.Problems) != 1 || rep.Problems[0].File != signingFile {
		t.Errorf("verify: %v %v", err, rep)
	}
}

func TestContacts(t *testing.T) {
	a, _ := newVault(t)
	b, _ := newVault(t)
	cardB, err := b.Card("Luis")
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := contact.Parse(cardB.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	err = a.Update(func(ix *Index) error {
		if _, err := ix.AddContact("", parsed); err != nil {
			return err
		}
		if _, err := ix.AddContact("Luis again", parsed); err == nil {
			t.Error("the same keys were added twice")
		}
		if err := ix.RenameContact("luis", "Luis Morales"); err != nil {
			return err
		}
		return ix.VerifyContact(cardB.Fingerprint())
	})
	if err != nil {
		t.Fatal(err)
	}
	reopened, err := Open(a.Dir(), pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	c, err := reopened.Index().Contact("Luis Morales")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Verified || !c.Card().SameKeys(cardB) || c.Card().Fingerprint() != cardB.Fingerprint() {
		t.Errorf("contact after reopening: %+v", c)
	}
	if err := a.Update(func(ix *Index) error { return ix.RemoveContact("Luis Morales") }); err != nil {
		t.Fatal(err)
	}
	if len(a.Index().Contacts) != 0 {
		t.Error("contact not removed")
	}
}
