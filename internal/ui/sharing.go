package ui

import (
	"image"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/skip2/go-qrcode"

	"immivault/internal/contact"
	"immivault/internal/vault"
)

// sharingScreen is the family list: my contact card to give to others
// (text, file or QR code, with its fingerprint), and the cards of the
// people this vault shares with.
type sharingScreen struct {
	app  *App
	mine contact.Card
	list *fyne.Container
}

func (a *App) showSharing() {
	a.idle.touch()
	card, err := a.vault.Card(ownerName(a.vault.Index()))
	if err != nil {
		a.showError(err)
		return
	}
	s := &sharingScreen{app: a, mine: card, list: container.NewVBox()}
	if a.main != nil {
		a.main.close()
		a.main = nil
	}
	a.show(s)
}

// ownerName is the name on my card: the one remembered or the owner's
// (vault.Index.OwnerCardName); when the vault cannot say, the first
// person whose relation is self, else the first person.
func ownerName(ix *vault.Index) string {
	if name, err := ix.OwnerCardName(); err == nil {
		return name
	}
	for _, p := range ix.People {
		if p.Relation == vault.RelationSelf {
			return p.Name
		}
	}
	if len(ix.People) > 0 {
		return ix.People[0].Name
	}
	return appName
}

func (s *sharingScreen) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), s.back)
	intro := widget.NewLabel(lang.L("To share with family members, give them your card and add theirs. Then compare fingerprints by phone or in person: a card is only as good as its fingerprint."))
	intro.Wrapping = fyne.TextWrapWord

	code := cardQR(s.mine)
	qr := canvas.NewImageFromImage(code)
	qr.FillMode = canvas.ImageFillContain
	qr.ScaleMode = canvas.ImageScalePixels
	// Two screen units a module: a phone camera needs them that large.
	qr.SetMinSize(fyne.NewSquareSize(float32(code.Bounds().Dx()) / 2))
	fingerprint := widget.NewRichText(&widget.TextSegment{Text: s.mine.Fingerprint(),
		Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Monospace: true, Bold: true}}})
	copyCard := widget.NewButtonWithIcon(lang.L("Copy my card"), theme.ContentCopyIcon(), s.copyCard)
	saveCard := widget.NewButtonWithIcon(lang.L("Save my card…"), theme.DocumentSaveIcon(), s.saveCard)
	mine := widget.NewCard(lang.L("My card: {{.Name}}", map[string]any{"Name": s.mine.Name}), lang.L("Fingerprint"),
		container.NewBorder(nil, nil, qr, nil, container.NewVBox(fingerprint, container.NewHBox(copyCard, saveCard))))

	add := widget.NewButtonWithIcon(lang.L("Add a card…"), theme.ContentAddIcon(), s.addCard)
	export := widget.NewButtonWithIcon(lang.L("Make a bundle…"), theme.UploadIcon(), s.app.showExport)
	export.Importance = widget.HighImportance
	open := widget.NewButtonWithIcon(lang.L("Open a bundle…"), theme.DownloadIcon(), s.app.showImport)
	bundles := wrapped(lang.L("A bundle is one encrypted file with the people, numbers, cases and notices you choose, signed by you, that only the family members you pick can open (with immivault, or with the age and unzip tools)."))
	s.refresh()
	return container.NewBorder(container.NewHBox(back), nil, nil, nil, container.NewVScroll(container.NewPadded(container.NewVBox(
		heading(lang.L("Family sharing")), intro, mine,
		section(lang.L("Family members"), add, s.list),
		section(lang.L("Bundles"), nil, container.NewVBox(bundles, container.NewHBox(export, open))),
	))))
}

// cardQR draws my card as a QR code. A card with a post-quantum key is
// about 2 KB: that fits version 40 at the Medium level, and phone cameras
// read it from a screen.
func cardQR(c contact.Card) image.Image {
	q, err := qrcode.New(string(c.Marshal()), qrcode.Medium)
	if err != nil {
		q, err = qrcode.New(string(c.Marshal()), qrcode.Low)
	}
	if err != nil {
		return image.NewGray(image.Rect(0, 0, 1, 1))
	}
	return q.Image(-4) // 4 pixels a module: sharp when shown pixel for pixel
}

// update saves a change to the family list and shows the list anew; an
// error is shown, and nothing changed.
func (s *sharingScreen) update(change func(ix *vault.Index) error) {
	if s.app.update(change) {
		s.refresh()
	}
}

func (s *sharingScreen) refresh() {
	s.list.RemoveAll()
	contacts := s.app.vault.Index().Contacts
	if len(contacts) == 0 {
		s.list.Add(emptyNote(lang.L("No family members yet. Add the card a family member gave you.")))
		return
	}
	for _, c := range contacts {
		s.list.Add(s.contactRow(c))
	}
	s.list.Refresh()
}

