package ui

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestIconMatchesRepositoryIcon(t *testing.T) {
	repoIcon, err := os.ReadFile(filepath.Join("..", "..", "Icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(iconPNG, repoIcon) {
		t.Error("internal/ui/Icon.png differs from the repository's Icon.png; copy it over")
	}
	img, err := png.Decode(bytes.NewReader(iconPNG))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("the icon is %v, want 512×512", b.Size())
	}
}
