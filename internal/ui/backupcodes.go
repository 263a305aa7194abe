package ui

import (
	"bytes"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	"immivault/internal/ui/secretentry"
	"immivault/internal/vault"
)

// backupCodesDialog lists a login's backup codes, each masked until
// revealed or copied, used or unused; marks one used; and adds codes
// pasted from the site, or replaces them all with a new set.
type backupCodesDialog struct {
	app     *App
	login   *vault.Login
	list    *fyne.Container
	rows    []*secretRow
	add     *secretentry.Entry
	replace *widget.Check
	problem *widget.Label
	d       *dialog.CustomDialog
}

func (a *App) showBackupCodes(l *vault.Login) *backupCodesDialog {
	a.idle.touch()
	b := &backupCodesDialog{app: a, login: l, list: container.NewVBox()}
	b.add = secretentry.New()
	b.add.PlaceHolder = lang.L("Paste the codes: one a line, or separated by commas")
	b.add.OnSubmitted = b.addCodes
	b.replace = widget.NewCheck(lang.L("They replace the old codes (a new set from the site)"), nil)
	b.problem = widget.NewLabel("")
	b.problem.Wrapping = fyne.TextWrapWord
	b.problem.Importance = widget.DangerImportance
	addB := widget.NewButtonWithIcon(lang.L("Add codes"), theme.ContentAddIcon(), b.addCodes)
	b.fill()
	content := container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, addB, b.add), b.replace, b.problem),
		nil, nil, container.NewVScroll(b.list))
	b.d = dialog.NewCustom(lang.L("Backup codes: {{.Login}}", map[string]any{"Login": loginTitle(l)}), lang.L("Close"), content, a.win)
	b.d.SetOnClosed(func() {
		b.add.Clear()
		for _, r := range b.rows {
			r.hide()
		}
	})
	b.d.Resize(fyne.NewSize(560, 520))
	a.showDialog(b.d)
	return b
}

// fill lists the codes: the unused first, as a site would have them used.
// Every save makes a new index, so the login is looked up again first.
func (b *backupCodesDialog) fill() {
	if l := findLogin(b.app.vault.Index(), b.login.ID); l != nil {
		b.login = l
	}
	for _, r := range b.rows {
		r.hide()
	}
	b.rows = nil
	b.list.RemoveAll()
	if len(b.login.BackupCodes) == 0 {
		b.list.Add(emptyNote(lang.L("No backup codes yet. Sites give them when you turn on 2-step verification: they let you in when the phone is lost. Paste them below.")))
		return
	}
	b.list.Add(widget.NewLabel(lang.L("{{.Unused}} of {{.All}} unused", map[string]any{"Unused": b.login.UnusedBackupCodes(), "All": len(b.login.BackupCodes)})))
	grid := container.New(&identifierLayout{})
	for _, used := range []bool{false, true} {
		for _, c := range b.login.BackupCodes {
			if c.Used != used {
				continue
			}
			r := newSecretRow(b.app, c.Code)
			b.rows = append(b.rows, r)
			state := widget.NewLabel(lang.L("unused"))
			actions := container.NewHBox(r.reveal, r.copyB)
			if used {
				state.SetText(lang.L("used"))
				state.Importance = widget.LowImportance
			} else {
				mark := widget.NewButton(lang.L("Mark used"), func() { b.markUsed(c.Code) })
				mark.Importance = widget.LowImportance
				actions.Add(mark)
			}
			grid.Add(state)
			grid.Add(r.value)
			grid.Add(actions)
		}
	}
	b.list.Add(grid)
}

// markUsed marks one code used.
func (b *backupCodesDialog) markUsed(code *secret.Secret) {
	if b.app.update(func(ix *vault.Index) error {
		_, _, err := ix.UseBackupCode(b.login.ID, code)
		return err
	}) {
		b.fill()
	}
}

