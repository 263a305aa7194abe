package vault

import (
	"crypto"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSharedVersions: the merge base survives a save and a reopen, stays
// bounded, and a change that fails leaves it as it was.
func TestSharedVersions(t *testing.T) {
	v, dir := newVault(t)
	base := time.Date(2026, 1, 2, 3, 4, 5, 6e6, time.UTC)
	err := v.Update(func(ix *Index) error {
		for i := range MaxSharedVersions + 3 {
			if !ix.AddSharedVersions("abcdefghijklmnop", base.Add(time.Duration(i)*time.Second)) {
				t.Error("a new version was not added")
			}
		}
		if ix.AddSharedVersions("abcdefghijklmnop", base.Add(5*time.Second)) {
			t.Error("a version already there was added again")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	got := v2.Index().SharedVersions("abcdefghijklmnop")
	if len(got) != MaxSharedVersions || !got[0].Equal(base.Add(3*time.Second)) || !slices.IsSortedFunc(got, time.Time.Compare) {
		t.Fatalf("after a reopen: %v", got)
	}
	v2.Update(func(ix *Index) error {
		ix.AddSharedVersions("abcdefghijklmnop", base.Add(time.Hour))
		return errString("refused")
	})
	if len(v2.Index().SharedVersions("abcdefghijklmnop")) != MaxSharedVersions || v2.Index().SharedVersions("abcdefghijklmnop")[MaxSharedVersions-1].Equal(base.Add(time.Hour)) {
		t.Fatal("a failed change left a shared version behind")
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// TestIndexWithoutSyncedStillLoads: an index written before family sharing
// has no "synced" field, and one that never shared writes none.
func TestIndexWithoutSyncedStillLoads(t *testing.T) {
	var buf strings.Builder
	if err := writeIndex(&buf, &Index{}, hmac.New(sha256.New, nil)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "synced") {
		t.Fatal("an index that never shared writes a synced field")
	}
	ix, err := readIndex([]byte(buf.String()))
	if err != nil || ix.Synced != nil {
		t.Fatalf("%v %v", ix, err)
	}
}

// TestSignDigest: the signature is standard Ed25519ph with a context.
func TestSignDigest(t *testing.T) {
	v, _ := newVault(t)
	digest := sha512.Sum512([]byte("manifest"))
	sig, err := v.SignDigest(digest[:], "ctx")
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := v.SigningPublicKey()
	if ed25519.VerifyWithOptions(pub, digest[:], sig, &ed25519.Options{Hash: crypto.SHA512, Context: "ctx"}) != nil {
		t.Fatal("the signature does not verify")
	}
	if ed25519.VerifyWithOptions(pub, digest[:], sig, &ed25519.Options{Hash: crypto.SHA512, Context: "other"}) == nil {
		t.Fatal("the context is not bound")
	}
	if _, err := v.SignDigest([]byte("short"), "ctx"); err == nil {
		t.Fatal("signed something that is not a digest")
	}
}
