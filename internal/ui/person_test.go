package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// TestPersonPageMasksEveryIdentifier is the golden-markup proof that a
// person's page renders every number as dots until revealed.
func TestPersonPageMasksEveryIdentifier(t *testing.T) {
	h := familyHarness(t)
	test.AssertRendersToMarkup(t, "person_masked.xml", h.win.Canvas())

	for _, text := range shownTexts(h.win.Canvas()) {
		for _, secretValue := range []string{testReceipt, testANumber, "2512345678", "012345678", "12345678"} {
			if strings.Contains(text, secretValue) {
				t.Errorf("the page shows %q, which contains %q", text, secretValue)
			}
		}
	}
	h.assertShows("EAC••••••5678", "A-•••-•••-678")
}

func TestRevealShowsTheValueForAWhile(t *testing.T) {
	h := familyHarness(t)
	pg := h.app.main.page
	var row *identifierRow
	for _, r := range pg.rows {
		if r.id.Kind == ids.ReceiptNumber {
			row = r
		}
	}
	test.Tap(row.reveal)
	if got := row.value.Text; got != testReceipt {
		t.Fatalf("revealed value = %q", got)
	}
	if row.timer == nil {
		t.Fatal("no timer to hide the value again")
	}
	pg.hide(row)
	if row.value.Text != "EAC••••••5678" {
		t.Errorf("after the reveal time, the value shows %q", row.value.Text)
	}
	// Tapping twice hides at once.
	test.Tap(row.reveal)
	test.Tap(row.reveal)
	if row.value.Text != "EAC••••••5678" {
		t.Errorf("a second tap left %q", row.value.Text)
	}
	if revealFor > time.Minute {
		t.Errorf("values stay revealed for %v", revealFor)
	}
}

func TestCopyClearsTheClipboardIfItStillHoldsTheValue(t *testing.T) {
	h := familyHarness(t)
	cb := h.app.fyne.Clipboard()
	id := h.app.vault.Index().Identifiers[0]

	h.app.main.page.copyValue(id)
	if cb.Content() != testReceipt {
		t.Fatalf("clipboard holds %q", cb.Content())
	}
	h.assertShows(lang.L("Copied. The clipboard clears in {{.Seconds}} s", map[string]any{"Seconds": 30}))
	h.clock.advance(20 * time.Second)
	h.app.clip.tick()
	h.assertShows(lang.L("Copied. The clipboard clears in {{.Seconds}} s", map[string]any{"Seconds": 10}))
	h.clock.advance(10 * time.Second)
	h.app.clip.tick()
	if cb.Content() != "" {
		t.Errorf("clipboard still holds %q after the clear time", cb.Content())
	}
	if h.app.clip.countdown.Visible() {
		t.Error("the countdown is still shown")
	}

	// Something else copied meanwhile is left alone.
	h.app.main.page.copyValue(id)
	cb.SetContent("a recipe")
	h.clock.advance(31 * time.Second)
	h.app.clip.tick()
	if cb.Content() != "a recipe" {
		t.Errorf("the user's own clipboard was cleared: %q", cb.Content())
	}

	// Lock clears it at once.
	h.app.main.page.copyValue(id)
	h.app.Lock()
	if cb.Content() != "" {
		t.Errorf("lock left %q on the clipboard", cb.Content())
	}
}

func TestIdentifierDialogValidatesAsYouType(t *testing.T) {
	h := familyHarness(t)
	ix := h.app.vault.Index()
	luis, _ := ix.Person("Luis Morales")
	d := &identifierDialog{app: h.app, person: luis, kinds: ids.Kinds()}
	d.build().Show()
	for i, k := range d.kinds {
		if k == ids.ReceiptNumber {
			d.kind.SetSelectedIndex(i)
		}
	}
	test.Type(d.value, "WAC-24-1")
	h.assertShows(lang.L("Receipt numbers are 3 letters and 10 digits, e.g. EAC2512345678"))
	test.Type(d.value, "90-12345")
	h.assertShows("Valid: WAC2419012345", "California Service Center")
	test.Tap(d.c.confirm)
	if d.value.Text != "" {
		t.Error("the typed value stays in the entry after the dialog closed")
	}
	found := false
	for _, id := range h.app.vault.Index().IdentifiersOf(luis.ID) {
		id.Value.Use(func(b []byte) error { found = found || string(b) == "WAC2419012345"; return nil })
	}
	if !found {
		t.Error("the receipt number was not saved")
	}
}

