package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/deadline"
	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/ui/noticeview"
	"immivault/internal/vault"
)

// revealFor is how long a revealed identifier stays in the clear.
const revealFor = 15 * time.Second

// pageTicks says whether a person's page ticks every second (for the 2-step
// codes). The tests turn it off and call tick themselves, with their clock.
var pageTicks = true

// personPage is one person: their numbers (masked until revealed), their
// cases with a timeline, and their notices.
type personPage struct {
	app       *App
	person    *vault.Person
	rows      []*identifierRow
	ctx       context.Context
	cancel    context.CancelFunc  // stops thumbnail rendering
	deadlines []deadline.Deadline // the family's, for the case timelines
	secrets   []*secretRow        // the logins' passwords and answers
	codes     []*codeRow          // the logins' 2-step codes
	ticks     ticker              // brings codes and reveals up to the clock
}

// identifierRow shows one identifier: masked, or revealed for a while,
// as a login's secrets are (secretRow), in the identifier's own mask and
// display form.
type identifierRow struct {
	*secretRow
	id *vault.Identifier
}

func newPersonPage(a *App, p *vault.Person) *personPage {
	ctx, cancel := context.WithCancel(context.Background())
	return &personPage{app: a, person: p, ctx: ctx, cancel: cancel}
}

func (pg *personPage) build() fyne.CanvasObject {
	p := pg.person
	ix := pg.app.vault.Index()
	pg.deadlines = deadline.Compute(ix, day(pg.app.opts.Now()))
	sub := relationText(p.Relation)
	if p.Born != "" {
		if sub != "" {
			sub += " · "
		}
		sub += lang.L("born {{.Date}}", map[string]any{"Date": displayDate(p.Born)})
	}
	subtitle := widget.NewLabel(sub)
	subtitle.SizeName = theme.SizeNameCaptionText
	edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { pg.app.main.editPerson(p) })
	editBox := container.NewVBox(edit)
	header := container.NewBorder(nil, nil, nil, editBox, container.NewVBox(heading(p.Name), subtitle))

	addID := widget.NewButtonWithIcon(lang.L("Add number"), theme.ContentAddIcon(), func() { pg.app.editIdentifier(p, nil) })
	addNotice := widget.NewButtonWithIcon(lang.L("Add notice…"), theme.FileIcon(), pg.app.main.addNotice)
	addLogin := widget.NewButtonWithIcon(lang.L("Add login"), theme.ContentAddIcon(), func() { pg.app.editLogin(p, nil) })
	addTrip := widget.NewButtonWithIcon(lang.L("Add trip"), theme.ContentAddIcon(), func() { pg.app.editTrip(p, nil) })

	page := container.NewVScroll(container.NewPadded(container.NewVBox(
		header,
		section(lang.L("Numbers"), addID, pg.identifiers(ix)),
		section(lang.L("Logins"), addLogin, pg.logins(ix)),
		section(lang.L("Cases"), nil, pg.cases(ix)),
		section(lang.L("Notices"), addNotice, pg.notices(ix)),
		section(lang.L("Trips abroad"), addTrip, pg.trips(ix)),
	)))
	if pageTicks && (len(pg.codes) > 0 || len(pg.secrets) > 0) {
		pg.ticks.start(pg.tick)
	}
	return page
}

// section is a titled part of the page with an optional action on the right.
func section(title string, action fyne.CanvasObject, content fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var head fyne.CanvasObject = t
	if action != nil {
		head = container.NewBorder(nil, nil, t, action)
	}
	return container.NewVBox(widget.NewSeparator(), head, content)
}

func (pg *personPage) identifiers(ix *vault.Index) fyne.CanvasObject {
	list := ix.IdentifiersOf(pg.person.ID)
	missing := pg.missingAccountNumber(ix, list)
	if len(list) == 0 {
		return container.NewVBox(emptyNote(lang.L("No numbers yet. Add them by hand, or add a notice and immivault will find them.")), missing)
	}
	grid := container.New(&identifierLayout{})
	for _, id := range list {
		r := pg.identifierRow(id)
		pg.rows = append(pg.rows, r)
		kind := widget.NewLabel(identifierTitle(id))
		editB := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { pg.app.editIdentifier(pg.person, id) })
		grid.Add(kind)
		grid.Add(r.value)
		grid.Add(container.NewHBox(r.reveal, r.copyB, editB))
	}
	return container.NewVBox(grid, missing)
}

