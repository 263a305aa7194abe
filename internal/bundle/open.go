package bundle

import (
	"archive/zip"
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"filippo.io/age"
	"filippo.io/age/armor"

	"immivault/internal/contact"
	"immivault/internal/filename"
	"immivault/internal/vault"
)

// ErrNotAddressed is the error for a bundle encrypted to other people.
var ErrNotAddressed = errors.New("this bundle is not addressed to this vault: it was encrypted to other people (ask the sender to export it to you)")

// ErrPassphrase is the error for a passphrase bundle opened without its
// passphrase, or with a wrong one.
var ErrPassphrase = errors.New("this bundle is protected by a passphrase, and none was given or it is wrong")

// ErrDamaged is the error for a bundle changed on the way: a flipped byte
// anywhere, a file that does not match the manifest, a bad signature.
var ErrDamaged = errors.New("this bundle is damaged or was changed after it was made")

// A Bundle is a verified bundle, open for Preview and Apply.
type Bundle struct {
	plain   io.ReaderAt
	files   map[string]*zip.File
	m       *manifest
	sender  contact.Card
	trusted bool
}

// Sender is the card of the vault that signed the bundle.
func (b *Bundle) Sender() contact.Card { return b.sender }

// Created is when the bundle was made, by the sender's clock.
func (b *Bundle) Created() time.Time { return b.m.Created }

// Passphrase reports whether the bundle was encrypted to a passphrase.
func (b *Bundle) Passphrase() bool { return b.m.Passphrase }

// AddressedTo is whom the sender says they encrypted the bundle to.
func (b *Bundle) AddressedTo() []Addressee { return slices.Clone(b.m.To) }

// AddressedToCard reports whether the manifest names card among its
// addressees; a bundle that opens but does not was passed on by someone.
func (b *Bundle) AddressedToCard(card contact.Card) bool {
	fp := card.Fingerprint()
	return slices.ContainsFunc(b.m.To, func(a Addressee) bool { return a.Fingerprint == fp })
}

// FromVault reports whether v's own keys signed the bundle: the person
// importing it made it (on this vault, or a copy of it).
func (b *Bundle) FromVault(v *vault.Vault) bool {
	pub, err := v.SigningPublicKey()
	return err == nil && b.sender.SameKeys(contact.Card{Recipient: v.Recipient(), SigningKey: pub})
}

// PassedOn reports whether the bundle reached v without being made for
// it: encrypted to people (not a passphrase), not by v, and v's card is
// not among the addressees the sender named. It opened, so someone it was
// made for, or the sender, handed it on.
func (b *Bundle) PassedOn(v *vault.Vault) bool {
	if b.m.Passphrase || b.FromVault(v) {
		return false
	}
	me, err := v.Card("")
	return err == nil && !b.AddressedToCard(me)
}

// KnownSender finds the family contact whose keys signed the bundle: both
// the signing key and the age recipient must match.
func (b *Bundle) KnownSender(ix *vault.Index) (*vault.Contact, bool) {
	for _, c := range ix.Contacts {
		if c.Card().SameKeys(b.sender) {
			return c, true
		}
	}
	return nil, false
}

// ClaimedSender finds a family contact the sender looks like without
// being: the same name, or one of the two keys, but not both keys.
func (b *Bundle) ClaimedSender(ix *vault.Index) (*vault.Contact, bool) {
	if _, ok := b.KnownSender(ix); ok {
		return nil, false
	}
	for _, c := range ix.Contacts {
		if strings.EqualFold(strings.TrimSpace(c.Name), strings.TrimSpace(b.sender.Name)) ||
			c.Recipient == b.sender.Recipient || bytes.Equal(c.SigningKey, b.sender.SigningKey) {
			return c, true
		}
	}
	return nil, false
}

// Trust accepts the bundle's sender for Apply although they are not in
// the family list, once the user has compared the fingerprint and typed
// it: it must be the sender's, read as a person types it (any case, dashes
// and spaces optional, O for 0, I and L for 1).
func (b *Bundle) Trust(fingerprint string) error {
	if fingerprint == "" || NormalizeFingerprint(fingerprint) != NormalizeFingerprint(b.sender.Fingerprint()) {
		return fmt.Errorf("the fingerprint given is not the sender's: this bundle is signed by %q with fingerprint %s", b.sender.Name, b.sender.Fingerprint())
	}
	b.trusted = true
	return nil
}

// NormalizeFingerprint reads a fingerprint as a person may type or paste
// it: in any case, with or without dashes and spaces (and invisible
// characters a paste brings along), and with O for 0 and I or L for 1,
// which the fingerprint alphabet leaves out for that reason.
func NormalizeFingerprint(s string) string {
	return strings.Map(func(r rune) rune {
		switch r = unicode.ToUpper(r); {
		case r == '-' || unicode.IsSpace(r) || filename.Invisible(r):
			return -1
		case r == 'O':
			return '0'
		case r == 'I' || r == 'L':
			return '1'
		}
		return r
	}, s)
}

