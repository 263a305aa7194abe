package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ids"
	"immivault/internal/ui/translations"
	"immivault/internal/vault"
)

// TestPersonBirthDateAsPeopleWriteIt: a birth date typed 03/15/1988 is said
// back and saved as 1988-03-15; typed the day first it is marked at once,
// Add stays disabled, and nothing typed is lost; corrected in place, it
// saves.
func TestPersonBirthDateAsPeopleWriteIt(t *testing.T) {
	h := familyHarness(t)
	d := h.app.main.editPerson(nil)
	if !d.c.confirm.Disabled() {
		t.Error("Add is enabled before a name is typed")
	}
	h.assertHides("A name is needed.") // an empty new form is no mistake yet
	test.Type(d.name, "Sofía Morales")
	test.Type(d.relation, "child")
	test.Type(d.born, "15/03/1988")
	h.assertShows("There is no such day, or the day and month are the wrong way round")
	if !d.c.confirm.Disabled() {
		t.Error("Add is enabled with a wrong birth date")
	}
	d.c.submit() // Enter in a field
	if _, err := h.app.vault.Index().Person("Sofía Morales"); err == nil || len(h.app.dialogs) != 1 {
		t.Fatal("a wrong date saved the person or closed the dialog")
	}
	if d.name.Text != "Sofía Morales" || d.relation.Text != "child" || d.born.Text != "15/03/1988" {
		t.Fatal("a wrong date lost what was typed")
	}
	d.born.SetText("03/15/1988")
	h.assertShows("Understood as March 15, 1988")
	if d.c.confirm.Disabled() {
		t.Fatal("Add is disabled once every field is valid")
	}
	test.Tap(d.c.confirm)
	p, err := h.app.vault.Index().Person("Sofía Morales")
	if err != nil || p.Born != "1988-03-15" || p.Relation != vault.RelationChild {
		t.Fatalf("saved: %v %+v", err, p)
	}
	if len(h.app.dialogs) != 0 {
		t.Error("the dialog is still open after saving")
	}
	h.assertShows("child · born Mar 15, 1988")

	// Editing shows the stored date the way the app shows dates.
	d = h.app.main.editPerson(p)
	if d.born.Text != "Mar 15, 1988" {
		t.Errorf("the date of birth in the form: %q", d.born.Text)
	}
	// Emptying the name marks it.
	d.name.SetText("")
	h.assertShows("A name is needed.")
	if !d.c.confirm.Disabled() {
		t.Error("Save is enabled without a name")
	}
}

// TestPersonSaveRefusedKeepsTheDialog: when the vault refuses the change,
// the dialog says why and keeps everything typed.
func TestPersonSaveRefusedKeepsTheDialog(t *testing.T) {
	h := familyHarness(t)
	d := h.app.main.editPerson(nil)
	long := strings.Repeat("Morales ", 40) // longer than the vault keeps a name
	test.Type(d.name, long)
	test.Type(d.born, "March 15, 1988")
	test.Tap(d.c.confirm)
	if d.c.problem.Hidden || d.c.problem.Text == "" || len(h.app.dialogs) != 1 {
		t.Fatalf("a refused save: %q, %d dialogs", d.c.problem.Text, len(h.app.dialogs))
	}
	if d.name.Text != long || d.born.Text != "March 15, 1988" {
		t.Error("a refused save lost what was typed")
	}
	// Typing again clears the refusal.
	d.name.SetText("Sofía")
	if !d.c.problem.Hidden {
		t.Error("the refusal stays after a change")
	}
}

// TestSituationMistakeOpensItsPart: a wrong date under "More, for the
// reminders" opens that part, so the reason for the disabled button shows.
func TestSituationMistakeOpensItsPart(t *testing.T) {
	h := familyHarness(t)
	ana, _ := h.app.vault.Index().Person("Ana Morales")
	d := h.app.main.editPerson(ana)
	if d.sit.accordion.Items[0].Open {
		t.Fatal("the part is open before any mistake")
	}
	test.Type(d.sit.moved, "2026-02-30")
	if !d.sit.accordion.Items[0].Open || !d.c.confirm.Disabled() {
		t.Fatal("a wrong date folded away: the part stays closed or Save is enabled")
	}
	h.assertShows("There is no such day")
	d.sit.moved.SetText("")
	test.Type(d.sit.moved, "2026-02-03")
	test.Tap(d.c.confirm)
	ana, _ = h.app.vault.Index().Person("Ana Morales")
	if ana.Moved != "2026-02-03" {
		t.Errorf("moved: %q", ana.Moved)
	}
}

// openNumberDialog opens Add number for the person named, with kind chosen.
func openNumberDialog(h *harness, name string, kind ids.Kind) *identifierDialog {
	h.t.Helper()
	p, err := h.app.vault.Index().Person(name)
	if err != nil {
		h.t.Fatal(err)
	}
	d := &identifierDialog{app: h.app, person: p, kinds: ids.Kinds()}
	h.app.showDialog(d.build())
	for i, k := range d.kinds {
		if k == kind {
			d.kind.SetSelectedIndex(i)
		}
	}
	return d
}

