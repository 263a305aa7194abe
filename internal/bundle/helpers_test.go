package bundle

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"immivault/internal/contact"
	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

func TestMain(m *testing.M) {
	secret.Preflight()
	code := m.Run()
	cleanupBench()
	secret.Purge()
	os.Exit(code)
}

// fast keeps scrypt cheap in tests.
var fast = vault.Options{WorkFactor: 10}

func pass(s string) *secret.Secret { return secret.New([]byte(s)) }

// member is one family member's vault in a temp dir.
type member struct {
	name     string
	v        *vault.Vault
	dir      string
	recovery *secret.Secret
}

func newMember(t testing.TB, name string) *member {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, rec, err := vault.Create(dir, pass("passphrase of "+name), fast)
	if err != nil {
		t.Fatal(err)
	}
	return &member{name: name, v: v, dir: dir, recovery: rec}
}

func (m *member) card(t testing.TB) contact.Card {
	t.Helper()
	c, err := m.v.Card(m.name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// befriend puts each member's card in every other's family list, with
// the fingerprint compared.
func befriend(t testing.TB, ms ...*member) {
	t.Helper()
	for _, a := range ms {
		for _, b := range ms {
			if a == b {
				continue
			}
			card := b.card(t)
			if err := a.v.Update(func(ix *vault.Index) error {
				c, err := ix.AddContact("", card)
				if err != nil {
					return err
				}
				return ix.VerifyContact(c.ID)
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// anaAndBeto is where most tests start: Ana, whose vault holds a family
// (member.family), and Beto, each in the other's family list.
func anaAndBeto(t testing.TB) (a, b *member) {
	t.Helper()
	a, b = newMember(t, "Ana"), newMember(t, "Beto")
	befriend(t, a, b)
	a.family(t)
	return a, b
}

func (m *member) update(t testing.TB, f func(ix *vault.Index) error) {
	t.Helper()
	tick()
	if err := m.v.Update(f); err != nil {
		t.Fatal(err)
	}
}

// tick lets the clock move on, so that two versions of a record never
// share an update time.
func tick() { time.Sleep(2 * time.Millisecond) }

// notice stores content as a notice of the person (and case, if receipt
// is not empty) and returns it.
func (m *member) notice(t testing.TB, person, receipt, fileName string, content []byte, fields map[string]string) *vault.Notice {
	t.Helper()
	ref, err := m.v.AddBlob(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	var n *vault.Notice
	m.update(t, func(ix *vault.Index) error {
		p, err := ix.Person(person)
		if err != nil {
			return err
		}
		caseID := ""
		if receipt != "" {
			c, err := ix.CaseByReceipt(receipt)
			if err != nil {
				return err
			}
			caseID = c.ID
		}
		n, err = ix.AddNotice(p.ID, caseID, fileName, ref)
		if err == nil {
			n.Fields = fields
		}
		return err
	})
	return n
}

// family fills a vault with two people, their numbers, cases, notices and
// an event; it returns the notice files by name.
func (m *member) family(t testing.TB) map[string][]byte {
	t.Helper()
	m.update(t, func(ix *vault.Index) error {
		ana, err := ix.AddPerson("Ana Morales", "1990-02-03", "self")
		if err != nil {
			return err
		}
		leo, err := ix.AddPerson("Leo Morales", "2015-06-07", "child")
		if err != nil {
			return err
		}
		for _, x := range []struct {
			p         *vault.Person
			kind      ids.Kind
			qual, val string
		}{
			{ana, ids.ANumber, "", "A012345678"},
			{ana, ids.Passport, "MEX", "G12345678"},
			{ana, ids.Other, "Library card", `Tab\t"quote" ñ 日本`},
			{leo, ids.ANumber, "", "A087654321"},
		} {
			if _, err := ix.SetIdentifier(x.p.ID, x.kind, x.qual, pass(x.val)); err != nil {
				return err
			}
		}
		if _, err := ix.SetCase(ana.ID, "EAC2512345678", vault.CaseChange{Form: "I-485", Received: "2025-01-02", Status: "Case Was Received"}); err != nil {
			return err
		}
		if _, err := ix.SetCase(leo.ID, "IOE0912345678", vault.CaseChange{Form: "I-130"}); err != nil {
			return err
		}
		return nil
	})
	files := map[string][]byte{
		"I-797C.pdf":   randomFile(t, 300<<10),
		"passport.jpg": randomFile(t, 70<<10),
		"leo.pdf":      randomFile(t, 1000),
	}
	n := m.notice(t, "Ana Morales", "EAC2512345678", "I-797C.pdf", files["I-797C.pdf"],
		map[string]string{"form": "I-797C", "receipt_number": "EAC2512345678", "notice_date": "2025-01-10"})
	m.notice(t, "Ana Morales", "", "passport.jpg", files["passport.jpg"], nil)
	m.notice(t, "Leo Morales", "IOE0912345678", "leo.pdf", files["leo.pdf"], nil)
	m.update(t, func(ix *vault.Index) error {
		_, err := ix.AddEvent(vault.Event{PersonID: n.PersonID, CaseID: n.CaseID, NoticeID: n.ID, Kind: "biometrics", Date: "2025-02-14", Time: "09:30"})
		return err
	})
	return files
}

func randomFile(t testing.TB, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// export makes a bundle from m's vault.
func (m *member) export(t testing.TB, o ExportOptions) []byte {
	t.Helper()
	if o.SenderName == "" {
		o.SenderName = m.name
	}
	if o.Passphrase != nil && o.WorkFactor == 0 {
		o.WorkFactor = 10
	}
	var buf bytes.Buffer
	if err := Export(&buf, m.v, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// open opens a bundle with m's vault identity.
func (m *member) open(t testing.TB, data []byte) (*Bundle, error) {
	t.Helper()
	id, err := m.v.Decrypter()
	if err != nil {
		t.Fatal(err)
	}
	return Open(bytes.NewReader(data), int64(len(data)), id)
}

// importAll opens, previews and applies a bundle, accepting everything.
func (m *member) importAll(t testing.TB, data []byte) (Plan, Result) {
	t.Helper()
	b, err := m.open(t, data)
	if err != nil {
		t.Fatal(err)
	}
	p := Preview(m.v.Index(), b)
	res, err := Apply(m.v, b, p)
	if err != nil {
		t.Fatal(err)
	}
	return p, res
}

// state is a vault's revision and files, to show that a refusal left it
// untouched.
func (m *member) state(t testing.TB) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(m.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "lock" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(m.dir, path)
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(b)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	if err := m.v.Refresh(); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("revision %d\n%s", m.v.Index().Revision, strings.Join(lines, "\n"))
}

// reveal opens a secret for a test's comparison.
func reveal(t testing.TB, s *secret.Secret) string {
	t.Helper()
	var out string
	if err := s.Use(func(b []byte) error { out = string(b); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// noticeFile reads a stored notice back.
func (m *member) noticeFile(t testing.TB, n *vault.Notice) []byte {
	t.Helper()
	r, err := m.v.OpenBlob(n)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func actions(p Plan) map[Action]int {
	out := map[Action]int{}
	for _, it := range p.Items {
		out[it.Action]++
	}
	return out
}

var _ age.Identity = vault.PassphraseIdentity(nil)