// Open verifies a bundle and returns it open for reading: r holds the age
// file (binary, or armored: detected by its first line), size its length.
// identities open it: the vault's (Vault.Decrypter) or a passphrase's
// (vault.PassphraseIdentity). Nothing is returned unless everything
// checked; see the package documentation for what that is.
func Open(r io.ReaderAt, size int64, identities ...age.Identity) (*Bundle, error) {
	if size > MaxTotalSize+maxZipOverhead+maxAgeOverhead {
		return nil, fmt.Errorf("%w: it is larger than bundles can be (%d GiB)", ErrNotBundle, MaxTotalSize>>30)
	}
	r, size, err := dearmor(r, size)
	if err != nil {
		return nil, err
	}
	plain, plainSize, err := age.DecryptReaderAt(r, size, identities...)
	if err != nil {
		return nil, decryptError(err)
	}
	if plainSize > MaxTotalSize+maxZipOverhead {
		return nil, fmt.Errorf("%w: it is larger than bundles can be (%d GiB)", ErrNotBundle, MaxTotalSize>>30)
	}
	// age authenticates each 64 KiB chunk as it is read: read them all, so
	// that a flipped byte anywhere is caught, also where no entry lies.
	if _, err := io.CopyBuffer(io.Discard, io.NewSectionReader(plain, 0, plainSize), make([]byte, 64<<10)); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	return openZip(plain, plainSize)
}

// dearmor decodes an armored bundle into memory (it was made for mail,
// and is small); a binary one is returned as it is.
func dearmor(r io.ReaderAt, size int64) (io.ReaderAt, int64, error) {
	head := make([]byte, min(size, 1100))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, 0, err
	}
	if !bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte(armor.Header)) {
		return r, size, nil
	}
	if size > MaxArmoredSize {
		return nil, 0, fmt.Errorf("%w: an armored bundle is at most %d MiB (export a larger one without --armor)", ErrNotBundle, MaxArmoredSize>>20)
	}
	bin, err := io.ReadAll(armor.NewReader(io.NewSectionReader(r, 0, size)))
	if err != nil {
		return nil, 0, fmt.Errorf("%w (its armor is broken: %v)", ErrDamaged, err)
	}
	return bytes.NewReader(bin), int64(len(bin)), nil
}

func decryptError(err error) error {
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		if slices.Contains(noMatch.StanzaTypes, "scrypt") {
			return ErrPassphrase
		}
		return ErrNotAddressed
	}
	if errors.Is(err, age.ErrIncorrectIdentity) {
		return ErrPassphrase
	}
	if strings.HasPrefix(err.Error(), "failed to read header") {
		return fmt.Errorf("%w (it is not an age file)", ErrNotBundle)
	}
	return fmt.Errorf("%w (%v)", ErrDamaged, err)
}

// openZip verifies the archive, the manifest, the signature and every file.
func openZip(plain io.ReaderAt, size int64) (*Bundle, error) {
	if err := checkDirectoryEnd(plain, size); err != nil {
		return nil, err
	}
	z, err := zip.NewReader(plain, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: it holds no valid zip archive (%v)", ErrNotBundle, err)
	}
	if len(z.File) > MaxEntries {
		return nil, fmt.Errorf("%w: its archive has more than %d entries", ErrNotBundle, MaxEntries)
	}
	files := map[string]*zip.File{}
	folded := map[string]string{}
	var total uint64
	for _, f := range z.File {
		if err := checkEntryName(f.Name); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotBundle, err)
		}
		if other, dup := folded[foldName(f.Name)]; dup {
			return nil, fmt.Errorf("%w: the archive has two entries named %.80q and %.80q", ErrNotBundle, other, f.Name)
		}
		folded[foldName(f.Name)] = f.Name
		switch {
		case f.Method != zip.Store && f.Method != zip.Deflate:
			return nil, fmt.Errorf("%w: %.80q is compressed with a method other than store or deflate", ErrNotBundle, f.Name)
		case f.Flags&0x1 != 0:
			return nil, fmt.Errorf("%w: %.80q is encrypted by zip", ErrNotBundle, f.Name)
		case f.Mode().IsDir() || !f.Mode().IsRegular():
			return nil, fmt.Errorf("%w: %.80q is not a plain file", ErrNotBundle, f.Name)
		case f.UncompressedSize64 > MaxFileSize && f.Name != manifestName:
			return nil, fmt.Errorf("%w: %.80q is larger than %d MiB", ErrNotBundle, f.Name, MaxFileSize>>20)
		}
		if total += f.UncompressedSize64; total > MaxTotalSize {
			return nil, fmt.Errorf("%w: its files add up to more than %d GiB", ErrNotBundle, MaxTotalSize>>30)
		}
		files[f.Name] = f
	}
	mf, sf := files[manifestName], files[signatureName]
	if mf == nil || sf == nil {
		return nil, fmt.Errorf("%w: it has no manifest.json or manifest.sig", ErrNotBundle)
	}
	if mf.UncompressedSize64 > MaxManifestSize {
		return nil, fmt.Errorf("%w: manifest.json is larger than %d MiB", ErrNotBundle, MaxManifestSize>>20)
	}
	sig, err := readEntry(sf, ed25519.SignatureSize)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("%w: manifest.sig is not a signature", ErrNotBundle)
	}
	raw, err := readEntry(mf, MaxManifestSize)
	defer clear(raw)
	if err != nil {
		return nil, err
	}
	m, err := parseManifest(raw)
	if err != nil {
		return nil, err
	}
	sender, _ := m.sender()
	digest := sha512.Sum512(raw)
	if ed25519.VerifyWithOptions(sender.SigningKey, digest[:], sig, &ed25519.Options{Hash: crypto.SHA512, Context: signatureContext}) != nil {
		return nil, fmt.Errorf("%w: its signature does not match its manifest", ErrDamaged)
	}
	listed := map[string]fileJSON{}
	for _, f := range m.Files {
		listed[f.Path] = f
	}
	for name, f := range files {
		if name == manifestName || name == signatureName {
			continue
		}
		want, ok := listed[name]
		if !ok {
			return nil, fmt.Errorf("%w: the archive holds %.80q, which the manifest does not list", ErrNotBundle, name)
		}
		if err := checkFile(f, want); err != nil {
			return nil, err
		}
	}
	for _, f := range m.Files {
		if files[f.Path] == nil {
			return nil, fmt.Errorf("%w: %.80q is missing from the archive", ErrDamaged, f.Path)
		}
	}
	return &Bundle{plain: plain, files: files, m: m, sender: sender}, nil
}

