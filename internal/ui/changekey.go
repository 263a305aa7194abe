package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	"immivault/internal/ui/secretentry"
)

// changeKeyScreen sets a new passphrase on the open vault, and with it a new
// key (vault.ChangeKey): everything is encrypted again, so that an old copy
// of the vault's files and the old passphrase do not open what is saved from
// then on. The new recovery key is shown once afterwards, as after creating
// the vault; the old one stops working.
//
// While the key changes, and until its new recovery key has been kept,
// locking waits (App.changingKey): locking in between would lose the only
// sight of the new recovery key, as the one typed last no longer works.
type changeKeyScreen struct {
	app         *App
	pass, again *secretentry.Entry
	meter       *strengthMeter
	match       *widget.Label
	changeB     *widget.Button
	backB       *widget.Button
	progress    progress
}

// showChangeKey leaves the family for the passphrase screen.
func (a *App) showChangeKey() {
	if a.vault == nil {
		return
	}
	a.idle.touch()
	s := newChangeKeyScreen(a)
	if a.main != nil {
		a.main.close()
		a.main = nil
	}
	a.show(s)
}

func newChangeKeyScreen(a *App) *changeKeyScreen {
	s := &changeKeyScreen{app: a, pass: secretentry.New(), again: secretentry.New()}
	s.pass.PlaceHolder = lang.L("New passphrase")
	s.again.PlaceHolder = lang.L("The same passphrase again")
	s.meter = newStrengthMeter(userWords(a.opts.VaultDir))
	s.match = widget.NewLabel("")
	s.changeB = widget.NewButtonWithIcon(lang.L("Change passphrase and key"), theme.ConfirmIcon(), s.change)
	s.changeB.Importance = widget.HighImportance
	s.backB = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), s.back)
	s.progress = newProgress()
	s.pass.OnChanged = s.changed
	s.again.OnChanged = s.changed
	s.pass.OnSubmitted = func() { a.win.Canvas().Focus(s.again) }
	s.again.OnSubmitted = s.change
	a.focused = s.pass
	s.changed()
	return s
}

func (s *changeKeyScreen) build() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("Choose a new passphrase. immivault then gives your vault a new key and encrypts everything in it again, so that an old copy of the vault's files, with the old passphrase, does not open anything saved from now on. You also get a new recovery key to keep: the old one stops working."))
	intro.Wrapping = fyne.TextWrapWord
	slow := widget.NewLabel(lang.L("With many notices this takes a while. Keep immivault open until the new recovery key is shown."))
	slow.Wrapping = fyne.TextWrapWord
	slow.Importance = widget.WarningImportance
	return page(heading(lang.L("Change your passphrase")), intro,
		widget.NewLabelWithStyle(lang.L("New passphrase"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.pass,
		s.meter.build(),
		widget.NewLabelWithStyle(lang.L("Type it again"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.again,
		s.match, slow, s.progress.problem, container.NewHBox(s.backB, s.changeB, s.progress.busy))
}

// changed re-rates the passphrase and says whether the two entries match.
func (s *changeKeyScreen) changed() {
	s.app.idle.touch()
	s.pass.Use(func(b []byte) error { s.meter.rate(b); return nil })
	switch {
	case s.again.Len() == 0:
		s.match.SetText("")
	case secretentry.Equal(s.pass, s.again):
		s.match.SetText(lang.L("The passphrases match."))
		s.match.Importance = widget.SuccessImportance
	default:
		s.match.SetText(lang.L("The passphrases do not match yet."))
		s.match.Importance = widget.MediumImportance
	}
	s.match.Refresh()
	if s.ready() && !s.progress.running() {
		s.changeB.Enable()
	} else {
		s.changeB.Disable()
	}
}

func (s *changeKeyScreen) ready() bool {
	return s.meter.score >= minScore && s.again.Len() > 0 && secretentry.Equal(s.pass, s.again)
}

// change runs ChangeKey off the UI goroutine, then shows the new recovery
// key. Bad input changes nothing and says why in one line.
func (s *changeKeyScreen) change() {
	a := s.app
	if s.progress.running() || a.vault == nil {
		return
	}
	switch {
	case s.meter.score < minScore:
		s.progress.say(lang.L("Choose a passphrase that the meter calls strong."))
		return
	case !secretentry.Equal(s.pass, s.again):
		s.progress.say(lang.L("The passphrases do not match yet."))
		return
	}
	pass := s.pass.Secret()
	v := a.vault
	s.setBusy(true)
	a.changingKey = true
	background(func() (*secret.Secret, error) {
		return v.ChangeKey(pass)
	}, func(key *secret.Secret, err error) {
		s.setBusy(false)
		if err != nil {
			a.changingKey = false
			s.progress.say(oneLine(err.Error()))
			if a.lockPending {
				a.Lock()
			}
			return
		}
		s.pass.Clear()
		s.again.Clear()
		a.idle.touch()
		k := newRecoveryKeyScreen(a, v, key)
		k.note = lang.L("Your previous recovery key no longer opens the vault: keep this new one instead.")
		k.then = func() {
			a.changingKey = false
			if a.lockPending {
				a.Lock()
				return
			}
			a.main = newMainScreen(a)
			a.show(a.main)
		}
		a.show(k)
	})
}

func (s *changeKeyScreen) setBusy(busy bool) {
	if busy {
		s.progress.start()
		s.pass.Disable()
		s.again.Disable()
		s.changeB.Disable()
		s.backB.Disable()
		return
	}
	s.progress.stop()
	s.pass.Enable()
	s.again.Enable()
	s.backB.Enable()
	s.changed()
}

// cancel is Escape: back to the family, unless the key is changing.
func (s *changeKeyScreen) cancel() {
	if !s.progress.running() {
		s.back()
	}
}

func (s *changeKeyScreen) back() {
	if s.progress.running() {
		return
	}
	s.pass.Clear()
	s.again.Clear()
	s.app.main = newMainScreen(s.app)
	s.app.show(s.app.main)
}
