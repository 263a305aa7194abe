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

// setBusy shows the busy indicator, and hides the last problem, while slow
// work runs, with the controls that must not be touched meanwhile
// disabled; not busy, it hides the indicator and enables them again.
func (p progress) setBusy(busy bool, controls ...fyne.Disableable) {
	for _, c := range controls {
		setEnabled(c, !busy)
	}
	if busy {
		p.problem.Hide()
		p.busy.Show()
		p.busy.Start()
		return
	}
	p.busy.Stop()
	p.busy.Hide()
}

// setEnabled enables c, or disables it.
func setEnabled(c fyne.Disableable, on bool) {
	if on {
		c.Enable()
	} else {
		c.Disable()
	}
}

func (p progress) say(problem string) {
	p.problem.SetText(problem)
	p.problem.Show()
}
