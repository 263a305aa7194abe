package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	"immivault/internal/vault"
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
	app      *App
	choice   *passphraseChoice
	changeB  *widget.Button
	backB    *widget.Button
	progress progress
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
	s := &changeKeyScreen{app: a}
	s.choice = newPassphraseChoice(a, lang.L("New passphrase"), s.changed, s.change)
	s.changeB = widget.NewButtonWithIcon(lang.L("Change passphrase and key"), theme.ConfirmIcon(), s.change)
	s.changeB.Importance = widget.HighImportance
	s.backB = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), s.back)
	s.progress = newProgress()
	a.focused = s.choice.pass
	s.changed()
	return s
}

func (s *changeKeyScreen) build() fyne.CanvasObject {
	intro := wrapped(lang.L("Choose a new passphrase. immivault then gives your vault a new key and encrypts everything in it again, so that an old copy of the vault's files, with the old passphrase, does not open anything saved from now on. You also get a new recovery key to keep: the old one stops working."))
	slow := warningText(lang.L("With many notices this takes a while. Keep immivault open until the new recovery key is shown."))
	return page(heading(lang.L("Change your passphrase")), intro,
		s.choice.build(lang.L("New passphrase")),
		s.choice.match, slow, s.progress.problem, container.NewHBox(s.backB, s.changeB, s.progress.busy))
}

// changed re-rates the passphrase and says whether the two entries match.
func (s *changeKeyScreen) changed() {
	s.app.idle.touch()
	s.choice.rate()
	setEnabled(s.changeB, s.choice.chosen() && !s.progress.running())
}

// change runs ChangeKey off the UI goroutine, then shows the new recovery
// key. Bad input changes nothing and says why in one line.
func (s *changeKeyScreen) change() {
	a := s.app
	if s.progress.running() || a.vault == nil {
		return
	}
	switch {
	case !s.choice.strong():
		s.progress.say(lang.L("Choose a passphrase that the meter calls strong."))
		return
	case !s.choice.same():
		s.progress.say(lang.L("The passphrases do not match yet."))
		return
	}
	pass := s.choice.pass.Secret()
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
		s.choice.clear()
		a.idle.touch()
		a.showNewKey(v, key)
	})
}

// showNewKey shows the recovery key a key change gave the vault, once;
// then the family, or the lock asked for while the key changed.
func (a *App) showNewKey(v *vault.Vault, key *secret.Secret) {
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
}

func (s *changeKeyScreen) setBusy(busy bool) {
	s.progress.setBusy(busy, s.choice.pass, s.choice.again, s.changeB, s.backB)
	if !busy {
		s.changed() // Change only for a strong passphrase typed twice
	}
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
	s.choice.clear()
	s.app.main = newMainScreen(s.app)
	s.app.show(s.app.main)
}
