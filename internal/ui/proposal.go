package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/filing"
	"immivault/internal/ids"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/vault"
)

// proposalForm is what was read off a notice, for the person to check against the page shown
// beside it and to correct before filing. Every value is checked as it is typed; nothing
// closes the proposal but File it and Skip, so nothing read or typed is lost to a mistake or
// to a failed save.
type proposalForm struct {
	app    *App
	job    importJob
	read   readResult
	onDone func()

	dialog *dialog.CustomDialog
	page   *proposalPage
	names  []notice.Name // printed on the notice

	people   []*vault.Person
	person   *widget.Select
	newName  *widget.Entry // the new person's name, when "New person…" is chosen
	newRow   *fyne.Container
	nameNote *widget.Label

	receipt, form, kind, noticeOn, received, priority *proposalField
	due                                               *proposalField // an appointment or deadline the type has and was not read
	dueRow                                            *fyne.Container
	all                                               []*proposalField
	side                                              *fyne.Container

	events   []*widget.Check
	found    *fyne.Container            // the identifiers, for the person chosen
	adds     map[ids.Kind]*widget.Check // identifiers to add as they are
	choices  map[ids.Kind]*widget.RadioGroup
	preview  *filing.Proposal // for the person chosen; nil for a new person
	notFiled error            // why the notice cannot be filed for the person chosen (already in the vault)

	problem *widget.Label // the reader's warnings
	blocked *widget.Label // what must be done before filing
	failed  *widget.Label // why filing failed
	fileIt  *widget.Button
	skip    *widget.Button
	filing  bool
	focused *proposalField // the field being checked, or
	marked  *notice.Value  // the number or date ticked last
}

func newProposalForm(a *App, j importJob, r readResult) *proposalForm {
	return &proposalForm{app: a, job: j, read: r}
}

// stayOpen is the proposal's dialog as the app's dialog stack sees it: Escape, which dismisses
// the topmost dialog, does not throw the reading away.
type stayOpen struct{ *dialog.CustomDialog }

func (stayOpen) Dismiss() {}

func (f *proposalForm) show() {
	n := f.read.found
	f.names = notice.FindNames(f.read.words)
	f.page = newProposalPage(f.job.name, f.read.data, f.read.words)

	f.receipt = newProposalField(n.ReceiptNumber, "EAC2512345678", notice.Number, checkReceipt, always)
	f.form = newProposalField(n.Form, "I-485", notice.Number, checkForm, always)
	f.kind = newProposalField(n.NoticeType, lang.L("Receipt Notice"), notice.Text, checkText, always)
	f.noticeOn = newProposalField(n.NoticeDate, "03/15/2025", notice.Date, checkDate, always)
	f.received = newProposalField(n.ReceivedDate, "03/15/2025", notice.Date, checkDate, receivedNeeded)
	f.priority = newProposalField(n.PriorityDate, "03/15/2025", notice.Date, checkDate, nil)
	f.due = newProposalField(fields.Field{}, "03/15/2025", notice.Date, checkDate, func(t string) bool { return appointmentNeeded(t) != "" })
	f.all = []*proposalField{f.receipt, f.form, f.kind, f.noticeOn, f.received, f.priority, f.due}
	for _, pf := range f.all {
		pf.entry.OnChanged = func(string) { f.update() }
		pf.entry.OnSubmitted = func(string) { f.file() }
		pf.entry.focused = func() { f.focus(pf) }
	}

	f.failed = widget.NewLabel("")
	f.failed.Wrapping = fyne.TextWrapWord
	f.failed.Importance = widget.DangerImportance
	f.failed.Hide()
	f.blocked = widget.NewLabel("")
	f.blocked.Wrapping = fyne.TextWrapWord
	f.blocked.Importance = widget.WarningImportance
	f.blocked.Hide()
	var notes []string
	notes = append(notes, f.read.warn...)
	notes = append(notes, n.Warnings...)
	if f.read.source == fields.NoText {
		notes = append(notes, lang.L("No text could be read from this file: type the fields yourself."))
	}
	f.problem = widget.NewLabel(strings.Join(notes, "\n"))
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.WarningImportance

	for _, e := range n.Events {
		when := displayDate(e.Date)
		if e.Time != "" {
			when += " " + e.Time
		}
		c := widget.NewCheck(eventTitle(e.Kind)+": "+when+" "+checkHint(fields.Field{Value: e.Date, Confidence: e.Confidence, Corrected: e.Corrected}), nil)
		c.SetChecked(true)
		c.OnChanged = func(bool) { f.mark(notice.Value{Kind: notice.Date, Text: e.Date}) }
		f.events = append(f.events, c)
	}
	f.found = container.NewVBox()

	f.buildPerson()
	f.fileIt = widget.NewButtonWithIcon(lang.L("File it"), theme.ConfirmIcon(), f.file)
	f.fileIt.Importance = widget.HighImportance
	f.skip = widget.NewButtonWithIcon(lang.L("Skip"), theme.CancelIcon(), f.close)

	d := dialog.NewCustomWithoutButtons(lang.L("File {{.Name}}", map[string]any{"Name": f.job.name}), f.content(), f.app.win)
	d.SetButtons([]fyne.CanvasObject{f.skip, f.fileIt})
	f.dialog = d
	size := f.app.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(1120, max(size.Width-40, 640)), min(800, max(size.Height-40, 560))))
	f.personChosen()
	f.app.showDialog(stayOpen{d})
	f.page.open()
}

