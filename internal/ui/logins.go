package ui

import (
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
	"immivault/internal/totp"
	"immivault/internal/vault"
)

// The Logins section of a person's page: one card per portal the person
// signs in to (the USCIS online account, CEAC, the I-94 website...), with
// the web address and username in the clear, the password, backup codes
// and security answers masked until revealed or copied, and the current
// 2-step code with the seconds it has left.

// serviceTitle names a service in the user's language.
func serviceTitle(s vault.Service) string {
	switch s {
	case vault.ServiceUSCIS:
		return lang.L("USCIS online account")
	case vault.ServiceCEAC:
		return lang.L("State Department CEAC / DS-160 / NVC")
	case vault.ServiceI94:
		return lang.L("CBP I-94 website")
	case vault.ServiceSEVP:
		return lang.L("SEVP portal")
	case vault.ServiceFOIA:
		return lang.L("FOIA requests")
	case vault.ServiceAttorney:
		return lang.L("Attorney's portal")
	case vault.ServiceOther:
		return lang.L("Other site")
	}
	return string(s)
}

// loginTitle names a login: its service, or an other login's own name.
func loginTitle(l *vault.Login) string {
	if l.Service == vault.ServiceOther && l.Name != "" {
		return l.Name
	}
	return serviceTitle(l.Service)
}

// findLogin is the login with the record ID id in ix, or nil.
func findLogin(ix *vault.Index, id string) *vault.Login {
	for _, l := range ix.Logins {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// serviceAddress is where each service signs in, offered when a login is
// added; "other" and the attorney's portal have none to offer.
var serviceAddress = map[vault.Service]string{
	vault.ServiceUSCIS: "https://myaccount.uscis.gov",
	vault.ServiceCEAC:  "https://ceac.state.gov",
	vault.ServiceI94:   "https://i94.cbp.dhs.gov",
	vault.ServiceSEVP:  "https://sevp.ice.gov/opt",
	vault.ServiceFOIA:  "https://first.uscis.gov",
}

// secretMask stands for a login's secret: the same for every one, so the
// page does not even show a password's length.
const secretMask = "••••••••"

func (pg *personPage) logins(ix *vault.Index) fyne.CanvasObject {
	list := ix.LoginsOf(pg.person.ID)
	if len(list) == 0 {
		return emptyNote(lang.L("No logins yet. Keep here how this person signs in to the USCIS online account and other government sites: the password, the 2-step secret and the backup codes."))
	}
	box := container.NewVBox()
	for _, l := range list {
		box.Add(pg.loginCard(l))
	}
	if len(pg.codes) > 0 {
		pg.tick()
	}
	return box
}

func (pg *personPage) loginCard(l *vault.Login) fyne.CanvasObject {
	a := pg.app
	grid := container.New(&identifierLayout{})
	row := func(label string, value, actions fyne.CanvasObject) {
		grid.Add(widget.NewLabel(label))
		grid.Add(value)
		if actions == nil {
			actions = container.NewHBox()
		}
		grid.Add(container.NewBorder(nil, nil, nil, container.NewVBox(actions))) // buttons to the right, lined up
	}
	if l.URL != "" {
		if u, err := url.Parse(l.URL); err == nil {
			link := widget.NewHyperlink(l.URL, u)
			link.Truncation = fyne.TextTruncateEllipsis
			row(lang.L("Web address"), link, nil)
		}
	}
	if l.Username != "" {
		user := widget.NewLabel(l.Username)
		user.Truncation = fyne.TextTruncateEllipsis
		copyB := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() { pg.copyText(l.Username) })
		row(lang.L("Username"), user, container.NewHBox(copyB))
	}
	if !l.Password.IsEmpty() {
		r := pg.secretRow(l.Password)
		row(lang.L("Password"), r.value, r.actions())
	}
	if k, err := l.Key(); err == nil && k != nil {
		c := pg.codeRow(k)
		row(lang.L("2-step code"), container.NewHBox(c.code, c.left), container.NewHBox(c.copyB))
	}
	if n := len(l.BackupCodes); n > 0 {
		row(lang.L("Backup codes"), widget.NewLabel(lang.L("{{.Unused}} of {{.All}} unused", map[string]any{"Unused": l.UnusedBackupCodes(), "All": n})), nil)
	}
	for _, q := range l.Questions {
		r := pg.secretRow(q.Answer)
		question := widget.NewLabel(q.Question)
		question.Truncation = fyne.TextTruncateEllipsis
		remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { a.removeQuestion(l, q.Question) })
		row(lang.L("Security answer"), container.NewVBox(question, r.value), container.NewHBox(r.reveal, r.copyB, remove))
	}
	content := container.NewVBox(grid)
	if l.Note != "" {
		content.Add(wrapped(l.Note))
	}
	edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { a.editLogin(pg.person, l) })
	codes := widget.NewButtonWithIcon(lang.L("Backup codes…"), theme.ListIcon(), func() { a.showBackupCodes(l) })
	question := widget.NewButtonWithIcon(lang.L("Add security question…"), theme.ContentAddIcon(), func() { a.addQuestion(l) })
	actions := container.NewHBox(edit, codes, question)
	if !l.TOTP.IsEmpty() {
		actions.Add(widget.NewButtonWithIcon(lang.L("Show as QR code…"), theme.VisibilityIcon(), func() { a.showTOTPQR(l) }))
	}
	for _, o := range actions.Objects {
		o.(*widget.Button).Importance = widget.LowImportance
	}
	content.Add(container.NewHScroll(actions))
	return widget.NewCard(loginTitle(l), "", content)
}