// checkDirectoryEnd reads the archive's end-of-directory record before
// archive/zip does, to refuse a directory of more entries than a bundle
// may have before they are read into memory, and zip64, which no bundle
// needs.
func checkDirectoryEnd(r io.ReaderAt, size int64) error {
	const eocdLen = 22
	tail := make([]byte, min(size, eocdLen+65535))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil && err != io.EOF {
		return fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	i := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if i < 0 || len(tail)-i < eocdLen {
		return fmt.Errorf("%w: it holds no zip archive", ErrNotBundle)
	}
	eocd := tail[i:]
	entries := binary.LittleEndian.Uint16(eocd[10:])
	dirSize := binary.LittleEndian.Uint32(eocd[12:])
	dirOffset := binary.LittleEndian.Uint32(eocd[16:])
	if entries == 0xffff || dirSize == 0xffffffff || dirOffset == 0xffffffff {
		return fmt.Errorf("%w: its archive is in zip64 form, which bundles never need", ErrNotBundle)
	}
	if entries > MaxEntries {
		return fmt.Errorf("%w: its archive has more than %d entries", ErrNotBundle, MaxEntries)
	}
	return nil
}

// readEntry reads a whole entry of at most max bytes.
func readEntry(f *zip.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %.80q: %v", ErrNotBundle, f.Name, err)
	}
	defer rc.Close()
	b := make([]byte, 0, min(int64(f.UncompressedSize64), max)+1)
	b, err = readAllLimited(rc, b, max)
	if err != nil {
		clear(b)
		return nil, fmt.Errorf("%w: %.80q: %v", ErrNotBundle, f.Name, err)
	}
	return b, nil
}

func readAllLimited(r io.Reader, b []byte, max int64) ([]byte, error) {
	buf := bytes.NewBuffer(b)
	n, err := io.Copy(buf, io.LimitReader(r, max+1))
	if err != nil {
		return buf.Bytes(), err
	}
	if n > max {
		return buf.Bytes(), fmt.Errorf("larger than %d bytes", max)
	}
	return buf.Bytes(), nil
}

// checkFile streams one entry through SHA-256 against the manifest.
func checkFile(f *zip.File, want fileJSON) error {
	if f.UncompressedSize64 != uint64(want.Size) {
		return fmt.Errorf("%w: %.80q is not the size the manifest says", ErrDamaged, f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %.80q: %v", ErrDamaged, f.Name, err)
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(rc, want.Size+1))
	if err != nil {
		return fmt.Errorf("%w: %.80q: %v", ErrDamaged, f.Name, err)
	}
	if n != want.Size || hexHash(h.Sum(nil)) != want.SHA256 {
		return fmt.Errorf("%w: %.80q does not match the manifest's SHA-256", ErrDamaged, f.Name)
	}
	return nil
}

// file opens a notice's file for reading; Apply streams it into a blob.
func (b *Bundle) file(path string) (io.ReadCloser, error) {
	f := b.files[path]
	if f == nil {
		return nil, fmt.Errorf("%w: %.80q is missing from the archive", ErrDamaged, path)
	}
	return f.Open()
}
