package ui

import (
	"context"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/filing"
	"immivault/internal/ids"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/vault"
)

// importQueue reads dropped or chosen notice files one at a time: read and
// extract in the background with progress, then the proposal for the person
// to check and confirm, then the next file.
type importQueue struct {
	app      *App
	pending  []importJob
	current  *importJob
	form     *proposalForm // the proposal being checked, if any
	total    int           // files in this batch, for "2 of 5"
	done     int
	ctx      context.Context
	stop     context.CancelFunc
	status   *widget.Label
	progress *widget.ProgressBar
	box      *fyne.Container
}

type importJob struct {
	personID string
	name     string
	open     func() (io.ReadCloser, error)
}

// readNoticeJob is what the background read gives back.
type readResult struct {
	data   []byte
	found  fields.Notice
	source fields.Source
	warn   []string
}

func newImportQueue(a *App) *importQueue {
	q := &importQueue{app: a, status: widget.NewLabel(""), progress: widget.NewProgressBar()}
	q.status.Truncation = fyne.TextTruncateEllipsis
	q.box = container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(160, q.progress.MinSize().Height), q.progress), q.status)
	q.box.Hide()
	q.ctx, q.stop = context.WithCancel(context.Background())
	return q
}

func (q *importQueue) build() fyne.CanvasObject { return q.box }

// chooseFiles asks for notice files for the person, as many as they like,
// and queues them all.
func (q *importQueue) chooseFiles(personID string) *filePicker {
	return q.app.pickFiles(lang.L("Add notices"), noticeExtensions, func(uris []fyne.URI) { q.add(personID, uris) })
}

// add queues dropped files for the person.
func (q *importQueue) add(personID string, uris []fyne.URI) {
	for _, u := range uris {
		u := u
		q.enqueue(importJob{personID: personID, name: u.Name(), open: func() (io.ReadCloser, error) { return storage.Reader(u) }})
	}
}

func (q *importQueue) enqueue(j importJob) {
	q.pending = append(q.pending, j)
	q.total++
	if q.current == nil {
		q.next()
	}
}

// next starts on the next file, or hides the progress when all are done.
func (q *importQueue) next() {
	if len(q.pending) == 0 || q.ctx.Err() != nil {
		q.current, q.total, q.done = nil, 0, 0
		q.box.Hide()
		return
	}
	j := q.pending[0]
	q.pending = q.pending[1:]
	q.current = &j
	q.done++
	q.box.Show()
	q.show(j.name, 0, 0)
	ctx := q.ctx
	progress := func(done, total int) { onUI(func() { q.show(j.name, done, total) }) }
	background(func() (readResult, error) {
		return readFile(ctx, j, progress)
	}, func(r readResult, err error) {
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			q.app.showError(err)
			q.current = nil
			q.next()
			return
		}
		q.propose(j, r)
	})
}

func (q *importQueue) show(name string, done, total int) {
	text := lang.L("Reading notice {{.N}} of {{.Total}}: {{.Name}}", map[string]any{"N": q.done, "Total": q.total, "Name": name})
	if total > 0 {
		text += " · " + lang.L("page {{.Page}} of {{.Pages}}", map[string]any{"Page": done, "Pages": total})
		q.progress.SetValue(float64(done) / float64(total))
	} else {
		q.progress.SetValue(0)
	}
	q.status.SetText(text)
}

// readFile reads a notice file and what can be read off it.
func readFile(ctx context.Context, j importJob, progress func(done, total int)) (readResult, error) {
	f, err := j.open()
	if err != nil {
		return readResult{}, err
	}
	defer f.Close()
	r, err := filing.ReadNotice(ctx, f, j.name, notice.WithProgress(progress))
	if err != nil {
		return readResult{}, err
	}
	return readResult{data: r.Data, found: r.Notice, source: r.Source, warn: r.Warnings}, nil
}

// propose shows what was read as an editable form; confirming files it.
func (q *importQueue) propose(j importJob, r readResult) {
	f := newProposalForm(q.app, j, r)
	f.onDone = func() { q.form, q.current = nil, nil; q.next() }
	f.show()
	q.form = f
}

