package vault

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"immivault/internal/secret"
	"immivault/internal/totp"
)

const loginTOTP = "otpauth://totp/USCIS:maria@example.com?secret=JBSWY3DPEHPK3PXP&issuer=USCIS&algorithm=SHA1&digits=6&period=30"

// addLogin gives the vault's first person a USCIS login with every kind
// of secret.
func addLogin(t *testing.T, v *Vault, personID string) *Login {
	t.Helper()
	var l *Login
	err := v.Update(func(ix *Index) error {
		var err error
		if l, err = ix.AddLogin(personID, ServiceUSCIS, "", LoginFields{URL: "https://myaccount.uscis.gov/", Username: "maria@example.com", Note: "the old email"}, pass("hunter2 ñ \"quoted\"")); err != nil {
			return err
		}
		k, err := totp.Parse([]byte(loginTOTP))
		if err != nil {
			return err
		}
		if _, err = ix.SetLoginTOTP(l.ID, k); err != nil {
			return err
		}
		if _, err = ix.SetBackupCodes(l.ID, []*secret.Secret{pass("AAAA1111"), pass("BBBB2222"), pass("AAAA1111")}); err != nil {
			return err
		}
		_, err = ix.SetSecurityQuestion(l.ID, "First pet?", pass("Rex\nthe dog"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLoginsAreSavedAndReadBack(t *testing.T) {
	v, dir := newVault(t)
	personID := addFamily(t, v)
	addLogin(t, v, personID)
	v.Close()

	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	l, err := v.Index().Login(personID, ServiceUSCIS, "")
	if err != nil {
		t.Fatal(err)
	}
	if l.Username != "maria@example.com" || l.URL != "https://myaccount.uscis.gov/" || l.Note != "the old email" {
		t.Errorf("plain fields: %+v", l)
	}
	if got := reveal(t, l.Password); got != "hunter2 ñ \"quoted\"" {
		t.Errorf("password %q", got)
	}
	if got := reveal(t, l.TOTP); got != loginTOTP {
		t.Errorf("2-step secret %q", got)
	}
	if len(l.BackupCodes) != 2 || reveal(t, l.BackupCodes[1].Code) != "BBBB2222" {
		t.Errorf("backup codes: %d", len(l.BackupCodes))
	}
	if len(l.Questions) != 1 || l.Questions[0].Question != "First pet?" || reveal(t, l.Questions[0].Answer) != "Rex\nthe dog" {
		t.Errorf("questions: %+v", l.Questions)
	}
	k, err := l.Key()
	if err != nil || k == nil || k.Digits != 6 {
		t.Errorf("key: %v %v", k, err)
	}
	if err := v.Index().Validate(); err != nil {
		t.Errorf("a saved vault with logins does not validate: %v", err)
	}
}

// TestIndexFormatSaysWhenItHasLogins: an index without logins is written
// as v1, which every release reads; one with logins as v2, which releases
// before logins refuse rather than drop the logins at their next save.
func TestIndexFormatSaysWhenItHasLogins(t *testing.T) {
	v, _ := newVault(t)
	defer v.Close()
	personID := addFamily(t, v)
	format := func() string {
		var b bytes.Buffer
		if err := writeIndex(&b, v.Index(), sha256.New()); err != nil {
			t.Fatal(err)
		}
		var f struct{ Format string }
		if err := json.Unmarshal(b.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		return f.Format
	}
	if got := format(); got != "immivault-index/v1" {
		t.Errorf("without logins: %s", got)
	}
	l := addLogin(t, v, personID)
	if got := format(); got != "immivault-index/v2" {
		t.Errorf("with logins: %s", got)
	}
	if err := v.Update(func(ix *Index) error { return ix.RemoveLogin(l.ID) }); err != nil {
		t.Fatal(err)
	}
	if got := format(); got != "immivault-index/v1" {
		t.Errorf("after removing the last login: %s", got)
	}
}

func TestOlderIndexWithoutLoginsReads(t *testing.T) {
	ix, err := readIndex([]byte(`{"format":"immivault-index/v1","revision":3,"people":[{"id":"aaaaaaaaaaaaaaaa","name":"M"}],"identifiers":[],"cases":[],"notices":[],"events":[],"contacts":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.Logins) != 0 || len(ix.People) != 1 {
		t.Errorf("read %+v", ix)
	}
	for _, bad := range []string{
		`{"format":"immivault-index/v2","people":[{"id":"p"}],"logins":[{"id":"l","person_id":"nobody","service":"uscis"}]}`,
		`{"format":"immivault-index/v2","people":[{"id":"p"}],"logins":[{"id":"l","person_id":"p","service":"uscis","password":7}]}`,
		`{"format":"immivault-index/v2","people":[{"id":"p"}],"logins":[{"id":"l","person_id":"p","service":"uscis","backup_codes":[{"used":true}]}]}`,
		`{"format":"immivault-index/v2","people":[{"id":"p"}],"logins":[null]}`,
	} {
		if _, err := readIndex([]byte(bad)); err == nil {
			t.Errorf("read %s", bad)
		}
	}
}

func TestBackupCodesAndQuestions(t *testing.T) {
	v, _ := newVault(t)
	defer v.Close()
	personID := addFamily(t, v)
	l := addLogin(t, v, personID)
	use := func(code string) (bool, error) {
		var again bool
		err := v.Update(func(ix *Index) error {
			var err error
			_, again, err = ix.UseBackupCode(l.ID, pass(code))
			return err
		})
		return again, err
	}
	if again, err := use("BBBB2222"); err != nil || again {
		t.Fatalf("first use: %v %v", again, err)
	}
	if again, err := use("BBBB2222"); err != nil || !again {
		t.Errorf("second use: %v %v", again, err)
	}
	if _, err := use("CCCC3333"); !errors.Is(err, ErrNoSuchBackupCode) {
		t.Errorf("unknown code: %v", err)
	}
	got, _ := v.Index().Login(personID, ServiceUSCIS, "")
	if got.UnusedBackupCodes() != 1 || !got.BackupCodes[1].Used {
		t.Errorf("codes after use: %+v", got.BackupCodes)
	}
	if b := NormalizeBackupCode([]byte("abcd-12 34")); string(b) != "ABCD1234" {
		t.Errorf("normalised %q", b)
	}
	// Questions: replaced by text in any case, removed by an empty answer.
	err := v.Update(func(ix *Index) error {
		if _, err := ix.SetSecurityQuestion(l.ID, "first PET?", pass("Max")); err != nil {
			return err
		}
		_, err := ix.SetSecurityQuestion(l.ID, "City of birth?", pass("Oaxaca"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = v.Index().Login(personID, ServiceUSCIS, "")
	if len(got.Questions) != 2 || reveal(t, got.Questions[0].Answer) != "Max" {
		t.Errorf("questions: %d", len(got.Questions))
	}
	if err := v.Update(func(ix *Index) error { _, err := ix.SetSecurityQuestion(l.ID, "city of birth?", nil); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := v.Index().Login(personID, ServiceUSCIS, ""); len(got.Questions) != 1 {
		t.Errorf("a question was not removed")
	}
}

// TestFailedLoginChangeChangesNothing: an update that fails leaves the
// login as it was, its lists included (they are copied, not shared).
func TestFailedLoginChangeChangesNothing(t *testing.T) {
	v, _ := newVault(t)
	defer v.Close()
	personID := addFamily(t, v)
	l := addLogin(t, v, personID)
	err := v.Update(func(ix *Index) error {
		if _, _, err := ix.UseBackupCode(l.ID, pass("AAAA1111")); err != nil {
			return err
		}
		return errors.New("changed my mind")
	})
	if err == nil {
		t.Fatal("the update did not fail")
	}
	got, _ := v.Index().Login(personID, ServiceUSCIS, "")
	if got.BackupCodes[0].Used {
		t.Error("a failed update marked a backup code used")
	}
}

func TestLoginRules(t *testing.T) {
	v, _ := newVault(t)
	defer v.Close()
	personID := addFamily(t, v)
	addLogin(t, v, personID)
	for name, tc := range map[string]struct {
		service Service
		name    string
		f       LoginFields
		pw      string
		want    string
	}{
		"duplicate":    {ServiceUSCIS, "", LoginFields{}, "x", "already a USCIS online account login"},
		"other":        {ServiceOther, "", LoginFields{}, "x", `needs a name`},
		"name":         {ServiceCEAC, "Mine", LoginFields{}, "x", `only an "other" login`},
		"unknown":      {Service("bank"), "", LoginFields{}, "x", "unknown service"},
		"url":          {ServiceI94, "", LoginFields{URL: "javascript:alert(1)"}, "x", "not http:// or https://"},
		"control":      {ServiceI94, "", LoginFields{Username: "a\x1bb"}, "x", "control characters"},
		"long pw":      {ServiceI94, "", LoginFields{}, strings.Repeat("x", MaxPassword+1), "password longer"},
		"pw control":   {ServiceI94, "", LoginFields{}, "a\x00b", "password with control"},
		"long note":    {ServiceI94, "", LoginFields{Note: strings.Repeat("n", MaxLongText+1)}, "", "note longer"},
		"other ok dup": {ServiceOther, "Bank", LoginFields{}, "", ""},
	} {
		err := v.Update(func(ix *Index) error {
			_, err := ix.AddLogin(personID, tc.service, tc.name, tc.f, pass(tc.pw))
			return err
		})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		case err != nil && strings.Contains(err.Error(), "\n"):
			t.Errorf("%s: more than one line: %q", name, err)
		}
	}
	// Backup codes must be in storage form.
	l, _ := v.Index().Login(personID, ServiceUSCIS, "")
	err := v.Update(func(ix *Index) error {
		_, err := ix.SetBackupCodes(l.ID, []*secret.Secret{pass("abcd-1234")})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "backup code") {
		t.Errorf("a code not in storage form: %v", err)
	}
}

func TestFindLogins(t *testing.T) {
	v, _ := newVault(t)
	defer v.Close()
	personID := addFamily(t, v)
	addLogin(t, v, personID)
	err := v.Update(func(ix *Index) error {
		_, err := ix.AddLogin(personID, ServiceOther, "Bank of Examples", LoginFields{Username: "mexemplo"}, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ix := v.Index()
	for q, want := range map[string]int{"uscis": 1, "USCIS online": 1, "maria@": 1, "MEXEMPLO": 1, "bank": 1, "exampl": 2, "hunter2": 0, "AAAA1111": 0, "": 0} {
		if got := len(ix.FindLogins(q)); got != want {
			t.Errorf("%q: %d logins, want %d", q, got, want)
		}
	}
	if s, err := ParseService("DS-160"); err != nil || s != ServiceCEAC {
		t.Errorf("DS-160: %v %v", s, err)
	}
}
