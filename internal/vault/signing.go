package vault

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"filippo.io/age"

	"immivault/internal/atomicfile"
	"immivault/internal/secret"
)

// signingFile holds the vault's Ed25519 signing key (its 32-byte seed),
// encrypted to the vault's own recipient: whoever can open the vault can
// sign as it, and nobody else. Since anyone with the recipient could
// encrypt a key of their own to it, the authenticated index records the
// key's public half and a signing.age that does not match it is refused.
const signingFile = "signing.age"

// errSigningReplaced refuses a signing.age that is not the key the index names.
var errSigningReplaced = errors.New("it is not the signing key this vault's index names (replaced or planted?)")

// SigningKey returns the vault's signing key seed. Vaults made before
// family sharing get one the first time it is asked for; vaults made before
// the index recorded the key's public half get it recorded then.
func (v *Vault) SigningKey() (*secret.Secret, error) {
	if v.signing != nil {
		return v.signing, nil
	}
	if v.index == nil {
		return nil, errors.New("the vault is locked")
	}
	seed, err := v.readSigningKey()
	if err == nil && v.index.SigningPublicKey != "" {
		v.signing = seed
		return seed, nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	lock, err := v.lockFresh()
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	// Another process may have made or recorded it while we waited.
	seed, err = v.readSigningKey()
	switch {
	case errors.Is(err, fs.ErrNotExist) && v.index.SigningPublicKey != "":
		return nil, damaged(signingFile, errors.New("it is missing, and the index names a signing key"))
	case errors.Is(err, fs.ErrNotExist):
		seed, err = v.writeSigningKey(filepath.Join(v.dir, signingFile), nil)
	}
	if err != nil {
		return nil, err
	}
	if err := v.recordSigningKey(seed); err != nil {
		return nil, err
	}
	v.signing = seed
	return seed, nil
}

// recordSigningKey puts seed's public half into the index if it is not
// there yet. The caller holds the write lock.
func (v *Vault) recordSigningKey(seed *secret.Secret) error {
	if v.index.SigningPublicKey != "" {
		return nil
	}
	pub, err := signingPublicKey(seed)
	if err != nil {
		return err
	}
	return v.updateLocked(func(ix *Index) error {
		ix.SigningPublicKey = pub
		return nil
	})
}

// writeSigningKey stores seed (a new random one if nil), encrypted to the
// vault's recipient, at path.
func (v *Vault) writeSigningKey(path string, seed *secret.Secret) (*secret.Secret, error) {
	if seed == nil {
		b := make([]byte, ed25519.SeedSize)
		rand.Read(b)
		seed = secret.New(b)
	}
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		aw, err := age.Encrypt(w, v.recipient)
		if err != nil {
			return err
		}
		if err := seed.Use(func(b []byte) error { _, err := aw.Write(b); return err }); err != nil {
			return err
		}
		return aw.Close()
	})
	if err != nil {
		return nil, err
	}
	return seed, nil
}

// readSigningKey reads signing.age and checks it against the public key the
// index records, when it records one.
func (v *Vault) readSigningKey() (*secret.Secret, error) {
	id, err := v.decrypter()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(current(v.dir, signingFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := age.Decrypt(io.LimitReader(f, 64<<10), id)
	if err != nil {
		return nil, damaged(signingFile, err)
	}
	buf := make([]byte, ed25519.SeedSize+1)
	n, err := io.ReadFull(r, buf)
	if err != io.ErrUnexpectedEOF || n != ed25519.SeedSize {
		clear(buf)
		return nil, damaged(signingFile, errors.New("it does not hold a signing key"))
	}
	seed := secret.New(buf[:n])
	if want := v.index.SigningPublicKey; want != "" {
		got, err := signingPublicKey(seed)
		if err != nil {
			return nil, err
		}
		if got != want {
			return nil, damaged(signingFile, errSigningReplaced)
		}
	}
	return seed, nil
}

// signingPublicKey is the base64 public key of a signing key seed.
func signingPublicKey(seed *secret.Secret) (string, error) {
	var pub string
	err := seed.Use(func(b []byte) error {
		priv := ed25519.NewKeyFromSeed(b)
		defer clear(priv)
		pub = base64.StdEncoding.EncodeToString(priv.Public().(ed25519.PublicKey))
		return nil
	})
	return pub, err
}

// SigningPublicKey is the key that checks the vault's signatures.
func (v *Vault) SigningPublicKey() (ed25519.PublicKey, error) {
	var pub ed25519.PublicKey
	err := v.withSigner(func(priv ed25519.PrivateKey) {
		pub = append(ed25519.PublicKey(nil), priv.Public().(ed25519.PublicKey)...)
	})
	return pub, err
}

// withSigner expands the seed into a private key for one call and wipes it.
func (v *Vault) withSigner(f func(ed25519.PrivateKey)) error {
	seed, err := v.SigningKey()
	if err != nil {
		return err
	}
	return seed.Use(func(b []byte) error {
		priv := ed25519.NewKeyFromSeed(b)
		defer clear(priv)
		f(priv)
		return nil
	})
}
