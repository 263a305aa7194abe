package vault

import (
	"crypto"
	"crypto/ed25519"
	"errors"
	"slices"
	"time"

	"filippo.io/age"

	"immivault/internal/secret"
)

// MaxSharedVersions bounds how many shared versions the index remembers per
// record. Forgetting an old one can only turn a later merge into a
// conflict that keeps both versions, never lose one.
const MaxSharedVersions = 16

// SharedVersions is what Index.Synced says about a record: the Updated
// times of its versions that this vault sent in a bundle or received from
// one, oldest first. Each is this vault's current version or an ancestor
// of it.
func (ix *Index) SharedVersions(id string) []time.Time { return ix.Synced[id] }

// AddSharedVersions records versions of a record as shared, keeping the
// newest MaxSharedVersions, and reports whether anything was new.
func (ix *Index) AddSharedVersions(id string, versions ...time.Time) bool {
	have := ix.Synced[id]
	changed := false
	for _, t := range versions {
		t = t.UTC()
		if t.IsZero() || slices.ContainsFunc(have, t.Equal) {
			continue
		}
		have = append(slices.Clone(have), t)
		changed = true
	}
	if !changed {
		return false
	}
	slices.SortFunc(have, time.Time.Compare)
	if len(have) > MaxSharedVersions {
		have = have[len(have)-MaxSharedVersions:]
	}
	if ix.Synced == nil {
		ix.Synced = map[string][]time.Time{}
	}
	ix.Synced[id] = have
	return true
}

// Decrypter is the vault identity as an age identity, for opening files
// encrypted to the vault's recipient (bundles from family members).
func (v *Vault) Decrypter() (age.Identity, error) { return v.decrypter() }

// SignDigest makes an Ed25519ph signature (RFC 8032: Ed25519 over a
// SHA-512 digest, with a context string) with the vault's signing key. It
// signs a large message, such as a bundle's manifest, that is streamed
// rather than held in memory.
func (v *Vault) SignDigest(sha512Digest []byte, context string) ([]byte, error) {
	if len(sha512Digest) != 64 {
		return nil, errors.New("SignDigest needs a SHA-512 digest")
	}
	var sig []byte
	var serr error
	err := v.withSigner(func(priv ed25519.PrivateKey) {
		sig, serr = priv.Sign(nil, sha512Digest, &ed25519.Options{Hash: crypto.SHA512, Context: context})
	})
	if err != nil {
		return nil, err
	}
	return sig, serr
}

// PassphraseRecipient encrypts to a passphrase with age's scrypt stanza at
// work factor log2(N) = logN, reading the passphrase from the Secret only
// while deriving the key. age requires it to be a file's only recipient.
func PassphraseRecipient(pass *secret.Secret, logN int) age.Recipient {
	return &passphraseRecipient{pass: pass, logN: logN}
}

// PassphraseIdentity opens a file encrypted to a passphrase (age's scrypt
// stanza), refusing work factors above 2^22.
func PassphraseIdentity(pass *secret.Secret) age.Identity {
	return &passphraseIdentity{pass: pass}
}
