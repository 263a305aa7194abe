package vault

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damagedVault builds a vault with two saves (so index.age.1 exists) and a
// notice, and returns its dir and the notice's blob file.
func damagedVault(t *testing.T) (dir, blob string) {
	v, dir := newVault(t)
	pid := addFamily(t, v)
	ref, err := v.AddBlob(strings.NewReader(strings.Repeat("notice page ", 1000)))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(ix *Index) error { _, err := ix.AddNotice(pid, "", "n.pdf", ref); return err }); err != nil {
		t.Fatal(err)
	}
	return dir, blobsDir + "/" + ref.Name
}

func flip(t *testing.T, path string, off int64) (restore func()) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	orig := append([]byte(nil), b...)
	b[off] ^= 0x01
	os.WriteFile(path, b, 0o600)
	return func() { os.WriteFile(path, orig, 0o600) }
}

// offsets picks every byte of small files and a spread of a large one's,
// including the header, the first and the last chunk.
func offsets(size int64) []int64 {
	if size <= 600 {
		out := make([]int64, size)
		for i := range out {
			out[i] = int64(i)
		}
		return out
	}
	var out []int64
	for i := int64(0); i < 300; i++ {
		out = append(out, i)
	}
	for i := int64(300); i < size; i += size / 97 {
		out = append(out, i)
	}
	return append(out, size-1)
}

// TestEveryFlippedByteIsCaughtAndNamed flips one byte at a time in every
// file of a vault and checks that opening, reading the notice and
// verifying report a damaged file by name, never panic, and never return
// wrong data.
func TestEveryFlippedByteIsCaughtAndNamed(t *testing.T) {
	dir, blob := damagedVault(t)
	files := []string{formatFile, identityFile, recoveryFile, indexFile, generationName(1), blob}
	for _, file := range files {
		path := filepath.Join(dir, filepath.FromSlash(file))
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, off := range offsets(fi.Size()) {
			restore := flip(t, path, off)
			msg := damageReport(t, dir)
			restore()
			if !strings.Contains(msg, file) {
				t.Fatalf("flipping byte %d of %s: report does not name it: %q", off, file, msg)
			}
		}
	}
}

// damageReport opens the vault, reads every notice and verifies, and
// returns everything that was reported as one string.
func damageReport(t *testing.T, dir string) string {
	v, err := Open(dir, pass("correct horse"), fast)
	if errors.Is(err, ErrWrongPassphrase) {
		// scrypt cannot tell a damaged identity.age from a wrong passphrase;
		// the CLI's message says so, naming the file.
		return identityFile + ": " + err.Error()
	}
	if err != nil {
		return err.Error()
	}
	var msgs []string
	msgs = append(msgs, v.Warnings...)
	for _, n := range v.Index().Notices {
		r, err := v.OpenBlob(n)
		if err == nil {
			_, err = io.Copy(io.Discard, r)
			r.Close()
		}
		if err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	rep, err := v.Verify()
	if err != nil {
		msgs = append(msgs, err.Error())
	} else {
		for _, p := range rep.Problems {
			msgs = append(msgs, p.String())
		}
	}
	return strings.Join(msgs, "; ")
}

func TestDamagedIndexFallsBackToThePreviousGeneration(t *testing.T) {
	dir, _ := damagedVault(t)
	restore := flip(t, filepath.Join(dir, indexFile), 300)
	defer restore()
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Warnings) != 1 || !strings.Contains(v.Warnings[0], "index.age is damaged") ||
		!strings.Contains(v.Warnings[0], "index.age.1") {
		t.Fatalf("warnings: %q", v.Warnings)
	}
	if v.Index().Revision != 1 || len(v.Index().Notices) != 0 {
		t.Fatalf("fell back to revision %d", v.Index().Revision)
	}
	// The next save writes a good index.age again on top of the fallback.
	if err := v.Update(func(ix *Index) error { _, err := ix.AddPerson("After", "", ""); return err }); err != nil {
		t.Fatal(err)
	}
	v2, err := Open(dir, pass("correct horse"), fast)
	if err != nil || len(v2.Warnings) != 0 || len(v2.Index().People) != 2 {
		t.Fatalf("after repair: %v %q", err, v2.Warnings)
	}
}

func TestDamagedBlobLosesOnlyThatNotice(t *testing.T) {
	dir, blob := damagedVault(t)
	restore := flip(t, filepath.Join(dir, blob), 500)
	defer restore()
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil || len(v.Index().People) != 1 {
		t.Fatalf("the vault must still open: %v", err)
	}
	r, err := v.OpenBlob(v.Index().Notices[0])
	if err == nil {
		_, err = io.Copy(io.Discard, r)
	}
	var d *DamagedError
	if !errors.As(err, &d) || d.File != blob {
		t.Fatalf("got %v", err)
	}
}