// content is the page on the left, the form on the right, scrolling on its own.
func (f *proposalForm) content() fyne.CanvasObject {
	row := func(label string, pf *proposalField) *widget.FormItem {
		return widget.NewFormItem(label, container.NewVBox(pf.entry, pf.status))
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("File under"), container.NewVBox(f.person, f.nameNote, f.newRow)),
		row(lang.L("Receipt number"), f.receipt),
		row(lang.L("Form"), f.form),
		row(lang.L("Notice type"), f.kind),
		row(lang.L("Notice date"), f.noticeOn),
		row(lang.L("Received"), f.received),
		row(lang.L("Priority date"), f.priority),
	)
	// Asked for only when the notice type has one and none was read: a row of its own that
	// hides with it.
	f.dueRow = container.NewVBox(widget.NewLabelWithStyle(lang.L("Appointment or due date"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), f.due.entry, f.due.status)
	events := container.NewVBox()
	for _, c := range f.events {
		events.Add(c)
	}
	form.AppendItem(widget.NewFormItem(lang.L("Also found"), container.NewVBox(f.dueRow, f.found, events)))
	f.side = container.NewVBox(form, f.blocked, f.failed, f.problem)
	side := container.NewVScroll(f.side)
	split := container.NewHSplit(f.page.content, side)
	split.SetOffset(0.45)
	return split
}

// buildPerson makes the "File under" choice: everyone, then "New person…", with the person
// whose name is printed on the notice chosen.
func (f *proposalForm) buildPerson() {
	f.people = f.app.vault.Index().People
	options := make([]string, 0, len(f.people)+1)
	for _, p := range f.people {
		options = append(options, p.Name)
	}
	options = append(options, lang.L("New person…"))
	f.person = widget.NewSelect(options, nil)
	f.newName = widget.NewEntry()
	f.newName.SetPlaceHolder(lang.L("Name, as the person writes it"))
	f.newName.OnChanged = func(string) { f.update() }
	f.newRow = container.NewVBox(f.newName)
	f.newRow.Hide()
	f.nameNote = widget.NewLabel("")
	f.nameNote.Wrapping = fyne.TextWrapWord

	var printed []string
	for _, n := range f.names {
		printed = append(printed, n.Text)
	}
	if len(f.names) > 0 {
		f.newName.SetText(displayName(f.names[0].Text))
	}
	switch i := matchPerson(f.people, f.names); {
	case i >= 0:
		f.person.SetSelectedIndex(i)
		f.nameNote.SetText(lang.L("The notice names {{.Names}}.", map[string]any{"Names": strings.Join(printed, "; ")}))
	case len(f.names) > 0:
		// Someone not in the vault: no one is chosen, so that the notice is not filed under
		// whoever happened to be selected.
		f.nameNote.SetText(lang.L("The notice names {{.Names}}: no one here has that name. Choose who to file it under, or “New person…”.", map[string]any{"Names": strings.Join(printed, "; ")}))
		f.nameNote.Importance = widget.WarningImportance
	default:
		for i, p := range f.people {
			if p.ID == f.job.personID {
				f.person.SetSelectedIndex(i)
			}
		}
		f.nameNote.Hide()
	}
	f.person.OnChanged = func(string) { f.personChosen() }
}

// chosen is the person chosen, nil for none or a new person.
func (f *proposalForm) chosen() *vault.Person {
	if i := f.person.SelectedIndex(); i >= 0 && i < len(f.people) {
		return f.people[i]
	}
	return nil
}

func (f *proposalForm) newPerson() bool { return f.person.SelectedIndex() == len(f.people) }