func TestSearchFindsByNameNumberCaseAndForm(t *testing.T) {
	h := familyHarness(t)
	ix := h.app.vault.Index()
	for _, tc := range []struct{ q, want string }{
		{"luis", "Luis Morales"},
		{"012-345", "A-•••-•••-678"},
		{"eac25", "EAC••••••5678 · I-485"},
		{"i-485", "EAC••••••5678 · I-485"},
	} {
		rows := searchIndex(ix, tc.q)
		found := false
		for _, r := range rows {
			found = found || strings.Contains(r.title, tc.want)
			if strings.Contains(r.title, testANumber) || strings.Contains(r.title, testReceipt) {
				t.Errorf("search shows a whole A-number: %q", r.title)
			}
		}
		if !found {
			t.Errorf("search %q: %+v, want %q", tc.q, rows, tc.want)
		}
	}
	if rows := searchIndex(ix, "zzz"); len(rows) != 0 {
		t.Errorf("search zzz: %+v", rows)
	}
	test.Type(h.app.main.search, "luis")
	if len(h.app.main.rows) != 1 || h.app.main.rows[0].title != "Luis Morales" {
		t.Errorf("the list shows %+v", h.app.main.rows)
	}
	// Down moves into the results; Escape clears the search.
	h.app.main.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if h.win.Canvas().Focused() != h.app.main.list {
		t.Errorf("down arrow: focus on %T", h.win.Canvas().Focused())
	}
	h.win.Canvas().Focus(h.app.main.search)
	h.app.main.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.app.main.search.Text != "" || len(h.app.main.rows) != 2 {
		t.Errorf("escape left %q and %d rows", h.app.main.search.Text, len(h.app.main.rows))
	}
	// Nothing found says so, and leads nowhere.
	test.Type(h.app.main.search, "zzz")
	if len(h.app.main.rows) != 1 || h.app.main.rows[0].title != "No matches" || h.app.main.rows[0].personID != "" {
		t.Errorf("no match shows %+v", h.app.main.rows)
	}
	h.app.main.list.Select(0)
	if h.app.main.person == "" {
		t.Error("selecting No matches left no person shown")
	}
}

// TestSearchAbbreviations: what people type for what the vault spells out.
func TestSearchAbbreviations(t *testing.T) {
	h := familyHarness(t)
	uiMu.Lock()
	h.app.update(func(ix *vault.Index) error {
		ana := ix.People[0]
		if _, err := ix.SetIdentifier(ana.ID, ids.GreenCard, "", secret.New([]byte("SRC0123456789"))); err != nil {
			return err
		}
		_, err := ix.SetCase(ana.ID, "IOE0912345678", vault.CaseChange{Form: "I-765", Status: "Request for Evidence Was Sent"})
		return err
	})
	uiMu.Unlock()
	ix := h.app.vault.Index()
	for _, tc := range []struct{ q, want string }{
		{"RFE", "I-765"},
		{"rfe", "I-765"},
		{"EAD", "I-765"},
		{"GC", "Green card"},
		{"gc", "Green card"},
	} {
		found := false
		for _, r := range searchIndex(ix, tc.q) {
			found = found || strings.Contains(r.title, tc.want)
		}
		if !found {
			t.Errorf("search %q: %+v, want %q", tc.q, searchIndex(ix, tc.q), tc.want)
		}
	}
}

func TestAddAndEditPerson(t *testing.T) {
	h := familyHarness(t)
	h.app.main.addPerson()
	name, ok := h.win.Canvas().Focused().(*field)
	if !ok {
		t.Fatalf("focus is on %T, not the name field", h.win.Canvas().Focused())
	}
	test.Type(name, "Sofía Morales")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p, err := h.app.vault.Index().Person("Sofía Morales")
	if err != nil {
		t.Fatal(err)
	}
	if h.app.main.person != p.ID {
		t.Error("the new person is not selected")
	}
	h.assertShows("Sofía Morales")
}

func TestEscapeCancelsADialog(t *testing.T) {
	h := familyHarness(t)
	h.app.main.addPerson()
	name := h.win.Canvas().Focused().(*field)
	test.Type(name, "Nobody")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(h.app.dialogs) != 0 || len(h.win.Canvas().Overlays().List()) != 0 {
		t.Error("Escape left the dialog open")
	}
	if _, err := h.app.vault.Index().Person("Nobody"); err == nil {
		t.Error("Escape added the person")
	}
}

