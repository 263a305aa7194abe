package bundle

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"immivault/internal/contact"
	"immivault/internal/secret"
	"immivault/internal/totp"
	"immivault/internal/vault"
)

// TestBundlesCarryNoLogins: a person's logins (passwords, 2-step secrets,
// backup codes, answers) stay in their vault when the person is shared
// and no login is chosen, and not one of their bytes is in the bundle.
func TestBundlesCarryNoLogins(t *testing.T) {
	a, b := anaAndBeto(t)
	const pw, code, answer = "pw-Zq81vKe0oXn", "QW7731PLMM", "answer-Kd9r2"
	const b32 = "KRSXG5DTMVRXEZLUJZQW2ZJAM5XWIZI"
	addAnaLogin(t, a, pw, b32, code, answer)
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

// addAnaLogin gives Ana a USCIS login with every kind of secret, and
// returns its ID.
func addAnaLogin(t testing.TB, a *member, pw, b32, code, answer string) string {
	t.Helper()
	var id string
	a.update(t, func(ix *vault.Index) error {
		ana, err := ix.Person("Ana Morales")
		if err != nil {
			return err
		}
		l, err := ix.AddLogin(ana.ID, vault.ServiceUSCIS, "", vault.LoginFields{Username: "ana@example.com"}, pass(pw))
		if err != nil {
			return err
		}
		id = l.ID
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
	return id
}

// TestAChosenLoginTravels: a login chosen on its own goes in the bundle
// with every secret, and the importer gets it whole; a later change to it
// comes as an update.
func TestAChosenLoginTravels(t *testing.T) {
	a, b := anaAndBeto(t)
	const b32 = "KRSXG5DTMVRXEZLUJZQW2ZJAM5XWIZI"
	id := addAnaLogin(t, a, "pw-Zq81vKe0oXn", b32, "QW7731PLMM", "answer-Kd9r2")
	o := ExportOptions{To: []contact.Card{b.card(t)}, Logins: []string{id}}
	s, err := Describe(a.v, o)
	if err != nil || s.Logins != 1 {
		t.Fatalf("Describe: %d logins, %v", s.Logins, err)
	}
	plan, res := b.importAll(t, a.export(t, o))
	if res.Added == 0 || !slices.ContainsFunc(plan.Items, func(it Item) bool { return it.Kind == "login" && it.Action == Add }) {
		t.Fatalf("the plan has no login to add: %+v", plan.Items)
	}
	got := b.v.Index().Logins
	if len(got) != 1 {
		t.Fatalf("the importer has %d logins", len(got))
	}
	sent := a.v.Index().Logins[0]
	if !sameLogin(got[0], sent) || got[0].ID != sent.ID {
		t.Error("the imported login differs from the one sent")
	}
	if k, err := got[0].Key(); err != nil || k == nil {
		t.Errorf("the 2-step key did not travel: %v", err)
	}

	tick()
	a.update(t, func(ix *vault.Index) error { _, err := ix.SetLoginPassword(id, pass("a-new-password-4")); return err })
	plan, _ = b.importAll(t, a.export(t, o))
	i := slices.IndexFunc(plan.Items, func(it Item) bool { return it.Kind == "login" })
	if i < 0 || plan.Items[i].Action != Update {
		t.Fatalf("the changed login: %+v", plan.Items)
	}
	for _, c := range plan.Items[i].Changes {
		if strings.Contains(c.Current+c.New, "pw-") || strings.Contains(c.Current+c.New, "new-password") {
			t.Errorf("the preview shows a password: %+v", c)
		}
	}
	if !b.v.Index().Logins[0].Password.Equal(pass("a-new-password-4")) {
		t.Error("the new password did not arrive")
	}
}

// TestALoginNeedsItsPerson: a login whose person the bundle does not
// carry, or one that does not exist, is refused before anything is written.
func TestALoginNeedsItsPerson(t *testing.T) {
	a, b := anaAndBeto(t)
	id := addAnaLogin(t, a, "pw-Zq81vKe0oXn", "KRSXG5DTMVRXEZLUJZQW2ZJAM5XWIZI", "QW7731PLMM", "answer-Kd9r2")
	var other string
	for _, p := range a.v.Index().People {
		if p.Name != "Ana Morales" {
			other = p.ID
		}
	}
	if other == "" {
		t.Skip("the test family has no one but Ana")
	}
	for _, o := range []ExportOptions{
		{To: []contact.Card{b.card(t)}, People: []string{other}, Logins: []string{id}},
		{To: []contact.Card{b.card(t)}, Logins: []string{"no-such-login"}},
	} {
		if _, err := Describe(a.v, o); err == nil {
			t.Errorf("Describe took %v", o.Logins)
		}
		if err := Export(io.Discard, a.v, o); err == nil {
			t.Errorf("Export took %v", o.Logins)
		}
	}
}
