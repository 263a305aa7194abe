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
