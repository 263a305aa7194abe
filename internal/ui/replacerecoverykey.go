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

// replaceKeyScreen replaces a recovery key that was lost or kept
// somewhere unsafe (vault.NewRecoveryKey): the passphrase stays, the vault
// gets a new key, and the old recovery key stops working. The recovery key
// cannot be shown again instead: the vault keeps no copy of it.
//
// The passphrase is asked for although the vault is open, so that someone
// at an unlocked computer cannot take the vault over with a recovery key of
// their own, and is checked before anything changes.
type replaceKeyScreen struct {
	app      *App
	pass     *secretentry.Entry
	makeB    *widget.Button
	backB    *widget.Button
	progress progress
}

// showReplaceRecoveryKey leaves the family for the new recovery key screen.
func (a *App) showReplaceRecoveryKey() {
	if a.vault == nil {
		return
	}
	a.idle.touch()
	s := &replaceKeyScreen{app: a, pass: secretentry.New(), progress: newProgress()}
	s.pass.PlaceHolder = lang.L("Your passphrase")
	s.pass.OnSubmitted = s.make
	s.pass.OnChanged = func() { a.idle.touch(); setEnabled(s.makeB, s.pass.Len() > 0 && !s.progress.running()) }
	s.makeB = widget.NewButtonWithIcon(lang.L("Make a new recovery key"), theme.ConfirmIcon(), s.make)
	s.makeB.Importance = widget.HighImportance
	s.makeB.Disable()
	s.backB = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), s.back)
	a.focused = s.pass
	if a.main != nil {
		a.main.close()
		a.main = nil
	}
	a.show(s)
}

func (s *replaceKeyScreen) build() fyne.CanvasObject {
	intro := wrapped(lang.L("immivault keeps no copy of your recovery key, so it cannot show it again. If you lost it, or it was kept somewhere others can see, make a new one: the vault gets a new key, everything in it is encrypted again, and the old recovery key stops working. Your passphrase stays the same."))
	slow := warningText(lang.L("With many notices this takes a while. Keep immivault open until the new recovery key is shown."))
	return page(heading(lang.L("A new recovery key")), intro, s.pass, slow, s.progress.problem,
		container.NewHBox(s.backB, s.makeB, s.progress.busy))
}

// make checks the passphrase and changes the key off the UI goroutine, then
// shows the new recovery key once. A wrong passphrase changes nothing.
func (s *replaceKeyScreen) make() {
	a := s.app
	if s.progress.running() || a.vault == nil || s.pass.Len() == 0 {
		return
	}
	pass, v := s.pass.Secret(), a.vault
	s.setBusy(true)
	a.changingKey = true
	background(func() (*secret.Secret, error) {
		return v.NewRecoveryKey(pass)
	}, func(key *secret.Secret, err error) {
		s.setBusy(false)
		if err != nil {
			a.changingKey = false
			s.pass.Clear()
			if errors.Is(err, vault.ErrWrongPassphrase) {
				s.progress.say(lang.L("Wrong passphrase: nothing was changed."))
			} else {
				s.progress.say(oneLine(err.Error()))
			}
			if a.lockPending {
				a.Lock()
				return
			}
			a.win.Canvas().Focus(s.pass)
			return
		}
		s.pass.Clear()
		a.idle.touch()
		a.showNewKey(v, key)
	})
}

func (s *replaceKeyScreen) setBusy(busy bool) {
	s.progress.setBusy(busy, s.pass, s.backB)
	setEnabled(s.makeB, !busy && s.pass.Len() > 0)
}

// cancel is Escape: back to the family, unless the key is changing.
func (s *replaceKeyScreen) cancel() {
	if !s.progress.running() {
		s.back()
	}
}

func (s *replaceKeyScreen) back() {
	if s.progress.running() {
		return
	}
	s.pass.Clear()
	s.app.main = newMainScreen(s.app)
	s.app.show(s.app.main)
}
