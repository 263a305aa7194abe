package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/bundle"
	"immivault/internal/ids"
)

// changeRows shows, under an update or a conflict in the import preview,
// each field that differs: what the vault holds now beside what the
// bundle would bring. Numbers are masked as on a person's page, with the
// same button to reveal them for revealFor.
func (f *importFlow) changeRows(it bundle.Item) (fyne.CanvasObject, []*changeReveal) {
	grid := container.New(&changeLayout{},
		widget.NewLabel(""), emptyNote(lang.L("In your vault")), widget.NewLabel(""), emptyNote(lang.L("In the bundle")), widget.NewLabel(""))
	var reveals []*changeReveal
	for _, c := range it.Changes {
		current, incoming := widget.NewLabel(changeValue(c.Field, c.Current)), widget.NewLabel(changeValue(c.Field, c.New))
		current.Wrapping, incoming.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
		var action fyne.CanvasObject = widget.NewLabel("")
		if c.Secret() {
			current.TextStyle.Monospace, incoming.TextStyle.Monospace = true, true
			r := &changeReveal{app: f.app, change: c, current: current, incoming: incoming}
			r.button = widget.NewButtonWithIcon(lang.L("Show"), theme.VisibilityIcon(), r.toggle)
			reveals = append(reveals, r)
			action = r.button
		}
		grid.Add(widget.NewLabelWithStyle(fieldTitle(c.Field), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		grid.Add(current)
		grid.Add(widget.NewLabel("→"))
		grid.Add(incoming)
		grid.Add(action)
	}
	return container.NewPadded(grid), reveals
}

// changeValue is a field's value in the preview: "—" for none, a
// relation as the app shows it.
func changeValue(field, v string) string {
	if field == "relation" && v != "" {
		return relationText(v)
	}
	var unused, all int
	if field == "backup_codes" {
		if _, err := fmt.Sscanf(v, "%d/%d", &unused, &all); err == nil {
			return lang.L("{{.Unused}} of {{.All}} unused", map[string]any{"Unused": unused, "All": all})
		}
	}
	switch v {
	case "changed":
		return lang.L("changed")
	case "":
		return "—"
	case "yes":
		return lang.L("yes")
	case "no":
		return lang.L("no")
	}
	return v
}

// fieldTitle names a field of a record (bundle.Change.Field) for people.
func fieldTitle(field string) string {
	switch field {
	case "name":
		return lang.L("Name")
	case "born":
		return lang.L("Born")
	case "relation":
		return lang.L("Relation")
	case "resident_since":
		return lang.L("Resident since")
	case "conditional":
		return lang.L("Conditional card")
	case "via_marriage":
		return lang.L("Through marriage to a citizen")
	case "person":
		return lang.L("Person")
	case "receipt_number":
		return lang.L("Receipt number")
	case "form":
		return lang.L("Form")
	case "form_title":
		return lang.L("Form title")
	case "status":
		return lang.L("Status")
	case "received":
		return lang.L("Received")
	case "priority":
		return lang.L("Priority date")
	case "notice_date":
		return lang.L("Notice date")
	case "kind":
		return lang.L("Kind")
	case "label":
		return lang.L("Label")
	case "country":
		return lang.L("Country")
	case "value":
		return lang.L("Number")
	case "issued":
		return lang.L("Issued")
	case "expires":
		return lang.L("Expires")
	case "case":
		return lang.L("Case")
	case "file_name":
		return lang.L("File name")
	case "type":
		return lang.L("Type")
	case "file":
		return lang.L("File")
	case "fields":
		return lang.L("Read from the notice")
	case "date":
		return lang.L("Date")
	case "time":
		return lang.L("Time")
	case "note":
		return lang.L("Note")
	case "url":
		return lang.L("Web address")
	case "username":
		return lang.L("Username")
	case "password":
		return lang.L("Password")
	case "totp":
		return lang.L("2-step secret")
	case "backup_codes":
		return lang.L("Backup codes")
	case "security_questions":
		return lang.L("Security questions")
	case "security_answers":
		return lang.L("Security answers")
	}
	return field
}

// changeReveal shows both values of a number's change in full for
// revealFor, as a person's page does, or masks them again.
type changeReveal struct {
	app               *App
	change            bundle.Change
	current, incoming *widget.Label
	button            *widget.Button
	timer             *time.Timer
}

// toggle reveals the values, or masks them again. The revealed text is a
// Go string in the labels while shown: a residual copy, as on a person's
// page.
func (r *changeReveal) toggle() {
	r.app.idle.touch()
	if r.timer != nil {
		r.hide()
		return
	}
	r.change.Reveal(func(kind ids.Kind, current, incoming []byte) error {
		r.current.SetText(string(ids.Format(kind, current)))
		r.incoming.SetText(string(ids.Format(kind, incoming)))
		return nil
	})
	r.button.SetIcon(theme.VisibilityOffIcon())
	r.button.SetText(lang.L("Hide"))
	r.timer = time.AfterFunc(revealFor, func() { fyne.Do(r.hide) })
}

func (r *changeReveal) hide() {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	r.current.SetText(r.change.Current)
	r.incoming.SetText(r.change.New)
	r.button.SetIcon(theme.VisibilityIcon())
	r.button.SetText(lang.L("Show"))
}

// hideReveals masks every number the preview revealed.
func (f *importFlow) hideReveals() {
	for _, r := range f.reveals {
		r.hide()
	}
	f.reveals = nil
}

// changeLayout lays out a preview's changes in rows of five cells: the
// field, the value now, an arrow, the value in the bundle and the reveal
// button. The two values share what the other cells leave.
type changeLayout struct{}

const changeColumns = 5

func (l *changeLayout) widths(objects []fyne.CanvasObject, width float32) (field, value, arrow, action float32) {
	for i, o := range objects {
		w := o.MinSize().Width
		switch i % changeColumns {
		case 0:
			field = max(field, w)
		case 2:
			arrow = max(arrow, w)
		case 4:
			action = max(action, w)
		}
	}
	field = min(field, width/4)
	pad := theme.Padding()
	value = max((width-field-arrow-action-4*pad)/2, 40)
	return
}

func (l *changeLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	field, value, arrow, action := l.widths(objects, size.Width)
	pad := theme.Padding()
	cols := []float32{field, value, arrow, value, action}
	y := float32(0)
	for row := 0; row*changeColumns < len(objects); row++ {
		cells := objects[row*changeColumns : min(len(objects), (row+1)*changeColumns)]
		h := float32(0)
		for i, o := range cells {
			o.Resize(fyne.NewSize(cols[i], o.MinSize().Height))
			h = max(h, o.MinSize().Height)
		}
		x := float32(0)
		for i, o := range cells {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(cols[i], h))
			x += cols[i] + pad
		}
		y += h + pad
	}
}

func (l *changeLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	field, _, arrow, action := l.widths(objects, 600)
	h := float32(0)
	for row := 0; row*changeColumns < len(objects); row++ {
		rh := float32(0)
		for _, o := range objects[row*changeColumns : min(len(objects), (row+1)*changeColumns)] {
			rh = max(rh, o.MinSize().Height)
		}
		h += rh + theme.Padding()
	}
	return fyne.NewSize(field+arrow+action+2*80+4*theme.Padding(), h)
}
