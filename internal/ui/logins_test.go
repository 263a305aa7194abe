package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/totp"
	"immivault/internal/vault"
)

func init() { pageTicks = false } // the tests tick with their own clock

const (
	testLoginUser     = "ana.morales@example.com"
	testLoginPassword = "guayaba-tlacuache-mole-7"
	// testTOTPSecret is RFC 6238's SHA1 test key in base32, as a site
	// shows it beside its QR code.
	testTOTPSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	testTOTPURI    = "otpauth://totp/USCIS:ana.morales%40example.com?secret=" + testTOTPSecret + "&issuer=USCIS"
	testBackupCode = "7Q4K-9ZX2"
	testAnswer     = "Ciudad Juárez"
)

// anaOf is Ana in the harness's vault.
func anaOf(h *harness) *vault.Person {
	h.t.Helper()
	ana, err := h.app.vault.Index().Person("Ana Morales")
	if err != nil {
		h.t.Fatal(err)
	}
	return ana
}

// addLoginByDialog adds Ana's USCIS login through the dialog, as a person
// would: username, password and 2-step secret typed or pasted.
func addLoginByDialog(h *harness) {
	h.t.Helper()
	s := h.app.editLogin(anaOf(h), nil)
	if got := s.url.Text; got != serviceAddress[vault.ServiceUSCIS] {
		h.t.Errorf("the web address offered is %q", got)
	}
	test.Type(s.username, testLoginUser)
	typeSecret(s.password, testLoginPassword)
	typeSecret(s.twoStep, testTOTPSecret)
	if !strings.Contains(s.reads.Text, "6 digits every 30 s") {
		h.t.Errorf("the 2-step secret reads as %q", s.reads.Text)
	}
	test.Tap(h.button(lang.L("Add")))
	if s.problem.Text != "" {
		h.t.Fatalf("the dialog says %q", s.problem.Text)
	}
}

// theLogin is Ana's only login.
func theLogin(h *harness) *vault.Login {
	h.t.Helper()
	list := h.app.vault.Index().LoginsOf(anaOf(h).ID)
	if len(list) != 1 {
		h.t.Fatalf("Ana has %d logins", len(list))
	}
	return list[0]
}

func TestAddLogin(t *testing.T) {
	h := familyHarness(t)
	addLoginByDialog(h)
	l := theLogin(h)
	if l.Service != vault.ServiceUSCIS || l.Username != testLoginUser || !l.Password.Equal(secret.New([]byte(testLoginPassword))) {
		t.Errorf("saved %s %q and another password", l.Service, l.Username)
	}
	k, err := l.Key()
	if err != nil || k == nil || k.Digits != 6 {
		t.Fatalf("the 2-step key: %v, %v", k, err)
	}
	h.assertShows(lang.L("Logins"), lang.L("USCIS online account"), testLoginUser, secretMask, lang.L("2-step code"))
	h.assertHides(testLoginPassword, testTOTPSecret)
	if len(h.app.dialogs) != 0 {
		t.Errorf("%d dialogs still open", len(h.app.dialogs))
	}
}

// TestBadLoginChangesNothing: an other login without a name, or a 2-step
// secret that is not one, is said in the dialog, which stays open.
func TestBadLoginChangesNothing(t *testing.T) {
	h := familyHarness(t)
	s := h.app.editLogin(anaOf(h), nil)
	add := h.button(lang.L("Add"))
	s.service.SetSelectedIndex(len(vault.Services) - 1) // other
	if !add.Disabled() {
		t.Error("Add is enabled for another site with no name")
	}
	test.Tap(add)
	s.save() // Enter in a field
	if len(h.app.vault.Index().Logins) != 0 {
		t.Fatal("a login without a name was added")
	}
	test.Type(s.name, "Texas DMV")
	if add.Disabled() {
		t.Error("Add is still disabled with the name typed")
	}
	typeSecret(s.twoStep, "not a secret!")
	if !add.Disabled() || !strings.Contains(s.reads.Text, "2-step") {
		t.Errorf("a bad 2-step secret: Add disabled %v, the dialog says %q", add.Disabled(), s.reads.Text)
	}
	test.Tap(add)
	if len(h.app.vault.Index().Logins) != 0 || len(h.app.dialogs) != 1 {
		t.Fatalf("a bad 2-step secret: %d logins, %d dialogs", len(h.app.vault.Index().Logins), len(h.app.dialogs))
	}
	if s.name.Text != "Texas DMV" || s.twoStep.Len() == 0 {
		t.Error("what was typed was lost")
	}
	s.twoStep.Clear()
	s.twoStepChanged()
	if add.Disabled() {
		t.Error("Add is still disabled with the bad secret emptied")
	}
}

