package ui

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed Icon.png
var iconPNG []byte

// Icon is the app's icon, a copy of the repository's Icon.png (a test keeps
// them equal): go:embed cannot reach files above this directory.
var Icon = fyne.NewStaticResource("Icon.png", iconPNG)