// copyText copies plain text (a username) with the clipboard's countdown:
// not a secret, but a username on the clipboard still says whose account
// it is.
func (pg *personPage) copyText(s string) {
	pg.app.idle.touch()
	if err := pg.app.clip.copy(secret.New([]byte(s))); err != nil {
		pg.app.showError(err)
	}
}

// secretRow shows one secret, a login's or an identifier's value: masked,
// revealed for revealFor, or copied. While revealed the text is a Go
// string in the label: a residual copy for those seconds.
type secretRow struct {
	app    *App
	secret *secret.Secret
	// masked is what the label shows while the secret is hidden, and
	// format what it shows revealed (nil: the secret as it is).
	masked  string
	format  func(b []byte) string
	value   *widget.Label
	reveal  *widget.Button
	copyB   *widget.Button
	timer   *time.Timer
	shownAt time.Time
}

func (pg *personPage) secretRow(s *secret.Secret) *secretRow {
	r := newSecretRow(pg.app, s)
	pg.secrets = append(pg.secrets, r)
	return r
}

func newSecretRow(a *App, s *secret.Secret) *secretRow {
	r := &secretRow{app: a, secret: s, masked: secretMask, value: widget.NewLabel(secretMask)}
	r.value.TextStyle.Monospace = true
	r.value.Truncation = fyne.TextTruncateEllipsis
	r.reveal = widget.NewButtonWithIcon(lang.L("Show"), theme.VisibilityIcon(), r.toggle)
	r.copyB = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), r.copy)
	return r
}

func (r *secretRow) actions() fyne.CanvasObject { return container.NewHBox(r.reveal, r.copyB) }

// toggle reveals the secret, or masks it again. It masks itself after
// revealFor by the app's clock (expire, on the page's tick) or, should the
// tick not come, by a timer.
func (r *secretRow) toggle() {
	r.app.idle.touch()
	if r.timer != nil {
		r.hide()
		return
	}
	r.secret.Use(func(b []byte) error {
		if r.format != nil {
			r.value.SetText(r.format(b))
		} else {
			r.value.SetText(string(b))
		}
		return nil
	})
	r.reveal.SetIcon(theme.VisibilityOffIcon())
	r.reveal.SetText(lang.L("Hide"))
	r.shownAt = r.app.opts.Now()
	r.timer = time.AfterFunc(revealFor, func() { onUI(r.hide) })
}

func (r *secretRow) shown() bool { return r.timer != nil }

// expire masks the secret once it has been shown for revealFor.
func (r *secretRow) expire(now time.Time) {
	if r.shown() && now.Sub(r.shownAt) >= revealFor {
		r.hide()
	}
}

func (r *secretRow) hide() {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	r.value.SetText(r.masked)
	r.reveal.SetIcon(theme.VisibilityIcon())
	r.reveal.SetText(lang.L("Show"))
}

func (r *secretRow) copy() {
	r.app.idle.touch()
	if err := r.app.clip.copy(r.secret); err != nil {
		r.app.showError(err)
	}
}

// codeRow is a login's current 2-step code, which changes as the clock
// goes (tick), and the seconds it has left.
type codeRow struct {
	app   *App
	key   *totp.Key
	code  *widget.Label
	left  *widget.Label
	copyB *widget.Button
}

func (pg *personPage) codeRow(k *totp.Key) *codeRow {
	c := &codeRow{app: pg.app, key: k, code: widget.NewLabel(""), left: widget.NewLabel("")}
	c.code.TextStyle = fyne.TextStyle{Monospace: true, Bold: true}
	c.left.SizeName = theme.SizeNameCaptionText
	c.copyB = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), c.copy)
	pg.codes = append(pg.codes, c)
	return c
}

// show puts the code for now on screen, in two groups ("123 456") as
// authenticator apps show it.
func (c *codeRow) show(now time.Time) {
	code, err := c.key.Code(now)
	if err != nil {
		c.code.SetText("—")
		c.left.SetText("")
		return
	}
	c.code.SetText(groupCode(code))
	c.left.SetText(lang.L("{{.Seconds}} s left", map[string]any{"Seconds": c.key.SecondsLeft(now)}))
}

func groupCode(code string) string {
	h := len(code) / 2
	return code[:h] + " " + code[h:]
}

// copy copies the code as it is now, without the space.
func (c *codeRow) copy() {
	c.app.idle.touch()
	code, err := c.key.Code(c.app.opts.Now())
	if err == nil {
		err = c.app.clip.copy(secret.New([]byte(code)))
	}
	if err != nil {
		c.app.showError(err)
	}
}

// tick brings the codes up to the clock and masks secrets shown long
// enough. It runs every second while the page shows logins.
func (pg *personPage) tick() {
	now := pg.app.opts.Now()
	for _, c := range pg.codes {
		c.show(now)
	}
	for _, r := range pg.secrets {
		r.expire(now)
	}
}
