package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ui/tworow"
	"immivault/internal/vault"
)

// mainScreen is the unlocked vault: the family on the left (with search),
// the selected person's page on the right, actions in a toolbar.
type mainScreen struct {
	app *App

	search  *searchField
	list    *widget.List
	rows    []listRow // what the list shows: people, or search hits
	person  string    // selected person's ID
	detail  *fyne.Container
	page    *personPage
	imports *importQueue
	syncing bool // the list's selection is being set to match m.person
}

// listRow is one row of the family list: a person, or a search hit that
// leads to one.
type listRow struct {
	personID string
	title    string
	detail   string
}

func newMainScreen(a *App) *mainScreen {
	m := &mainScreen{app: a, detail: container.NewStack()}
	m.search = newSearchField(m)
	m.search.SetPlaceHolder(lang.L("Search people, numbers, cases, notices, logins"))
	m.search.OnChanged = func(string) { a.idle.touch(); m.refreshList() }
	m.list = widget.NewList(
		func() int { return len(m.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.SizeName = theme.SizeNameCaptionText
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(m.rows[i].title)
			d := box.Objects[1].(*widget.Label)
			d.SetText(m.rows[i].detail)
			d.Hidden = m.rows[i].detail == ""
		})
	m.list.OnSelected = func(i widget.ListItemID) {
		a.idle.touch()
		switch {
		case i < len(m.rows) && m.rows[i].personID == "":
			m.list.UnselectAll() // "No matches" leads nowhere
		case i < len(m.rows) && !m.syncing:
			m.selectPerson(m.rows[i].personID)
		}
	}
	m.imports = newImportQueue(a)
	return m
}

func (m *mainScreen) build() fyne.CanvasObject {
	addPerson := widget.NewButtonWithIcon(lang.L("Add person"), theme.ContentAddIcon(), m.addPerson)
	addNotice := widget.NewButtonWithIcon(lang.L("Add notice…"), theme.FileIcon(), m.addNotice)
	lock := widget.NewButtonWithIcon(lang.L("Lock"), theme.LogoutIcon(), m.app.Lock)
	settings := widget.NewButtonWithIcon(lang.L("Settings"), theme.SettingsIcon(), m.app.showSettings)
	share := widget.NewButtonWithIcon(lang.L("Family sharing"), theme.AccountIcon(), m.app.showSharing)
	upcoming := widget.NewButtonWithIcon(lang.L("Upcoming"), theme.CalendarIcon(), m.app.showUpcoming)
	top := tworow.New(m.app.win.Canvas(), container.NewHBox(addPerson, addNotice, upcoming), container.NewHBox(share, settings, lock))

	left := container.NewBorder(m.search, nil, nil, nil, m.list)
	split := container.NewHSplit(left, m.detail)
	split.Offset = 0.3
	bottom := container.NewBorder(nil, nil, nil, m.app.clip.countdown, m.imports.build())
	m.refresh()
	return container.NewBorder(container.NewVBox(top, widget.NewSeparator()), bottom, nil, nil, split)
}

// refresh redraws the list and the selected person's page from the vault.
func (m *mainScreen) refresh() {
	ix := m.app.vault.Index()
	if m.person == "" && len(ix.People) > 0 {
		m.person = ix.People[0].ID
	}
	m.refreshList()
	m.showPerson()
}

func (m *mainScreen) refreshList() {
	ix := m.app.vault.Index()
	q := strings.TrimSpace(m.search.Text)
	if q == "" {
		m.rows = m.rows[:0]
		for _, p := range ix.People {
			m.rows = append(m.rows, listRow{personID: p.ID, title: p.Name, detail: relationText(p.Relation)})
		}
	} else {
		m.rows = searchIndex(ix, q)
		if len(m.rows) == 0 {
			m.rows = []listRow{{title: lang.L("No matches"), detail: lang.L("Try part of a name, a number, a form (I-485) or a word such as RFE")}}
		}
	}
	m.list.Refresh()
	for i, r := range m.rows {
		if r.personID == m.person && q == "" {
			m.syncing = true
			m.list.Select(i)
			m.syncing = false
			return
		}
	}
	m.list.UnselectAll()
}

func (m *mainScreen) selectPerson(id string) {
	if id == m.person && m.page != nil {
		return
	}
	m.person = id
	m.showPerson()
}

func (m *mainScreen) showPerson() {
	if m.page != nil {
		m.page.close()
		m.page = nil
	}
	ix := m.app.vault.Index()
	p, err := ix.Person(m.person)
	if m.person == "" || err != nil {
		m.person = ""
		m.detail.Objects = []fyne.CanvasObject{m.emptyFamily()}
		m.detail.Refresh()
		return
	}
	m.page = newPersonPage(m.app, p)
	m.detail.Objects = []fyne.CanvasObject{m.page.build()}
	m.detail.Refresh()
}

func (m *mainScreen) emptyFamily() fyne.CanvasObject {
	text := widget.NewLabel(lang.L("Start by adding yourself and each member of your family. Then add their numbers, or drop a USCIS notice on this window and immivault will read it."))
	text.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(lang.L("Add person"), theme.ContentAddIcon(), m.addPerson)
	add.Importance = widget.HighImportance
	return container.NewPadded(container.NewVBox(heading(lang.L("Your family")), text, container.NewHBox(add)))
}

func (m *mainScreen) focusSearch() { m.app.win.Canvas().Focus(m.search) }

// close drops the screen's views of the vault.
func (m *mainScreen) close() {
	if m.page != nil {
		m.page.close()
	}
	m.imports.cancel()
	m.rows = nil
}

// addPerson asks for a name, a date of birth and a relation.
func (m *mainScreen) addPerson() {
	m.editPerson(nil)
}

// editPerson adds a person (p nil) or changes one.
func (m *mainScreen) editPerson(p *vault.Person) {
	a := m.app
	a.idle.touch()
	name, born, relation := a.newField(), a.newField(), widget.NewSelectEntry(relations())
	born.SetPlaceHolder(lang.L("e.g. 03/15/1988 or March 15, 1988 (optional)"))
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errorText(lang.L("A name is needed."))
		}
		return nil
	}
	since, married, spouseCitizen, inState := a.newField(), a.newField(), a.newField(), a.newField()
	for _, f := range []*field{since, married, spouseCitizen, inState} {
		f.SetPlaceHolder(lang.L("e.g. 03/15/1988 or March 15, 1988 (optional)"))
	}
	sit := newSituationForm(a, p)
	conditional := widget.NewCheck(lang.L("Conditional green card (2 years)"), nil)
	marriage := widget.NewCheck(lang.L("Married to and living with a US citizen"), nil)
	title, confirm := lang.L("Add a person"), lang.L("Add")
	if p != nil {
		title, confirm = lang.L("Edit {{.Name}}", map[string]any{"Name": p.Name}), lang.L("Save")
		name.SetText(p.Name)
		born.SetText(p.Born)
		relation.SetText(relationText(p.Relation))
		since.SetText(p.Since)
		married.SetText(p.Married)
		spouseCitizen.SetText(p.SpouseCitizenSince)
		inState.SetText(p.InStateSince)
		conditional.SetChecked(p.Conditional)
		marriage.SetChecked(p.ViaMarriage)
	}
	residentHint := widget.NewFormItem(lang.L("Resident since"), since)
	residentHint.HintText = lang.L("For permanent residents: the date on the green card. It sets the reminders for renewing the card and applying for citizenship.")
	d := dialog.NewForm(title, confirm, lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Date of birth"), born),
		widget.NewFormItem(lang.L("Relation"), relation),
		residentHint,
		widget.NewFormItem("", container.NewVBox(conditional, marriage)),
		widget.NewFormItem(lang.L("Married on"), married),
		widget.NewFormItem(lang.L("Spouse a US citizen since"), spouseCitizen),
		widget.NewFormItem(lang.L("Living in this state since"), inState),
		widget.NewFormItem("", sit.accordion),
	}, func(ok bool) {
		if !ok {
			return
		}
		var id string
		// Dates as people write them; what the dialog does not show of the
		// residence (where it was read from) stays as it was.
		var residence vault.Residence
		if p != nil {
			residence = p.Residence
		}
		bornOn, err := typedDate(lang.L("Date of birth"), born)
		for _, d := range []struct {
			label string
			f     *field
			to    *string
		}{{lang.L("Resident since"), since, &residence.Since}, {lang.L("Married on"), married, &residence.Married},
			{lang.L("Spouse a US citizen since"), spouseCitizen, &residence.SpouseCitizenSince},
			{lang.L("Living in this state since"), inState, &residence.InStateSince}} {
			if err == nil {
				*d.to, err = typedDate(d.label, d.f)
			}
		}
		situation, serr := sit.typed()
		if err == nil {
			err = serr
		}
		if err != nil {
			a.showError(err)
			return
		}
		residence.Conditional, residence.ViaMarriage = conditional.Checked, marriage.Checked
		if a.update(func(ix *vault.Index) error {
			if p != nil {
				id = p.ID
				if err := ix.EditPerson(p.ID, name.Text, bornOn, relationKey(relation.Text)); err != nil {
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
			added, err := ix.AddPerson(name.Text, bornOn, relationKey(relation.Text))
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
		}) {
			m.person = ""
			m.selectPerson(id)
			m.refreshList()
		}
	}, a.win)
	submits(d, name, born, since, married, spouseCitizen, inState, sit.moved, sit.jobEnded)
	d.Resize(fyne.NewSize(600, 640))
	a.showDialog(d)
	a.win.Canvas().Focus(name)
}

