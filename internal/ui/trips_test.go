package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

// residentVault is familyVault with Ana a permanent resident since
// 2020-03-02.
func residentVault(t *testing.T) string {
	t.Helper()
	dir := familyVault(t)
	v, err := vault.Open(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if err := v.Update(func(ix *vault.Index) error {
		return ix.SetResidence(ix.People[0].ID, vault.Residence{Since: "2020-03-02"})
	}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestAddATrip: dates typed as people write them are said back as they
// are typed; a mistake is marked at once, keeps Save disabled and loses
// nothing typed; the trip shows with its days abroad, and the N-400 panel
// moves with it.
func TestAddATrip(t *testing.T) {
	h := newHarness(t, residentVault(t))
	h.unlock(testPassphrase)
	// Resident since 2020-03-02: 5 years on 2025-03-02, 90 days before.
	h.assertShows("Trips abroad", "No trips yet.", "Naturalization (Form N-400): earliest filing date Dec 2, 2024")

	test.Tap(h.button("Add trip"))
	h.assertShows("Add a trip for Ana Morales")
	h.app.dismissDialog()
	d := h.newTrip()
	if !d.c.confirm.Disabled() {
		t.Error("Save is enabled before the day of leaving is typed")
	}
	test.Type(d.departed, "13/06/2022")
	test.Type(d.returned, "February 1, 2023")
	test.Type(d.destination, "México")
	h.assertShows("Understood as February 1, 2023", "There is no such day, or the day and month are the wrong way round")
	if !d.c.confirm.Disabled() {
		t.Error("Save is enabled with a wrong date")
	}
	d.c.submit() // Enter in a field
	if len(h.app.vault.Index().Trips) != 0 || d.destination.Text != "México" || d.returned.Text != "February 1, 2023" {
		t.Fatal("a mistake saved the trip or lost what was typed")
	}
	d.departed.SetText("")
	test.Type(d.departed, "06/13/2022")
	h.assertShows("Understood as June 13, 2022")
	test.Tap(d.c.confirm)
	h.assertShows("Jun 13, 2022 → Feb 1, 2023 · 232 days abroad · México")
	// A trip of more than 6 months is a presumed break: the panel says so.
	h.assertShows("Naturalization (Form N-400): earliest filing date")
	h.assertHides("No trips yet.")

	// An overlapping trip is refused by the vault: the dialog stays open
	// and says why.
	d = h.newTrip()
	test.Type(d.departed, "2022-12-24")
	test.Type(d.returned, "2023-01-02")
	test.Tap(d.c.confirm)
	if d.c.problem.Text == "" || d.c.problem.Hidden || len(h.app.vault.Index().Trips) != 1 {
		t.Fatalf("an overlapping trip: %q, %d trips", d.c.problem.Text, len(h.app.vault.Index().Trips))
	}
	if d.departed.Text != "2022-12-24" || len(h.app.dialogs) != 1 {
		t.Error("the refusal closed the dialog or lost what was typed")
	}
}

// newTrip opens the trip dialog for Ana, as Add trip does.
func (h *harness) newTrip() *tripDialog {
	uiMu.Lock()
	defer uiMu.Unlock()
	return h.app.editTrip(h.app.vault.Index().People[0], nil)
}

// TestCopyTheN400TripList: the list the N-400 asks for, most recent first,
// with the days outside the US, goes to the clipboard.
func TestCopyTheN400TripList(t *testing.T) {
	dir := residentVault(t)
	v, _ := vault.Open(dir, secret.New([]byte(testPassphrase)), fast)
	if err := v.Update(func(ix *vault.Index) error {
		for _, f := range []vault.TripFields{
			{Departed: "2023-07-01", Returned: "2023-07-15", Destination: "Guatemala"},
			{Departed: "2024-12-20", Returned: "2025-01-05", Destination: "Mexico", Purpose: "family"},
		} {
			if _, err := ix.AddTrip(ix.People[0].ID, f); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	v.Close()
	h := newHarness(t, dir)
	h.unlock(testPassphrase)
	test.Tap(h.button("Copy the N-400's list of trips"))
	got := h.app.fyne.Clipboard().Content()
	want := "Left the US\tCame back\tDays outside the US\tCountries\n12/20/2024\t01/05/2025\t15\tMexico\n07/01/2023\t07/15/2023\t13\tGuatemala\n"
	if got != want {
		t.Fatalf("clipboard:\n%q\nwant\n%q", got, want)
	}
}