// addCodes reads the pasted codes, in storage form, and adds them to the
// login's (keeping which were used), or replaces them.
func (b *backupCodesDialog) addCodes() {
	b.app.idle.touch()
	codes, err := splitBackupCodes(b.add.Secret())
	if err != nil {
		b.problem.SetText(err.Error())
		return
	}
	replace := b.replace.Checked
	err = b.app.vault.Update(func(ix *vault.Index) error {
		var all []*secret.Secret
		var used []*secret.Secret
		l := findLogin(ix, b.login.ID)
		if l == nil {
			return errors.New(lang.L("This login is no longer in the vault."))
		}
		if !replace {
			for _, c := range l.BackupCodes {
				all = append(all, c.Code)
				if c.Used {
					used = append(used, c.Code)
				}
			}
		}
		if len(all)+len(codes) > vault.MaxBackupCodes {
			return errors.New(lang.L("A login keeps at most {{.N}} backup codes.", map[string]any{"N": vault.MaxBackupCodes}))
		}
		if _, err := ix.SetBackupCodes(b.login.ID, append(all, codes...)); err != nil {
			return err
		}
		for _, c := range used {
			if _, _, err := ix.UseBackupCode(b.login.ID, c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.problem.SetText(loginError(err))
		return
	}
	b.problem.SetText("")
	b.add.Clear()
	b.replace.SetChecked(false)
	b.fill()
	if b.app.main != nil {
		b.app.main.refresh()
	}
}

// splitBackupCodes reads codes as sites list them: one a line, or
// separated by commas or semicolons, each in storage form
// (vault.NormalizeBackupCode), inside s.Use and never as a Go string.
func splitBackupCodes(s *secret.Secret) ([]*secret.Secret, error) {
	var codes []*secret.Secret
	err := s.Use(func(b []byte) error {
		for len(b) > 0 {
			end := bytes.IndexAny(b, "\n,;")
			if end < 0 {
				end = len(b)
			}
			scratch := bytes.Clone(b[:end])
			b = b[min(end+1, len(b)):]
			code := vault.NormalizeBackupCode(scratch)
			if len(code) == 0 {
				continue
			}
			if len(code) > vault.MaxBackupCode || !printableCode(code) {
				clear(scratch)
				return errors.New(lang.L("Code {{.N}} is not a backup code: letters and digits only, at most {{.Max}}.", map[string]any{"N": len(codes) + 1, "Max": vault.MaxBackupCode}))
			}
			codes = append(codes, secret.New(code)) // New wipes code, which is scratch
		}
		return nil
	})
	if err == nil && len(codes) == 0 {
		err = errors.New(lang.L("Paste or type the codes first."))
	}
	return codes, err
}

func printableCode(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// addQuestion asks for a security question and its answer, the answer in
// a secret entry.
func (a *App) addQuestion(l *vault.Login) {
	a.idle.touch()
	question := a.newField()
	question.SetPlaceHolder(lang.L("The question, as the site asks it"))
	answer := secretentry.New()
	answer.PlaceHolder = lang.L("The answer")
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	var d *dialog.CustomDialog
	save := func() {
		q := strings.TrimSpace(question.Text)
		if q == "" || answer.Len() == 0 {
			problem.SetText(lang.L("Type the question and its answer."))
			return
		}
		if err := a.vault.Update(func(ix *vault.Index) error {
			_, err := ix.SetSecurityQuestion(l.ID, q, answer.Secret())
			return err
		}); err != nil {
			problem.SetText(loginError(err))
			return
		}
		d.Hide()
		if a.main != nil {
			a.main.refresh()
		}
	}
	question.OnSubmitted = func(string) { save() }
	answer.OnSubmitted = save
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Dismiss() })
	add := widget.NewButton(lang.L("Add"), save)
	add.Importance = widget.HighImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("Question"), question), widget.NewFormItem(lang.L("Answer"), answer))
	d = dialog.NewCustomWithoutButtons(lang.L("Add a security question"), container.NewVBox(form, problem), a.win)
	d.SetButtons([]fyne.CanvasObject{cancel, add})
	d.SetOnClosed(answer.Clear)
	d.Resize(fyne.NewSize(520, 260))
	a.showDialog(d)
	a.win.Canvas().Focus(question)
}

// removeQuestion asks before removing a security question and its answer.
func (a *App) removeQuestion(l *vault.Login, question string) {
	a.confirmRemove(lang.L("Remove the security question \"{{.Question}}\" and its answer?", map[string]any{"Question": question}), func() {
		a.update(func(ix *vault.Index) error {
			_, err := ix.SetSecurityQuestion(l.ID, question, nil)
			return err
		})
	})
}