func emptyNote(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// identifierTitle is the kind in the user's language, with the passport's
// country or the other number's label.
func identifierTitle(id *vault.Identifier) string {
	t := kindTitle(id.Kind)
	switch id.Kind {
	case ids.Passport:
		if id.Country != "" {
			t += " (" + id.Country + ")"
		}
	case ids.Other:
		if id.Label != "" {
			t = id.Label
		}
	}
	// A label is free text: keep it to what the column can show.
	if r := []rune(t); len(r) > 32 {
		t = string(r[:31]) + "…"
	}
	return t
}

func (pg *personPage) identifierRow(id *vault.Identifier) *identifierRow {
	r := newSecretRow(pg.app, id.Value)
	r.masked = maskOf(id)
	r.format = func(b []byte) string { return string(ids.Format(id.Kind, b)) }
	r.value.Truncation = fyne.TextTruncateOff
	r.value.SetText(r.masked)
	r.copyB.OnTapped = func() { pg.copyValue(id) }
	return &identifierRow{secretRow: r, id: id}
}

// maskOf is the identifier's display mask; it never shows the whole value.
func maskOf(id *vault.Identifier) string {
	var m string
	id.Value.Use(func(b []byte) error { m = ids.Mask(id.Kind, b); return nil })
	return m
}

// toggle reveals the value for revealFor, or masks it again.
func (pg *personPage) toggle(r *identifierRow) { r.toggle() }

func (pg *personPage) hide(r *identifierRow) { r.hide() }

func (pg *personPage) copyValue(id *vault.Identifier) {
	pg.app.idle.touch()
	if err := pg.app.clip.copy(id.Value); err != nil {
		pg.app.showError(err)
	}
}

// cases lists the person's cases, newest receipt first, each with its
// dates, its notices and a timeline.
func (pg *personPage) cases(ix *vault.Index) fyne.CanvasObject {
	cases := ofPerson(ix.Cases, pg.person, func(c *vault.Case) string { return c.PersonID })
	if len(cases) == 0 {
		return emptyNote(lang.L("No cases yet. A case appears when you add a notice with a receipt number."))
	}
	slices.SortFunc(cases, func(a, b *vault.Case) int { return -compareStrings(a.Received, b.Received) })
	box := container.NewVBox()
	for _, c := range cases {
		box.Add(pg.caseCard(ix, c))
	}
	return box
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (pg *personPage) caseCard(ix *vault.Index, c *vault.Case) fyne.CanvasObject {
	title := caseTitle(c)
	form := widget.NewForm()
	copyB := widget.NewButtonWithIcon(lang.L("Copy receipt number"), theme.ContentCopyIcon(), func() {
		pg.app.idle.touch()
		if err := pg.app.clip.copy(secret.New([]byte(c.ReceiptNumber))); err != nil {
			pg.app.showError(err)
		}
	})
	copyB.Importance = widget.LowImportance
	form.Append(lang.L("Receipt number"), container.NewHBox(copyB))
	if c.FormTitle != "" {
		form.Append(lang.L("Form"), wrapped(c.FormTitle))
	}
	if c.Status != "" {
		form.Append(lang.L("Status"), widget.NewLabel(c.Status))
	}
	for _, d := range []struct{ label, date string }{
		{lang.L("Received"), c.Received}, {lang.L("Priority date"), c.Priority}, {lang.L("Notice date"), c.NoticeDate},
	} {
		if d.date != "" {
			form.Append(d.label, widget.NewLabel(displayDate(d.date)))
		}
	}
	notices := container.NewHBox()
	for _, n := range ix.Notices {
		if n.CaseID == c.ID {
			notices.Add(widget.NewButtonWithIcon(noticeTitle(n), theme.FileIcon(), func() { pg.app.openNotice(n) }))
		}
	}
	content := container.NewVBox(form, newTimeline(caseEvents(ix, c, pg.deadlines), pg.app.opts.Now()))
	if len(notices.Objects) > 0 {
		content.Add(container.NewHScroll(notices))
	}
	return widget.NewCard(title, "", content)
}

// caseTitle names a case by its masked receipt number and form: the page
// shows no number in full until asked.
func caseTitle(c *vault.Case) string {
	title := ids.Mask(ids.ReceiptNumber, []byte(c.ReceiptNumber))
	if c.Form != "" {
		title += " · " + c.Form
	}
	return title
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func noticeTitle(n *vault.Notice) string {
	if n.Type != "" {
		return n.Type
	}
	return n.FileName
}

// ofPerson keeps the records that belong to p: those whose owner is p.ID.
func ofPerson[R any](records []R, p *vault.Person, owner func(R) string) []R {
	var kept []R
	for _, r := range records {
		if owner(r) == p.ID {
			kept = append(kept, r)
		}
	}
	return kept
}

// notices shows the person's notices as thumbnails, rendered in the
// background.
func (pg *personPage) notices(ix *vault.Index) fyne.CanvasObject {
	list := ofPerson(ix.Notices, pg.person, func(n *vault.Notice) string { return n.PersonID })
	if len(list) == 0 {
		return emptyNote(lang.L("No notices yet. Drop PDF or photo files of USCIS notices on this window, or use Add notice."))
	}
	grid := container.NewGridWrap(fyne.NewSize(170, 220))
	for _, n := range list {
		grid.Add(pg.noticeTile(n))
	}
	return grid
}

const thumbnailSide = 150

func (pg *personPage) noticeTile(n *vault.Notice) fyne.CanvasObject {
	img := canvas.NewImageFromResource(theme.FileIcon())
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(thumbnailSide))
	name := widget.NewLabel(noticeTitle(n))
	name.Truncation = fyne.TextTruncateEllipsis
	name.Alignment = fyne.TextAlignCenter
	open := widget.NewButton("", func() { pg.app.openNotice(n) })
	tile := container.NewStack(open, container.NewBorder(nil, name, nil, nil, img))

	v, ctx := pg.app.vault, pg.ctx
	background(func() (*canvas.Image, error) {
		data, err := readNotice(v, n)
		if err != nil {
			return nil, err
		}
		thumb, err := noticeview.Thumbnail(ctx, n.FileName, data, thumbnailSide)
		if err != nil {
			return nil, err
		}
		return canvas.NewImageFromImage(thumb), nil
	}, func(thumb *canvas.Image, err error) {
		if err != nil || ctx.Err() != nil {
			return
		}
		img.Image, img.Resource = thumb.Image, nil
		img.Refresh()
	})
	return tile
}

// close stops background work and masks everything.
func (pg *personPage) close() {
	pg.cancel()
	pg.ticks.stop()
	for _, r := range pg.secrets {
		r.hide()
	}
	pg.secrets, pg.codes = nil, nil
	for _, r := range pg.rows {
		r.hide()
		r.value.SetText("")
	}
	pg.rows = nil
}

// confirmRemove asks before deleting.
func (a *App) confirmRemove(question string, remove func()) {
	a.showDialog(dialog.NewConfirm(lang.L("Remove"), question, func(ok bool) {
		if ok {
			remove()
		}
	}, a.win))
}
