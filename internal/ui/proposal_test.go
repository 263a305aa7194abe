package ui

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-pdf/fpdf"

	"immivault/internal/filing"
	"immivault/internal/ids"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/notice/noticetest"
	"immivault/internal/secret"
)

// fileAs files the proposal under the person named, skipping every number that differs
// from a stored one, as a person pressing File it would.
func fileAs(t *testing.T, f *proposalForm, person string) {
	t.Helper()
	choose(f, person)
	locked(func() {
		if f.fileIt.Disabled() {
			t.Fatalf("File it is disabled: %q %q", f.blocked.Text, f.failed.Text)
		}
		test.Tap(f.fileIt)
	})
}

// choose chooses the person and skips every number that differs from a stored one.
func choose(f *proposalForm, person string) {
	locked(func() {
		for i, p := range f.people {
			if p.Name == person {
				f.person.SetSelectedIndex(i)
			}
		}
		for _, r := range f.choices {
			r.SetSelected("Skip it")
		}
	})
}

func locked(f func()) {
	uiMu.Lock()
	defer uiMu.Unlock()
	f()
}

// proposeRead shows the proposal for a generated notice as the import queue would.
func proposeRead(t *testing.T, h *harness, pdf []byte, edit func(*fields.Notice)) *proposalForm {
	t.Helper()
	r, err := filing.ReadNotice(context.Background(), bytes.NewReader(pdf), "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&r.Notice)
	}
	f := newProposalForm(h.app, importJob{personID: anaOf(h).ID, name: "notice.pdf"},
		readResult{data: r.Data, found: r.Notice, source: r.Source, warn: r.Warnings, words: r.Words})
	locked(f.show)
	return f
}

func typeInto(pf *proposalField, s string) {
	locked(func() { pf.entry.SetText(s) })
}

// TestProposalChecksAsTyped: a bad value is marked where it is, with its reason; File it is
// disabled until it is right; nothing typed is lost; a date is said back as understood.
func TestProposalChecksAsTyped(t *testing.T) {
	h := familyHarness(t)
	f := proposeRead(t, h, noticetest.Generate(3).PDF, nil)
	locked(func() {
		for i, p := range f.people {
			if p.Name == "Ana Morales" {
				f.person.SetSelectedIndex(i)
			}
		}
		for _, r := range f.choices {
			r.SetSelected("Skip it")
		}
	})
	for _, tc := range []struct {
		field  *proposalField
		typed  string
		ok     bool
		status string
		danger bool
	}{
		{f.noticeOn, "03/09/2026", true, "Read as March 9, 2026", false},
		{f.noticeOn, "15 Mar 1988", true, "Read as March 15, 1988", false},
		{f.noticeOn, "1988-03-15", true, "Read as March 15, 1988", false},
		{f.noticeOn, "13/45/2026", false, "✗ ", true},
		{f.noticeOn, "March 15, 1988", true, "Read as March 15, 1988", false},
		{f.receipt, "EAC25123", false, "✗ Receipt numbers are 3 letters and 10 digits", true},
		{f.receipt, "0012 3456 7890", false, "✗ This is a USCIS online account number", true},
		{f.receipt, "eac 25 987 65432", true, "", false},
		{f.form, "form 1485x", false, "✗ form numbers look like", true},
		{f.form, "i485", true, "Read as I-485", false},
	} {
		typeInto(tc.field, tc.typed)
		locked(func() {
			if f.fileIt.Disabled() == tc.ok {
				t.Errorf("%q: File it disabled %v", tc.typed, f.fileIt.Disabled())
			}
			if !strings.HasPrefix(tc.field.status.Text, tc.status) {
				t.Errorf("%q: status %q, want %q…", tc.typed, tc.field.status.Text, tc.status)
			}
			if (tc.field.status.Importance == widget.DangerImportance) != tc.danger {
				t.Errorf("%q: status importance %v", tc.typed, tc.field.status.Importance)
			}
			if tc.field.entry.Text != tc.typed {
				t.Errorf("%q: the entry now says %q", tc.typed, tc.field.entry.Text)
			}
			if !h.shows("File notice.pdf") {
				t.Errorf("%q: the proposal closed", tc.typed)
			}
		})
	}
	// Enter with a bad value and Escape do not close it either.
	typeInto(f.priority, "yesterday")
	locked(func() {
		f.priority.entry.OnSubmitted("yesterday")
		h.app.escape()
	})
	if !h.shows("File notice.pdf") || len(h.app.vault.Index().Notices) != 0 {
		t.Fatal("Enter or Escape closed the proposal, or filed a bad date")
	}
	typeInto(f.priority, "")
	fileAs(t, f, "Ana Morales")
	h.waitFor("the notice to be filed", func() bool { return len(h.app.vault.Index().Notices) == 1 })
	c, err := h.app.vault.Index().CaseByReceipt("EAC2598765432")
	if err != nil || c.Form != "I-485" || c.NoticeDate != "1988-03-15" {
		t.Errorf("the case filed: %+v, %v", c, err)
	}
}

