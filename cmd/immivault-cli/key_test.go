package main

import (
	"crypto/ed25519"
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"

	"filippo.io/age"
	"github.com/makiuchi-d/gozxing"
	zxqrcode "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/skip2/go-qrcode"

	"immivault/internal/contact"
)

func TestHalfBlocks(t *testing.T) {
	t.Parallel()
	// Three rows: the last line pairs the third row with a light one.
	got := halfBlocks([][]bool{
		{true, true, false, false},
		{true, false, true, false},
		{true, false, true, false},
	})
	want := []string{"█▀▄ ", "▀ ▀ "}
	if !slices.Equal(got, want) {
		t.Errorf("halfBlocks = %q, want %q", got, want)
	}
}

// TestHalfBlocksQRDecodes reads the terminal's QR code back as a phone
// would: the half blocks turned back into modules, then into an image that
// a QR reader must decode to the card, byte for byte. The largest card
// (a post-quantum key and a name of contact.MaxNameLen bytes) must fit the
// Medium level that writeQR uses.
func TestHalfBlocksQRDecodes(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Ana García", strings.Repeat("ñ", contact.MaxNameLen/2)} {
		card := testCard(t, name)
		text := string(card.Marshal())
		code, err := qrcode.New(text, qrcode.Medium)
		if err != nil {
			t.Fatalf("a card of %d bytes does not fit a QR code at Medium: %v", len(text), err)
		}
		want := code.Bitmap()
		lines := halfBlocks(want)
		got := modulesOf(t, lines)
		// An odd number of rows leaves a light one at the bottom: quiet zone.
		if len(want)%2 == 1 && !slices.Contains(got[len(got)-1], true) {
			got = got[:len(got)-1]
		}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("the half blocks of a %d-byte card do not hold the QR code's modules", len(text))
		}
		if got := decodeQR(t, modulesOf(t, lines)); got != text {
			t.Errorf("the QR code of a %d-byte card decodes to %q", len(text), got)
		}
	}
}

func testCard(t *testing.T, name string) contact.Card {
	t.Helper()
	id, err := age.GenerateHybridIdentity()
	if err != nil {
		t.Fatal(err)
	}
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	card := contact.Card{Name: name, Recipient: id.Recipient().String(), SigningKey: pub}
	if _, err := contact.Parse(card.Marshal()); err != nil {
		t.Fatalf("the test card does not parse: %v", err)
	}
	return card
}

// modulesOf turns half-block lines back into rows of modules, true dark.
func modulesOf(t *testing.T, lines []string) [][]bool {
	t.Helper()
	var rows [][]bool
	for _, l := range lines {
		var top, bottom []bool
		for _, r := range l {
			switch r {
			case '█':
				top, bottom = append(top, true), append(bottom, true)
			case '▀':
				top, bottom = append(top, true), append(bottom, false)
			case '▄':
				top, bottom = append(top, false), append(bottom, true)
			case ' ':
				top, bottom = append(top, false), append(bottom, false)
			default:
				t.Fatalf("the QR code holds %q, which is not a half block", r)
			}
		}
		if len(rows) > 0 && len(top) != len(rows[0]) {
			t.Fatalf("the QR code's lines differ in width: %d and %d", len(top), len(rows[0]))
		}
		rows = append(rows, top, bottom)
	}
	return rows
}

// decodeQR draws modules at 4 pixels each, black on white, and reads the
// QR code in them. gozxing's detector, which searches a photo for the
// code, misjudges versions near 40 now and then; a screen shot of the
// code alone is what PURE_BARCODE reads.
func decodeQR(t *testing.T, modules [][]bool) string {
	t.Helper()
	const scale = 4
	img := image.NewGray(image.Rect(0, 0, len(modules[0])*scale, len(modules)*scale))
	for y := range img.Rect.Dy() {
		for x := range img.Rect.Dx() {
			c := color.Gray{Y: 0xff}
			if modules[y/scale][x/scale] {
				c.Y = 0
			}
			img.SetGray(x, y, c)
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	res, err := zxqrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}