// loginHarness is the family with Ana's login holding every kind of
// secret: password, 2-step key, backup codes and a security answer.
func loginHarness(t *testing.T) *harness {
	t.Helper()
	h := familyHarness(t)
	addLoginByDialog(h)
	id := theLogin(h).ID
	ok := h.app.update(func(ix *vault.Index) error {
		codes := []*secret.Secret{
			secret.New(vault.NormalizeBackupCode([]byte(testBackupCode))),
			secret.New(vault.NormalizeBackupCode([]byte("1111-2222"))),
		}
		if _, err := ix.SetBackupCodes(id, codes); err != nil {
			return err
		}
		_, err := ix.SetSecurityQuestion(id, "City where your parents met?", secret.New([]byte(testAnswer)))
		return err
	})
	if !ok {
		t.Fatal("could not add the codes and the answer")
	}
	return h
}

func TestRevealAndMaskAgain(t *testing.T) {
	h := loginHarness(t)
	pg := h.app.main.page
	if len(pg.secrets) != 2 {
		t.Fatalf("the page has %d secret rows, want the password and the answer", len(pg.secrets))
	}
	password, answer := pg.secrets[0], pg.secrets[1]
	password.toggle()
	h.assertShows(testLoginPassword)
	h.assertHides(testAnswer)
	password.toggle()
	h.assertHides(testLoginPassword)

	password.toggle()
	answer.toggle()
	h.assertShows(testLoginPassword, testAnswer)
	h.clock.advance(revealFor - time.Second)
	pg.tick()
	h.assertShows(testLoginPassword)
	h.clock.advance(time.Second)
	pg.tick()
	h.assertHides(testLoginPassword, testAnswer)
	if password.value.Text != secretMask {
		t.Errorf("the password shows %q after %v", password.value.Text, revealFor)
	}
}

func TestCopyPasswordClearsTheClipboard(t *testing.T) {
	h := loginHarness(t)
	cb := h.app.fyne.Clipboard()
	h.app.main.page.secrets[0].copy()
	if cb.Content() != testLoginPassword {
		t.Fatalf("the clipboard holds %q", cb.Content())
	}
	h.clock.advance(h.app.set.clipClear)
	h.app.clip.tick()
	if cb.Content() != "" {
		t.Errorf("the clipboard still holds %q", cb.Content())
	}
}

func TestLiveCode(t *testing.T) {
	h := loginHarness(t)
	k, err := totp.Parse([]byte(testTOTPSecret))
	if err != nil {
		t.Fatal(err)
	}
	pg := h.app.main.page
	if len(pg.codes) != 1 {
		t.Fatalf("%d codes on the page", len(pg.codes))
	}
	c := pg.codes[0]
	for range 3 {
		now := h.clock.Now()
		want, _ := k.Code(now)
		pg.tick()
		if c.code.Text != groupCode(want) {
			t.Errorf("at %v the code shows %q, want %q", now, c.code.Text, groupCode(want))
		}
		left := lang.L("{{.Seconds}} s left", map[string]any{"Seconds": k.SecondsLeft(now)})
		if c.left.Text != left {
			t.Errorf("at %v: %q, want %q", now, c.left.Text, left)
		}
		c.copy()
		if got := h.app.fyne.Clipboard().Content(); got != want {
			t.Errorf("copied %q, want %q", got, want)
		}
		h.clock.advance(17 * time.Second)
	}
}

