package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"filippo.io/age"

	"immivault/internal/bundle"
	"immivault/internal/contact"
	"immivault/internal/ui/secretentry"
	"immivault/internal/vault"
)

// exportDialog makes a bundle: what goes in (everything, or chosen people
// and cases), for whom (family members, or a passphrase for a relative
// without immivault), and where it is saved.
type exportDialog struct {
	app      *App
	people   map[string]*widget.Check // by person ID
	cases    map[string]*widget.Check // by receipt number
	to       map[string]*widget.Check // by contact ID
	usePass  *widget.Check
	pass     *secretentry.Entry
	again    *secretentry.Entry
	summary  *widget.Label
	d        dialog.Dialog
	progress progress
	// chooseFile asks where to save; tests replace it.
	chooseFile func(name string, save func(fyne.URIWriteCloser))
}

func (a *App) showExport() {
	a.idle.touch()
	e := &exportDialog{app: a, people: map[string]*widget.Check{}, cases: map[string]*widget.Check{}, to: map[string]*widget.Check{}}
	e.chooseFile = (&recoveryKeyScreen{app: a}).askFile
	a.lastExport = e
	a.showDialog(e.build())
}

func (e *exportDialog) build() dialog.Dialog {
	ix := e.app.vault.Index()
	what := container.NewVBox()
	for _, p := range ix.People {
		var cases []*widget.Check
		c := widget.NewCheck(p.Name, func(on bool) {
			// A person brings all their cases: single cases are chosen
			// only for a person left out.
			for _, kc := range cases {
				if on {
					kc.SetChecked(false)
					kc.Disable()
				} else {
					kc.Enable()
				}
			}
			e.changed()
		})
		e.people[p.ID] = c
		what.Add(c)
		for _, k := range ix.Cases {
			if k.PersonID == p.ID {
				kc := widget.NewCheck(caseTitle(k), func(bool) { e.changed() })
				e.cases[k.ReceiptNumber] = kc
				cases = append(cases, kc)
				what.Add(container.NewPadded(kc))
			}
		}
		c.SetChecked(true)
	}
	who := container.NewVBox()
	unverified := false
	for _, c := range ix.Contacts {
		label := c.Name + " · " + c.Card().Fingerprint()
		if !c.Verified {
			label += " · " + lang.L("fingerprint not compared yet")
			unverified = true
		}
		ch := widget.NewCheck(label, func(bool) { e.changed() })
		// Ticked to begin with: those whose fingerprint was compared. A card
		// nobody checked may not be theirs, and a bundle holds every number.
		ch.SetChecked(c.Verified && !c.Card().Classic())
		e.to[c.ID] = ch
		who.Add(ch)
	}
	if unverified {
		who.Add(emptyNote(lang.L("Family members whose fingerprint you have not compared are not ticked: compare it in Family sharing first, or tick them if you are sure.")))
	}
	if len(ix.Contacts) == 0 {
		who.Add(emptyNote(lang.L("No family members yet: add their cards in Family sharing, or use a passphrase.")))
	}
	e.pass, e.again = secretentry.New(), secretentry.New()
	e.again.PlaceHolder = lang.L("The same passphrase again")
	e.pass.OnChanged, e.again.OnChanged = e.changed, e.changed
	passBox := container.NewVBox(e.pass, e.again)
	passBox.Hide()
	e.usePass = widget.NewCheck(lang.L("Protect with a passphrase instead, for a relative without immivault"), func(on bool) {
		passBox.Hidden = !on
		who.Hidden = on
		e.changed()
	})
	e.summary = widget.NewLabel("")
	e.summary.Wrapping = fyne.TextWrapWord
	e.progress = newProgress()
	content := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("What to share (untick a person to choose single cases)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		what,
		widget.NewLabelWithStyle(lang.L("For whom (you can always open it too)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		who, e.usePass, passBox, e.summary, e.progress.problem, e.progress.busy)
	e.d = dialog.NewCustomConfirm(lang.L("Share with family"), lang.L("Save bundle…"), lang.L("Cancel"),
		container.NewVScroll(content), func(ok bool) {
			if ok {
				e.save()
			}
		}, e.app.win)
	e.d.Resize(fyne.NewSize(640, 620))
	e.changed()
	return e.d
}

// options is what the dialog says now.
func (e *exportDialog) options() bundle.ExportOptions {
	ix := e.app.vault.Index()
	o := bundle.ExportOptions{SenderName: ownerName(ix)}
	allPeople := true
	for _, p := range ix.People {
		if e.people[p.ID].Checked {
			o.People = append(o.People, p.ID)
		} else {
			allPeople = false
		}
	}
	for receipt, c := range e.cases {
		if c.Checked {
			o.Cases = append(o.Cases, receipt)
		}
	}
	if allPeople && len(o.Cases) == 0 {
		o.People = nil // everything
	}
	if e.usePass.Checked {
		o.Passphrase = e.pass.Secret()
		return o
	}
	o.To = []contact.Card{}
	for _, c := range ix.Contacts {
		if e.to[c.ID].Checked {
			o.To = append(o.To, c.Card())
		}
	}
	return o
}

// changed says what the bundle would hold, or what is wrong.
func (e *exportDialog) changed() {
	if e.summary == nil {
		return
	}
	e.app.idle.touch()
	o := e.options()
	if e.usePass.Checked && (e.pass.Len() == 0 || !secretentry.Equal(e.pass, e.again)) {
		e.summary.SetText(lang.L("Type the passphrase twice. Give it to your relative by phone or in person, not with the file."))
		return
	}
	if len(o.People) == 0 && len(o.Cases) == 0 && !e.anyPerson() {
		e.summary.SetText(lang.L("Choose at least one person or case."))
		return
	}
	s, err := bundle.Describe(e.app.vault, o)
	if err != nil {
		e.summary.SetText(oneLine(err.Error()))
		return
	}
	e.summary.SetText(lang.L("The bundle will hold {{.People}} people, {{.Numbers}} numbers, {{.Cases}} cases and {{.Notices}} notices ({{.Size}}).",
		map[string]any{"People": s.People, "Numbers": s.Identifiers, "Cases": s.Cases, "Notices": s.Notices, "Size": sizeText(s.Bytes)}))
}

// sizeText is a file size for people: 840 KB, 12.5 MB.
func sizeText(n int64) string {
	if n < 1e6 {
		return fmt.Sprintf("%d KB", (n+999)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

func (e *exportDialog) anyPerson() bool {
	for _, c := range e.people {
		if c.Checked {
			return true
		}
	}
	return false
}

// save asks where, then writes the bundle off the UI goroutine.
func (e *exportDialog) save() {
	o := e.options()
	if _, err := bundle.Describe(e.app.vault, o); err != nil {
		e.app.showError(err)
		return
	}
	if e.usePass.Checked && (e.pass.Len() == 0 || !secretentry.Equal(e.pass, e.again)) {
		e.app.showError(errors.New(lang.L("The passphrases do not match yet.")))
		return
	}
	e.pass.Clear()
	e.again.Clear()
	name := "immivault-" + time.Now().Format("2006-01-02") + ".age"
	v := e.app.vault
	e.chooseFile(name, func(w fyne.URIWriteCloser) {
		background(func() (struct{}, error) {
			err := bundle.Export(w, v, o)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(w.URI().Path()) // half a bundle is no use to anyone
			}
			return struct{}{}, err
		}, func(_ struct{}, err error) {
			if err != nil {
				e.app.showError(err)
				return
			}
			e.app.showDialog(dialog.NewInformation(lang.L("Share with family"),
				lang.L("Saved {{.Path}}. Send it any way you like: only the people it is for can open it.", map[string]any{"Path": w.URI().Path()}), e.app.win))
		})
	})
}

// importFlow opens a bundle: decrypt with the vault (or ask for its
// passphrase), check who signed it, preview what it would change, and
// apply what the person accepts.
type importFlow struct {
	app  *App
	path string
	file *os.File // the bundle, open until the import ends
	b    *bundle.Bundle
	plan bundle.Plan
	// reveals are the numbers of the preview's changes, masked until asked.
	reveals []*changeReveal
	// chooseFile asks for a bundle; tests replace it.
	chooseFile func(func(path string))
}

func (a *App) showImport() {
	a.idle.touch()
	f := &importFlow{app: a}
	f.chooseFile = f.askFile
	f.chooseFile(f.open)
}

func (f *importFlow) askFile(open func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			f.app.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		open(r.URI().Path())
	}, f.app.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".age", ".txt", ".asc"}))
	d.Show()
}

// open decrypts and verifies the bundle at path with the vault's key, or
// with a passphrase when it has one.
func (f *importFlow) open(path string) {
	f.path = path
	id, err := f.app.vault.Decrypter()
	if err != nil {
		f.app.showError(err)
		return
	}
	f.decrypt(id)
}

func (f *importFlow) decrypt(ids ...age.Identity) {
	path := f.path
	f.close()
	file, err := os.Open(path)
	if err != nil {
		f.app.showError(err)
		return
	}
	// The file stays open for Apply, which reads the notices from it.
	f.file = file
	background(func() (*bundle.Bundle, error) {
		info, err := file.Stat()
		if err != nil {
			return nil, err
		}
		return bundle.Open(file, info.Size(), ids...)
	}, func(b *bundle.Bundle, err error) {
		if err != nil {
			f.close()
		}
		switch {
		case errors.Is(err, bundle.ErrPassphrase):
			f.askPassphrase()
		case err != nil:
			f.app.showError(err)
		default:
			f.b = b
			f.checkSender()
		}
	})
}

func (f *importFlow) askPassphrase() {
	a := f.app
	pass := secretentry.New()
	d := dialog.NewCustomConfirm(lang.L("Open bundle"), lang.L("Open"), lang.L("Cancel"),
		container.NewVBox(wrapped(lang.L("This bundle is protected by a passphrase. Type the one the sender gave you.")), pass),
		func(ok bool) {
			if ok && pass.Len() > 0 {
				f.decrypt(vault.PassphraseIdentity(pass.Secret()))
			} else if !ok {
				f.close()
			}
			pass.Clear()
		}, a.win)
	pass.OnSubmitted = func() {
		typed := pass.Secret() // hiding the dialog clears the field
		d.Hide()
		if !typed.IsEmpty() {
			f.decrypt(vault.PassphraseIdentity(typed))
		}
	}
	d.Resize(fyne.NewSize(480, 220))
	a.showDialog(d)
	a.win.Canvas().Focus(pass)
}

// checkSender goes on for a bundle of this vault's own and for a family
// member's; for anyone else only once the person has typed (or pasted) the
// fingerprint they compared with the sender, as ADR 0008 and the CLI's
// --trust-sender require: one click is not enough.
func (f *importFlow) checkSender() {
	a := f.app
	ix := a.vault.Index()
	if f.b.FromVault(a.vault) {
		f.preview()
		return
	}
	if _, ok := f.b.KnownSender(ix); ok {
		f.preview()
		return
	}
	s := f.b.Sender()
	text := lang.L("This bundle is signed by “{{.Name}}”, who is not in your family list. Call them and compare this fingerprint with the one on their card before you accept it:", map[string]any{"Name": s.Name})
	if c, ok := f.b.ClaimedSender(ix); ok {
		text = lang.L("This bundle says it is from “{{.Name}}”, but its keys are not the ones on the card you have for {{.Contact}}. It may not be from them. Only accept it if they confirm this fingerprint by phone or in person:", map[string]any{"Name": s.Name, "Contact": c.Name})
	}
	fp := widget.NewLabelWithStyle(s.Fingerprint(), fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	typed := a.newField()
	typed.SetPlaceHolder(lang.L("Type the fingerprint they read to you"))
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	typed.OnChanged = func(string) { problem.SetText("") }
	// A confirm dialog, so that Cancel and Escape end the import alike. A
	// fingerprint missing or wrong shows the question again, saying so.
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm(lang.L("Unknown sender"), lang.L("I compared it: accept"), lang.L("Cancel"),
		container.NewVBox(wrapped(text), fp, typed, problem), func(ok bool) {
			a.idle.touch()
			if !ok {
				f.close()
				return
			}
			switch {
			case strings.TrimSpace(typed.Text) == "":
				problem.SetText(lang.L("Type the fingerprint the sender read to you, to show you compared it."))
			case f.b.Trust(typed.Text) != nil:
				problem.SetText(lang.L("That is not this bundle's fingerprint: nothing was imported. Accept it only if the sender reads you the one shown."))
			default:
				f.preview()
				return
			}
			a.showDialog(d)
			a.win.Canvas().Focus(typed)
		}, a.win)
	d.SetConfirmImportance(widget.WarningImportance)
	typed.OnSubmitted = func(string) { d.Confirm() }
	d.Resize(fyne.NewSize(560, 340))
	a.showDialog(d)
	a.win.Canvas().Focus(typed)
}

// senderLine says who made the bundle, for the preview.
func (f *importFlow) senderLine() string {
	a := f.app
	s := f.b.Sender()
	date := f.b.Created().Local().Format("2006-01-02 15:04")
	if f.b.FromVault(a.vault) {
		return lang.L("From you (this vault), made {{.Date}}. Nothing in your vault is deleted; where something changed on both sides, both versions are kept.",
			map[string]any{"Date": date})
	}
	c, known := f.b.KnownSender(a.vault.Index())
	name := s.Name
	if known {
		name = c.Name // as the family list calls them
	}
	head := lang.L("From {{.Name}} ({{.Fingerprint}}), made {{.Date}}. Nothing in your vault is deleted; where both of you changed something, both versions are kept.",
		map[string]any{"Name": name, "Fingerprint": s.Fingerprint(), "Date": date})
	switch {
	case !known:
		head += "\n" + lang.L("Not in your family list: you typed this sender's fingerprint to accept it.")
	case !c.Verified:
		head += "\n" + lang.L("You have not compared {{.Name}}'s fingerprint yet: do it in Family sharing.", map[string]any{"Name": c.Name})
	}
	return head
}

// preview lists what the bundle would change, each change with a check box.
func (f *importFlow) preview() {
	a := f.app
	f.plan = bundle.Preview(a.vault.Index(), f.b)
	list := container.NewVBox()
	checks := map[int]*widget.Check{}
	var reveals []*changeReveal
	for i, it := range f.plan.Items {
		text := actionTitle(it.Action) + ": " + it.What
		if it.Note != "" {
			text += " (" + it.Note + ")"
		}
		if !it.Action.Changes() {
			list.Add(emptyNote(text))
			continue
		}
		c := widget.NewCheck(text, nil)
		c.SetChecked(it.Accept)
		checks[i] = c
		list.Add(c)
		if len(it.Changes) > 0 {
			rows, rs := f.changeRows(it)
			list.Add(rows)
			reveals = append(reveals, rs...)
		}
	}
	f.reveals = reveals
	head := container.NewVBox(wrapped(f.senderLine()))
	if f.b.PassedOn(a.vault) {
		warn := wrapped(lang.L("The sender did not make this bundle for you: someone passed it on. Import it only if you know how it reached you."))
		warn.Importance = widget.WarningImportance
		head.Add(warn)
	}
	if f.plan.Changes() == 0 {
		f.close()
		a.showDialog(dialog.NewInformation(lang.L("Import bundle"), lang.L("Your vault already has everything in this bundle."), a.win))
		return
	}
	d := dialog.NewCustomConfirm(lang.L("Import bundle"), lang.L("Import the ticked changes"), lang.L("Cancel"),
		container.NewBorder(head, nil, nil, nil, container.NewVScroll(list)), func(ok bool) {
			f.hideReveals()
			if !ok {
				f.close()
				return
			}
			for i, c := range checks {
				f.plan.Items[i].Accept = c.Checked
			}
			f.apply()
		}, a.win)
	d.Resize(fyne.NewSize(720, 600))
	a.showDialog(d)
}

func (f *importFlow) apply() {
	a, v, b, plan := f.app, f.app.vault, f.b, f.plan
	background(func() (bundle.Result, error) {
		return bundle.Apply(v, b, plan)
	}, func(r bundle.Result, err error) {
		f.close()
		if err != nil {
			a.showError(err)
			return
		}
		if a.main != nil {
			a.main.refresh()
		}
		a.showDialog(dialog.NewInformation(lang.L("Import bundle"),
			lang.L("Added {{.Added}}, updated {{.Updated}}, kept both versions of {{.Conflicts}}; {{.Files}} notice files stored.",
				map[string]any{"Added": r.Added, "Updated": r.Updated, "Conflicts": r.Conflicts, "Files": r.Files}), a.win))
	})
}

func (f *importFlow) close() {
	if f.file != nil {
		f.file.Close()
		f.file = nil
	}
}

func actionTitle(a bundle.Action) string {
	switch a {
	case bundle.Add:
		return lang.L("Add")
	case bundle.Update:
		return lang.L("Update")
	case bundle.Conflict:
		return lang.L("Both changed, keep both")
	case bundle.Unchanged:
		return lang.L("Already here")
	case bundle.Older:
		return lang.L("Yours is newer")
	case bundle.Removed:
		return lang.L("You removed it")
	case bundle.Duplicate:
		return lang.L("Already here")
	}
	return a.String()
}