func (s *sharingScreen) contactRow(c *vault.Contact) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	fp := widget.NewLabelWithStyle(c.Card().Fingerprint(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	state := widget.NewLabel(lang.L("fingerprint compared"))
	state.Importance = widget.SuccessImportance
	if !c.Verified {
		state.SetText(lang.L("fingerprint not compared yet"))
		state.Importance = widget.WarningImportance
	}
	info := container.NewVBox(name, fp, state)
	if c.Card().Classic() {
		info.Add(emptyNote(lang.L("Has a classic age key: bundles for them are made separately.")))
	}
	verify := widget.NewButton(lang.L("Compare fingerprint…"), func() { s.verify(c) })
	rename := widget.NewButtonWithIcon(lang.L("Rename"), theme.DocumentCreateIcon(), func() { s.rename(c) })
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { s.remove(c) })
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(container.NewHBox(verify, rename, remove)), info)
}

func (s *sharingScreen) back() {
	s.app.main = newMainScreen(s.app)
	s.app.show(s.app.main)
}

// cancel is Escape: back to the family.
func (s *sharingScreen) cancel() { s.back() }

func (s *sharingScreen) copyCard() {
	s.app.idle.touch()
	s.app.fyne.Clipboard().SetContent(string(s.mine.Marshal()))
}

func (s *sharingScreen) saveCard() {
	s.app.askSaveFile(fileSafe(s.mine.Name)+".immivault-card.txt", func(w fyne.URIWriteCloser) {
		_, err := w.Write(s.mine.Marshal())
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.app.showError(err)
		}
	})
}

func fileSafe(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}

// addCard takes a card pasted as text or opened from a file, shows its
// fingerprint, and adds it under a name.
func (s *sharingScreen) addCard() {
	a := s.app
	a.idle.touch()
	text := widget.NewMultiLineEntry()
	text.SetPlaceHolder(contact.Header + "\nname: …")
	text.SetMinRowsVisible(6)
	name := a.newField()
	name.SetPlaceHolder(lang.L("As you call them, e.g. Mom"))
	fp := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true, Bold: true})
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	var card contact.Card
	check := func(string) {
		c, err := contact.Parse([]byte(text.Text))
		switch {
		case strings.TrimSpace(text.Text) == "":
			problem.SetText("")
			fp.SetText("")
		case err != nil:
			problem.SetText(oneLine(err.Error()))
			fp.SetText("")
		case c.SameKeys(s.mine):
			problem.SetText(lang.L("This is your own card."))
			fp.SetText("")
		default:
			card = c
			problem.SetText("")
			fp.SetText(c.Fingerprint())
			if name.Text == "" {
				name.SetText(c.Name)
			}
		}
	}
	text.OnChanged = check
	open := widget.NewButtonWithIcon(lang.L("Open a card file…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			defer r.Close()
			b, err := io.ReadAll(io.LimitReader(r, contact.MaxCardSize+1))
			if err != nil {
				a.showError(err)
				return
			}
			text.SetText(string(b))
		}, a.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".txt"}))
		d.Show()
	})
	d := dialog.NewForm(lang.L("Add a family member's card"), lang.L("Add"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Card"), container.NewBorder(nil, open, nil, nil, text)),
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Fingerprint"), fp),
		widget.NewFormItem("", problem),
	}, func(ok bool) {
		if !ok || fp.Text == "" {
			return
		}
		s.update(func(ix *vault.Index) error { _, err := ix.AddContact(name.Text, card); return err })
	}, a.win)
	submits(d, name)
	d.Resize(fyne.NewSize(640, 520))
	a.showDialog(d)
	a.win.Canvas().Focus(text)
}

// verify shows the fingerprint to compare and records a match.
func (s *sharingScreen) verify(c *vault.Contact) {
	a := s.app
	a.idle.touch()
	fp := widget.NewLabelWithStyle(c.Card().Fingerprint(), fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	how := widget.NewLabel(lang.L("Call {{.Name}} or meet them, and ask them to read the fingerprint on their card (Family sharing, My card). It must be exactly this:", map[string]any{"Name": c.Name}))
	how.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Compare fingerprints"), lang.L("They match"), lang.L("They do not match"),
		container.NewVBox(how, fp), func(match bool) {
			if match {
				s.update(func(ix *vault.Index) error { return ix.VerifyContact(c.ID) })
				return
			}
			a.showDialog(dialog.NewInformation(lang.L("Compare fingerprints"),
				lang.L("Do not share with this card: it may not be theirs. Remove it and ask {{.Name}} for their card again.", map[string]any{"Name": c.Name}), a.win))
		}, a.win)
	d.Resize(fyne.NewSize(520, 260))
	a.showDialog(d)
}

func (s *sharingScreen) rename(c *vault.Contact) {
	a := s.app
	name := a.newField()
	name.SetText(c.Name)
	d := dialog.NewForm(lang.L("Rename {{.Name}}", map[string]any{"Name": c.Name}), lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), name)}, func(ok bool) {
			if ok {
				s.update(func(ix *vault.Index) error { return ix.RenameContact(c.ID, name.Text) })
			}
		}, a.win)
	submits(d, name)
	d.Resize(fyne.NewSize(420, 180))
	a.showDialog(d)
	a.win.Canvas().Focus(name)
}

func (s *sharingScreen) remove(c *vault.Contact) {
	s.app.confirmRemove(lang.L("Remove {{.Name}} from the family list? Bundles you made for them stay readable to them.", map[string]any{"Name": c.Name}), func() {
		s.update(func(ix *vault.Index) error { return ix.RemoveContact(c.ID) })
	})
}
