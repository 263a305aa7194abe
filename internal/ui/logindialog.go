package ui

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/passgen"
	"immivault/internal/secret"
	"immivault/internal/totp"
	"immivault/internal/ui/secretentry"
	"immivault/internal/vault"
)

// loginDialog adds or changes one of a person's logins: the service, its
// web address and username, the password (typed, pasted or generated,
// rated by the meter) and the 2-step secret (pasted, or read from a QR
// code in an image). The password and the 2-step secret are typed into
// secret entries, so they never become Go strings here. Bad input is said
// in the dialog, which stays open, and nothing is saved.
type loginDialog struct {
	app      *App
	person   *vault.Person
	editing  *vault.Login
	service  *widget.Select
	name     *field
	nameItem *widget.FormItem
	url      *field
	username *field
	note     *widget.Entry
	password *secretentry.Entry
	meter    *strengthMeter
	words    *widget.RadioGroup // words or characters
	length   *widget.Slider
	lengthIs *widget.Label
	drawn    *widget.Label // what the generator drew: its bits
	twoStep  *secretentry.Entry
	reads    *widget.Label // what the 2-step secret reads as
	noTOTP   *widget.Check // editing: remove the 2-step secret
	problem  *widget.Label
	form     *widget.Form
	d        *dialog.CustomDialog
	saveB    *widget.Button
	// twoStepBad: the 2-step secret typed does not read as one; Save
	// waits until it does or is emptied.
	twoStepBad bool
}

func (a *App) editLogin(p *vault.Person, l *vault.Login) *loginDialog {
	a.idle.touch()
	s := &loginDialog{app: a, person: p, editing: l}
	a.showDialog(s.build())
	a.qrDrop = qrDropTarget{dialog: s.d, read: s.readQRFiles}
	if l == nil {
		a.win.Canvas().Focus(s.username)
	}
	return s
}