// qrScreenshot is a PNG like a screenshot of a site's 2-step setup page:
// a header band, lines of text-like marks and the QR code among them.
func qrScreenshot(t *testing.T, uri string) []byte {
	t.Helper()
	k, err := totp.Parse([]byte(uri))
	if err != nil {
		t.Fatal(err)
	}
	data, err := k.QRPNG(220)
	if err != nil {
		t.Fatal(err)
	}
	code, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xf3, 0xf4, 0xf8, 0xff}), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, 1280, 64), image.NewUniform(color.RGBA{0x00, 0x3a, 0x70, 0xff}), image.Point{}, draw.Src)
	r := rand.New(rand.NewPCG(3, 4))
	for line := 110; line < 780; line += 26 {
		for x := 40; x < 600; x += 3 {
			if r.IntN(3) == 0 {
				draw.Draw(img, image.Rect(x, line, x+2, line+12), image.Black, image.Point{}, draw.Src)
			}
		}
	}
	draw.Draw(img, image.Rect(760, 260, 980, 480), code, code.Bounds().Min, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestQRImportByDrop: an image dropped on the window while the login
// dialog is open is read as the 2-step secret's QR code, not filed as a
// notice.
func TestQRImportByDrop(t *testing.T) {
	h := familyHarness(t)
	path := filepath.Join(t.TempDir(), "Screenshot 2026-03-02.png")
	if err := os.WriteFile(path, qrScreenshot(t, testTOTPURI), 0o600); err != nil {
		t.Fatal(err)
	}
	s := h.app.editLogin(anaOf(h), nil)
	h.app.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(path)})
	h.waitFor("the QR code", func() bool { return s.twoStep.Len() > 0 })
	h.assertShows("USCIS · USCIS:ana.morales@example.com")
	test.Tap(h.button(lang.L("Add")))
	k, err := theLogin(h).Key()
	if err != nil || k == nil || k.Issuer != "USCIS" {
		t.Fatalf("the 2-step key read from the QR code: %v, %v", k, err)
	}
	if h.app.main.imports.current != nil || len(h.app.vault.Index().Notices) != 0 {
		t.Error("the image was taken as a notice too")
	}
}

