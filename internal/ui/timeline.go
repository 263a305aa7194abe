package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/deadline"
	"immivault/internal/vault"
)

// dated is one point on a case's timeline.
type dated struct {
	day   time.Time
	label string
	// mustAct is a date something had to be done by (a response due, the
	// last day of a window) not marked handled: once past, it is overdue.
	mustAct bool
}

// caseEvents are a case's dates in order: received, priority, notices,
// the appointments and deadlines read from them, and the dates the rules
// work out (ds, from deadline.Compute).
func caseEvents(ix *vault.Index, c *vault.Case, ds []deadline.Deadline) []dated {
	var out []dated
	add := func(date, label string) {
		if d, err := time.Parse(time.DateOnly, date); err == nil {
			out = append(out, dated{day: d, label: label})
		}
	}
	add(c.Priority, lang.L("Priority date"))
	add(c.Received, lang.L("Received"))
	add(c.NoticeDate, lang.L("Notice"))
	for _, e := range ix.Events {
		if e.CaseID == c.ID {
			add(e.Date, eventTitle(e.Kind))
		}
	}
	for _, d := range ds {
		if d.CaseID != c.ID {
			continue
		}
		mustAct := (d.Kind == deadline.Due || d.Kind == deadline.WindowCloses) && !ix.IsHandled(d.ID)
		// A date read off a notice (an rfe-due event) is the deadline the
		// rules work out from it: it is marked, not shown twice.
		same := slices.IndexFunc(out, func(x dated) bool { return x.day.Equal(d.Date) })
		switch {
		case same < 0:
			out = append(out, dated{day: d.Date, label: deadlineLabel(d.Kind), mustAct: mustAct})
		case mustAct:
			out[same].mustAct = true
		}
	}
	slices.SortStableFunc(out, func(a, b dated) int { return a.day.Compare(b.day) })
	return slices.CompactFunc(out, func(a, b dated) bool { return a.day.Equal(b.day) && a.label == b.label })
}

// eventTitle is an event kind in the user's language.
func eventTitle(kind string) string {
	switch kind {
	case "biometrics":
		return lang.L("Biometrics")
	case "interview":
		return lang.L("Interview")
	case "appointment":
		return lang.L("Appointment")
	case "rfe-due":
		return lang.L("RFE response due")
	case "noid-due":
		return lang.L("NOID response due")
	}
	return kind
}

// deadlineLabel is a short name for a kind of date, for the timeline.
func deadlineLabel(k deadline.Kind) string {
	switch k {
	case deadline.Due:
		return lang.L("Due")
	case deadline.WindowOpens:
		return lang.L("Window opens")
	case deadline.WindowCloses:
		return lang.L("Window closes")
	case deadline.Appointment:
		return lang.L("Appointment")
	case deadline.Expires:
		return lang.L("Expires")
	}
	return string(k)
}

// timeline draws dated events on a line, spaced by time, with today marked.
type timeline struct {
	widget.BaseWidget
	events []dated
	today  time.Time
}

// overdue says whether e had to be done by a day that has passed and is
// not marked handled: it stays red until it is (Upcoming's Mark handled).
func (t *timeline) overdue(e dated) bool {
	today := time.Date(t.today.Year(), t.today.Month(), t.today.Day(), 0, 0, 0, 0, time.UTC)
	return e.mustAct && e.day.Before(today)
}

// newTimeline draws events as of today, the app's clock (tests set it).
func newTimeline(events []dated, today time.Time) *timeline {
	t := &timeline{events: events, today: today}
	t.ExtendBaseWidget(t)
	return t
}