func (s *loginDialog) build() dialog.Dialog {
	a := s.app
	titles := make([]string, len(vault.Services))
	for i, svc := range vault.Services {
		titles[i] = serviceTitle(svc)
	}
	s.name, s.url, s.username = a.newField(), a.newField(), a.newField()
	s.name.SetPlaceHolder(lang.L("The site's name, e.g. Texas DMV"))
	s.name.OnChanged = func(string) { s.recheck() }
	s.url.SetPlaceHolder("https://")
	s.username.SetPlaceHolder(lang.L("User name or email address"))
	s.note = widget.NewMultiLineEntry()
	s.note.SetMinRowsVisible(2)
	s.note.SetPlaceHolder(lang.L("Anything else worth keeping (not secret)"))
	s.nameItem = widget.NewFormItem(lang.L("Name"), s.name)
	s.service = widget.NewSelect(titles, func(string) { s.serviceChanged() })

	s.password = secretentry.New()
	s.password.PlaceHolder = lang.L("Password")
	s.meter = newSiteMeter(nil)
	s.password.OnChanged = s.passwordChanged
	s.words = widget.NewRadioGroup([]string{lang.L("Words"), lang.L("Characters")}, func(string) { s.kindChanged() })
	s.words.Horizontal = true
	s.length = widget.NewSlider(passgen.MinWords, passgen.MaxWords)
	s.lengthIs = widget.NewLabel("")
	s.length.OnChanged = func(float64) { s.lengthChanged() }
	s.drawn = noteLabel()
	generate := widget.NewButtonWithIcon(lang.L("Generate"), theme.ViewRefreshIcon(), s.generate)
	copyPass := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), s.copyPassword)
	generator := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(copyPass), s.password),
		container.NewBorder(nil, nil, s.words, container.NewHBox(s.lengthIs, generate), s.length),
		s.drawn, s.meter.build())

	s.twoStep = secretentry.New()
	s.twoStep.PlaceHolder = lang.L("Paste the otpauth:// address or the secret the site shows")
	s.twoStep.OnChanged = s.twoStepChanged
	s.reads = noteLabel()
	fromImage := widget.NewButtonWithIcon(lang.L("Read QR code from an image…"), theme.FileImageIcon(), s.chooseQRImage)
	twoStep := container.NewVBox(s.twoStep, container.NewBorder(nil, nil, fromImage, nil,
		emptyNote(lang.L("or drop a screenshot of the site's QR code on this window"))), s.reads)
	s.noTOTP = widget.NewCheck(lang.L("Remove the 2-step secret"), func(bool) { s.twoStepChanged() })
	s.noTOTP.Hide()

	s.problem = widget.NewLabel("")
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Importance = widget.DangerImportance

	title := lang.L("Add a login for {{.Name}}", map[string]any{"Name": s.person.Name})
	confirm := lang.L("Add")
	s.service.SetSelectedIndex(0)
	s.words.SetSelected(lang.L("Words"))
	if l := s.editing; l != nil {
		title, confirm = lang.L("Change {{.Login}}", map[string]any{"Login": loginTitle(l)}), lang.L("Save")
		for i, svc := range vault.Services {
			if svc == l.Service {
				s.service.SetSelectedIndex(i)
			}
		}
		s.service.Disable()
		s.name.SetText(l.Name)
		s.name.Disable()
		s.url.SetText(l.URL)
		s.username.SetText(l.Username)
		s.note.SetText(l.Note)
		if !l.Password.IsEmpty() {
			s.password.PlaceHolder = lang.L("Type or generate a new password to change it")
		}
		if !l.TOTP.IsEmpty() {
			s.twoStep.PlaceHolder = lang.L("Paste a new 2-step secret to change it")
			s.noTOTP.Show()
		}
	}
	s.form = widget.NewForm(
		widget.NewFormItem(lang.L("Service"), s.service),
		s.nameItem,
		widget.NewFormItem(lang.L("Web address"), s.url),
		widget.NewFormItem(lang.L("Username"), s.username),
		widget.NewFormItem(lang.L("Password"), generator),
		widget.NewFormItem(lang.L("2-step secret"), container.NewVBox(twoStep, s.noTOTP)),
		widget.NewFormItem(lang.L("Note"), s.note),
	)
	s.serviceChanged() // the form now has the name's item to hide
	content := container.NewVBox(s.form, s.problem)
	cancel := widget.NewButton(lang.L("Cancel"), func() { s.d.Dismiss() })
	save := widget.NewButton(confirm, s.save)
	save.Importance = widget.HighImportance
	s.saveB = save
	buttons := []fyne.CanvasObject{cancel, save}
	if s.editing != nil {
		remove := widget.NewButton(lang.L("Remove this login"), s.remove)
		remove.Importance = widget.DangerImportance
		buttons = append([]fyne.CanvasObject{remove}, buttons...)
	}
	s.d = dialog.NewCustomWithoutButtons(title, container.NewScroll(content), a.win)
	s.d.SetButtons(buttons)
	s.recheck()
	s.d.SetOnClosed(s.wipe)
	s.d.Resize(dialogSize(a.win.Canvas().Size(), fyne.NewSize(680, 700)))
	for _, f := range []*field{s.name, s.url, s.username} {
		f.OnSubmitted = func(string) { s.save() }
	}
	s.password.OnSubmitted, s.twoStep.OnSubmitted = s.save, s.save
	s.kindChanged()
	s.passwordChanged()
	return s.d
}

// noteLabel is an empty wrapped caption, for a line the dialog fills in.
func noteLabel() *widget.Label {
	l := wrapped("")
	l.SizeName = theme.SizeNameCaptionText
	return l
}

func (s *loginDialog) selected() vault.Service {
	i := s.service.SelectedIndex()
	if i < 0 {
		return vault.ServiceOther
	}
	return vault.Services[i]
}

// serviceChanged shows the name field for "other" and offers the
// service's web address while none is typed.
func (s *loginDialog) serviceChanged() {
	if s.nameItem == nil {
		return
	}
	svc := s.selected()
	s.name.Hidden = svc != vault.ServiceOther
	s.nameItem.Text = ""
	if !s.name.Hidden {
		s.nameItem.Text = lang.L("Name")
	}
	if s.form != nil {
		s.form.Refresh()
	}
	s.recheck()
	if s.editing != nil {
		return
	}
	if s.url.Text == "" || isServiceAddress(s.url.Text) {
		s.url.SetText(serviceAddress[svc])
	}
}

