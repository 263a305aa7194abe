package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

// minScore is the strength a new passphrase needs: zxcvbn's 3, about 10^8
// guesses or more. The vault's scrypt makes each guess cost a second of a
// core, but a determined attacker has many cores.
const minScore = 3

// createScreen is the first run: choose a passphrase, type it twice,
// understand that nobody can recover it, create the vault.
type createScreen struct {
	app *App

	choice     *passphraseChoice
	understood *widget.Check
	create     *widget.Button
	progress   progress
}

func newCreateScreen(a *App) *createScreen {
	s := &createScreen{app: a}
	s.choice = newPassphraseChoice(a, lang.L("Passphrase"), s.changed, s.createVault)
	s.understood = widget.NewCheck(lang.L("I understand that nobody can recover a lost passphrase"), func(bool) { s.changed() })
	s.create = widget.NewButtonWithIcon(lang.L("Create vault"), theme.ConfirmIcon(), s.createVault)
	s.create.Importance = widget.HighImportance
	s.progress = newProgress()
	a.focused = s.choice.pass
	s.changed()
	return s
}

// userWords are words an attacker would try first: the vault folder's name.
func userWords(dir string) []string {
	return []string{filepath.Base(dir), filepath.Base(filepath.Dir(dir)), "immivault", "uscis"}
}

func (s *createScreen) build() fyne.CanvasObject {
	where := widget.NewLabel(lang.L("The vault will be created in {{.Dir}}", map[string]any{"Dir": s.app.opts.VaultDir}))
	where.Wrapping = fyne.TextWrapBreak
	intro := wrapped(lang.L("Choose a passphrase that you will remember and nobody could guess: four or five unrelated words work well. You will type it each time you open immivault."))
	warning := warningText(lang.L("There is no “forgot my passphrase”. Nobody, not even immivault’s makers, can open the vault without it. The next step gives you a recovery key: keep it somewhere safe."))

	form := container.NewVBox(
		s.choice.build(lang.L("Passphrase")),
		s.choice.match,
		warning,
		s.understood,
		s.progress.problem,
		container.NewHBox(s.create, s.progress.busy),
	)
	restore := widget.NewButton(lang.L("Already have a vault on another computer? Restore from a backup…"), func() {
		s.choice.clear()
		s.app.show(newRestoreScreen(s.app))
	})
	restore.Importance = widget.LowImportance
	return page(heading(lang.L("Create your vault")), intro, where, form, container.NewHBox(restore), memoryNote(s.app))
}

// changed re-rates the passphrase and says whether the two entries match.
func (s *createScreen) changed() {
	s.app.idle.touch()
	s.choice.rate()
	setEnabled(s.create, s.ready())
}

func (s *createScreen) ready() bool {
	return s.choice.chosen() && s.understood.Checked
}

// createVault runs scrypt and writes the new vault off the UI goroutine,
// then shows the recovery key.
func (s *createScreen) createVault() {
	if !s.ready() || s.progress.running() {
		return
	}
	pass := s.choice.pass.Secret()
	s.setBusy(true)
	dir, opts := s.app.opts.VaultDir, s.app.opts.Vault
	withNewKey(func() (*vault.Vault, *secret.Secret, error) {
		return vault.Create(dir, pass, opts)
	}, func(v *vault.Vault, key *secret.Secret, err error) {
		s.setBusy(false)
		if err != nil {
			s.progress.say(oneLine(err.Error()))
			return
		}
		s.choice.clear()
		s.app.show(newRecoveryKeyScreen(s.app, v, key))
	})
}

func (s *createScreen) setBusy(busy bool) {
	s.progress.setBusy(busy, s.choice.pass, s.choice.again, s.create)
	if !busy {
		s.changed() // Create only when ready
	}
}

// heading is a screen's title.
func heading(text string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyleHeading})
}

// warningText is wrapped text in the warning colour.
func warningText(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.WarningImportance
	return l
}

// page lays out a full-window screen: the app's icon beside a column of at
// most a readable width, scrolling when the window is small.
func page(title fyne.CanvasObject, parts ...fyne.CanvasObject) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(64))
	col := container.NewVBox(append([]fyne.CanvasObject{container.NewBorder(nil, nil, icon, nil, title)}, parts...)...)
	return container.NewVScroll(container.NewPadded(container.New(&readableWidth{max: 640}, col)))
}

// readableWidth centres its object and keeps it at most max wide.
type readableWidth struct{ max float32 }

func (r *readableWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

func (r *readableWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, r.max)
	col := objects[0]
	col.Resize(fyne.NewSize(w, max(size.Height, col.MinSize().Height)))
	// A wrapped label knows how tall it is only once it has its width, which
	// the first pass gave it; lay the column out again with those heights,
	// or long texts overlap what follows them.
	if c, ok := col.(*fyne.Container); ok && c.Layout != nil {
		s := fyne.NewSize(w, max(size.Height, c.MinSize().Height))
		c.Resize(s)
		c.Layout.Layout(c.Objects, s)
	}
	col.Move(fyne.NewPos((size.Width-w)/2, 0))
}
