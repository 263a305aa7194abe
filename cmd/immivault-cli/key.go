package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/skip2/go-qrcode"
	"golang.org/x/term"

	"immivault/internal/contact"
	"immivault/internal/vault"
)

// key prints the owner's contact card, the text a family member adds with
// `family add`. Cards are public: printing one reveals nothing.
func (c *cli) key(args []string) error {
	fs := c.flags()
	name := fs.String("name", "", "the `NAME` on the card, remembered for next time (default: the name remembered, else the person whose relation is self)")
	qr := fs.Bool("qr", false, "also draw the card as a QR code, for a phone to scan")
	return c.withVaultArgs(fs, args, 0, func(v *vault.Vault, _ []string) error {
		owner := strings.TrimSpace(*name)
		if owner == "" {
			var err error
			if owner, err = ownerCardName(v.Index()); err != nil {
				return err
			}
		}
		card, err := v.Card(owner)
		if err != nil {
			return err
		}
		text := card.Marshal()
		// A card that does not read back (a name too long, or with control
		// characters) is one nobody could add.
		if _, err := contact.Parse(text); err != nil {
			return err
		}
		if owner != v.Index().CardName && *name != "" {
			if err := v.Update(func(ix *vault.Index) error { _, err := ix.SetCardName(owner); return err }); err != nil {
				return err
			}
			fmt.Fprintf(c.stderr, "note: %q is now the name on your card, for key and export without --name\n", displayable(owner))
		}
		if _, err := c.stdout.Write(text); err != nil {
			return err
		}
		if *qr {
			return c.writeQR(text)
		}
		return nil
	})
}

// ownerCardName is the name on the owner's card when no --name is given:
// the one `key --name` remembered, else the person whose relation is self.
func ownerCardName(ix *vault.Index) (string, error) {
	name, err := ix.OwnerCardName()
	var owner *vault.OwnerError
	switch {
	case !errors.As(err, &owner):
		return name, err
	case owner.Selves == 0:
		return "", errors.New(`no one in this vault has the relation self, so the card has no name: give one with --name, e.g. --name "Ana García" (key remembers it)`)
	}
	return "", fmt.Errorf("%d people in this vault have the relation self: choose the name on the card with --name (key remembers it)", owner.Selves)
}

// writeQR draws a card as a QR code in the terminal. A card is at most
// about 2,300 bytes (a post-quantum recipient of about 1,960 characters and
// a name of at most contact.MaxNameLen bytes): that fits version 40 at the
// Medium level, so no card needs Low (TestHalfBlocksQRDecodes).
func (c *cli) writeQR(text []byte) error {
	code, err := qrcode.New(string(text), qrcode.Medium)
	if err != nil {
		return fmt.Errorf("failed to draw the card as a QR code: %w", err)
	}
	modules := code.Bitmap()
	lines := halfBlocks(modules)
	start, end := "", ""
	if f, ok := c.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		// Scanners look for dark modules on a light ground: paint both,
		// whatever the terminal's own colours are.
		if os.Getenv("NO_COLOR") == "" {
			if restore, ok := enableColors(f); ok {
				defer restore()
				start, end = "\x1b[30;107m", "\x1b[0m"
			}
		}
		if w, h, err := term.GetSize(int(f.Fd())); err == nil && (w < len(modules) || h < len(lines)) {
			fmt.Fprintf(c.stderr, "warning: the QR code needs a window %d characters wide and %d lines high (this one is %d by %d): enlarge it or make the font smaller before scanning\n",
				len(modules), len(lines), w, h)
		}
	}
	var b strings.Builder
	b.WriteString("\n")
	for _, l := range lines {
		b.WriteString(start + l + end + "\n")
	}
	_, err = io.WriteString(c.stdout, b.String())
	return err
}

// halfBlocks draws QR code modules (true is dark) as lines of text, two
// rows of modules to a line: ▀ is a dark module above a light one, ▄ the
// reverse, █ two dark ones. Dark modules are the ink, so the code reads as
// it should wherever text is dark on light. A character cell is about
// twice as high as wide, so the modules come out square.
func halfBlocks(modules [][]bool) []string {
	lines := make([]string, 0, (len(modules)+1)/2)
	for y := 0; y < len(modules); y += 2 {
		var b strings.Builder
		for x, top := range modules[y] {
			bottom := y+1 < len(modules) && modules[y+1][x]
			switch {
			case top && bottom:
				b.WriteRune('█')
			case top:
				b.WriteRune('▀')
			case bottom:
				b.WriteRune('▄')
			default:
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	return lines
}