// TestProposalKeepsItsFieldsWhenFilingFails: the file filed meanwhile (so that filing it
// fails) leaves the proposal open with the error and everything typed.
func TestProposalKeepsItsFieldsWhenFilingFails(t *testing.T) {
	h := familyHarness(t)
	n := noticetest.Generate(4)
	f := proposeRead(t, h, n.PDF, nil)
	typeInto(f.kind, "Approval Notice typed")
	choose(f, "Ana Morales")
	fileNotice(t, h, n) // the same file, filed another way
	locked(func() {
		test.Tap(f.fileIt)
		if !strings.HasPrefix(f.failed.Text, "Not filed: this file is already in the vault") || !f.failed.Visible() {
			t.Errorf("the error shown: %q", f.failed.Text)
		}
		if f.kind.entry.Text != "Approval Notice typed" || !h.shows("File notice.pdf") {
			t.Error("the proposal closed or lost what was typed")
		}
		test.Tap(f.skip)
	})
	if h.shows("File notice.pdf") {
		t.Error("Skip left the proposal open")
	}
}

// TestProposalSettlesADifferentANumber: Ana's stored A-number differs from the notice's: the
// proposal says so and offers replace, keep both or skip, and File it waits for a choice.
func TestProposalSettlesADifferentANumber(t *testing.T) {
	for _, tc := range []struct {
		choice string
		stored string // Ana's A-number afterwards
		kept   bool   // the notice's kept as an "other" number
	}{
		{"Replace the stored one", "A261349091", false},
		{"Keep both", testANumber, true},
		{"Skip it", testANumber, false},
	} {
		h := familyHarness(t)
		f := proposeRead(t, h, noticetest.Generate(3).PDF, func(n *fields.Notice) {
			n.ANumbers = []fields.Field{{Value: "A261349091", Confidence: 1}}
		})
		locked(func() {
			if f.chosen() == nil || f.chosen().Name != "Ana Morales" {
				f.person.SetSelected("Ana Morales")
			}
			r := f.choices[ids.ANumber]
			if r == nil {
				t.Fatal("no choice offered for the differing A-number")
			}
			if !f.fileIt.Disabled() || !strings.Contains(f.blocked.Text, "Choose what to do") {
				t.Errorf("File it enabled before a choice: %q", f.blocked.Text)
			}
			if !h.shows("The notice's A-number A-•••-•••-091 differs from Ana Morales's A-•••-•••-678:") {
				t.Errorf("the conflict is not said; shown:\n%s", strings.Join(shownTexts(h.win.Canvas()), "\n"))
			}
			r.SetSelected(tc.choice)
			test.Tap(f.fileIt)
		})
		h.waitFor("the notice to be filed", func() bool { return len(h.app.vault.Index().Notices) == 1 })
		ix := h.app.vault.Index()
		a, _ := ix.Identifier(anaOf(h).ID, ids.ANumber, "")
		kept := false
		for _, id := range ix.IdentifiersOf(anaOf(h).ID) {
			kept = kept || id.Kind == ids.Other && id.Label == filing.KeptLabel(ids.ANumber) && id.Value.Equal(secret.New([]byte("A261349091")))
		}
		if !a.Value.Equal(secret.New([]byte(tc.stored))) || kept != tc.kept {
			t.Errorf("%s: stored A-number wrong, or kept as other %v", tc.choice, kept)
		}
	}
}