func TestHostileIndexIsRefused(t *testing.T) {
	for _, body := range []string{
		``, `{}`, `[]`, `{"format":"immivault-index/v9"}`,
		`{"format":"immivault-index/v1","people":[{"id":"a"},{"id":"a"}]}`,
		`{"format":"immivault-index/v1","identifiers":[{"id":"x","person_id":"nobody","value":"1"}]}`,
		`{"format":"immivault-index/v1","people":[{"id":"p"}],"identifiers":[{"id":"x","person_id":"p"}]}`,
		`{"format":"immivault-index/v1","people":[{"id":"p"}],"identifiers":[{"id":"x","person_id":"p","value":"\u12"}]}`,
		`{"format":"immivault-index/v1","people":[{"id":"p"}],"notices":[{"id":"n","person_id":"p","blob":"../../etc/passwd"}]}`,
		`{"format":"immivault-index/v1","people":[null]}`,
	} {
		if _, err := readIndex([]byte(body)); err == nil {
			t.Errorf("accepted %s", body)
		}
	}
}

func FuzzReadIndex(f *testing.F) {
	f.Add([]byte(`{"format":"immivault-index/v1","people":[{"id":"p","name":"M"}],"identifiers":[{"id":"x","person_id":"p","kind":"a-number","value":"A0\u00e9\ud83d\ude00"}]}`))
	f.Add([]byte(`{"format":"immivault-index/v1"}`))
	f.Add([]byte(`{"format":"immivault-index/v2","people":[{"id":"p","name":"M"}],"logins":[{"id":"l","person_id":"p","service":"uscis",` +
		`"password":"pw\n\u00f1","totp":"otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ","backup_codes":[{"code":"AB12","used":true},{"code":""}],` +
		`"security_questions":[{"question":"q?","answer":"a\"b"}]}]}`))
	f.Add([]byte(`{"format":"immivault-index/v3","people":[{"id":"p","name":"M","married":"2020-02-29"}],"trips":[{"id":"t","person_id":"p","departed":"2024-01-02","returned":"2024-01-09","destination":"Per\u00fa"},{"id":"u","person_id":"p","departed":"2025-01-02"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ix, err := readIndex(b)
		if err != nil {
			return
		}
		// What parses must write and parse back to the same records.
		var buf strings.Builder
		if err := writeIndex(&buf, ix, hmac.New(sha256.New, nil)); err != nil {
			t.Fatal(err)
		}
		body, sum, ok := splitAuth([]byte(buf.String()))
		mac := hmac.New(sha256.New, nil)
		mac.Write(body)
		if !ok || !hmac.Equal(sum, mac.Sum(nil)) {
			t.Fatalf("the authentication code does not check:\n%s", buf.String())
		}
		ix2, err := readIndex([]byte(buf.String()))
		if err != nil {
			t.Fatalf("re-read: %v\n%s", err, buf.String())
		}
		if len(ix2.Identifiers) != len(ix.Identifiers) || len(ix2.People) != len(ix.People) {
			t.Fatal("records lost in a round trip")
		}
		if len(ix2.Logins) != len(ix.Logins) {
			t.Fatal("logins lost in a round trip")
		}
		if len(ix2.Trips) != len(ix.Trips) {
			t.Fatal("trips lost in a round trip")
		}
		for i, tr := range ix.Trips {
			if *tr != *ix2.Trips[i] {
				t.Fatal("a trip changed in a round trip")
			}
		}
		for i, l := range ix.Logins {
			l2 := ix2.Logins[i]
			if !l.Password.Equal(l2.Password) || !l.TOTP.Equal(l2.TOTP) || len(l.BackupCodes) != len(l2.BackupCodes) || len(l.Questions) != len(l2.Questions) {
				t.Fatal("a login's secrets changed in a round trip")
			}
			for j, c := range l.BackupCodes {
				if !c.Code.Equal(l2.BackupCodes[j].Code) || c.Used != l2.BackupCodes[j].Used {
					t.Fatal("a backup code changed in a round trip")
				}
			}
			for j, q := range l.Questions {
				if q.Question != l2.Questions[j].Question || !q.Answer.Equal(l2.Questions[j].Answer) {
					t.Fatal("a security question changed in a round trip")
				}
			}
		}
		for i := range ix.Identifiers {
			if !ix.Identifiers[i].Value.Equal(ix2.Identifiers[i].Value) {
				t.Fatal("identifier value changed in a round trip")
			}
		}
	})
}