func TestDatesInTheForms(t *testing.T) {
	h := familyHarness(t)
	ix := h.app.vault.Index()
	ana, _ := ix.Person("Ana Morales")

	// A green card with its expiry date, then only the date changed.
	d := &identifierDialog{app: h.app, person: ana, kinds: ids.Kinds()}
	h.app.showDialog(d.build())
	for i, k := range d.kinds {
		if k == ids.GreenCard {
			d.kind.SetSelectedIndex(i)
		}
	}
	if d.expires.box.Hidden {
		t.Fatal("no expiry date for a green card")
	}
	test.Type(d.value, "SRC0123456789")
	test.Type(d.expires, "2031-05-20")
	d.c.submit()
	card, err := h.app.vault.Index().Identifier(ana.ID, ids.GreenCard, "")
	if err != nil || card.Expires != "2031-05-20" {
		t.Fatalf("green card after adding: %v %+v", err, card)
	}
	d = &identifierDialog{app: h.app, person: ana, editing: card, kinds: ids.Kinds()}
	h.app.showDialog(d.build())
	d.expires.SetText("2031-05-21")
	d.c.submit()
	card, _ = h.app.vault.Index().Identifier(ana.ID, ids.GreenCard, "")
	if card.Expires != "2031-05-21" || card.Value.Len() == 0 {
		t.Errorf("after changing only the date: %+v", card.Validity)
	}

	// A work permit's category, and its expiry written as people write it.
	d = &identifierDialog{app: h.app, person: ana, kinds: ids.Kinds()}
	h.app.showDialog(d.build())
	for i, k := range d.kinds {
		if k == ids.EADCard {
			d.kind.SetSelectedIndex(i)
		}
	}
	if d.class.Hidden || !d.parole.Hidden {
		t.Fatal("a work permit shows no class, or a parole kind")
	}
	test.Type(d.value, "IOE0912345678")
	test.Type(d.expires, "June 30, 2027")
	test.Type(d.class, "c9")
	d.c.submit()
	ead, err := h.app.vault.Index().Identifier(ana.ID, ids.EADCard, "")
	if err != nil || ead.Class != "C09" || ead.Expires != "2027-06-30" {
		t.Fatalf("work permit after adding: %v %+v %+v", err, ead.DocumentFacts, ead.Validity)
	}

	// A number without dates has no date fields.
	d = &identifierDialog{app: h.app, person: ana, kinds: ids.Kinds()}
	h.app.showDialog(d.build())
	for i, k := range d.kinds {
		if k == ids.ANumber {
			d.kind.SetSelectedIndex(i)
		}
	}
	if !d.expires.box.Hidden {
		t.Error("an A-number shows an expiry date")
	}
	h.app.dismissDialog()

	// Residence in the person's form: dates as people write them.
	dateFields := func() []*field {
		var out []*field
		for _, o := range test.LaidOutObjects(h.win.Canvas().Overlays().Top()) {
			if f, ok := o.(*field); ok && f.PlaceHolder == lang.L("e.g. 03/15/1988 (optional)") && f.Visible() {
				out = append(out, f)
			}
		}
		return out
	}
	h.app.main.editPerson(ana)
	// born, resident since, married, spouse a citizen since, in the state
	// since; then, under "More, for the reminders", moved and job ended.
	fields := dateFields()
	if len(fields) != 7 {
		t.Fatalf("%d date fields in the person's form", len(fields))
	}
	test.Type(fields[1], "05/20/2021")
	test.Type(fields[2], "June 1, 2019")
	test.Type(fields[5], "15 de noviembre de 2026")
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("Married to and living with a US citizen")))
	test.Tap(findCheck(t, h.win.Canvas(), lang.L("The I-751 is filed with a waiver (divorce, abuse, hardship, the spouse's death)")))
	test.Tap(h.button(lang.L("Save")))
	ana, _ = h.app.vault.Index().Person("Ana Morales")
	if ana.Since != "2021-05-20" || ana.Married != "2019-06-01" || !ana.ViaMarriage {
		t.Errorf("residence after saving: %+v", ana.Residence)
	}
	if ana.Moved != "2026-11-15" || !ana.I751Waiver {
		t.Errorf("situation after saving: %+v", ana.Situation)
	}
	// Saving again without touching them keeps the dates the form shows.
	h.app.main.editPerson(ana)
	test.Tap(h.button(lang.L("Save")))
	ana, _ = h.app.vault.Index().Person("Ana Morales")
	if ana.Married != "2019-06-01" || ana.Born != "1990-04-12" {
		t.Errorf("a second save lost dates: %+v", ana)
	}
}