// TestNumberTypoCorrectedInPlace: a receipt number typed with a wrong
// letter shows the reason live, keeps Add disabled and the dialog open;
// corrected in place, it saves, and its case is offered, then created.
func TestNumberTypoCorrectedInPlace(t *testing.T) {
	h := familyHarness(t)
	d := openNumberDialog(h, "Luis Morales", ids.ReceiptNumber)
	test.Type(d.value, "IOE09I2345678") // an I for a 1
	h.assertShows("Receipt numbers are 3 letters and 10 digits, e.g. EAC2512345678")
	if d.check.Importance != widget.DangerImportance || !d.c.confirm.Disabled() {
		t.Fatal("a wrong receipt number is not marked, or Add is enabled")
	}
	d.c.submit()
	if len(h.app.dialogs) != 1 || d.value.Text != "IOE09I2345678" {
		t.Fatal("a wrong number closed the dialog or lost what was typed")
	}
	d.value.SetText("IOE0912345678")
	h.assertShows("Valid: IOE0912345678")
	test.Tap(d.c.confirm)
	luis, _ := h.app.vault.Index().Person("Luis Morales")
	if _, err := h.app.vault.Index().Identifier(luis.ID, ids.ReceiptNumber, ""); err != nil {
		t.Fatal("the corrected number was not saved:", err)
	}
	if d.value.Text != "" {
		t.Error("the typed value stays in the entry after the dialog closed")
	}

	// No case has it: its case is offered, its form asked.
	h.assertShows("No case has the receipt number IOE0912345678 yet.")
	form := topSelectEntry(t, h)
	test.Type(form, "I-7x5")
	h.assertShows("Not a USCIS form")
	if !h.button("Create the case").Disabled() {
		t.Error("Create the case is enabled with a wrong form")
	}
	form.SetText("i-765")
	test.Tap(h.button("Create the case"))
	c, err := h.app.vault.Index().CaseByReceipt("IOE0912345678")
	if err != nil || c.PersonID != luis.ID || c.Form != "I-765" {
		t.Fatalf("the case: %v %+v", err, c)
	}
	if len(h.app.dialogs) != 0 {
		t.Error("a dialog is still open")
	}

	// A receipt number whose case exists offers nothing.
	d = openNumberDialog(h, "Luis Morales", ids.ReceiptNumber)
	test.Type(d.value, "IOE0912345678")
	test.Tap(d.c.confirm)
	h.assertHides("No case has the receipt number")
}

// TestANumberTypo: an A-number with a digit too many is marked as typed
// and becomes valid when corrected in place.
func TestANumberTypo(t *testing.T) {
	h := familyHarness(t)
	d := openNumberDialog(h, "Luis Morales", ids.ANumber)
	test.Type(d.value, "A0987654321")
	h.assertShows("A-numbers are the letter A and 7 to 9 digits")
	if !d.c.confirm.Disabled() {
		t.Fatal("Add is enabled with a wrong A-number")
	}
	d.value.SetText("A098765432")
	if d.c.confirm.Disabled() {
		t.Fatal("Add is disabled with a valid A-number")
	}
	test.Tap(d.c.confirm)
	luis, _ := h.app.vault.Index().Person("Luis Morales")
	if _, err := h.app.vault.Index().Identifier(luis.ID, ids.ANumber, ""); err != nil {
		t.Fatal(err)
	}
	h.assertHides("No case has") // only receipt numbers have cases
}

func topSelectEntry(t *testing.T, h *harness) *widget.SelectEntry {
	t.Helper()
	for _, o := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.SelectEntry); ok {
			return e
		}
	}
	t.Fatal("no form field in the top dialog")
	return nil
}

// TestDatePickerSetsTheField: the calendar beside a date field opens on
// today's month, or the field's; choosing a month, a year and a day writes
// the date in the field, said back, and closes the calendar only.
func TestDatePickerSetsTheField(t *testing.T) {
	h := familyHarness(t)
	d := h.app.main.editPerson(nil)
	test.Tap(d.born.pick)
	if len(h.app.dialogs) != 2 {
		t.Fatalf("%d dialogs open after tapping the calendar button", len(h.app.dialogs))
	}
	h.app.dismissDialog()
	p := h.app.pickDate(d.born)
	if p.month.Selected != "March" || p.year.Text != "2026" {
		t.Fatalf("the calendar opens on %s %s, not today's month", p.month.Selected, p.year.Text)
	}
	p.year.SetText("")
	test.Type(p.year, "1988") // through 1, 19 and 198, which are no years to show
	p.month.SetSelected("February")
	test.Tap(p.next)
	if p.month.Selected != "March" || p.year.Text != "1988" {
		t.Fatalf("after the next month: %s %s", p.month.Selected, p.year.Text)
	}
	test.Tap(dayButton(t, p, "15"))
	if d.born.Text != "Mar 15, 1988" || len(h.app.dialogs) != 1 {
		t.Fatalf("after picking: %q, %d dialogs", d.born.Text, len(h.app.dialogs))
	}
	h.assertShows("Understood as March 15, 1988")

	// Opened again, it shows the field's month with its day marked.
	p = h.app.pickDate(d.born)
	if p.month.Selected != "March" || p.year.Text != "1988" || dayButton(t, p, "15").Importance != widget.HighImportance {
		t.Error("the calendar does not open on the field's date")
	}
	test.Tap(p.prev)
	test.Tap(dayButton(t, p, "29"))
	if d.born.Text != "Feb 29, 1988" {
		t.Errorf("after the previous month: %q", d.born.Text)
	}
}

func dayButton(t *testing.T, p *datePicker, text string) *widget.Button {
	t.Helper()
	for _, o := range p.days.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no day %s in the calendar", text)
	return nil
}

// TestDatesInSpanish: dates are shown the Spanish way in Spanish, and the
// calendar speaks it.
func TestDatesInSpanish(t *testing.T) {
	translations.Use("es")
	defer translations.Use("en")
	for iso, want := range map[string]string{"1988-03-15": "15 mar 1988", "2025-09-01": "1 sep 2025", "D/S": "D/S", "": ""} {
		if got := displayDate(iso); got != want {
			t.Errorf("displayDate(%q) = %q, want %q", iso, got, want)
		}
	}
	if m, d := monthNames(), weekdayNames(); m[2] != "marzo" || d[0] != "do" {
		t.Errorf("the calendar in Spanish: %v %v", m, d)
	}
}