// personChosen works out again what filing would add for the person chosen: which of the
// numbers read they have, or have a different one of.
func (f *proposalForm) personChosen() {
	if f.nameNote.Importance == widget.WarningImportance && (f.chosen() != nil || f.newPerson()) {
		// Chosen by hand: the warning has been heeded; what the notice says stays.
		var printed []string
		for _, n := range f.names {
			printed = append(printed, n.Text)
		}
		f.nameNote.Importance = widget.MediumImportance
		f.nameNote.SetText(lang.L("The notice names {{.Names}}.", map[string]any{"Names": strings.Join(printed, "; ")}))
	}
	f.newRow.Hidden = !f.newPerson()
	f.newRow.Refresh()
	f.preview, f.notFiled = nil, nil
	if p := f.chosen(); p != nil {
		f.preview, f.notFiled = filing.Propose(f.app.vault.Index(), p.ID, f.job.name, f.read.data, f.read.found)
	}
	f.buildFound()
	f.update()
}

// buildFound lists the identifiers read: each to add (ticked), to settle (differs from the
// stored one: replace, keep both or skip), or not added and why. A tick taken off stays off
// for another person; a choice made for one person's stored number is asked again.
func (f *proposalForm) buildFound() {
	f.found.RemoveAll()
	keep := func(m map[ids.Kind]bool, k ids.Kind) bool { v, ok := m[k]; return !ok || v }
	ticked := map[ids.Kind]bool{}
	for k, c := range f.adds {
		ticked[k] = c.Checked
	}
	f.adds, f.choices = map[ids.Kind]*widget.Check{}, map[ids.Kind]*widget.RadioGroup{}
	read := map[ids.Kind]string{ids.AccountNumber: f.read.found.AccountNumber.Value}
	if a := f.read.found.ANumbers; len(a) > 0 {
		read[ids.ANumber] = a[0].Value
	}
	add := func(k ids.Kind, masked string, corrected bool) {
		text := lang.L("Add {{.Kind}} {{.Masked}}", map[string]any{"Kind": kindTitle(k), "Masked": masked})
		if corrected {
			text += " " + lang.L("⚠ corrected from a misreading: check it")
		}
		c := widget.NewCheck(text, nil)
		c.SetChecked(keep(ticked, k))
		c.OnChanged = func(bool) { f.mark(notice.Value{Kind: notice.Number, Text: read[k]}) }
		f.adds[k] = c
		if k == ids.AccountNumber {
			f.found.Add(container.NewHBox(c, f.app.accountHelpButton()))
			return
		}
		f.found.Add(c)
	}
	p := f.preview
	if p == nil { // a new person has none of the numbers yet
		n := f.read.found
		if len(n.ANumbers) > 0 {
			add(ids.ANumber, ids.Mask(ids.ANumber, []byte(n.ANumbers[0].Value)), n.ANumbers[0].Corrected)
		}
		if n.AccountNumber.Value != "" {
			add(ids.AccountNumber, ids.Mask(ids.AccountNumber, []byte(n.AccountNumber.Value)), n.AccountNumber.Corrected)
		}
		return
	}
	for _, id := range p.Identifiers {
		add(id.Kind, id.Masked, id.Corrected)
	}
	for _, c := range p.Conflicts {
		l := widget.NewLabel(lang.L("The notice's {{.Kind}} {{.Masked}} differs from {{.Person}}'s {{.Stored}}:", map[string]any{
			"Kind": kindTitle(c.Kind), "Masked": c.Masked, "Person": p.PersonName, "Stored": c.Stored}))
		l.Wrapping = fyne.TextWrapWord
		r := widget.NewRadioGroup([]string{lang.L("Replace the stored one"), lang.L("Keep both"), lang.L("Skip it")}, func(string) { f.update() })
		f.choices[c.Kind] = r
		f.found.Add(container.NewVBox(l, r))
	}
	for _, na := range p.NotAdded {
		var why string
		args := map[string]any{"Kind": kindTitle(na.Kind), "Masked": na.Masked, "Person": p.PersonName, "Owner": na.Owner}
		switch na.Reason {
		case filing.Known:
			why = lang.L("{{.Kind}} {{.Masked}}: {{.Person}} already has it.", args)
		case filing.Others:
			why = lang.L("{{.Kind}} {{.Masked}}: not added, it is {{.Owner}}'s. File the notice under them if it is theirs.", args)
		default:
			why = lang.L("{{.Kind}} {{.Masked}}: not added, it is not the notice's own (a family member's?). Add it to whoever it belongs to.", args)
		}
		l := widget.NewLabel("• " + why)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		f.found.Add(l)
	}
}