// cancel stops reading and drops the queue (on lock).
func (q *importQueue) cancel() {
	q.stop()
	q.pending = nil
}

// proposalForm is the extraction proposal: every field editable, the ones
// read with low confidence or corrected from an OCR misreading marked.
type proposalForm struct {
	app    *App
	job    importJob
	read   readResult
	onDone func()

	person   *widget.Select
	people   []*vault.Person
	receipt  *field
	form     *field
	kind     *field
	noticeOn *field
	received *field
	priority *field
	events   []*widget.Check
	aNumber  *widget.Check // nil when none was read
	account  *widget.Check
	problem  *widget.Label
}

// lowConfidence marks a field for a second look.
const lowConfidence = 0.8

func newProposalForm(a *App, j importJob, r readResult) *proposalForm {
	return &proposalForm{app: a, job: j, read: r}
}

func (f *proposalForm) entry(read fields.Field, placeholder string) (*field, string) {
	e := f.app.newField()
	e.SetText(read.Value)
	e.SetPlaceHolder(placeholder)
	return e, checkHint(read)
}

// checkHint is the note beside a field that deserves a second look.
func checkHint(field fields.Field) string {
	switch {
	case field.Value == "":
		return ""
	case field.Corrected:
		return lang.L("⚠ corrected from a misreading: check it")
	case field.Confidence < lowConfidence:
		return lang.L("⚠ not sure: check it")
	}
	return ""
}

func (f *proposalForm) show() {
	n := f.read.found
	ix := f.app.vault.Index()
	f.people = ix.People
	names := make([]string, len(f.people))
	for i, p := range f.people {
		names[i] = p.Name
	}
	f.person = widget.NewSelect(names, nil)
	for i, p := range f.people {
		if p.ID == f.job.personID {
			f.person.SetSelectedIndex(i)
		}
	}
	var hints [6]string
	f.receipt, hints[0] = f.entry(n.ReceiptNumber, "EAC2512345678")
	f.receipt.Validator = func(s string) error {
		if wrong := misplacedText(ids.ReceiptNumber, []byte(s)); wrong != "" {
			return errorText(wrong)
		}
		return nil
	}
	f.form, hints[1] = f.entry(n.Form, "I-485")
	f.kind, hints[2] = f.entry(n.NoticeType, lang.L("Receipt Notice"))
	f.noticeOn, hints[3] = f.entry(n.NoticeDate, lang.L("YYYY-MM-DD"))
	f.received, hints[4] = f.entry(n.ReceivedDate, lang.L("YYYY-MM-DD"))
	f.priority, hints[5] = f.entry(n.PriorityDate, lang.L("YYYY-MM-DD"))
	item := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
		it := widget.NewFormItem(label, w)
		it.HintText = hint
		return it
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("File under"), f.person),
		item(lang.L("Receipt number"), f.receipt, hints[0]),
		item(lang.L("Form"), f.form, hints[1]),
		item(lang.L("Notice type"), f.kind, hints[2]),
		item(lang.L("Notice date"), f.noticeOn, hints[3]),
		item(lang.L("Received"), f.received, hints[4]),
		item(lang.L("Priority date"), f.priority, hints[5]),
	}
	found := container.NewVBox()
	if len(n.ANumbers) > 0 { // the first is the notice's own
		a := n.ANumbers[0]
		f.aNumber = widget.NewCheck(lang.L("Add A-number {{.Masked}}", map[string]any{"Masked": ids.Mask(ids.ANumber, []byte(a.Value))})+" "+checkHint(a), nil)
		f.aNumber.SetChecked(true)
		found.Add(f.aNumber)
	}
	if a := n.AccountNumber; a.Value != "" {
		f.account = widget.NewCheck(lang.L("Add USCIS online account number {{.Masked}}", map[string]any{"Masked": ids.Mask(ids.AccountNumber, []byte(a.Value))})+" "+checkHint(a), nil)
		f.account.SetChecked(true)
		found.Add(container.NewHBox(f.account, f.app.accountHelpButton()))
	}
	for _, e := range n.Events {
		when := e.Date
		if e.Time != "" {
			when += " " + e.Time
		}
		c := widget.NewCheck(eventTitle(e.Kind)+": "+when+" "+checkHint(fields.Field{Value: e.Date, Confidence: e.Confidence, Corrected: e.Corrected}), nil)
		c.SetChecked(true)
		f.events = append(f.events, c)
		found.Add(c)
	}
	if len(found.Objects) > 0 {
		items = append(items, widget.NewFormItem(lang.L("Also found"), found))
	}
	var notes []string
	notes = append(notes, f.read.warn...)
	notes = append(notes, n.Warnings...)
	if f.read.source == fields.NoText {
		notes = append(notes, lang.L("No text could be read from this file: type the fields yourself."))
	}
	f.problem = widget.NewLabel(strings.Join(notes, "\n"))
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.WarningImportance
	items = append(items, widget.NewFormItem("", f.problem))

	d := dialog.NewForm(lang.L("File {{.Name}}", map[string]any{"Name": f.job.name}), lang.L("File it"), lang.L("Skip"), items, f.confirmed, f.app.win)
	submits(d, f.receipt, f.form, f.kind, f.noticeOn, f.received, f.priority)
	d.Resize(fyne.NewSize(640, 640))
	f.app.showDialog(d)
}

