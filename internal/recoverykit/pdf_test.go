package recoverykit

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/makiuchi-d/gozxing"
	zxqrcode "github.com/makiuchi-d/gozxing/qrcode"

	"immivault/internal/notice"
)

func testContext(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// readPDF writes kit as a PDF and reads it back with the notice reader.
func readPDF(t *testing.T, kit Kit) *notice.Document {
	t.Helper()
	var out bytes.Buffer
	if err := kit.WritePDF(&out); err != nil {
		t.Fatal(err)
	}
	doc, err := notice.Read(testContext(t), out.Bytes(), "recovery-kit.pdf", notice.WithoutOCR())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { doc.Close() })
	if doc.Pages() != 1 {
		t.Fatalf("the kit has %d pages, want 1", doc.Pages())
	}
	if doc.Source() != notice.SourcePDFText {
		t.Fatalf("the kit's text came from %q, want its own text layer", doc.Source())
	}
	return doc
}

func withoutSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// words gives s's words separated by single spaces, whatever the layout.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestPDFTextLayerHoldsTheKey(t *testing.T) {
	t.Parallel()
	kit, key := newKit(t)
	doc := readPDF(t, kit)
	text := doc.Text()
	if !strings.Contains(withoutSpace(text), key) {
		t.Fatalf("the text layer, without spaces, does not contain the key:\n%s", text)
	}
	for _, want := range []string{kit.Text.Title, kit.Text.Intro, kit.Text.Warning,
		kit.Text.Whitespace, kit.Text.QRCaption, kit.VaultDir, "Created: 2025-03-14"} {
		if !strings.Contains(words(text), words(want)) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
}

func TestPDFQRCodeHoldsTheExactKey(t *testing.T) {
	t.Parallel()
	kit, key := newKit(t)
	doc := readPDF(t, kit)
	for _, dpi := range []int{150, 200} {
		t.Run(fmt.Sprint(dpi, "dpi"), func(t *testing.T) {
			img, err := doc.Render(testContext(t), 0, dpi)
			if err != nil {
				t.Fatal(err)
			}
			got, level := decodeQR(t, img)
			if got != key {
				t.Errorf("the QR code holds a different text, %d characters long", len(got))
			}
			if level != "H" {
				t.Errorf("error correction level %q, want H", level)
			}
		})
	}
}

func decodeQR(t *testing.T, img image.Image) (text, level string) {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := zxqrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("no QR code found on the page: %v", err)
	}
	level, _ = res.GetResultMetadata()[gozxing.ResultMetadataType_ERROR_CORRECTION_LEVEL].(string)
	return res.GetText(), level
}

func TestPDFPrintsSpanish(t *testing.T) {
	t.Parallel()
	kit, key := newKit(t)
	kit.VaultDir = "/home/José Núñez/bóveda"
	kit.Text = Text{
		Title:        "Kit de recuperación de immivault",
		Intro:        "¿Olvidó su contraseña? Con esta clave de recuperación podrá elegir una nueva. Guárdela en un lugar seguro, lejos de su computadora, por ejemplo junto a sus pasaportes.",
		KeyHeading:   "Clave de recuperación",
		Whitespace:   "Los espacios y saltos de línea sólo facilitan la lectura: no forman parte de la clave.",
		QRCaption:    "Este código contiene la misma clave, para escanearla en lugar de teclearla.",
		Warning:      "¡Atención! Quien tenga esta clave puede abrir la bóveda y leer todo su contenido, sin su contraseña. Ñandú, pingüino, ÁÉÍÓÚ.",
		VaultLabel:   "Ubicación de la bóveda",
		CreatedLabel: "Fecha de creación",
	}
	text := readPDF(t, kit).Text()
	for _, want := range []string{kit.Text.Title, kit.Text.Intro, kit.Text.KeyHeading,
		kit.Text.Whitespace, kit.Text.QRCaption, kit.Text.Warning,
		kit.Text.VaultLabel + ": " + kit.VaultDir, kit.Text.CreatedLabel + ": 2025-03-14"} {
		if !strings.Contains(words(text), words(want)) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(withoutSpace(text), key) {
		t.Errorf("the text layer, without spaces, does not contain the key")
	}
}

func TestKeyLines(t *testing.T) {
	t.Parallel()
	key := "AGE-SECRET-KEY-PQ-1" + strings.Repeat("QPZRY9X8GF", 5) + "2TVDW0S3"
	got := keyLines([]byte(key))
	want := []string{
		"AGE-SECRET-KEY-PQ-1",
		"QPZR Y9X8 GFQP ZRY9 X8GF",
		"QPZR Y9X8 GFQP ZRY9 X8GF",
		"QPZR Y9X8 GF2T VDW0 S3",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
	for _, line := range got {
		if len(line) > keyLineLen {
			t.Errorf("line %q is longer than %d", line, keyLineLen)
		}
	}
	if got := keyLines([]byte("ABCDEFGHIJ")); !slices.Equal(got, []string{"ABCD EFGH IJ"}) {
		t.Errorf("a key without a separator: got %q", got)
	}
}