// choice is what the radio for a conflicting identifier says to do.
func (f *proposalForm) choice(k ids.Kind) (filing.Choice, bool) {
	switch f.choices[k].Selected {
	case lang.L("Replace the stored one"):
		return filing.Replace, true
	case lang.L("Keep both"):
		return filing.KeepBoth, true
	case lang.L("Skip it"):
		return filing.Skip, true
	}
	return filing.Skip, false
}

// update checks everything as it is now, says what is wrong where it is wrong, and lets the
// notice be filed only when nothing is.
func (f *proposalForm) update() {
	if f.fileIt == nil || f.side == nil {
		return // still being built
	}
	t := strings.TrimSpace(f.kind.entry.Text)
	ok := true
	for _, pf := range f.all[:len(f.all)-1] {
		ok = pf.update(t) && ok
	}
	f.sayCase()
	if kind := appointmentNeeded(t); kind != "" && !f.hasEvent(kind) {
		f.dueRow.Show()
		ok = f.due.update(t) && ok
	} else {
		f.dueRow.Hide()
	}
	var why string
	switch {
	case f.notFiled != nil:
		why = f.notFiledText()
	case f.newPerson() && strings.TrimSpace(f.newName.Text) == "":
		why = lang.L("Type the new person's name.")
	case f.chosen() == nil && !f.newPerson():
		why = lang.L("Choose who to file the notice under.")
	}
	for k := range f.choices {
		if _, chosen := f.choice(k); !chosen {
			why = lang.L("Choose what to do with each number that differs from the stored one.")
		}
	}
	f.blocked.SetText(why)
	f.blocked.Hidden = why == ""
	ok = ok && why == ""
	if ok && !f.filing {
		f.fileIt.Enable()
	} else {
		f.fileIt.Disable()
	}
	f.side.Refresh() // lines that appeared or wrapped anew take their room
	f.highlight()
}

// sayCase says, under the receipt number, what filing does with a case already stored: adds to
// it, or, when it is someone else's, leaves the notice out of it.
func (f *proposalForm) sayCase() {
	receipt, err := f.receipt.value()
	if err != nil || receipt == "" || f.app.vault == nil {
		return
	}
	ix := f.app.vault.Index()
	c, err := ix.CaseByReceipt(receipt)
	if err != nil {
		return
	}
	owner, _ := ix.Person(c.PersonID)
	if owner == nil {
		return
	}
	if p := f.chosen(); p != nil && p.ID == c.PersonID {
		f.receipt.say(lang.L("Adds to {{.Person}}'s case already stored.", map[string]any{"Person": owner.Name}), widget.LowImportance)
		return
	}
	f.receipt.say(lang.L("This case is {{.Person}}'s: filed under anyone else, the notice is not added to it. Choose {{.Person}}, or check the number.", map[string]any{"Person": owner.Name}), widget.WarningImportance)
}

// hasEvent says whether an event of kind was read and is ticked.
func (f *proposalForm) hasEvent(kind string) bool {
	for i, e := range f.read.found.Events {
		if e.Kind == kind && f.events[i].Checked {
			return true
		}
	}
	return false
}

func (f *proposalForm) notFiledText() string {
	var dup *filing.DuplicateError
	if errors.As(f.notFiled, &dup) {
		return lang.L("This file is already in the vault, filed under {{.Person}}: skip it.", map[string]any{"Person": dup.Person})
	}
	return oneLine(f.notFiled.Error())
}

// focus highlights on the page where the field's value was read.
func (f *proposalForm) focus(pf *proposalField) {
	f.focused, f.marked = pf, nil
	f.highlight()
}

// mark highlights on the page where a number or date ticked or unticked was read.
func (f *proposalForm) mark(v notice.Value) {
	f.focused, f.marked = nil, &v
	f.update()
}

func (f *proposalForm) highlight() {
	var all, focus []notice.Box
	for _, pf := range f.all {
		boxes := notice.Locate(f.read.words, pf.located())
		all = append(all, boxes...)
		if pf == f.focused {
			focus = boxes
		}
	}
	for _, e := range f.read.found.Events {
		all = append(all, notice.Locate(f.read.words, notice.Value{Kind: notice.Date, Text: e.Date})...)
	}
	if f.marked != nil {
		focus = notice.Locate(f.read.words, *f.marked)
	}
	n := f.read.found
	if len(n.ANumbers) > 0 {
		all = append(all, notice.Locate(f.read.words, notice.Value{Kind: notice.Number, Text: n.ANumbers[0].Value})...)
	}
	if n.AccountNumber.Value != "" {
		all = append(all, notice.Locate(f.read.words, notice.Value{Kind: notice.Number, Text: n.AccountNumber.Value})...)
	}
	for _, nm := range f.names {
		all = append(all, nm.Box)
	}
	f.page.highlight(all, focus)
}