// TestProposalSaysWhyANumberIsNotAdded: an A-number that is someone else's is listed with why.
func TestProposalSaysWhyANumberIsNotAdded(t *testing.T) {
	h := familyHarness(t)
	f := proposeRead(t, h, noticetest.Generate(3).PDF, func(n *fields.Notice) {
		n.ANumbers = []fields.Field{{Value: testANumber, Confidence: 1}}
	})
	locked(func() {
		for i, p := range f.people {
			if p.Name != "Ana Morales" {
				f.person.SetSelectedIndex(i)
				break
			}
		}
		want := "• A-number A-•••-•••-678: not added, it is Ana Morales's. File the notice under them if it is theirs."
		if !h.shows(want) {
			t.Errorf("not shown: %q; shown:\n%s", want, strings.Join(shownTexts(h.win.Canvas()), "\n"))
		}
	})
}

// TestProposalFindsThePersonNamed: the name printed on the notice chooses the person, in any
// order and case; a name no one has chooses no one, and New person… adds them.
func TestProposalFindsThePersonNamed(t *testing.T) {
	for _, tc := range []struct {
		person, printed string
		match           int
	}{
		{"Ana Morales", "MORALES, ANA", 2},
		{"José Núñez", "NUNEZ, JOSE", 2},
		{"Ana Morales", "MORALES LOPEZ, ANA MARIA", 1},
		{"Ana Morales", "MORALES, LUIS", 0},
		{"Ana", "ANA", 2},
		{"Ana", "MORALES, ANA", 0},
	} {
		if got := nameMatch(tc.person, tc.printed); got != tc.match {
			t.Errorf("nameMatch(%q, %q) = %d, want %d", tc.person, tc.printed, got, tc.match)
		}
	}
	if got := displayName("EXEMPLO, MARIA JOSE"); got != "Maria Jose Exemplo" {
		t.Errorf("displayName: %q", got)
	}

	h := familyHarness(t)
	n := noticetest.Generate(3)
	doc, err := notice.Read(context.Background(), n.PDF, "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	names := notice.FindNames([][]notice.Word{doc.Words(0)})
	doc.Close()
	if len(names) == 0 {
		t.Fatal("no name on the notice")
	}
	printed := names[0].Text
	f := proposeRead(t, h, n.PDF, nil)
	locked(func() {
		if f.chosen() != nil {
			t.Errorf("%q is on the notice but %s is chosen", printed, f.chosen().Name)
		}
		if !f.fileIt.Disabled() {
			t.Error("File it enabled with no one chosen")
		}
		if !strings.Contains(f.nameNote.Text, printed) {
			t.Errorf("the name printed is not shown: %q", f.nameNote.Text)
		}
		f.person.SetSelected("New person…")
		if f.nameNote.Importance == widget.WarningImportance || !strings.Contains(f.nameNote.Text, printed) {
			t.Errorf("after a choice the note still warns, or no longer names %q: %q", printed, f.nameNote.Text)
		}
		if f.newName.Text != displayName(printed) || !f.newRow.Visible() {
			t.Errorf("new person's name %q, want %q", f.newName.Text, displayName(printed))
		}
		for _, r := range f.choices {
			r.SetSelected("Skip it")
		}
		test.Tap(f.fileIt)
	})
	h.waitFor("the notice to be filed", func() bool { return len(h.app.vault.Index().Notices) == 1 })
	ix := h.app.vault.Index()
	p, err := ix.Person(displayName(printed))
	if err != nil || ix.Notices[0].PersonID != p.ID {
		t.Fatalf("the notice is not filed under the new person: %v", err)
	}

	// The same name, now in the vault, is chosen for the next notice.
	f = proposeRead(t, h, noticetest.Generate(3).PDF, func(n *fields.Notice) {})
	locked(func() {
		if f.chosen() == nil || f.chosen().ID != p.ID {
			t.Errorf("the person named is not chosen")
		}
		test.Tap(f.skip)
	})
}

// TestProposalFlagsWhatTheNoticeMustHave: a value every notice of the type has, not read, is
// flagged in its own style; an example is written as an example.
func TestProposalFlagsWhatTheNoticeMustHave(t *testing.T) {
	h := familyHarness(t)
	f := proposeRead(t, h, noticetest.Generate(3).PDF, func(n *fields.Notice) {
		*n = fields.Notice{NoticeType: fields.Field{Value: "Request for Evidence", Confidence: 1}}
	})
	locked(func() {
		for _, pf := range []*proposalField{f.receipt, f.form, f.noticeOn, f.due} {
			if pf.status.Text != "not found — type it from the notice" || pf.status.Importance != widget.WarningImportance || !pf.status.TextStyle.Italic {
				t.Errorf("a missing value says %q (%v)", pf.status.Text, pf.status.Importance)
			}
		}
		if !f.dueRow.Visible() || f.received.status.Visible() || f.priority.status.Visible() {
			t.Error("an RFE's due date is not asked for, or a receipt's received date is")
		}
		if f.form.entry.PlaceHolder != "e.g. I-485" {
			t.Errorf("placeholder %q", f.form.entry.PlaceHolder)
		}
		f.due.entry.SetText("June 2, 2026")
		f.kind.entry.SetText("Receipt Notice")
		if f.dueRow.Visible() || f.received.status.Text != "not found — type it from the notice" {
			t.Error("the fields needed did not follow the notice type")
		}
		test.Tap(f.skip)
	})
}

// TestProposalShowsWhereValuesWereRead: the page is drawn beside the form, and focusing a
// field marks the words its value was read from.
func TestProposalShowsWhereValuesWereRead(t *testing.T) {
	h := familyHarness(t)
	f := proposeRead(t, h, noticetest.Generate(3).PDF, nil)
	h.waitFor("the page", func() bool { return f.page.drawn != nil })
	locked(func() {
		if len(f.page.all) < 4 {
			t.Errorf("%d places marked, want the receipt, form, dates and name", len(f.page.all))
		}
		f.focus(f.receipt)
		if len(f.page.focus) != 1 {
			t.Fatalf("the receipt number is marked at %v", f.page.focus)
		}
		b := f.page.focus[0]
		if b.Y0 > 0.4 || b.X1-b.X0 > 0.3 {
			t.Errorf("the receipt number's box %v is not a number in the header", b)
		}
		f.focus(f.noticeOn)
		if len(f.page.focus) == 0 || f.page.focus[0] == b {
			t.Errorf("the notice date is marked at %v", f.page.focus)
		}
		test.Tap(f.skip)
	})
	if f.page.doc != nil || f.page.drawn != nil {
		t.Error("Skip kept the page in memory")
	}
}

// TestProposalScreenshots draws the proposal as a person checks it: the page beside the form,
// the receipt number's place marked; and with a date typed wrong, a number that differs from
// the stored one and a value not read. With IMMIVAULT_SCREENSHOTS=DIR they are written there.
func TestProposalScreenshots(t *testing.T) {
	for _, variant := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(variant.name, func(t *testing.T) {
			h := familyHarness(t)
			light := variant.variant == theme.VariantLight
			locked(func() {
				h.app.fyne.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant.variant})
				h.win.Resize(fyne.NewSize(1200, 820))
			})
			shot := func(name string, want ...string) {
				t.Helper()
				locked(func() {
					img := h.win.Canvas().Capture()
					checkDrawn(t, name, img, light)
					for _, w := range want {
						if !h.shows(w) {
							t.Errorf("%s: does not show %q", name, w)
						}
					}
					if dir := os.Getenv("IMMIVAULT_SCREENSHOTS"); dir != "" {
						out, err := os.Create(filepath.Join(dir, name+"-"+variant.name+".png"))
						if err != nil {
							t.Fatal(err)
						}
						defer out.Close()
						if err := png.Encode(out, img); err != nil {
							t.Fatal(err)
						}
					}
				})
			}
			f := proposeRead(t, h, noticetest.Generate(11).PDF, nil)
			h.waitFor("the page", func() bool { return f.page.drawn != nil })
			choose(f, "Ana Morales")
			locked(func() { h.win.Canvas().Focus(f.receipt.entry) })
			time.Sleep(time.Second) // the page laid out at its size
			shot("notice-proposal", "File notice.pdf", "File it", "Skip")
			locked(func() { test.Tap(f.skip) })

			f = proposeRead(t, h, noticetest.Generate(11).PDF, func(n *fields.Notice) {
				n.ANumbers = []fields.Field{{Value: "A261349091", Confidence: 1}}
				n.ReceivedDate = fields.Field{}
			})
			h.waitFor("the page", func() bool { return f.page.drawn != nil })
			locked(func() {
				f.person.SetSelected("Ana Morales")
				f.noticeOn.entry.SetText("03/45/2026")
				h.win.Canvas().Focus(f.noticeOn.entry)
			})
			time.Sleep(time.Second)
			shot("notice-proposal-check", "not found — type it from the notice", "Keep both")
			locked(func() { test.Tap(f.skip) })
		})
	}
}

