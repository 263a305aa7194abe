package ui

import (
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ui/secretentry"
	"immivault/internal/vault"
)

// restoreScreen is the first run on a new computer: pick a backup file,
// type the passphrase it opens with, and the vault is made from it where
// this computer keeps its vault.
type restoreScreen struct {
	app      *App
	file     string
	chosen   *widget.Label
	pass     *secretentry.Entry
	restoreB *widget.Button
	progress progress
}

func newRestoreScreen(a *App) *restoreScreen {
	s := &restoreScreen{app: a, pass: secretentry.New(), chosen: widget.NewLabel(lang.L("No backup chosen."))}
	s.chosen.Wrapping = fyne.TextWrapBreak
	s.pass.PlaceHolder = lang.L("The passphrase of the day the backup was made")
	s.pass.OnSubmitted = s.restore
	s.pass.OnChanged = func() { a.idle.touch() }
	s.restoreB = widget.NewButtonWithIcon(lang.L("Restore"), theme.DownloadIcon(), s.restore)
	s.restoreB.Importance = widget.HighImportance
	s.progress = newProgress()
	return s
}

func (s *restoreScreen) build() fyne.CanvasObject {
	intro := wrapped(lang.L("A backup file is named immivault-backup-DATE.tar. It opens with the passphrase the vault had on the day it was made. The vault will be made in {{.Dir}}.", map[string]any{"Dir": s.app.opts.VaultDir}))
	choose := widget.NewButtonWithIcon(lang.L("Choose the backup file…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			s.choose(r.URI().Path())
		}, s.app.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".tar"}))
		d.Resize(fyne.NewSize(760, 560))
		d.Show()
	})
	back := widget.NewButton(lang.L("Back"), func() { s.pass.Clear(); s.app.show(newCreateScreen(s.app)) })
	back.Importance = widget.LowImportance
	return page(heading(lang.L("Restore from a backup")), intro,
		container.NewHBox(choose), s.chosen, s.pass, s.progress.problem,
		container.NewHBox(s.restoreB, s.progress.busy), container.NewHBox(back))
}

// choose takes the backup file at path.
func (s *restoreScreen) choose(path string) {
	s.file = path
	s.chosen.SetText(path)
	s.progress.say("")
	s.app.win.Canvas().Focus(s.pass)
}

// restore makes the vault from the backup with the typed passphrase, opens
// it and checks every file, off the UI goroutine.
func (s *restoreScreen) restore() {
	if s.progress.running() {
		return
	}
	switch {
	case s.file == "":
		s.progress.say(lang.L("Choose the backup file first."))
		return
	case s.pass.Len() == 0:
		s.progress.say(lang.L("Type the passphrase."))
		return
	}
	pass := s.pass.Secret()
	s.progress.setBusy(true, s.pass, s.restoreB)
	file, dir, opts := s.file, s.app.opts.VaultDir, s.app.opts.Vault
	background(func() (*vault.Vault, error) {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := vault.RestoreBackup(f, dir, pass, nil); err != nil {
			return nil, err
		}
		v, err := vault.Open(dir, pass, opts)
		if err != nil {
			return nil, err
		}
		rep, err := v.Verify()
		if err == nil && len(rep.Problems) > 0 {
			v.Warnings = append(v.Warnings, lang.L("The restored vault has {{.N}} damaged files: check them with immivault-cli verify.", map[string]any{"N": len(rep.Problems)}))
		}
		return v, nil
	}, func(v *vault.Vault, err error) {
		s.progress.setBusy(false, s.pass, s.restoreB)
		var keyErr *vault.BackupKeyError
		switch {
		case errors.As(err, &keyErr):
			s.pass.Clear()
			s.progress.say(lang.L("Wrong passphrase for this backup: it opens with the passphrase the vault had on {{.Date}}.", map[string]any{"Date": displayDay(keyErr.Made)}))
			s.app.win.Canvas().Focus(s.pass)
		case errors.Is(err, vault.ErrNotBackup):
			s.progress.say(lang.L("This file is not an immivault backup, or it is damaged."))
		case err != nil:
			s.progress.say(oneLine(err.Error()))
		default:
			s.pass.Clear()
			s.app.opened(v)
		}
	})
}