func TestQRImportRefusesAnImageWithoutOne(t *testing.T) {
	h := familyHarness(t)
	s := h.app.editLogin(anaOf(h), nil)
	s.readQR(nopCloser{bytes.NewReader(qrScreenshotWithout(t))}, "photo.png")
	h.waitFor("the refusal", func() bool { return strings.Contains(s.reads.Text, "No QR code") })
	if s.twoStep.Len() != 0 {
		t.Error("the field was filled")
	}
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

func qrScreenshotWithout(t *testing.T) []byte {
	img := image.NewGray(image.Rect(0, 0, 300, 200))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestShowQRAsksFirst(t *testing.T) {
	h := loginHarness(t)
	before := drawnImages(h.win.Canvas())
	test.Tap(h.button(lang.L("Show as QR code…")))
	h.assertShows(lang.L("Show the 2-step secret as a QR code?"))
	if drawnImages(h.win.Canvas()) != before {
		t.Fatal("the QR code was drawn before the warning was accepted")
	}
	test.Tap(h.button(lang.L("Show QR code")))
	if drawnImages(h.win.Canvas()) != before+1 {
		t.Fatal("no QR code shown")
	}
}

func TestGeneratorAndMeter(t *testing.T) {
	h := familyHarness(t)
	s := h.app.editLogin(anaOf(h), nil)
	h.assertShows(lang.L("Type or generate a password to see how strong it is."))
	typeSecret(s.password, "password1")
	if s.meter.score > 1 || !strings.HasPrefix(s.meter.verdict.Text, "Too easy") {
		t.Errorf("password1: score %d, %q", s.meter.score, s.meter.verdict.Text)
	}
	s.generate() // six words, to begin with
	var got string
	s.password.Use(func(b []byte) error { got = string(b); return nil })
	if n := strings.Count(got, "-") + 1; n != 6 {
		t.Errorf("generated %d words", n)
	}
	if s.meter.score != 4 || !strings.HasPrefix(s.meter.verdict.Text, "Strong") {
		t.Errorf("six words: score %d, %q", s.meter.score, s.meter.verdict.Text)
	}
	if !strings.Contains(s.drawn.Text, "77 bits") {
		t.Errorf("the draw says %q", s.drawn.Text)
	}
	s.words.SetSelected(lang.L("Characters"))
	s.length.SetValue(16)
	h.assertShows(lang.L("{{.N}} characters", map[string]any{"N": 16}))
	s.generate()
	if s.password.Len() != 16 {
		t.Errorf("generated %d characters, want 16", s.password.Len())
	}
	if s.meter.score != 4 {
		t.Errorf("16 characters: score %d, %q", s.meter.score, s.meter.verdict.Text)
	}
}

func TestSearchFindsLogins(t *testing.T) {
	h := loginHarness(t)
	ix := h.app.vault.Index()
	for q, want := range map[string]bool{
		"uscis": true, "online account": true, "ana.morales@": true, "myaccount": true,
		testLoginPassword: false, "guayaba": false, testBackupCode: false, "juárez": false,
	} {
		found := false
		for _, r := range searchIndex(ix, q) {
			found = found || strings.Contains(r.title, testLoginUser)
		}
		if found != want {
			t.Errorf("search %q finds the login: %v", q, found)
		}
	}
}

func TestBackupCodes(t *testing.T) {
	h := loginHarness(t)
	test.Tap(h.button(lang.L("Backup codes…")))
	h.assertShows(lang.L("{{.Unused}} of {{.All}} unused", map[string]any{"Unused": 2, "All": 2}))
	test.Tap(h.button(lang.L("Mark used")))
	if n := theLogin(h).UnusedBackupCodes(); n != 1 {
		t.Fatalf("%d unused after marking one", n)
	}
	h.assertShows(lang.L("used"), lang.L("{{.Unused}} of {{.All}} unused", map[string]any{"Unused": 1, "All": 2}))
	// Three codes pasted, one of them a code the login has (and used).
	h.app.dismissDialog()
	b := h.app.showBackupCodes(theLogin(h))
	b.add.Set(secret.New([]byte("abcd-efgh\nijkl mnop, 1111-2222")))
	b.addCodes()
	l := theLogin(h)
	if len(l.BackupCodes) != 4 || l.UnusedBackupCodes() != 3 {
		t.Errorf("after adding: %d codes, %d unused; %q", len(l.BackupCodes), l.UnusedBackupCodes(), b.problem.Text)
	}
	b.add.Set(secret.New([]byte("bad code ☃")))
	b.addCodes()
	if !strings.Contains(b.problem.Text, "not a backup code") || len(theLogin(h).BackupCodes) != 4 {
		t.Errorf("a bad code: %q", b.problem.Text)
	}
}

func TestAccountNumberWrongField(t *testing.T) {
	h := familyHarness(t)
	ana := anaOf(h)
	h.assertShows(lang.L("No USCIS online account number yet: with it you can follow these cases online."), lang.L("Where is my account number?"))
	d := &identifierDialog{app: h.app, person: ana, kinds: ids.Kinds()}
	h.app.showDialog(d.build())
	d.kind.SetSelectedIndex(0) // the account number
	test.Type(d.value, testReceipt)
	if !strings.HasPrefix(d.check.Text, "This is a receipt number") {
		t.Errorf("a receipt number as the account number: %q", d.check.Text)
	}
	for i, k := range d.kinds {
		if k == ids.ReceiptNumber {
			d.kind.SetSelectedIndex(i)
		}
	}
	d.value.SetText("0012 3456 7890")
	if !strings.HasPrefix(d.check.Text, "This is a USCIS online account number") {
		t.Errorf("an account number as a receipt number: %q", d.check.Text)
	}
	test.Tap(h.button(lang.L("Where is my account number?")))
	h.assertShows("It is not a receipt number")
	if drawnImages(h.win.Canvas()) == 0 {
		t.Error("the help shows no picture")
	}
}

// TestEditLoginKeepsWhatIsLeftEmpty: changing a login's username leaves
// its password and 2-step secret as they were; a new password replaces it.
func TestEditLoginKeepsWhatIsLeftEmpty(t *testing.T) {
	h := loginHarness(t)
	s := h.app.editLogin(anaOf(h), theLogin(h))
	if s.username.Text != testLoginUser || s.password.Len() != 0 || !s.service.Disabled() {
		t.Fatalf("the dialog opens with %q, %d runes of password, service enabled %v", s.username.Text, s.password.Len(), !s.service.Disabled())
	}
	s.username.SetText("ana.m@example.com")
	test.Tap(h.button(lang.L("Save")))
	l := theLogin(h)
	if l.Username != "ana.m@example.com" || !l.Password.Equal(secret.New([]byte(testLoginPassword))) || l.TOTP.IsEmpty() {
		t.Fatalf("after changing the username: %q, the password or the 2-step secret changed", l.Username)
	}
	s = h.app.editLogin(anaOf(h), l)
	typeSecret(s.password, "otra-contraseña-larga-9")
	test.Tap(s.noTOTP)
	test.Tap(h.button(lang.L("Save")))
	l = theLogin(h)
	if !l.Password.Equal(secret.New([]byte("otra-contraseña-larga-9"))) || !l.TOTP.IsEmpty() {
		t.Error("the new password was not saved, or the 2-step secret stayed")
	}
}

// TestProposalRefusesAnAccountNumberAsTheReceipt: a notice's proposal
// says which number a 12-digit account number typed as the receipt is.
func TestProposalRefusesAnAccountNumberAsTheReceipt(t *testing.T) {
	h := familyHarness(t)
	f := newProposalForm(h.app, importJob{personID: anaOf(h).ID, name: "notice.pdf"}, readResult{})
	f.show()
	f.receipt.entry.SetText("0012 3456 7890")
	if _, err := f.receipt.value(); err == nil || !strings.HasPrefix(err.Error(), "This is a USCIS online account number") {
		t.Errorf("an account number as the receipt: %v", err)
	}
	f.receipt.entry.SetText(testReceipt)
	if _, err := f.receipt.value(); err != nil {
		t.Errorf("a receipt number: %v", err)
	}
}

// TestLockClosesTheLoginDialog: locking with the login dialog open closes
// it as Cancel would, so that its close empties the password and the
// 2-step secret typed (and wipes a revealed password's picture), rather
// than only taking it off the screen.
func TestLockClosesTheLoginDialog(t *testing.T) {
	h := familyHarness(t)
	s := h.app.editLogin(anaOf(h), nil)
	typeSecret(s.password, "typed but never saved")
	typeSecret(s.twoStep, "JBSWY3DPEHPK3PXP")
	s.password.Reveal(true)
	h.app.Lock()
	if s.password.Len() != 0 || s.twoStep.Len() != 0 {
		t.Errorf("after the lock the dialog still holds %d and %d characters", s.password.Len(), s.twoStep.Len())
	}
	if len(h.app.dialogs) != 0 {
		t.Errorf("%d dialogs still open", len(h.app.dialogs))
	}
	h.unlock(testPassphrase)
	if len(h.app.vault.Index().Logins) != 0 {
		t.Error("closing on lock saved the login")
	}
}