// TestLockClosesTheProposal: locking lets go of the notice the proposal holds, its bytes and
// its drawn page.
func TestLockClosesTheProposal(t *testing.T) {
	h := familyHarness(t)
	n := noticetest.Generate(3)
	path := filepath.Join(t.TempDir(), "receipt.pdf")
	if err := os.WriteFile(path, n.PDF, 0o600); err != nil {
		t.Fatal(err)
	}
	h.app.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
	q := h.app.main.imports
	var f *proposalForm
	h.waitFor("the proposal", func() bool { f = q.form; return f != nil })
	h.waitFor("the page", func() bool { return f.page.drawn != nil })
	locked(h.app.Lock)
	locked(func() {
		if f.read.data != nil || f.page.doc != nil || f.page.drawn != nil || f.page.image.Image != nil {
			t.Error("the locked app still holds the notice of the proposal")
		}
	})
}

// TestProposalTurnsToThePageOfAValue: on a notice of two pages, the page switcher turns the
// pages, and checking a value printed on the second turns to it and marks it there.
func TestProposalTurnsToThePageOfAValue(t *testing.T) {
	h := familyHarness(t)
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetFont("Helvetica", "", 11)
	pdf.AddPage()
	pdf.Text(72, 100, "U.S. Citizenship and Immigration Services, Notice of Action, page one of two")
	pdf.Text(72, 130, "Receipt Number: EAC2512345678   Case Type: I485 APPLICATION TO ADJUST STATUS")
	pdf.AddPage()
	pdf.Text(72, 100, "Continued from the first page of this notice, for the record of the case")
	pdf.Text(72, 130, "Priority Date: May 23, 2025")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	f := proposeRead(t, h, out.Bytes(), func(n *fields.Notice) {
		n.PriorityDate = fields.Field{Value: "2025-05-23", Confidence: 1}
	})
	h.waitFor("the page", func() bool { return f.page.drawn != nil })
	locked(func() {
		if f.page.pages != 2 || f.page.number.Text != "Page 1 of 2" || !f.page.prev.Disabled() || f.page.next.Disabled() {
			t.Fatalf("the switcher of a 2-page notice: %q", f.page.number.Text)
		}
		test.Tap(f.page.next)
		if f.page.page != 1 || f.page.number.Text != "Page 2 of 2" || !f.page.next.Disabled() {
			t.Errorf("Next did not turn to page 2: %q", f.page.number.Text)
		}
		test.Tap(f.page.prev)
		f.focus(f.priority)
		if f.page.page != 1 || len(f.page.focus) != 1 || f.page.focus[0].Page != 1 {
			t.Errorf("the priority date is marked at %v on page %d", f.page.focus, f.page.page+1)
		}
		if len(f.page.boxes.boxes) == 0 {
			t.Error("no box drawn on page 2")
		}
		f.focus(f.receipt)
		if f.page.page != 0 {
			t.Error("checking the receipt number did not turn back to page 1")
		}
		test.Tap(f.skip)
	})
}

