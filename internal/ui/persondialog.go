package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/vault"
)

// personDialog adds a person or changes one: a name, dates as people write
// them (each said back, or marked with what is wrong, as it is typed), a
// relation, and the residence and situation the reminders need.
type personDialog struct {
	app      *App
	editing  *vault.Person
	name     *field
	nameSays *widget.Label
	// nameTyped is set once the name was typed in: only then is an empty
	// name a mistake to point at.
	nameTyped bool
	relation  *widget.SelectEntry
	born      *dateField
	// The residence: since, married, spouse a citizen since, in the state since.
	since, married, spouseCitizen, inState *dateField
	conditional, marriage                  *widget.Check
	sit                                    *situationForm
	c                                      *checkedDialog
	saved                                  string // the ID of the person saved
}

// editPerson adds a person (p nil) or changes one.
func (m *mainScreen) editPerson(p *vault.Person) *personDialog {
	a := m.app
	a.idle.touch()
	s := &personDialog{app: a, editing: p}
	s.build()
	a.showDialog(s.c.d)
	a.win.Canvas().Focus(s.name)
	return s
}

func (s *personDialog) build() {
	a, p := s.app, s.editing
	optional := lang.L("e.g. 03/15/1988 (optional)")
	s.name, s.nameSays, s.relation = a.newField(), noteLabel(), widget.NewSelectEntry(relations())
	s.nameSays.Importance = widget.DangerImportance
	s.nameSays.Hide()
	s.born = a.newDateField(optional)
	s.since, s.married, s.spouseCitizen, s.inState = a.newDateField(optional), a.newDateField(optional), a.newDateField(optional), a.newDateField(optional)
	s.sit = newSituationForm(a, p)
	s.conditional = widget.NewCheck(lang.L("Conditional green card (2 years)"), nil)
	s.marriage = widget.NewCheck(lang.L("Married to and living with a US citizen"), nil)
	title, confirm := lang.L("Add a person"), lang.L("Add")
	if p != nil {
		title, confirm = lang.L("Edit {{.Name}}", map[string]any{"Name": p.Name}), lang.L("Save")
		s.name.SetText(p.Name)
		s.born.show(p.Born)
		s.relation.SetText(relationText(p.Relation))
		s.since.show(p.Since)
		s.married.show(p.Married)
		s.spouseCitizen.show(p.SpouseCitizenSince)
		s.inState.show(p.InStateSince)
		s.conditional.SetChecked(p.Conditional)
		s.marriage.SetChecked(p.ViaMarriage)
	}
	// A form item's hint is one line, cut at the dialog's edge: this one
	// wraps, under the field and what the field says back.
	hint := noteLabel()
	hint.SetText(lang.L("For permanent residents: the date on the green card. It sets the reminders for renewing the card and applying for citizenship."))
	residentHint := widget.NewFormItem(lang.L("Resident since"), container.NewVBox(s.since.box, hint))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), container.NewVBox(s.name, s.nameSays)),
		widget.NewFormItem(lang.L("Date of birth"), s.born.box),
		widget.NewFormItem(lang.L("Relation"), s.relation),
		residentHint,
		widget.NewFormItem("", container.NewVBox(s.conditional, s.marriage)),
		widget.NewFormItem(lang.L("Married on"), s.married.box),
		widget.NewFormItem(lang.L("Spouse a US citizen since"), s.spouseCitizen.box),
		widget.NewFormItem(lang.L("Living in this state since"), s.inState.box),
	)
	// Under the form, not in it: the closed part's fields would widen the
	// form's value column to their own width.
	s.c = a.newCheckedDialog(title, confirm, container.NewVBox(form, s.sit.accordion), s.valid, s.save)
	s.name.OnChanged = func(string) { a.idle.touch(); s.nameTyped = true; s.c.recheck() }
	for _, d := range s.dates() {
		d.onChecked = s.c.recheck
	}
	submitsChecked(s.c, s.name, s.born.field, s.since.field, s.married.field, s.spouseCitizen.field, s.inState.field,
		s.sit.moved.field, s.sit.jobEnded.field)
	s.c.recheck()
	s.c.resize(fyne.NewSize(720, 680))
}

func (s *personDialog) dates() []*dateField {
	return []*dateField{s.born, s.since, s.married, s.spouseCitizen, s.inState, s.sit.moved, s.sit.jobEnded}
}

// valid checks every field, marking each bad one with its reason. The
// name's reason shows once something was typed in it: an empty new form
// is not a mistake yet.
func (s *personDialog) valid() bool {
	ok := strings.TrimSpace(s.name.Text) != ""
	if !ok && s.nameTyped {
		s.nameSays.SetText(lang.L("A name is needed."))
		s.nameSays.Show()
	} else {
		s.nameSays.SetText("")
		s.nameSays.Hide()
	}
	for _, d := range []*dateField{s.born, s.since, s.married, s.spouseCitizen, s.inState} {
		ok = d.check() && ok
	}
	return s.sit.valid() && ok
}

// save writes the person; the dialog stays open if the vault refuses.
func (s *personDialog) save() error {
	p := s.editing
	// What the dialog does not show of the residence (where it was read
	// from) stays as it was.
	var residence vault.Residence
	if p != nil {
		residence = p.Residence
	}
	bornOn, err := s.born.date()
	for _, d := range []struct {
		f  *dateField
		to *string
	}{{s.since, &residence.Since}, {s.married, &residence.Married},
		{s.spouseCitizen, &residence.SpouseCitizenSince}, {s.inState, &residence.InStateSince}} {
		if err == nil {
			*d.to, err = d.f.date()
		}
	}
	situation, serr := s.sit.typed()
	if err = errors.Join(err, serr); err != nil {
		return err // valid() let it through: it cannot be
	}
	residence.Conditional, residence.ViaMarriage = s.conditional.Checked, s.marriage.Checked
	name, relation := s.name.Text, relationKey(s.relation.Text)
	var id string
	err = s.app.saveChange(func(ix *vault.Index) error {
		if p != nil {
			id = p.ID
			if err := ix.EditPerson(p.ID, name, bornOn, relation); err != nil {
				return err
			}
			if situation != p.Situation {
				if err := ix.SetSituation(p.ID, situation); err != nil {
					return err
				}
			}
			if residence == p.Residence {
				return nil
			}
			return ix.SetResidence(p.ID, residence)
		}
		added, err := ix.AddPerson(name, bornOn, relation)
		if err != nil {
			return err
		}
		id = added.ID
		if situation != (vault.Situation{}) {
			if err := ix.SetSituation(added.ID, situation); err != nil {
				return err
			}
		}
		if residence == (vault.Residence{}) {
			return nil
		}
		return ix.SetResidence(added.ID, residence)
	})
	if err != nil {
		return err
	}
	s.saved = id
	if m := s.app.main; m != nil {
		m.person = ""
		m.selectPerson(id)
		m.refreshList()
	}
	return nil
}
