package ui

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// identifierDialog adds or changes one of a person's numbers: pick the
// kind, type the value, see at once whether it is valid and what it says.
//
// The value is typed into a stock Entry so the person can see it: while the
// dialog is open it is a Go string in the entry (and its undo history), a
// residual copy documented in docs/adr/0006-secret-entry.md. The entry is
// emptied when the dialog closes.
type identifierDialog struct {
	app       *App
	person    *vault.Person
	editing   *vault.Identifier
	kinds     []ids.Kind
	kind      *widget.Select
	qualifier *field
	qualItem  *widget.FormItem
	value     *field
	issued    *dateField // a document's dates, for the deadline rules
	expires   *dateField
	datesItem []*widget.FormItem
	class     *field         // what the document says the person is here as (C09, F1)
	parole    *widget.Select // a parole document's kind
	factsItem []*widget.FormItem
	check     *widget.Label  // the catalog's rule, or "valid"
	explain   *widget.Label  // what the value says about itself
	help      *widget.Button // where the account number is printed
	c         *checkedDialog
	// kindOK is whether the value typed is one of the kind chosen.
	kindOK bool
	// newReceipt is a receipt number just added, as USCIS prints it: its
	// case is offered when the dialog has closed.
	newReceipt string
}

func (a *App) editIdentifier(p *vault.Person, id *vault.Identifier) {
	a.idle.touch()
	s := &identifierDialog{app: a, person: p, editing: id, kinds: ids.Kinds()}
	a.showDialog(s.build())
	a.win.Canvas().Focus(s.value)
}

func (s *identifierDialog) build() dialog.Dialog {
	titles := make([]string, len(s.kinds))
	for i, k := range s.kinds {
		titles[i] = kindTitle(k)
	}
	s.kind = widget.NewSelect(titles, func(string) { s.changed() })
	s.qualifier = s.app.newField()
	s.qualifier.OnChanged = func(string) { s.changed() }
	s.value = s.app.newField()
	s.value.OnChanged = func(string) { s.changed() }
	s.check = widget.NewLabel("")
	s.check.Wrapping = fyne.TextWrapWord
	s.explain = widget.NewLabel("")
	s.explain.Wrapping = fyne.TextWrapWord
	s.explain.SizeName = theme.SizeNameCaptionText

	s.kind.SetSelectedIndex(0)
	title, confirm := lang.L("Add a number for {{.Name}}", map[string]any{"Name": s.person.Name}), lang.L("Add")
	if s.editing != nil {
		title, confirm = lang.L("Change {{.Kind}}", map[string]any{"Kind": identifierTitle(s.editing)}), lang.L("Save")
		for i, k := range s.kinds {
			if k == s.editing.Kind {
				s.kind.SetSelectedIndex(i)
			}
		}
		s.kind.Disable()
		s.qualifier.SetText(s.editing.Country + s.editing.Label)
		s.value.SetPlaceHolder(lang.L("Type the new value"))
	}
	s.issued = s.app.newDateField(lang.L("e.g. 03/15/1988 (optional)"))
	s.expires = s.app.newDateField(lang.L("e.g. 03/15/1988 (optional)"))
	s.expires.also = vault.DurationOfStatus
	s.class = s.app.newField()
	s.class.SetPlaceHolder(lang.L("Optional: the category on a work permit (C09), the class on an I-94 (F1, H1B)"))
	s.parole = widget.NewSelect(paroleChoices(), nil)
	if s.editing != nil {
		s.issued.show(s.editing.Issued)
		s.expires.show(s.editing.Expires)
		s.class.SetText(s.editing.Class)
		s.parole.SetSelectedIndex(paroleIndex(s.editing.Parole))
	}
	s.factsItem = []*widget.FormItem{
		widget.NewFormItem(lang.L("Class"), s.class),
		widget.NewFormItem(lang.L("Parole"), s.parole),
	}
	s.datesItem = []*widget.FormItem{
		widget.NewFormItem(lang.L("Issued"), s.issued.box),
		widget.NewFormItem(lang.L("Valid until"), s.expires.box),
	}
	s.qualItem = widget.NewFormItem(lang.L("Country"), s.qualifier)
	s.help = s.app.accountHelpButton()
	notes := container.NewVBox(s.check, s.explain, container.NewHBox(s.help))
	if s.editing != nil {
		remove := widget.NewButton(lang.L("Remove this number"), s.remove)
		remove.Importance = widget.DangerImportance
		notes.Add(container.NewHBox(remove))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Kind"), s.kind),
		s.qualItem,
		widget.NewFormItem(lang.L("Number"), s.value),
		widget.NewFormItem("", notes),
		s.datesItem[0], s.datesItem[1], s.factsItem[0], s.factsItem[1],
	}
	s.c = s.app.newCheckedDialog(title, confirm, widget.NewForm(items...), s.valid, s.save)
	// The typed value leaves the entry however the dialog closes.
	s.c.d.SetOnClosed(func() {
		s.value.SetText("")
		if s.newReceipt != "" {
			s.app.offerCase(s.person, s.newReceipt)
		}
	})
	s.issued.onChecked, s.expires.onChecked = s.changed, s.changed
	submitsChecked(s.c, s.qualifier, s.value, s.issued.field, s.expires.field, s.class)
	s.c.resize(fyne.NewSize(600, 520))
	s.changed()
	return s.c.d
}

