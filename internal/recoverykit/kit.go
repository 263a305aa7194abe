// Package recoverykit makes the recovery kit that a person keeps when they
// create a vault: the vault's recovery key, what it is for, where the vault
// is and when it was made, as a plain text file ([Kit.WriteText]) and as a
// one-page PDF to print ([Kit.WritePDF]). The recovery key is shown only
// once, at creation, and is never stored; this kit is the person's copy.
//
// # The text file
//
// The text file is an age identity file: every line but the key is a
// comment ("# ..."), so that `age -d -i FILE recovery.age` works on it
// as it is (see docs/adr/0003-post-quantum-keys-and-recovery.md).
//
// # The page
//
// The page prints the key in a monospace font, the part before the Bech32
// separator ("AGE-SECRET-KEY-PQ-1") on a line of its own and the rest in
// groups of four characters. The spaces and line breaks are for reading
// only: the text layer holds the exact key once they are removed. Beside it
// is a QR code of the exact key, at error correction level H, so that a
// creased or stained page still scans.
//
// The sentences come from the caller, translated, in a [Text]. The PDF uses
// the standard PDF fonts, which show the characters of Windows-1252 (the
// languages of western Europe, Spanish included); any other character is
// printed as a dot.
//
// # Copies of the key
//
// The key enters only through [secret.Secret.Use]. The text file is written
// straight from the locked buffer that Use lends. The PDF cannot be: the QR
// encoder (github.com/skip2/go-qrcode) and the PDF writer
// (github.com/go-pdf/fpdf) take the key as Go strings and keep their own
// copies (the string, its QR bits, the page's content stream, the finished
// file) in ordinary memory, unwiped until the garbage collector reuses it.
// The scratch slices this package makes are wiped. What the caller does with
// the bytes written to it (a file, a print job) is beyond this package.
package recoverykit

import (
	"errors"
	"fmt"
	"time"

	"immivault/internal/secret"
)

// Text holds the kit's sentences, translated by the caller. Labels are
// printed followed by ": " and their value.
type Text struct {
	Title        string // the page's heading and the text file's first line
	Intro        string // what the key is for and where to keep it
	KeyHeading   string // the heading above the key
	Whitespace   string // that spaces and line breaks are not part of the key (page only)
	QRCaption    string // what the QR code holds (page only)
	Warning      string // that whoever holds the kit can open the vault
	VaultLabel   string // labels the vault's folder
	CreatedLabel string // labels the vault's creation date
}

// English returns the kit's sentences in English.
func English() Text {
	return Text{
		Title: "immivault recovery kit",
		Intro: "This is the recovery key of your immivault vault. If you forget your passphrase, " +
			"the recovery key is the only way back in: with it you can choose a new passphrase. " +
			"Keep it somewhere safe, away from your computer, for example with your passports.",
		KeyHeading: "Recovery key",
		Whitespace: "The spaces and line breaks only make the key easier to read: they are not part of it.",
		QRCaption:  "This code holds the same key, to scan instead of typing it.",
		Warning: "Anyone who has this key can open the vault and read everything in it, " +
			"without your passphrase. Do not share it, photograph it or store it online.",
		VaultLabel:   "Vault",
		CreatedLabel: "Created",
	}
}

// Kit is one vault's recovery kit.
type Kit struct {
	Key      *secret.Secret // the recovery key, as vault.Create returns it
	VaultDir string         // the vault's folder, printed as given
	Created  time.Time      // when the vault was made; its date, in its own time zone, is printed
	Text     Text
}

// maxKeyLen bounds the key so that its lines and its QR code fit the page.
// An age recovery key has 77 characters.
const maxKeyLen = 128

var (
	errNoKey    = errors.New("there is no recovery key to write")
	errLongKey  = fmt.Errorf("a recovery key has at most %d characters", maxKeyLen)
	errKeyChars = errors.New("a recovery key has only letters, digits and punctuation, without spaces")
)

// checkKey refuses what cannot be printed and typed back exactly. Its
// errors never quote the key.
func checkKey(key []byte) error {
	switch {
	case len(key) == 0:
		return errNoKey
	case len(key) > maxKeyLen:
		return errLongKey
	}
	for _, c := range key {
		if c <= ' ' || c > '~' {
			return errKeyChars
		}
	}
	return nil
}

// date is how the kit prints the creation date: ISO 8601, read the same in
// every language.
func (k Kit) date() string { return k.Created.Format(time.DateOnly) }
