package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// progress is a screen's busy indicator, shown while slow work runs, and
// the one line that says what went wrong.
type progress struct {
	busy    *widget.Activity
	problem *widget.Label
}

func newProgress() progress {
	p := progress{busy: widget.NewActivity(), problem: widget.NewLabel("")}
	p.busy.Hide()
	p.problem.Importance = widget.DangerImportance
	p.problem.Wrapping = fyne.TextWrapWord
	p.problem.Hide()
	return p
}

func (p progress) running() bool { return p.busy.Visible() }

func (p progress) start() {
	p.problem.Hide()
	p.busy.Show()
	p.busy.Start()
}

func (p progress) stop() {
	p.busy.Stop()
	p.busy.Hide()
}

func (p progress) say(problem string) {
	p.problem.SetText(problem)
	p.problem.Show()
}
