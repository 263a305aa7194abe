package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/datetext"
	"immivault/internal/ids"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
)

// proposalField is one value of the proposal: an entry checked as it is typed, with a line
// under it that says what was understood, what is wrong with it, that it deserves a second
// look, or that the notice has it but it was not read.
type proposalField struct {
	entry  *proposalEntry
	status *widget.Label
	read   fields.Field
	kind   notice.ValueKind
	// check gives the value as it is filed ("" for none), what to say back, or why it is
	// not one.
	check func(typed string) (value, said string, err error)
	// needed says whether every notice of the type typed has this value.
	needed func(noticeType string) bool
}

// proposalEntry is an entry that says when it is focused, to highlight its value on the page.
// Escape does not close the proposal: only File it and Skip do.
type proposalEntry struct {
	widget.Entry
	focused func()
}

func newProposalEntry() *proposalEntry {
	e := &proposalEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *proposalEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.focused != nil {
		e.focused()
	}
}

// Tapped focuses the entry, as clicking it does.
func (e *proposalEntry) Tapped(ev *fyne.PointEvent) {
	e.Entry.Tapped(ev)
	if e.focused != nil {
		e.focused()
	}
}

func newProposalField(read fields.Field, example string, kind notice.ValueKind, check func(string) (string, string, error), needed func(string) bool) *proposalField {
	f := &proposalField{entry: newProposalEntry(), status: widget.NewLabel(""), read: read, kind: kind, check: check, needed: needed}
	text := read.Value
	if kind == notice.Date && text != "" {
		text = displayDate(text) // as dates show everywhere; it reads back as the same day
	}
	f.entry.SetText(text)
	// A placeholder that says it is an example, so that it is never taken for a value read.
	f.entry.SetPlaceHolder(lang.L("e.g. {{.Example}}", map[string]any{"Example": example}))
	f.status.Wrapping = fyne.TextWrapWord
	return f
}

// value is the field's value as filed, or an error saying why it is not one.
func (f *proposalField) value() (string, error) {
	v, _, err := f.check(strings.TrimSpace(f.entry.Text))
	return v, err
}

// located is what to look for on the page: the value as filed, or what was read.
func (f *proposalField) located() notice.Value {
	if v, err := f.value(); err == nil && v != "" {
		return notice.Value{Kind: f.kind, Text: v}
	}
	return notice.Value{Kind: f.kind, Text: f.read.Value}
}

// update sets the status line for the notice type typed; it reports whether the value is valid.
func (f *proposalField) update(noticeType string) bool {
	typed := strings.TrimSpace(f.entry.Text)
	v, said, err := f.check(typed)
	f.status.TextStyle = fyne.TextStyle{}
	switch {
	case err != nil:
		f.say("✗ "+err.Error(), widget.DangerImportance)
		return false
	case v == "" && f.needed != nil && f.needed(noticeType):
		f.status.TextStyle = fyne.TextStyle{Italic: true}
		f.say(lang.L("not found — type it from the notice"), widget.WarningImportance)
	case typed == f.read.Value && checkHint(f.read) != "":
		f.say(checkHint(f.read), widget.WarningImportance)
	default:
		f.say(said, widget.LowImportance)
	}
	return true
}

func (f *proposalField) say(text string, imp widget.Importance) {
	f.status.Importance = imp
	f.status.SetText(text)
	if text == "" {
		f.status.Hide()
	} else {
		f.status.Show()
	}
}

// checkHint is the note under a field that deserves a second look.
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

// lowConfidence marks a field for a second look.
const lowConfidence = 0.8

func checkReceipt(s string) (string, string, error) {
	if s == "" {
		return "", "", nil
	}
	if wrong := misplacedText(ids.ReceiptNumber, []byte(s)); wrong != "" {
		return "", "", errors.New(wrong)
	}
	n, err := ids.Normalize(ids.ReceiptNumber, []byte(s))
	if err != nil {
		return "", "", errors.New(kindRule(ids.ReceiptNumber))
	}
	return string(n), "", nil
}

func checkForm(s string) (string, string, error) {
	if s == "" {
		return "", "", nil
	}
	form, title, err := ids.NormalizeForm(s)
	if err != nil {
		return "", "", errors.New(lang.L("form numbers look like I-485, I-130 or N-400"))
	}
	if form == s {
		return form, title, nil
	}
	return form, lang.L("Read as {{.Form}}", map[string]any{"Form": strings.TrimSpace(form + " " + title)}), nil
}

func checkText(s string) (string, string, error) { return s, "", nil }

func checkDate(s string) (string, string, error) {
	iso, err := datetext.Parse(s)
	if err != nil {
		return "", "", errors.New(dateError(err))
	}
	if iso == "" {
		return "", "", nil
	}
	return iso, lang.L("Read as {{.Date}}", map[string]any{"Date": datetext.Say(iso, language())}), nil
}

// What every notice of a type has, beyond its receipt number, form, type and date.
func receivedNeeded(t string) bool { return typeIs(t, "receipt", "approval") }

// appointmentNeeded is the event kind of the appointment a notice of type t sets, or "".
func appointmentNeeded(t string) string {
	switch {
	case typeIs(t, "biometric"):
		return "biometrics"
	case typeIs(t, "interview"):
		return "interview"
	case typeIs(t, "request for evidence") || strings.EqualFold(strings.TrimSpace(t), "rfe"):
		return "rfe-due"
	case typeIs(t, "intent to deny", "noid"):
		return "noid-due"
	}
	return ""
}

func typeIs(t string, words ...string) bool {
	t = strings.ToLower(t)
	for _, w := range words {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func always(string) bool { return true }
