package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"immivault/internal/deadline"
	"immivault/internal/vault"
)

// TestTimelineMarksOverdue: a response date that has passed shows on the
// case's timeline in red as "overdue since …" until it is marked handled;
// a date still ahead and a passed date nothing had to be done by do not.
func TestTimelineMarksOverdue(t *testing.T) {
	h := familyHarness(t)
	uiMu.Lock()
	h.app.update(func(ix *vault.Index) error {
		ana, _ := ix.Person("Ana Morales")
		c := ix.Cases[0]
		for _, e := range []vault.Event{
			{PersonID: ana.ID, CaseID: c.ID, Kind: "rfe-due", Date: "2025-11-20"},    // passed on any clock the tests run on
			{PersonID: ana.ID, CaseID: c.ID, Kind: "biometrics", Date: "2025-10-01"}, // passed, but nothing to answer
			{PersonID: ana.ID, CaseID: c.ID, Kind: "noid-due", Date: "2027-06-15"},   // ahead on any clock the tests run on
		} {
			if _, err := ix.AddEvent(e); err != nil {
				return err
			}
		}
		return nil
	})
	uiMu.Unlock()

	red := theme.Color(theme.ColorNameError)
	marks := func() map[string]color.Color { // each date's text, and its colour
		uiMu.Lock()
		defer uiMu.Unlock()
		out := map[string]color.Color{}
		for _, o := range test.LaidOutObjects(h.win.Canvas().Content()) {
			tl, ok := o.(*timeline)
			if !ok {
				continue
			}
			for _, obj := range test.TempWidgetRenderer(t, tl).Objects() {
				if txt, ok := obj.(*canvas.Text); ok {
					out[txt.Text] = txt.Color
				}
			}
		}
		return out
	}
	overdue := lang.L("overdue since {{.Date}}", map[string]any{"Date": displayDate("2025-11-20")})
	got := marks()
	uiMu.Lock()
	saveShot(t, h.win.Canvas(), "timeline-overdue")
	uiMu.Unlock()
	if c, ok := got[overdue]; !ok || c != red {
		t.Fatalf("the passed response date is not marked %q in red; the timeline shows %v", overdue, got)
	}
	if c := got[lang.L("RFE response due")]; c != red {
		t.Errorf("the overdue date's label is not red")
	}
	for _, date := range []string{displayDate("2025-10-01"), displayDate("2027-06-15")} {
		if c, ok := got[date]; !ok || c == red {
			t.Errorf("%s is missing from the timeline or red: %v", date, got)
		}
	}

	// Marking it handled (as Upcoming's button does) takes the mark away.
	uiMu.Lock()
	var id string
	for _, d := range deadline.Compute(h.app.vault.Index(), h.app.opts.Now()) {
		if d.Date.Format("2006-01-02") == "2025-11-20" {
			id = d.ID
		}
	}
	if id == "" {
		uiMu.Unlock()
		t.Fatal("the rules give no deadline for the RFE response date")
	}
	h.app.update(func(ix *vault.Index) error { return ix.MarkHandled(id) })
	uiMu.Unlock()
	got = marks()
	if _, ok := got[overdue]; ok {
		t.Errorf("the date marked handled is still overdue: %v", got)
	}
	if c, ok := got[displayDate("2025-11-20")]; !ok || c == red {
		t.Errorf("the handled date is missing or still red: %v", got)
	}
}