// edited is what the form now says, as if read off the notice.
func (f *proposalForm) edited() fields.Notice {
	n := f.read.found
	set := func(fd *fields.Field, pf *proposalField) {
		v, _ := pf.value()
		if v != fd.Value {
			*fd = fields.Field{Value: v, Confidence: 1}
		}
	}
	set(&n.ReceiptNumber, f.receipt)
	set(&n.Form, f.form)
	set(&n.NoticeType, f.kind)
	set(&n.NoticeDate, f.noticeOn)
	set(&n.ReceivedDate, f.received)
	set(&n.PriorityDate, f.priority)
	if _, title, err := ids.NormalizeForm(n.Form.Value); err == nil {
		n.FormTitle = title
	}
	if c := f.adds[ids.ANumber]; c != nil && !c.Checked {
		n.ANumbers = nil
	}
	if c := f.adds[ids.AccountNumber]; c != nil && !c.Checked {
		n.AccountNumber = fields.Field{}
	}
	var events []fields.Event
	for i, e := range n.Events {
		if f.events[i].Checked {
			events = append(events, e)
		}
	}
	if kind := appointmentNeeded(n.NoticeType.Value); kind != "" && f.dueRow.Visible() {
		if d, err := f.due.value(); err == nil && d != "" {
			events = append(events, fields.Event{Kind: kind, Date: d, Confidence: 1})
		}
	}
	n.Events = events
	return n
}

// file files the notice as the form says, under the person chosen or a new one. A failure
// keeps the proposal open, with everything in it, and says why.
func (f *proposalForm) file() {
	f.update()
	if f.fileIt.Disabled() || f.app.vault == nil {
		return
	}
	v := f.app.vault
	person := f.chosen()
	if f.newPerson() {
		var err error
		name := strings.TrimSpace(f.newName.Text)
		err = v.Update(func(ix *vault.Index) error {
			person, err = ix.AddPerson(name, "", "")
			return err
		})
		if err != nil {
			f.fail(err)
			return
		}
		// The new person is now one of the people, chosen: a retry files under them.
		f.rebuildPeople(person.ID)
	}
	p, err := filing.Propose(v.Index(), person.ID, f.job.name, f.read.data, f.edited())
	if err != nil {
		f.fail(err)
		return
	}
	if len(p.Conflicts) != len(f.choices) || len(p.NotAdded) > 0 && f.preview == nil {
		// Someone in the vault already has a number read (possible only for a person just
		// added): show it before filing anything.
		f.personChosen()
		f.fail(errors.New(lang.L("Check the numbers found before filing.")))
		return
	}
	for i := range p.Conflicts {
		p.Conflicts[i].Choice, _ = f.choice(p.Conflicts[i].Kind)
	}
	f.filing = true
	f.update()
	data := f.read.data
	background(func() (*vault.Notice, error) {
		return filing.Apply(v, p, data)
	}, func(_ *vault.Notice, err error) {
		f.filing = false
		if err != nil {
			f.fail(err)
			f.update()
			return
		}
		if f.app.main != nil {
			f.app.main.person = person.ID
			f.app.main.refresh()
		}
		f.close()
	})
}

// rebuildPeople lists the people again, with personID chosen.
func (f *proposalForm) rebuildPeople(personID string) {
	f.people = f.app.vault.Index().People
	options := make([]string, 0, len(f.people)+1)
	for _, p := range f.people {
		options = append(options, p.Name)
	}
	f.person.SetOptions(append(options, lang.L("New person…")))
	for i, p := range f.people {
		if p.ID == personID {
			f.person.SetSelectedIndex(i)
		}
	}
}

// fail says why filing failed, under the form; everything typed stays.
func (f *proposalForm) fail(err error) {
	f.failed.SetText(lang.L("Not filed: {{.Error}}", map[string]any{"Error": oneLine(err.Error())}))
	f.failed.Show()
}

// close ends the proposal, filed or skipped, and goes on to the next file.
func (f *proposalForm) close() {
	if f.dialog != nil {
		f.dialog.Hide()
	}
	if f.page != nil {
		f.page.close()
	}
	f.read.data = nil
	if f.onDone != nil {
		f.onDone()
		f.onDone = nil
	}
}