// TestProposalMarksATickedNumber: clicking the A-number's tick marks where it is printed.
func TestProposalMarksATickedNumber(t *testing.T) {
	h := familyHarness(t)
	n := noticetest.Generate(11) // prints the A-number A202661804
	f := proposeRead(t, h, n.PDF, nil)
	choose(f, "Luis Morales")
	locked(func() {
		c := f.adds[ids.ANumber]
		if c == nil {
			t.Fatalf("no A-number to add; found %v", n.Truth.ANumbers)
		}
		test.Tap(c)
		if len(f.page.focus) != 1 || f.page.focus[0].Y0 < 0.3 {
			t.Errorf("the A-number is marked at %v", f.page.focus)
		}
		test.Tap(f.skip)
	})
}

// TestProposalSaysWhoseCaseItIs: a receipt number of a case already stored says whether the
// notice is added to it, or, under someone else, is not.
func TestProposalSaysWhoseCaseItIs(t *testing.T) {
	h := familyHarness(t)
	f := proposeRead(t, h, noticetest.Generate(3).PDF, nil)
	typeInto(f.receipt, testReceipt) // Ana's case
	choose(f, "Luis Morales")
	locked(func() {
		if !strings.HasPrefix(f.receipt.status.Text, "This case is Ana Morales's") || f.receipt.status.Importance != widget.WarningImportance {
			t.Errorf("under Luis: %q", f.receipt.status.Text)
		}
	})
	choose(f, "Ana Morales")
	locked(func() {
		if f.receipt.status.Text != "Adds to Ana Morales's case already stored." {
			t.Errorf("under Ana: %q", f.receipt.status.Text)
		}
		test.Tap(f.skip)
	})
}

// TestProposalShowsWhereAScanWasRead: a photo of a notice, read by OCR, has its values marked
// on the page too.
func TestProposalShowsWhereAScanWasRead(t *testing.T) {
	noticetest.NeedOCR(t)
	h := familyHarness(t)
	n := noticetest.Generate(3)
	doc, err := notice.Read(context.Background(), n.PDF, "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	page, err := doc.Render(context.Background(), 0, 300)
	doc.Close()
	if err != nil {
		t.Fatal(err)
	}
	f := proposeRead(t, h, noticetest.EncodePNG(noticetest.Scan(page, 1)), nil)
	h.waitFor("the page", func() bool { return f.page.drawn != nil })
	locked(func() {
		if f.receipt.entry.Text != n.Truth.ReceiptNumber {
			t.Fatalf("OCR read the receipt number as %q", f.receipt.entry.Text)
		}
		f.focus(f.receipt)
		if len(f.page.focus) != 1 || f.page.focus[0].Y0 > 0.4 {
			t.Errorf("the receipt number is marked at %v on the scan", f.page.focus)
		}
		if f.page.note.Text != "" {
			t.Errorf("the page says %q", f.page.note.Text)
		}
		test.Tap(f.skip)
	})
}
