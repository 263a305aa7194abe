package ui

import (
	"errors"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/bundle"
	"immivault/internal/contact"
	"immivault/internal/ui/secretentry"
)

// exportDialog makes a bundle: what goes in (everything, or chosen people
// and cases), for whom (family members, or a passphrase for a relative
// without immivault), and where it is saved.
type exportDialog struct {
	app      *App
	people   map[string]*widget.Check // by person ID
	cases    map[string]*widget.Check // by receipt number
	logins   map[string]*widget.Check // by record ID; none ticked to begin with
	to       map[string]*widget.Check // by contact ID
	usePass  *widget.Check
	pass     *secretentry.Entry
	again    *secretentry.Entry
	summary  *widget.Label
	d        dialog.Dialog
	progress progress
}

func (a *App) showExport() {
	a.idle.touch()
	e := &exportDialog{app: a, people: map[string]*widget.Check{}, cases: map[string]*widget.Check{}, logins: map[string]*widget.Check{},
		to: map[string]*widget.Check{}}
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
				}
				setEnabled(kc, !on)
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
	logins := container.NewVBox()
	for _, l := range ix.Logins {
		p, err := ix.Person(l.PersonID)
		if err != nil {
			continue
		}
		label := p.Name + " · " + loginTitle(l)
		if l.Username != "" {
			label += " · " + l.Username
		}
		// Never ticked to begin with: a login opens someone's account,
		// and goes only when chosen on its own.
		c := widget.NewCheck(label, func(bool) { e.changed() })
		e.logins[l.ID] = c
		logins.Add(c)
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
		e.loginsPart(logins),
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
	for _, l := range ix.Logins {
		if c := e.logins[l.ID]; c != nil && c.Checked {
			o.Logins = append(o.Logins, l.ID)
		}
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
	text := lang.L("The bundle will hold {{.People}} people, {{.Numbers}} numbers, {{.Cases}} cases and {{.Notices}} notices ({{.Size}}).",
		map[string]any{"People": s.People, "Numbers": s.Identifiers, "Cases": s.Cases, "Notices": s.Notices, "Size": sizeText(s.Bytes)})
	if s.Logins > 0 {
		text += " " + lang.L("And {{.N}} logins, with their passwords, 2-step secrets and backup codes in full: whoever opens it can sign in.", map[string]any{"N": s.Logins})
	}
	e.summary.SetText(text)
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
	e.app.askSaveFile(name, func(w fyne.URIWriteCloser) {
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

// loginsPart is the list of logins to tick one by one, with a word on
// what sending one means; nothing when the vault has none.
func (e *exportDialog) loginsPart(list *fyne.Container) fyne.CanvasObject {
	if len(list.Objects) == 0 {
		return container.NewVBox()
	}
	return container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Logins (only those you tick; their person must be in the bundle)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		list)
}