func isServiceAddress(u string) bool {
	for _, a := range serviceAddress {
		if u == a {
			return true
		}
	}
	return false
}

// wordsChosen reports whether the generator draws words.
func (s *loginDialog) wordsChosen() bool { return s.words.Selected != lang.L("Characters") }

// kindChanged sets the length slider's range to the kind's.
func (s *loginDialog) kindChanged() {
	if s.length == nil {
		return
	}
	if s.wordsChosen() {
		s.length.Min, s.length.Max = passgen.MinWords, passgen.MaxWords
		s.length.SetValue(passgen.DefaultWords)
	} else {
		s.length.Min, s.length.Max = passgen.MinChars, passgen.MaxChars
		s.length.SetValue(passgen.DefaultChars)
	}
	s.lengthChanged()
}

func (s *loginDialog) lengthChanged() {
	n := int(s.length.Value)
	if s.wordsChosen() {
		s.lengthIs.SetText(lang.L("{{.N}} words", map[string]any{"N": n}))
	} else {
		s.lengthIs.SetText(lang.L("{{.N}} characters", map[string]any{"N": n}))
	}
}

// generate draws a password of the chosen kind and length into the field,
// never as a Go string.
func (s *loginDialog) generate() {
	s.app.idle.touch()
	n := int(s.length.Value)
	var p *passgen.Password
	var err error
	if s.wordsChosen() {
		p, err = passgen.Words(n)
	} else {
		p, err = passgen.Chars(n)
	}
	if err != nil {
		s.problem.SetText(err.Error())
		return
	}
	s.password.Set(p.Secret)
	s.drawn.SetText(lang.L("Drawn at random: {{.Bits}} bits, one of 2^{{.Bits}} passwords alike. Copy it into the site, then save here.", map[string]any{"Bits": int(math.Floor(p.Bits))}))
}

func (s *loginDialog) passwordChanged() {
	s.app.idle.touch()
	s.password.Use(func(b []byte) error { s.meter.rate(b); return nil })
}

func (s *loginDialog) copyPassword() {
	if s.password.Len() == 0 {
		return
	}
	if err := s.app.clip.copy(s.password.Secret()); err != nil {
		s.problem.SetText(oneLine(err.Error()))
	}
}

// twoStepChanged says what the pasted 2-step secret reads as, with the
// code it makes now, which the person can compare with the site's.
func (s *loginDialog) twoStepChanged() {
	s.app.idle.touch()
	defer s.recheck()
	s.twoStepBad = false
	if s.twoStep.Len() == 0 || s.noTOTP.Checked {
		s.reads.SetText("")
		return
	}
	k, err := totp.ParseSecret(s.twoStep.Secret())
	if err != nil {
		s.twoStepBad = true
		s.reads.SetText(twoStepError(err))
		s.reads.Importance = widget.DangerImportance
		s.reads.Refresh()
		return
	}
	s.reads.Importance = widget.SuccessImportance
	s.reads.SetText(readsAs(k, s.app))
}

// readsAs describes a 2-step key and the code it makes now.
func readsAs(k *totp.Key, a *App) string {
	code, err := k.Code(a.opts.Now())
	if err != nil {
		return twoStepError(err)
	}
	who := k.Issuer
	if k.Label != "" {
		if who != "" {
			who += " · "
		}
		who += k.Label
	}
	text := lang.L("Codes of {{.Digits}} digits every {{.Period}} s; the code now is {{.Code}}.", map[string]any{"Digits": k.Digits, "Period": k.Period, "Code": groupCode(code)})
	if who != "" {
		text = who + ": " + text
	}
	return text
}

// twoStepError puts a 2-step secret's error in the user's language where
// it is one the person can act on.
func twoStepError(err error) string {
	switch {
	case errors.Is(err, totp.ErrNoQR):
		return lang.L("No QR code found in the image: crop it closer, or paste the secret the site shows under the code.")
	case errors.Is(err, totp.ErrImage):
		return lang.L("This file is not a PNG, JPEG or GIF image, or it is damaged.")
	case errors.Is(err, totp.ErrImageTooLarge):
		return lang.L("The image is too large (at most 50 megapixels and 64 MiB).")
	}
	return lang.L("This is not a 2-step secret: {{.Error}}", map[string]any{"Error": oneLine(err.Error())})
}

