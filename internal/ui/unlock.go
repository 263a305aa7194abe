package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	"immivault/internal/ui/secretentry"
	"immivault/internal/vault"
)

// unlockScreen asks for the passphrase. scrypt takes about a second, so the
// work runs off the UI goroutine behind a busy indicator.
type unlockScreen struct {
	app      *App
	pass     *secretentry.Entry
	unlockB  *widget.Button
	progress progress
}

func newUnlockScreen(a *App) *unlockScreen {
	s := &unlockScreen{app: a, pass: secretentry.New()}
	s.pass.PlaceHolder = lang.L("Passphrase")
	s.pass.OnSubmitted = s.unlock
	s.pass.OnChanged = func() { a.idle.touch() }
	s.unlockB = widget.NewButtonWithIcon(lang.L("Unlock"), theme.LoginIcon(), s.unlock)
	s.unlockB.Importance = widget.HighImportance
	s.progress = newProgress()
	a.focused = s.pass
	return s
}

func (s *unlockScreen) build() fyne.CanvasObject {
	where := widget.NewLabel(s.app.opts.VaultDir)
	where.Wrapping = fyne.TextWrapBreak
	where.SizeName = theme.SizeNameCaptionText
	useKey := widget.NewButton(lang.L("Forgot your passphrase? Use the recovery key…"), s.useRecoveryKey)
	useKey.Importance = widget.LowImportance
	return page(heading(lang.L("Unlock your vault")), where,
		s.pass, s.progress.problem, container.NewHBox(s.unlockB, s.progress.busy), container.NewHBox(useKey), memoryNote(s.app))
}

// unlock opens the vault with the typed passphrase.
func (s *unlockScreen) unlock() {
	if s.progress.running() {
		return
	}
	if s.pass.Len() == 0 {
		s.progress.say(lang.L("Type your passphrase."))
		return
	}
	pass := s.pass.Secret()
	s.setBusy(true)
	dir, opts := s.app.opts.VaultDir, s.app.opts.Vault
	background(func() (*vault.Vault, error) {
		return vault.Open(dir, pass, opts)
	}, func(v *vault.Vault, err error) {
		s.setBusy(false)
		switch {
		case errors.Is(err, vault.ErrWrongPassphrase):
			s.pass.Clear()
			s.progress.say(lang.L("Wrong passphrase. Try again."))
			s.app.win.Canvas().Focus(s.pass)
		case err != nil:
			s.progress.say(oneLine(err.Error()))
		default:
			s.pass.Clear()
			s.app.opened(v)
		}
	})
}

func (s *unlockScreen) setBusy(busy bool) {
	s.progress.setBusy(busy, s.pass, s.unlockB)
}

func (s *unlockScreen) useRecoveryKey() {
	s.pass.Clear()
	s.app.show(newRecoverScreen(s.app))
}

// recoverScreen opens the vault with its recovery key and sets a new
// passphrase.
type recoverScreen struct {
	app      *App
	key      *secretentry.Entry
	choice   *passphraseChoice
	recoverB *widget.Button
	progress progress
}

func newRecoverScreen(a *App) *recoverScreen {
	s := &recoverScreen{app: a, key: secretentry.New()}
	s.key.PlaceHolder = "AGE-SECRET-KEY-PQ-1…"
	s.choice = newPassphraseChoice(a, lang.L("New passphrase"), s.changed, s.recover)
	s.recoverB = widget.NewButtonWithIcon(lang.L("Open and set the new passphrase"), theme.ConfirmIcon(), s.recover)
	s.recoverB.Importance = widget.HighImportance
	s.progress = newProgress()
	s.key.OnChanged = s.changed
	s.key.OnSubmitted = func() { a.win.Canvas().Focus(s.choice.pass) }
	a.focused = s.key
	s.changed()
	return s
}

func (s *recoverScreen) build() fyne.CanvasObject {
	intro := wrapped(lang.L("Paste or type your recovery key, then choose a new passphrase. The vault then gets a new key, and you get a new recovery key to keep instead of this one."))
	back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), s.back)
	return page(heading(lang.L("Use your recovery key")), intro,
		widget.NewLabelWithStyle(lang.L("Recovery key"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.key,
		s.choice.build(lang.L("New passphrase")),
		s.progress.problem, container.NewHBox(back, s.recoverB, s.progress.busy))
}

func (s *recoverScreen) changed() {
	s.app.idle.touch()
	s.choice.rate()
	setEnabled(s.recoverB, s.ready())
}

func (s *recoverScreen) ready() bool {
	return s.key.Len() > 0 && s.choice.chosen()
}

func (s *recoverScreen) recover() {
	if s.progress.running() {
		return
	}
	if !s.ready() {
		if !s.choice.same() {
			s.progress.say(lang.L("The passphrases do not match yet."))
		}
		return
	}
	key, pass := s.key.Secret(), s.choice.pass.Secret()
	s.setBusy(true)
	dir, opts := s.app.opts.VaultDir, s.app.opts.Vault
	withNewKey(func() (*vault.Vault, *secret.Secret, error) {
		return vault.Recover(dir, key, pass, opts)
	}, func(v *vault.Vault, newKey *secret.Secret, err error) {
		s.setBusy(false)
		switch {
		case errors.Is(err, vault.ErrWrongRecoveryKey):
			s.progress.say(lang.L("That recovery key does not open this vault."))
		case err != nil:
			s.progress.say(oneLine(err.Error()))
		default:
			s.clear()
			// Recovering gave the vault a new key: the key typed here no
			// longer opens it, and the new one is shown once.
			k := newRecoveryKeyScreen(s.app, v, newKey)
			k.note = lang.L("Your previous recovery key no longer opens the vault: keep this new one instead.")
			s.app.show(k)
		}
	})
}

// cancel is Escape: back to the unlock screen.
func (s *recoverScreen) cancel() { s.back() }

func (s *recoverScreen) back() {
	s.clear()
	s.app.show(newUnlockScreen(s.app))
}

// clear empties the key and passphrase fields.
func (s *recoverScreen) clear() {
	s.key.Clear()
	s.choice.clear()
}

func (s *recoverScreen) setBusy(busy bool) {
	s.progress.setBusy(busy, s.key, s.choice.pass, s.choice.again, s.recoverB)
	if !busy {
		s.changed() // Open only when ready
	}
}

// memoryNote shows the locked-memory warning, if there is one.
func memoryNote(a *App) fyne.CanvasObject {
	note := wrapped(a.opts.MemoryWarning)
	note.SizeName = theme.SizeNameCaptionText
	note.Hidden = a.opts.MemoryWarning == ""
	return note
}

// problemScreen says why the vault folder cannot be opened and offers the
// settings to choose another.
type problemScreen struct {
	app     *App
	message string
}

func newProblemScreen(a *App, message string) *problemScreen {
	return &problemScreen{app: a, message: message}
}

func (s *problemScreen) build() fyne.CanvasObject {
	where := widget.NewLabel(s.app.opts.VaultDir)
	where.Wrapping = fyne.TextWrapBreak
	msg := wrapped(s.message)
	msg.Importance = widget.DangerImportance
	hint := wrapped(lang.L("Choose another folder in Settings, or start immivault with --vault DIR."))
	settings := widget.NewButtonWithIcon(lang.L("Settings"), theme.SettingsIcon(), s.app.showSettings)
	return page(heading(lang.L("This vault cannot be opened")), where, msg, hint, container.NewHBox(settings))
}