func (t *timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t, line: canvas.NewLine(theme.Color(theme.ColorNameDisabled))}
	r.line.StrokeWidth = 2
	for _, e := range t.events {
		dot := canvas.NewCircle(nil)
		label := canvas.NewText(e.label, nil)
		label.TextSize = theme.CaptionTextSize()
		when := displayDay(e.day)
		if t.overdue(e) {
			when = lang.L("overdue since {{.Date}}", map[string]any{"Date": when})
			label.TextStyle.Bold = true
		}
		date := canvas.NewText(when, nil)
		date.TextSize = theme.CaptionTextSize()
		r.marks = append(r.marks, mark{dot, label, date})
	}
	r.now = canvas.NewLine(theme.Color(theme.ColorNameError))
	r.now.StrokeWidth = 2
	r.colour()
	return r
}

type mark struct {
	dot         *canvas.Circle
	label, date *canvas.Text
}

type timelineRenderer struct {
	t     *timeline
	line  *canvas.Line
	now   *canvas.Line
	marks []mark
}

const dotSize = 10

func (r *timelineRenderer) MinSize() fyne.Size {
	if len(r.marks) == 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(200, dotSize+4*theme.CaptionTextSize()*1.3+theme.Padding())
}

// Layout spreads the dots by date. Labels alternate above and below the
// line so that close dates stay readable.
func (r *timelineRenderer) Layout(size fyne.Size) {
	if len(r.marks) == 0 {
		return
	}
	pad := float32(40)
	y := size.Height / 2
	r.line.Position1 = fyne.NewPos(pad, y)
	r.line.Position2 = fyne.NewPos(size.Width-pad, y)
	first, last := r.t.events[0].day, r.t.events[len(r.t.events)-1].day
	span := last.Sub(first)
	x := func(d time.Time) float32 {
		if span <= 0 {
			return size.Width / 2
		}
		return pad + float32(float64(size.Width-2*pad)*float64(d.Sub(first))/float64(span))
	}
	h := theme.CaptionTextSize() * 1.3
	for i, m := range r.marks {
		cx := x(r.t.events[i].day)
		m.dot.Resize(fyne.NewSquareSize(dotSize))
		m.dot.Move(fyne.NewPos(cx-dotSize/2, y-dotSize/2))
		for _, txt := range []*canvas.Text{m.label, m.date} {
			txt.Resize(txt.MinSize())
		}
		above := i%2 == 0
		ly, dy := y-dotSize/2-2*h, y-dotSize/2-h
		if !above {
			ly, dy = y+dotSize/2, y+dotSize/2+h
		}
		m.label.Move(fyne.NewPos(clampX(cx-m.label.MinSize().Width/2, m.label.MinSize().Width, size.Width), ly))
		m.date.Move(fyne.NewPos(clampX(cx-m.date.MinSize().Width/2, m.date.MinSize().Width, size.Width), dy))
	}
	if !r.t.today.Before(first) && !r.t.today.After(last) && span > 0 {
		nx := x(r.t.today)
		r.now.Position1 = fyne.NewPos(nx, y-dotSize)
		r.now.Position2 = fyne.NewPos(nx, y+dotSize)
		r.now.Show()
	} else {
		r.now.Hide()
	}
}

func clampX(x, w, width float32) float32 { return max(0, min(x, width-w)) }

func (r *timelineRenderer) Refresh() {
	r.colour()
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

// colour paints the marks in the theme's colours: an overdue one all red,
// as Upcoming shows it.
func (r *timelineRenderer) colour() {
	r.line.StrokeColor = theme.Color(theme.ColorNameDisabled)
	r.now.StrokeColor = theme.Color(theme.ColorNameError)
	for i, m := range r.marks {
		m.dot.FillColor = theme.Color(theme.ColorNamePrimary)
		m.label.Color = theme.Color(theme.ColorNameForeground)
		m.date.Color = theme.Color(theme.ColorNamePlaceHolder)
		if r.t.overdue(r.t.events[i]) {
			red := theme.Color(theme.ColorNameError)
			m.dot.FillColor, m.label.Color, m.date.Color = red, red, red
		}
	}
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.line}
	for _, m := range r.marks {
		objs = append(objs, m.dot, m.label, m.date)
	}
	return append(objs, r.now)
}

func (r *timelineRenderer) Destroy() {}
