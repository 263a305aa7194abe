package bundle

import (
	"bytes"
	"io"
	"testing"

	"immivault/internal/contact"
	"immivault/internal/secret"
	"immivault/internal/totp"
	"immivault/internal/vault"
)

// TestBundlesCarryNoLogins: a person's logins (passwords, 2-step secrets,
// backup codes, answers) stay in their vault when the person is shared,
// and not one of their bytes is in the bundle.
func TestBundlesCarryNoLogins(t *testing.T) {
	a, b := anaAndBeto(t)
	const pw, code, answer = "pw-Zq81vKe0oXn", "QW7731PLMM", "answer-Kd9r2"
	const b32 = "KRSXG5DTMVRXEZLUJZQW2ZJAM5XWIZI"
	a.update(t, func(ix *vault.Index) error {
		ana, err := ix.Person("Ana Morales")
		if err != nil {
			return err
		}
		l, err := ix.AddLogin(ana.ID, vault.ServiceUSCIS, "", vault.LoginFields{Username: "ana@example.com"}, pass(pw))
		if err != nil {
			return err
		}
		k, err := totp.Parse([]byte(b32))
		if err != nil {
			return err
		}
		if _, err := ix.SetLoginTOTP(l.ID, k); err != nil {
			return err
		}
		if _, err := ix.SetBackupCodes(l.ID, []*secret.Secret{pass(code)}); err != nil {
			return err
		}
		_, err = ix.SetSecurityQuestion(l.ID, "Favourite teacher?", pass(answer))
		return err
	})
	data := a.export(t, ExportOptions{To: []contact.Card{b.card(t)}})

	bd, err := b.open(t, data)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(io.NewSectionReader(bd.plain, 0, 1<<30))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(plain, []byte("Ana Morales")) {
		t.Fatal("the search does not see the bundle's plaintext")
	}
	for _, needle := range []string{pw, code, answer, b32, "ana@example.com", "Favourite teacher"} {
		if bytes.Contains(plain, []byte(needle)) {
			t.Errorf("the bundle holds %q", needle)
		}
	}
	b.importAll(t, data)
	if n := len(b.v.Index().Logins); n != 0 {
		t.Errorf("the importer got %d logins", n)
	}
	if _, err := b.v.Index().Person("Ana Morales"); err != nil {
		t.Errorf("the person herself did not travel: %v", err)
	}
}