func (s *identifierDialog) selected() ids.Kind {
	i := s.kind.SelectedIndex()
	if i < 0 {
		return ids.Other
	}
	return s.kinds[i]
}

// changed validates as the person types and says what the value means.
func (s *identifierDialog) changed() {
	if s.check == nil || s.qualItem == nil || s.help == nil || s.c == nil {
		return
	}
	s.app.idle.touch()
	k := s.selected()
	switch k {
	case ids.Passport:
		s.qualItem.Text = lang.L("Country")
		s.qualifier.SetPlaceHolder(lang.L("Issuing country, e.g. MEX or Mexico"))
		s.qualifier.Show()
	case ids.Other:
		s.qualItem.Text = lang.L("Label")
		s.qualifier.SetPlaceHolder(lang.L("What this number is, e.g. FBI case number"))
		s.qualifier.Show()
	default:
		s.qualItem.Text = ""
		s.qualifier.Hide()
	}
	if s.editing == nil {
		s.value.SetPlaceHolder(exampleOf(k))
	}
	for i, d := range []*dateField{s.issued, s.expires} {
		d.box.Hidden = !hasValidity(k)
		s.datesItem[i].Text = ""
		if !d.box.Hidden {
			s.datesItem[i].Text = []string{lang.L("Issued"), lang.L("Valid until")}[i]
		}
	}
	if k == ids.I94 {
		s.expires.SetPlaceHolder(lang.L("e.g. 03/15/1988, or D/S"))
	}
	s.class.Hidden = k != ids.EADCard && k != ids.I94 && k != ids.SEVISID
	if s.class.Hidden {
		s.factsItem[0].Text = ""
	} else {
		s.factsItem[0].Text = lang.L("Class")
	}
	s.parole.Hidden = k != ids.Other
	if s.parole.Hidden {
		s.factsItem[1].Text = ""
	} else {
		s.factsItem[1].Text = lang.L("Parole")
	}
	s.help.Hidden = k != ids.AccountNumber
	typed := []byte(s.value.Text)
	ok, rule, explanation := describe(k, typed)
	s.kindOK = ok || (s.editing != nil && len(typed) == 0)
	s.check.SetText(rule)
	switch wrong := misplacedText(k, typed); {
	case ok:
		s.check.Importance = widget.SuccessImportance
	case wrong != "":
		s.check.SetText(wrong)
		s.check.Importance = widget.WarningImportance
	case len(bytes.TrimSpace(typed)) > 0:
		s.check.Importance = widget.DangerImportance // a mistake, marked as it is typed
	default:
		s.check.Importance = widget.MediumImportance
	}
	clear(typed)
	s.check.Refresh()
	s.explain.SetText(explanation)
	s.c.recheck()
	s.c.d.Refresh()
}

// valid is whether the value is one of the kind (or, when changing a
// number, left empty to keep it) and the dates are dates; each date marks
// its own mistake.
func (s *identifierDialog) valid() bool {
	ok := s.issued.check()
	ok = s.expires.check() && ok
	return s.kindOK && ok
}

func exampleOf(k ids.Kind) string {
	return lang.L("e.g. {{.Example}}", map[string]any{"Example": k.Example()})
}

// describe checks a typed value: whether it is valid, the line to show
// under it, and what a valid value says about itself.
func describe(k ids.Kind, typed []byte) (ok bool, rule, explanation string) {
	if len(strings.TrimSpace(string(typed))) == 0 {
		return false, kindRule(k), ""
	}
	norm, err := ids.Normalize(k, typed)
	if err != nil {
		return false, kindRule(k), ""
	}
	defer clear(norm)
	e := ids.Explain(k, norm)
	switch {
	case e.Office != "" && e.FiscalYear != 0:
		explanation = lang.L("Issued by: {{.Office}}, USCIS fiscal year {{.Year}}.", map[string]any{"Office": e.Office, "Year": e.FiscalYear})
	case e.Office != "":
		explanation = lang.L("Issued by: {{.Office}}.", map[string]any{"Office": e.Office})
	case e.Summary != "":
		explanation = e.Summary
	}
	for _, w := range e.Warnings {
		explanation += "\n" + w
	}
	return true, lang.L("Valid: {{.Value}}", map[string]any{"Value": string(ids.Format(k, norm))}), strings.TrimSpace(explanation)
}