// relations are the relations the vault keeps as keys, as the app shows
// them: suggestions, for any text is accepted.
func relations() []string {
	out := make([]string, len(vault.Relations))
	for i, k := range vault.Relations {
		out[i] = relationText(k)
	}
	return out
}

// relationText shows a relation: a key in the app's language, other text
// as it was typed.
func relationText(r string) string {
	switch r {
	case vault.RelationSelf:
		return lang.L("self")
	case vault.RelationSpouse:
		return lang.L("spouse")
	case vault.RelationChild:
		return lang.L("child")
	case vault.RelationParent:
		return lang.L("parent")
	case vault.RelationSibling:
		return lang.L("sibling")
	}
	return r
}

// relationKey is the key of a relation as the app shows it (relationText),
// in any letter case; the vault takes other text as it is (vault.RelationKey).
func relationKey(shown string) string {
	for _, k := range vault.Relations {
		if strings.EqualFold(strings.TrimSpace(shown), relationText(k)) {
			return k
		}
	}
	return shown
}

type errorText string

func (e errorText) Error() string { return string(e) }

// addNotice asks for notice files for the selected person.
func (m *mainScreen) addNotice() {
	m.app.idle.touch()
	if m.person == "" {
		m.app.showDialog(dialog.NewInformation(lang.L("Add notice"), lang.L("Add a person first: every notice is filed under someone."), m.app.win))
		return
	}
	m.imports.chooseFiles(m.person)
}

// addNoticeFiles queues dropped files for the selected person.
func (m *mainScreen) addNoticeFiles(uris []fyne.URI) {
	if m.person == "" {
		m.app.showDialog(dialog.NewInformation(lang.L("Add notice"), lang.L("Add a person first: every notice is filed under someone."), m.app.win))
		return
	}
	m.imports.add(m.person, uris)
}
