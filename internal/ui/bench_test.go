package ui

import (
	"fmt"
	"path/filepath"
	"testing"

	"immivault/internal/ids"
	"immivault/internal/notice/fields"
	"immivault/internal/notice/noticetest"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// These benchmarks time the work that runs on the UI goroutine, where
// anything slow freezes the window: scrypt, reading and filing notices run
// elsewhere (see background). Budgets: first frame 1 s, no freeze over
// 100 ms.

// bigFamily is a vault of 12 people with 8 numbers and 3 cases each.
func bigFamily(b *testing.B) *vault.Vault {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "vault")
	v, _, err := vault.Create(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		b.Fatal(err)
	}
	err = v.Update(func(ix *vault.Index) error {
		for i := range 12 {
			p, err := ix.AddPerson(fmt.Sprintf("Person %02d", i), "1990-01-02", "child")
			if err != nil {
				return err
			}
			values := []struct {
				k ids.Kind
				v string
			}{
				{ids.ANumber, fmt.Sprintf("A0123456%02d", i)}, {ids.AccountNumber, fmt.Sprintf("0012345678%02d", i)},
				{ids.SSN, fmt.Sprintf("1234567%02d", i)}, {ids.I94, fmt.Sprintf("1234567%02dA1", i)},
				{ids.SEVISID, fmt.Sprintf("N00123456%02d", i)}, {ids.GreenCard, fmt.Sprintf("SRC01234567%02d", i)},
				{ids.EADCard, fmt.Sprintf("IOE09123456%02d", i)}, {ids.ReceiptNumber, fmt.Sprintf("EAC25123456%02d", i)},
			}
			for _, x := range values {
				if _, err := ix.SetIdentifier(p.ID, x.k, "", secret.New([]byte(x.v))); err != nil {
					return err
				}
			}
			for c := range 3 {
				if _, err := ix.SetCase(p.ID, fmt.Sprintf("WAC2%d190%02d345", c, i), vault.CaseChange{Form: "I-765", Received: "2025-01-06", NoticeDate: "2025-02-10"}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// bigFamilyApp is the app open on a bigFamily vault, showing nothing yet.
func bigFamilyApp(b *testing.B) (*App, *vault.Vault) {
	b.Helper()
	v := bigFamily(b)
	app, _ := newTestApp(b, Options{VaultDir: v.Dir(), Vault: fast})
	app.vault = v
	return app, v
}

// bigFamilyMain is bigFamilyApp showing its main screen.
func bigFamilyMain(b *testing.B) (*App, *vault.Vault) {
	b.Helper()
	app, v := bigFamilyApp(b)
	app.main = newMainScreen(app)
	app.show(app.main)
	return app, v
}

// BenchmarkFirstFrame is launch to the first drawn unlock screen, without
// the process start and GL context that the real-window test measures. It
// draws with the test driver's software painter, which is far slower than
// OpenGL: an upper bound.
func BenchmarkFirstFrame(b *testing.B) {
	v := bigFamily(b)
	dir := v.Dir()
	v.Close()
	for b.Loop() {
		app, w := newTestApp(b, Options{VaultDir: dir, Vault: fast})
		app.Start()
		w.Canvas().Capture()
		app.idle.stop()
	}
}

// BenchmarkUnlockOnUIGoroutine is what unlocking does on the UI goroutine
// after scrypt: build and draw the main screen of a 12-person family.
func BenchmarkUnlockOnUIGoroutine(b *testing.B) {
	app, _ := bigFamilyApp(b)
	for b.Loop() {
		app.main = newMainScreen(app)
		app.show(app.main)
	}
}

// BenchmarkSelectPersonOnUIGoroutine is tapping a person in the list.
func BenchmarkSelectPersonOnUIGoroutine(b *testing.B) {
	app, v := bigFamilyMain(b)
	people := v.Index().People
	i := 0
	for b.Loop() {
		app.main.selectPerson(people[i%len(people)].ID)
		i++
	}
}

// BenchmarkImportOnUIGoroutine is what adding a notice does on the UI
// goroutine: show the proposal, and after filing redraw the person.
func BenchmarkImportOnUIGoroutine(b *testing.B) {
	app, v := bigFamilyMain(b)
	n := noticetest.Generate(3)
	found := fields.Extract(fmt.Sprintf("Receipt Number %s\nCase Type %s", n.Truth.ReceiptNumber, n.Truth.Form), fields.PDFText)
	job := importJob{personID: v.Index().People[0].ID, name: "notice.pdf"}
	for b.Loop() {
		f := newProposalForm(app, job, readResult{data: n.PDF, found: found, source: fields.PDFText})
		f.show()
		app.dismissDialog()
		app.main.refresh()
	}
}