// edited is what the form now says, as if read off the notice.
func (f *proposalForm) edited() fields.Notice {
	n := f.read.found
	set := func(fd *fields.Field, e *field) {
		if v := strings.TrimSpace(e.Text); v != fd.Value {
			*fd = fields.Field{Value: v, Confidence: 1}
		}
	}
	set(&n.ReceiptNumber, f.receipt)
	set(&n.Form, f.form)
	set(&n.NoticeType, f.kind)
	set(&n.NoticeDate, f.noticeOn)
	set(&n.ReceivedDate, f.received)
	set(&n.PriorityDate, f.priority)
	if n.ReceiptNumber.Value != "" {
		if norm, err := ids.Normalize(ids.ReceiptNumber, []byte(n.ReceiptNumber.Value)); err == nil {
			n.ReceiptNumber.Value = string(norm)
		}
	}
	if n.Form.Value != "" {
		if form, title, err := ids.NormalizeForm(n.Form.Value); err == nil {
			n.Form.Value, n.FormTitle = form, title
		}
	}
	if f.aNumber != nil && !f.aNumber.Checked {
		n.ANumbers = nil
	}
	if f.account != nil && !f.account.Checked {
		n.AccountNumber = fields.Field{}
	}
	var events []fields.Event
	for i, e := range n.Events {
		if f.events[i].Checked {
			events = append(events, e)
		}
	}
	n.Events = events
	return n
}

func (f *proposalForm) confirmed(ok bool) {
	if !ok || f.app.vault == nil {
		f.finish()
		return
	}
	i := f.person.SelectedIndex()
	if i < 0 {
		f.finish()
		return
	}
	n := f.edited()
	if n.ReceiptNumber.Value != "" {
		if _, err := ids.Normalize(ids.ReceiptNumber, []byte(n.ReceiptNumber.Value)); err != nil {
			f.app.showError(errors.New(kindRule(ids.ReceiptNumber)))
			f.finish()
			return
		}
	}
	v, personID := f.app.vault, f.people[i].ID
	p, err := filing.Propose(v.Index(), personID, f.job.name, f.read.data, n)
	if err != nil {
		f.app.showError(err)
		f.finish()
		return
	}
	data := f.read.data
	background(func() (*vault.Notice, error) {
		return filing.Apply(v, p, data)
	}, func(_ *vault.Notice, err error) {
		if err != nil {
			f.app.showError(err)
		} else if f.app.main != nil {
			f.app.main.person = personID
			f.app.main.refresh()
		}
		f.finish()
	})
}

func (f *proposalForm) finish() {
	f.read.data = nil
	if f.onDone != nil {
		f.onDone()
	}
}
