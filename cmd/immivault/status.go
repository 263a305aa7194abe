package main

import (
	"embed"
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/vault"
)

// appName is the product name; like any name it is not translated.
const appName = "immivault"

//go:embed Icon.png
var iconPNG []byte

// appIcon is a copy of the repository's Icon.png (a test keeps them equal):
// go:embed cannot reach files above this directory.
var appIcon = fyne.NewStaticResource("Icon.png", iconPNG)

//go:embed translations
var translations embed.FS

func init() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("failed to load the immivault translations", err)
	}
}

// defaultVaultDir is where immivault-cli looks too: $IMMIVAULT_VAULT, else
// os.UserConfigDir()/immivault/vault.
func defaultVaultDir() (string, error) {
	if dir := os.Getenv("IMMIVAULT_VAULT"); dir != "" {
		return dir, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "immivault", "vault"), nil
}

// vaultState is what the window can tell about a vault location without a
// passphrase.
type vaultState int

const (
	vaultMissing  vaultState = iota // no format file: nothing here yet
	vaultPresent                    // a vault this immivault can open
	vaultForeign                    // a format file that does not say vault.Format
	vaultUnusable                   // a newer vault format, or the format file cannot be read
)

// inspectVault sorts vault.CheckFormat's answer into what the window shows.
func inspectVault(dir string) (vaultState, error) {
	err := vault.CheckFormat(dir)
	var damaged *vault.DamagedError
	switch {
	case err == nil:
		return vaultPresent, nil
	case errors.Is(err, vault.ErrNoVault):
		return vaultMissing, nil
	case errors.As(err, &damaged):
		return vaultForeign, nil
	default:
		return vaultUnusable, err
	}
}

// statusScreen shows where the vault is and whether one exists there. It is
// the whole window until the desktop screens for people, numbers and notices
// arrive.
type statusScreen struct {
	vaultDir string

	state   vaultState
	message *widget.Label // what is at vaultDir
	hint    *widget.Label // what to do about it
	command *widget.Label // the immivault-cli line that does it
}

func newStatusScreen(vaultDir string) *statusScreen {
	s := &statusScreen{
		vaultDir: vaultDir,
		message:  widget.NewLabel(""),
		hint:     widget.NewLabel(""),
		command:  widget.NewLabel(""),
	}
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Importance = widget.HighImportance
	s.hint.Wrapping = fyne.TextWrapWord
	s.command.TextStyle = fyne.TextStyle{Monospace: true}
	s.command.Wrapping = fyne.TextWrapWord
	s.command.Selectable = true
	s.checkAgain()
	return s
}

func (s *statusScreen) build() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(appIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(72))

	title := widget.NewRichText(&widget.TextSegment{
		Text:  appName,
		Style: widget.RichTextStyleHeading,
	})
	tagline := widget.NewLabel(lang.L("Your family's USCIS numbers and notices, in an encrypted vault on this computer."))
	tagline.Wrapping = fyne.TextWrapWord
	header := container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, tagline))

	location := widget.NewLabel(s.vaultDir)
	location.Wrapping = fyne.TextWrapWord
	location.Selectable = true
	place := widget.NewCard("", "", widget.NewForm(
		widget.NewFormItem(lang.L("Vault location"), location),
		widget.NewFormItem(lang.L("Status"), container.NewVBox(s.message, s.hint, s.command)),
	))

	next := widget.NewLabel(lang.L("The desktop screens for people, numbers and notices are coming next. Until then, immivault-cli works on this vault today."))
	next.Wrapping = fyne.TextWrapWord
	check := widget.NewButtonWithIcon(lang.L("Check again"), theme.ViewRefreshIcon(), s.checkAgain)

	// Scrolling keeps the wrapped text from setting the window's minimum
	// height, and keeps everything reachable in a small window.
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		header,
		place,
		next,
		container.NewHBox(check),
	)))
}

// checkAgain looks at the vault location again, for instance after the user
// has created a vault there with immivault-cli.
func (s *statusScreen) checkAgain() {
	state, err := inspectVault(s.vaultDir)
	s.state = state
	cli := `immivault-cli --vault "` + s.vaultDir + `" `
	switch state {
	case vaultPresent:
		s.message.SetText(lang.L("A vault is here."))
		s.hint.SetText(lang.L("See what it holds with:"))
		s.command.SetText(cli + "status")
	case vaultMissing:
		s.message.SetText(lang.L("No vault here yet."))
		s.hint.SetText(lang.L("Create one with:"))
		s.command.SetText(cli + "init")
	case vaultForeign:
		s.message.SetText(lang.L("This folder holds something else: its format file does not say {{.Format}}.", map[string]any{"Format": vault.Format}))
		s.hint.SetText(lang.L("Choose another folder with --vault DIR."))
		s.command.SetText("")
	case vaultUnusable:
		s.message.SetText(lang.L("immivault cannot open this vault: {{.Error}}", map[string]any{"Error": err}))
		s.hint.SetText(lang.L("Fix the problem above, or choose another folder with --vault DIR."))
		s.command.SetText("")
	}
	if s.command.Text == "" {
		s.command.Hide()
	} else {
		s.command.Show()
	}
}
