package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

// commonForms are the forms a family's cases are most often for: the
// suggestions of the case offer's form field, which takes any form.
var commonForms = []string{"I-485", "I-130", "I-765", "I-131", "I-751", "I-90", "N-400", "I-129F", "I-539", "I-821D", "I-589"}

// caseOffer follows a receipt number added by hand that no case has: it
// offers to create the case, so that its timeline and reminders appear
// without waiting for a notice. The form is asked, not guessed: a receipt
// number says where and when a case was filed, not for what.
type caseOffer struct {
	app      *App
	person   *vault.Person
	receipt  string // as USCIS prints it
	form     *widget.SelectEntry
	formSays *widget.Label
	received *dateField
	c        *checkedDialog
}

// offerCase asks whether to create the case of receipt, if the vault has
// no case with that receipt number.
func (a *App) offerCase(p *vault.Person, receipt string) *caseOffer {
	if a.vault == nil {
		return nil
	}
	if _, err := a.vault.Index().CaseByReceipt(receipt); err == nil {
		return nil
	}
	o := &caseOffer{app: a, person: p, receipt: receipt, form: widget.NewSelectEntry(commonForms), formSays: noteLabel()}
	o.form.PlaceHolder = lang.L("e.g. I-485 (optional)")
	o.formSays.Importance = widget.DangerImportance
	o.formSays.Hide()
	o.received = a.newDateField(lang.L("e.g. 03/15/1988 (optional)"))
	question := wrapped(lang.L("No case has the receipt number {{.Receipt}} yet. Create its case, so that its timeline and reminders show? Which form it is for is printed on the receipt notice.",
		map[string]any{"Receipt": receipt}))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Form"), container.NewVBox(o.form, o.formSays)),
		widget.NewFormItem(lang.L("Received"), o.received.box),
	)
	o.c = a.newCheckedDialog(lang.L("Create the case?"), lang.L("Create the case"), container.NewVBox(question, form), o.valid, o.save)
	o.form.OnChanged = func(string) { a.idle.touch(); o.c.recheck() }
	o.received.onChecked = o.c.recheck
	o.form.OnSubmitted = func(string) { o.c.submit() }
	submitsChecked(o.c, o.received.field)
	o.c.recheck()
	o.c.resize(fyne.NewSize(520, 320))
	a.showDialog(o.c.d)
	a.win.Canvas().Focus(o.form)
	return o
}

// valid checks the form's name (any USCIS form, I-, N- or G- and its
// number) and the date.
func (o *caseOffer) valid() bool {
	ok := true
	o.formSays.SetText("")
	if f := strings.TrimSpace(o.form.Text); f != "" {
		if _, _, err := ids.NormalizeForm(f); err != nil {
			o.formSays.SetText(lang.L("Not a USCIS form: write it as printed, e.g. I-485 or N-400"))
			ok = false
		}
	}
	o.formSays.Hidden = o.formSays.Text == ""
	o.formSays.Refresh()
	return o.received.check() && ok
}

func (o *caseOffer) save() error {
	received, err := o.received.date()
	if err != nil {
		return err
	}
	ch := vault.CaseChange{Form: strings.TrimSpace(o.form.Text), Received: received}
	return o.app.saveChange(func(ix *vault.Index) error {
		_, err := ix.SetCase(o.person.ID, o.receipt, ch)
		return err
	})
}
