package ui

import (
	"bytes"
	"os"
	"path/filepath"
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

// recordingApp keeps every notification sent.
type recordingApp struct {
	fyne.App
	sent []*fyne.Notification
}

func (r *recordingApp) SendNotification(n *fyne.Notification) { r.sent = append(r.sent, n) }

// datedFamily gives Ana a passport that expires in 100 days and an EAD card
// that expires in 40, as of the harness's clock (2026-03-02).
func datedFamily(t *testing.T, h *harness) {
	t.Helper()
	err := h.app.vault.Update(func(ix *vault.Index) error {
		ana, _ := ix.Person("Ana Morales")
		pp, err := ix.SetIdentifier(ana.ID, ids.Passport, "MEX", secret.New([]byte("X1234567")))
		if err != nil {
			return err
		}
		if err := ix.SetValidity(pp.ID, vault.Validity{Issued: "2016-06-10", Expires: "2026-06-10"}); err != nil {
			return err
		}
		ead, err := ix.SetIdentifier(ana.ID, ids.EADCard, "", secret.New([]byte("IOE0912345678")))
		if err != nil {
			return err
		}
		return ix.SetValidity(ead.ID, vault.Validity{Issued: "2024-04-11", Expires: "2026-04-11"})
	})
	if err != nil {
		t.Fatal(err)
	}
}

var secretValues = []string{testReceipt, testANumber, "X1234567", "IOE0912345678", "0912345678", "2512345678"}

func TestUpcomingListsTheFamilysDates(t *testing.T) {
	h := familyHarness(t)
	datedFamily(t, h)
	test.Tap(h.button(lang.L("Upcoming")))
	s, ok := h.app.screen.(*upcomingScreen)
	if !ok {
		t.Fatalf("the screen is %T", h.app.screen)
	}
	if len(s.items) == 0 {
		t.Fatal("no dates for a passport and an EAD card that expire soon")
	}
	for i, d := range s.items {
		h.assertShows(textOf(d.Title))
		if i > 0 && d.Date.Before(s.items[i-1].Date) {
			t.Error("the list is not soonest first")
		}
		if d.Computed && !h.shows(lang.L("computed — check your notice")) {
			t.Error("a computed date is not marked")
		}
	}
	for _, text := range shownTexts(h.win.Canvas()) {
		for _, v := range secretValues {
			if strings.Contains(text, v) {
				t.Errorf("the Upcoming screen shows %q, which holds a number", text)
			}
		}
	}

	// Calendar export: an iCalendar file without numbers.
	out := filepath.Join(t.TempDir(), "family.ics")
	h.app.askSaveFile = saveTo(t, out)
	s.exportCalendar()
	ics, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(ics, []byte("BEGIN:VCALENDAR")) {
		t.Fatalf("no calendar written (%v)", err)
	}
	for _, v := range secretValues {
		if bytes.Contains(ics, []byte(v)) {
			t.Errorf("the calendar holds %q", v)
		}
	}

	s.cancel()
	if _, ok := h.app.screen.(*mainScreen); !ok {
		t.Error("Escape did not go back")
	}
}

func TestRemindersOncePerLeadTime(t *testing.T) {
	h := familyHarness(t)
	datedFamily(t, h)
	rec := &recordingApp{App: h.app.fyne}
	h.app.fyne = rec

	h.app.remind()
	first := len(rec.sent)
	if first == 0 {
		t.Fatal("no reminder for an EAD card that expires in 40 days")
	}
	for _, n := range rec.sent {
		for _, v := range secretValues {
			if strings.Contains(n.Title+n.Content, v) {
				t.Errorf("a notification holds %q", v)
			}
		}
	}
	h.app.remind()
	h.clock.advance(2 * time.Hour)
	h.app.remind()
	if len(rec.sent) != first {
		t.Errorf("reminded again the same day: %d notifications, then %d", first, len(rec.sent))
	}
	// Across a year every date crosses its lead times and passes.
	for range 400 {
		h.clock.advance(24 * time.Hour)
		h.app.idle.touch()
		h.app.remind()
	}
	if len(rec.sent) <= first {
		t.Error("no further reminder as the dates came closer")
	}
}

// TestOverdueStaysUntilHandled: a response date that passed long ago stays
// at the top of Upcoming, marked overdue, until it is marked handled.
func TestOverdueStaysUntilHandled(t *testing.T) {
	h := familyHarness(t)
	uiMu.Lock()
	h.app.update(func(ix *vault.Index) error {
		ana, _ := ix.Person("Ana Morales")
		_, err := ix.AddEvent(vault.Event{PersonID: ana.ID, Kind: "rfe-due", Date: "2025-11-20"}) // 102 days before the clock
		return err
	})
	uiMu.Unlock()
	test.Tap(h.button(lang.L("Upcoming")))
	s := h.app.screen.(*upcomingScreen)
	if len(s.items) == 0 || s.items[0].Date.Format(time.DateOnly) != "2025-11-20" {
		t.Fatalf("the missed response date is not first: %+v", s.items)
	}
	h.assertShows("102 days ago", "Overdue: it stays here until you mark it handled.")
	test.Tap(h.button(lang.L("Mark handled")))
	s = h.app.screen.(*upcomingScreen)
	for _, d := range s.items {
		if d.Date.Format(time.DateOnly) == "2025-11-20" {
			t.Fatal("a date marked handled is still listed")
		}
	}
	h.assertHides("Overdue: it stays here")
	if len(h.app.vault.Index().Handled) != 1 {
		t.Fatal("the mark was not saved")
	}
}