// hasValidity reports whether a kind of number is a document with dates
// that the deadline rules read.
func hasValidity(k ids.Kind) bool {
	switch k {
	case ids.GreenCard, ids.EADCard, ids.Passport, ids.I94, ids.Other:
		return true
	}
	return false
}

// save saves the value, dates and facts; the vault's refusal keeps the
// dialog open. Changing a number may leave the value empty to keep it.
func (s *identifierDialog) save() error {
	k, qual := s.selected(), strings.TrimSpace(s.qualifier.Text)
	var raw *secret.Secret
	var receipt string
	if s.value.Text != "" {
		raw = secret.New([]byte(s.value.Text))
		if k == ids.ReceiptNumber { // a case's receipt number is no secret in the vault
			if n, err := ids.Normalize(k, []byte(s.value.Text)); err == nil {
				receipt = string(n)
			}
		}
	}
	dates, err := s.typedValidity()
	if err != nil {
		return err
	}
	facts := vault.DocumentFacts{Class: strings.TrimSpace(s.class.Text), Parole: paroleKinds[max(s.parole.SelectedIndex(), 0)]}
	if s.class.Hidden {
		facts.Class = ""
	}
	if s.parole.Hidden {
		facts.Parole = ""
	}
	err = s.app.saveChange(func(ix *vault.Index) error {
		target := s.editing
		if raw != nil {
			id, err := ix.SetIdentifier(s.person.ID, k, qual, raw)
			if err != nil {
				return fmt.Errorf("%s", kindRuleFor(k, err))
			}
			target = id
		}
		if facts != target.DocumentFacts {
			if err := ix.SetDocumentFacts(target.ID, facts); err != nil {
				return err
			}
		}
		if !hasValidity(k) || (target.Issued == dates.Issued && target.Expires == dates.Expires) {
			return nil
		}
		return ix.SetValidity(target.ID, dates)
	})
	if err == nil {
		s.newReceipt = receipt
	}
	return err
}

// typedValidity reads the dates typed as people write them; D/S as it is.
func (s *identifierDialog) typedValidity() (vault.Validity, error) {
	issued, err := s.issued.date()
	if err != nil {
		return vault.Validity{}, err
	}
	expires, err := s.expires.date()
	if err != nil {
		return vault.Validity{}, err
	}
	return vault.Validity{Issued: issued, Expires: expires}, nil
}

// paroleKinds are a parole document's kinds, in paroleChoices' order.
var paroleKinds = []string{"", vault.ParoleAdvance, vault.ParoleHumanitarian}

func paroleChoices() []string {
	return []string{lang.L("Not a parole document, or not sure"), lang.L("Advance parole: to travel and come back"),
		lang.L("Humanitarian parole: permission to stay")}
}

func paroleIndex(kind string) int {
	for i, k := range paroleKinds {
		if k == kind && kind != "" {
			return i
		}
	}
	return 0
}

// kindRuleFor puts the catalog's rule in the user's language where the
// error is the catalog's; other errors (a missing country) pass as they are.
func kindRuleFor(k ids.Kind, err error) string {
	if _, nerr := ids.Normalize(k, nil); nerr != nil && nerr.Error() == err.Error() {
		return kindRule(k)
	}
	return err.Error()
}

// remove asks before removing the number, saying what removing does: the
// value leaves the records at once, but the earlier versions of the index
// that the vault keeps for repair still hold it until later saves replace
// them. "Remove it for good" also deletes those versions (PurgeHistory).
func (s *identifierDialog) remove() {
	id, a := s.editing, s.app
	question := wrapped(lang.L("Remove {{.Kind}} from {{.Name}}? It leaves the vault's records at once, but the earlier versions of the vault that immivault keeps to repair damage still hold it until later saves replace them.", map[string]any{"Kind": identifierTitle(id), "Name": s.person.Name}))
	forGood := widget.NewCheck(lang.L("Remove it for good: delete those earlier versions now"), nil)
	note := wrapped(lang.L("Copies in backups or a sync service's history are not touched."))
	note.SizeName = theme.SizeNameCaptionText
	d := dialog.NewCustomConfirm(lang.L("Remove"), lang.L("Remove"), lang.L("Cancel"),
		container.NewVBox(question, forGood, note), func(ok bool) {
			if !ok {
				return
			}
			s.c.d.Hide()
			if !a.update(func(ix *vault.Index) error { return ix.RemoveIdentifier(id.ID) }) || !forGood.Checked {
				return
			}
			a.maintain(func(v *vault.Vault) (int, error) { return v.PurgeHistory() }, func(_ int, err error) {
				if err != nil {
					a.showError(errors.New(lang.L("The number was removed, but the earlier versions could not be deleted: {{.Error}}", map[string]any{"Error": oneLine(err.Error())})))
				}
			})
		}, a.win)
	d.Resize(fyne.NewSize(520, 240))
	a.showDialog(d)
}
