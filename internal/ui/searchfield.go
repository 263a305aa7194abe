package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchField is the family list's search: Escape clears it, and the down
// arrow moves into the results, where the arrows go on and Enter opens one.
type searchField struct {
	widget.Entry
	main *mainScreen
}

func newSearchField(m *mainScreen) *searchField {
	s := &searchField{main: m}
	s.ExtendBaseWidget(s)
	return s
}

func (s *searchField) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if s.Text != "" {
			s.SetText("")
			return
		}
		s.main.app.escape()
	case fyne.KeyDown:
		if len(s.main.rows) > 0 {
			s.main.app.win.Canvas().Focus(s.main.list)
			return
		}
		s.Entry.TypedKey(ev)
	default:
		s.Entry.TypedKey(ev)
	}
}
