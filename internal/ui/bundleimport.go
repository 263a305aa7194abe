package ui

import (
	"errors"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"filippo.io/age"

	"immivault/internal/bundle"
	"immivault/internal/ui/secretentry"
	"immivault/internal/vault"
)

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
}

func (a *App) showImport() {
	a.idle.touch()
	f := &importFlow{app: a}
	a.askOpenFile([]string{".age", ".txt", ".asc"}, func(r fyne.URIReadCloser) {
		r.Close()
		f.open(r.URI().Path())
	})
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
	problem := wrapped("")
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
	date := displayDay(f.b.Created().Local()) + " " + f.b.Created().Local().Format("15:04")
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
		warn := warningText(lang.L("The sender did not make this bundle for you: someone passed it on. Import it only if you know how it reached you."))
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
