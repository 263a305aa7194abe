package vault

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"path/filepath"

	"filippo.io/age"

	"immivault/internal/atomicfile"
	"immivault/internal/secret"
)

// signingFile holds the vault's Ed25519 signing key (its 32-byte seed),
// encrypted to the vault's own recipient: whoever can open the vault can
// sign as it, and nobody else.
const signingFile = "signing.age"

// SigningKey returns the vault's signing key seed. Vaults made before
// family sharing get one the first time it is asked for.
func (v *Vault) SigningKey() (*secret.Secret, error) {
	if v.signing != nil {
		return v.signing, nil
	}
	id, err := v.decrypter()
	if err != nil {
		return nil, err
	}
	seed, err := readSigningKey(v.dir, id)
	if errors.Is(err, os.ErrNotExist) {
		lock, lerr := acquireLock(v)
		if lerr != nil {
			return nil, lerr
		}
		defer lock.Unlock()
		// Another process may have made it while we waited for the lock.
		if seed, err = readSigningKey(v.dir, id); errors.Is(err, os.ErrNotExist) {
			seed, err = v.newSigningKey()
		}
	}
	if err != nil {
		return nil, err
	}
	v.signing = seed
	return seed, nil
}

func (v *Vault) newSigningKey() (*secret.Secret, error) {
	b := make([]byte, ed25519.SeedSize)
	rand.Read(b)
	seed := secret.New(b)
	err := atomicfile.Write(filepath.Join(v.dir, signingFile), 0o600, func(w io.Writer) error {
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

func readSigningKey(dir string, id age.Identity) (*secret.Secret, error) {
	f, err := os.Open(filepath.Join(dir, signingFile))
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
	return secret.New(buf[:n]), nil
}

// SigningPublicKey is the key that checks the vault's signatures.
func (v *Vault) SigningPublicKey() (ed25519.PublicKey, error) {
	var pub ed25519.PublicKey
	err := v.withSigner(func(priv ed25519.PrivateKey) {
		pub = append(ed25519.PublicKey(nil), priv.Public().(ed25519.PublicKey)...)
	})
	return pub, err
}

// Sign signs msg with the vault's signing key.
func (v *Vault) Sign(msg []byte) ([]byte, error) {
	var sig []byte
	err := v.withSigner(func(priv ed25519.PrivateKey) { sig = ed25519.Sign(priv, msg) })
	return sig, err
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
