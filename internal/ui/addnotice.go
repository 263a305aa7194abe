package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/filing"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
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
	words  [][]notice.Word // each page's, to show where values were read
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
	return readResult{data: r.Data, found: r.Notice, source: r.Source, warn: r.Warnings, words: r.Words}, nil
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
	if q.form != nil {
		q.form.close() // lets go of the notice's bytes and its drawn page
	}
}
