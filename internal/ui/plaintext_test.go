package ui

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"immivault/internal/ids"
	"immivault/internal/notice/noticetest"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// TestNoPlaintextOnDisk goes through a whole session (create a vault, add a
// number, add and view a notice, add a login with every kind of secret,
// reveal and copy, show the 2-step QR code, change settings, lock) with
// HOME, the config and cache folders and TMPDIR in a scratch folder, then
// searches every file written there for the passphrase, the numbers, the
// notice's own receipt number and each of the login's secrets.
func TestNoPlaintextOnDisk(t *testing.T) {
	scratch := t.TempDir()
	for _, env := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "TMPDIR"} {
		dir := filepath.Join(scratch, env)
		os.MkdirAll(dir, 0o700)
		t.Setenv(env, dir)
	}
	outside := t.TempDir() // where the person keeps the notice they add
	dir := filepath.Join(scratch, "vault")
	h := newHarness(t, dir)

	pass := h.focusedSecret()
	typeSecret(pass, testPassphrase)
	test.FocusNext(h.win.Canvas())
	again := h.focusedSecret()
	typeSecret(again, testPassphrase)
	test.Tap(findCheck(t, h.win.Canvas(), "I understand that nobody can recover a lost passphrase"))
	again.OnSubmitted()
	h.waitFor("the recovery key", func() bool { _, ok := h.app.screen.(*recoveryKeyScreen); return ok })
	var key []byte
	h.recoveryScreen().key.Use(func(b []byte) error { key = bytes.Clone(b); return nil })
	test.Tap(findCheck(t, h.win.Canvas(), "I have saved or printed my recovery key and put it somewhere safe"))
	h.recoveryScreen().done()

	h.app.main.addPerson()
	test.Type(h.win.Canvas().Focused().(*field), "Ana Morales")
	h.win.Canvas().Focused().(*field).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ana, _ := h.app.vault.Index().Person("Ana Morales")
	d := &identifierDialog{app: h.app, person: ana, kinds: ids.Kinds()}
	h.app.showDialog(d.build())
	for i, k := range d.kinds {
		if k == ids.ANumber {
			d.kind.SetSelectedIndex(i)
		}
	}
	test.Type(d.value, testANumber)
	d.c.submit()

	n := noticetest.Generate(5)
	path := filepath.Join(outside, "receipt.pdf")
	os.WriteFile(path, n.PDF, 0o600)
	h.app.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
	q := h.app.main.imports
	var f *proposalForm
	h.waitFor("the proposal", func() bool { f = q.form; return f != nil })
	fileAs(t, f, "Ana Morales")
	h.waitFor("the notice", func() bool { return len(h.app.vault.Index().Notices) == 1 && q.current == nil })
	h.app.openNotice(h.app.vault.Index().Notices[0])
	h.waitFor("the notice window", func() bool { return len(h.app.viewers) == 1 })
	for _, r := range h.app.main.page.rows {
		h.app.main.page.toggle(r)
		h.app.main.page.copyValue(r.id)
	}
	addLoginByDialog(h)
	l := theLogin(h)
	codes := h.app.showBackupCodes(l)
	codes.add.Set(secret.New([]byte(testBackupCode)))
	codes.addCodes()
	for _, r := range codes.rows {
		r.toggle()
		r.copy()
	}
	h.app.dismissDialog()
	h.app.update(func(ix *vault.Index) error {
		_, err := ix.SetSecurityQuestion(l.ID, "First school?", secret.New([]byte(testAnswer)))
		return err
	})
	pg := h.app.main.page
	for _, r := range pg.secrets {
		r.toggle()
		r.copy()
	}
	for _, c := range pg.codes {
		c.copy()
	}
	h.app.showQRNow(theLogin(h))
	h.app.dismissDialog()
	h.app.showSettings()
	h.app.dismissDialog()
	h.app.Lock()

	secrets := map[string][]byte{
		"passphrase":           []byte(testPassphrase),
		"recovery key":         key,
		"A-number":             []byte(testANumber),
		"A-number shown":       []byte("A-012-345-678"),
		"receipt":              []byte(n.Truth.ReceiptNumber),
		"notice text":          []byte("Department of Homeland Security"),
		"password":             []byte(testLoginPassword),
		"2-step secret":        []byte(testTOTPSecret),
		"backup code":          vault.NormalizeBackupCode([]byte(testBackupCode)),
		"backup code as typed": []byte(testBackupCode),
		"security answer":      []byte(testAnswer),
	}
	files := 0
	filepath.WalkDir(scratch, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for what, s := range secrets {
			if bytes.Contains(data, s) {
				t.Errorf("%s holds the %s in plaintext", p, what)
			}
		}
		return nil
	})
	if files < 5 {
		t.Fatalf("searched only %d files: the session wrote less than a vault", files)
	}
}