// recheck enables Save only when what is typed can be saved: a name for
// another site, and a 2-step secret that reads as one (or none).
func (s *loginDialog) recheck() {
	if s.saveB == nil {
		return
	}
	ok := !s.twoStepBad && (s.selected() != vault.ServiceOther || strings.TrimSpace(s.name.Text) != "")
	setEnabled(s.saveB, ok)
}

// save checks what was typed and adds or changes the login; on a problem
// it says so and keeps the dialog open.
func (s *loginDialog) save() {
	a := s.app
	if s.saveB != nil && s.saveB.Disabled() { // Enter in a field while something is wrong
		return
	}
	svc, name := s.selected(), strings.TrimSpace(s.name.Text)
	var key *totp.Key
	if s.twoStep.Len() > 0 && !s.noTOTP.Checked {
		k, err := totp.ParseSecret(s.twoStep.Secret())
		if err != nil {
			s.problem.SetText(twoStepError(err))
			return
		}
		key = k
	}
	var password *secret.Secret
	if s.password.Len() > 0 {
		password = s.password.Secret()
	}
	fields := vault.LoginFields{URL: strings.TrimSpace(s.url.Text), Username: strings.TrimSpace(s.username.Text), Note: s.note.Text}
	err := a.vault.Update(func(ix *vault.Index) error {
		var l *vault.Login
		var err error
		if s.editing == nil {
			l, err = ix.AddLogin(s.person.ID, svc, name, fields, password)
		} else {
			l, err = ix.EditLogin(s.editing.ID, &fields.URL, &fields.Username, &fields.Note)
			if err == nil && password != nil {
				l, err = ix.SetLoginPassword(l.ID, password)
			}
		}
		if err != nil {
			return err
		}
		switch {
		case key != nil:
			_, err = ix.SetLoginTOTP(l.ID, key)
		case s.noTOTP.Checked:
			_, err = ix.SetLoginTOTP(l.ID, nil)
		}
		return err
	})
	if err != nil {
		s.problem.SetText(loginError(err))
		return
	}
	s.d.Hide()
	if a.main != nil {
		a.main.refresh()
	}
}

// loginError is a refused login's error as one line. The vault's errors
// never hold a secret.
func loginError(err error) string {
	return lang.L("Not saved: {{.Error}}", map[string]any{"Error": oneLine(err.Error())})
}

// wipe empties the secret entries when the dialog closes, however it
// closes, and stops taking dropped images.
func (s *loginDialog) wipe() {
	s.password.Clear()
	s.twoStep.Clear()
	if s.app.qrDrop.dialog == s.d {
		s.app.qrDrop = qrDropTarget{}
	}
}

// remove asks before removing the login, saying that earlier versions of
// the vault still hold its secrets until later saves replace them.
func (s *loginDialog) remove() {
	l, a := s.editing, s.app
	question := wrapped(lang.L("Remove the {{.Login}} login of {{.Name}}? Its password and codes leave the vault's records at once, but the earlier versions of the vault that immivault keeps to repair damage still hold them until later saves replace them.", map[string]any{"Login": loginTitle(l), "Name": s.person.Name}))
	forGood := widget.NewCheck(lang.L("Remove it for good: delete those earlier versions now"), nil)
	d := dialog.NewCustomConfirm(lang.L("Remove"), lang.L("Remove"), lang.L("Cancel"),
		container.NewVBox(question, forGood), func(ok bool) {
			if !ok {
				return
			}
			s.d.Hide()
			if !a.update(func(ix *vault.Index) error { return ix.RemoveLogin(l.ID) }) || !forGood.Checked {
				return
			}
			a.maintain(func(v *vault.Vault) (int, error) { return v.PurgeHistory() }, func(_ int, err error) {
				if err != nil {
					a.showError(fmt.Errorf("%s", lang.L("The login was removed, but the earlier versions could not be deleted: {{.Error}}", map[string]any{"Error": oneLine(err.Error())})))
				}
			})
		}, a.win)
	d.Resize(fyne.NewSize(520, 240))
	a.showDialog(d)
}
