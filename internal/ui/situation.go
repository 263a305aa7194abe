package ui

import (
	"slices"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/vault"
)

// situationForm is the part of a person's form that some deadline rules
// need and no notice prints (docs/deadlines.md): folded away under "More,
// for the reminders", since most people need none of it.
type situationForm struct {
	waiver, asylum  *widget.Check
	moved, jobEnded *dateField
	principal       *widget.Select
	principals      []string // person IDs, in principal's order; "" first
	accordion       *widget.Accordion
}

func newSituationForm(a *App, p *vault.Person) *situationForm {
	f := &situationForm{
		waiver:   widget.NewCheck(lang.L("The I-751 is filed with a waiver (divorce, abuse, hardship, the spouse's death)"), nil),
		asylum:   widget.NewCheck(lang.L("Means to apply for asylum (due within a year of arriving)"), nil),
		moved:    a.newDateField(lang.L("e.g. 03/15/1988 (optional)")),
		jobEnded: a.newDateField(lang.L("e.g. 03/15/1988 (optional)")),
	}
	names := []string{lang.L("Nobody: their own petition")}
	f.principals = []string{""}
	for _, q := range a.vault.Index().People {
		if p == nil || q.ID != p.ID {
			names = append(names, q.Name)
			f.principals = append(f.principals, q.ID)
		}
	}
	f.principal = widget.NewSelect(names, nil)
	f.principal.SetSelectedIndex(0)
	if p != nil {
		f.waiver.SetChecked(p.I751Waiver)
		f.asylum.SetChecked(p.SeeksAsylum)
		f.moved.show(p.Moved)
		f.jobEnded.show(p.JobEnded)
		if i := slices.Index(f.principals, p.PrincipalID); i > 0 {
			f.principal.SetSelectedIndex(i)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Moved to a new US address on"), f.moved.box),
		widget.NewFormItem(lang.L("The job a work visa rests on ended on"), f.jobEnded.box),
		widget.NewFormItem(lang.L("Residence through the petition of"), f.principal),
	)
	f.accordion = widget.NewAccordion(widget.NewAccordionItem(lang.L("More, for the reminders"),
		container.NewVBox(f.waiver, f.asylum, form)))
	return f
}

// valid checks the dates, and opens the part if one is wrong: a mistake
// folded away would keep the dialog's button disabled with no reason in
// sight.
func (f *situationForm) valid() bool {
	ok := f.moved.check()
	ok = f.jobEnded.check() && ok
	if !ok {
		f.accordion.Open(0)
	}
	return ok
}

// typed is the situation as the form says it, its dates read as people
// write them.
func (f *situationForm) typed() (vault.Situation, error) {
	s := vault.Situation{I751Waiver: f.waiver.Checked, SeeksAsylum: f.asylum.Checked}
	var err error
	if s.Moved, err = f.moved.date(); err != nil {
		return s, err
	}
	if s.JobEnded, err = f.jobEnded.date(); err != nil {
		return s, err
	}
	if i := f.principal.SelectedIndex(); i > 0 {
		s.PrincipalID = f.principals[i]
	}
	return s, nil
}
