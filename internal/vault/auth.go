package vault

import (
	"bytes"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"

	"immivault/internal/secret"
)

// Every vault file is encrypted to the vault's public recipient, which is on
// the owner's contact card: encryption alone does not prove that the owner
// wrote a file. Anyone who can write to the vault folder could plant an
// index.age, a generation or a signing.age of their own. So every index
// file carries an HMAC-SHA256 under a key derived from the vault identity
// (which only the owner has), and the index in turn vouches for the rest:
// each blob by its SHA-256, recovery.age by its SHA-256, signing.age by its
// public key. See docs/adr/0010-authenticated-vault-and-key-change.md.

// identityMarker is the first line of identity.age and recovery.age in a
// vault whose index files must all be authenticated. It is a comment to
// age, so the stock CLI still takes the file as an identity file. A vault
// made before authentication (format v1) has no marker until it is
// upgraded; the marker cannot be removed without the passphrase, so
// planting unauthenticated files does not turn an upgraded vault back.
const identityMarker = "# " + Format

// authInfo separates the index authentication key from any other key that
// may one day be derived from the identity.
const authInfo = "immivault-vault/v2 index authentication"

// authSuffix is how an authenticated index file ends: `,"auth":"<64 hex>"}`
// and a newline. The HMAC covers every byte before the comma.
const (
	authOpen   = `,"auth":"`
	authClose  = `"}`
	authSuffix = len(authOpen) + 2*sha256.Size + len(authClose)
)

// errNotAuthentic is why an index file that a vault did not write is refused.
var errNotAuthentic = errors.New("it was not written with this vault's key (replaced or planted?)")

// errUnauthenticated refuses an index file without an HMAC in a vault whose
// files must have one.
var errUnauthenticated = errors.New("it carries no authentication code, which every index of this vault has (replaced or planted?)")

// deriveAuthKey derives the index authentication key from the identity.
func deriveAuthKey(identity *secret.Secret) (*secret.Secret, error) {
	var key []byte
	err := identity.Use(func(b []byte) error {
		var err error
		key, err = hkdf.Key(sha256.New, b, nil, authInfo, sha256.Size)
		return err
	})
	if err != nil {
		return nil, err
	}
	return secret.New(key), nil
}

// newMAC is an HMAC under the vault's authentication key. The key is copied
// into the HMAC's state, which the garbage collector frees unwiped: a cost
// accepted like age's own copies of keys (docs/adr/0002-secrets-in-memory.md).
func (v *Vault) newMAC() (hash.Hash, error) {
	if v.authKey == nil {
		return nil, errors.New("the vault is locked")
	}
	var mac hash.Hash
	err := v.authKey.Use(func(k []byte) error {
		mac = hmac.New(sha256.New, k)
		return nil
	})
	return mac, err
}

// writeAuth ends an index file: the HMAC of everything written so far.
func writeAuth(w io.Writer, mac hash.Hash) error {
	_, err := io.WriteString(w, authOpen+hex.EncodeToString(mac.Sum(nil))+authClose+"\n")
	return err
}

// checkAuth checks the HMAC at the end of an index file's plaintext b. An
// index without one is accepted only when the vault is not yet upgraded.
func (v *Vault) checkAuth(b []byte) error {
	body, sum, ok := splitAuth(b)
	if !ok {
		if v.legacy {
			return nil
		}
		return errUnauthenticated
	}
	mac, err := v.newMAC()
	if err != nil {
		return err
	}
	mac.Write(body)
	if !hmac.Equal(mac.Sum(nil), sum) {
		return errNotAuthentic
	}
	return nil
}

// splitAuth parses the authentication suffix off an index file's plaintext.
func splitAuth(b []byte) (body, sum []byte, ok bool) {
	b = bytes.TrimSuffix(b, []byte("\n"))
	if len(b) < authSuffix {
		return nil, nil, false
	}
	tail := b[len(b)-authSuffix:]
	if !bytes.HasPrefix(tail, []byte(authOpen)) || !bytes.HasSuffix(tail, []byte(authClose)) {
		return nil, nil, false
	}
	hexSum := tail[len(authOpen) : len(tail)-len(authClose)]
	sum = make([]byte, sha256.Size)
	if _, err := hex.Decode(sum, hexSum); err != nil {
		return nil, nil, false
	}
	return b[:len(b)-authSuffix], sum, true
}
