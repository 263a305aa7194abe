// Package contact is the contact card that family members exchange to
// share with each other: a name, an age recipient to encrypt to, an Ed25519
// key that checks their signatures, and a short fingerprint that two people
// can read aloud to each other to be sure the card is the real one.
//
// A card is plain text, so it travels by copy and paste, in a file or as a
// QR code:
//
//	immivault contact card v1
//	name: Ana Morales
//	recipient: age1pq1...
//	signing-key: ed25519:q2Vq...
//	fingerprint: 7K2M-QX9D-4HBT-W0ZA
//
// # Security
//
// A card says nothing about who made it: only comparing the fingerprint in
// person or by phone does. The fingerprint covers the recipient and the
// signing key, not the name, which each side may write as it likes.
package contact

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"filippo.io/age"
)

// Header is a card's first line.
const Header = "immivault contact card v1"

// MaxCardSize bounds a card: a post-quantum recipient is about 2,000
// characters; the rest is short.
const MaxCardSize = 8 << 10

// MaxNameLen bounds a card's name, in bytes.
const MaxNameLen = 200

// A Card is one person's public keys.
type Card struct {
	Name       string
	Recipient  string            // "age1pq1..." (or a classic "age1...")
	SigningKey ed25519.PublicKey // checks the bundles they sign
}

// Classic reports whether the card's recipient is a classic X25519 one.
// age will not mix it with post-quantum recipients in one file: a bundle for
// such a contact is made for them alone.
func (c Card) Classic() bool { return !strings.HasPrefix(c.Recipient, "age1pq1") }

// AgeRecipient parses the card's recipient.
func (c Card) AgeRecipient() (age.Recipient, error) {
	if c.Classic() {
		return age.ParseX25519Recipient(c.Recipient)
	}
	return age.ParseHybridRecipient(c.Recipient)
}

// fingerprintAlphabet is Crockford's base32: no I, L, O or U, so nothing is
// misread aloud or on paper.
var fingerprintAlphabet = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// Fingerprint is 80 bits of a hash of the recipient and the signing key, as
// four groups of four characters: 7K2M-QX9D-4HBT-W0ZA.
func (c Card) Fingerprint() string {
	h := sha256.New()
	h.Write([]byte("immivault contact fingerprint v1\x00"))
	h.Write([]byte(c.Recipient))
	h.Write([]byte{0})
	h.Write(c.SigningKey)
	s := fingerprintAlphabet.EncodeToString(h.Sum(nil)[:10])
	return s[0:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

// SameKeys reports whether two cards hold the same keys, whatever their names.
func (c Card) SameKeys(o Card) bool {
	return c.Recipient == o.Recipient && bytes.Equal(c.SigningKey, o.SigningKey)
}

// Marshal writes the card as text.
func (c Card) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString(Header + "\n")
	b.WriteString("name: " + c.Name + "\n")
	b.WriteString("recipient: " + c.Recipient + "\n")
	b.WriteString("signing-key: ed25519:" + base64.RawStdEncoding.EncodeToString(c.SigningKey) + "\n")
	b.WriteString("fingerprint: " + c.Fingerprint() + "\n")
	return b.Bytes()
}

// Parse reads a card as Marshal writes it, forgiving what copy and paste
// and mail do to text: surrounding blank lines and spaces, CRLF, a recipient
// broken over several lines. A fingerprint line, if present, must match:
// it catches a card damaged on the way.
func Parse(text []byte) (Card, error) {
	if len(text) > MaxCardSize {
		return Card{}, fmt.Errorf("this is not a contact card: cards are at most %d KB", MaxCardSize>>10)
	}
	if !utf8.Valid(text) {
		return Card{}, errors.New("this is not a contact card: it is not text")
	}
	var lines []string
	for l := range strings.Lines(string(text)) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 || lines[0] != Header {
		return Card{}, errors.New("this is not a contact card: it does not start with “" + Header + "”")
	}
	fields := map[string]string{}
	last := ""
	for _, l := range lines[1:] {
		key, value, ok := strings.Cut(l, ":")
		switch key = strings.TrimSpace(key); {
		case ok && (key == "name" || key == "recipient" || key == "signing-key" || key == "fingerprint"):
			if _, dup := fields[key]; dup {
				return Card{}, fmt.Errorf("this contact card has two %q lines", key)
			}
			fields[key] = strings.TrimSpace(value)
			last = key
		case last == "recipient" && !strings.ContainsAny(l, ": "):
			fields["recipient"] += l // a long recipient wrapped by a mail program
		default:
			return Card{}, fmt.Errorf("this contact card has a line it does not expect: %.40q", l)
		}
	}
	c := Card{Name: fields["name"], Recipient: fields["recipient"]}
	switch {
	case c.Name == "" || len(c.Name) > MaxNameLen:
		return Card{}, fmt.Errorf("a contact card needs a name of 1 to %d characters", MaxNameLen)
	case strings.ContainsFunc(c.Name, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return Card{}, errors.New("a contact card's name cannot hold control characters")
	}
	if _, err := c.AgeRecipient(); err != nil {
		return Card{}, errors.New("this contact card's recipient is not an age recipient (age1pq1... or age1...)")
	}
	key, ok := strings.CutPrefix(fields["signing-key"], "ed25519:")
	raw, err := base64.RawStdEncoding.DecodeString(key)
	if !ok || err != nil || len(raw) != ed25519.PublicKeySize {
		return Card{}, errors.New("this contact card's signing key is not an Ed25519 key (ed25519:...)")
	}
	c.SigningKey = raw
	if f, ok := fields["fingerprint"]; ok && !strings.EqualFold(f, c.Fingerprint()) {
		return Card{}, errors.New("this contact card's fingerprint does not match its keys: it was changed or damaged on the way")
	}
	return c, nil
}
