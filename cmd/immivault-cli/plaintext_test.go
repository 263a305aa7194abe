package main

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"encoding/hex"
	"io/fs"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"filippo.io/age"

	"immivault/internal/ids"
	"immivault/internal/notice/noticetest"
)

// randomDigits returns n random decimal digits, the first from first.
func randomDigits(t *testing.T, n int, first string) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		digits := "0123456789"
		if i == 0 {
			digits = first
		}
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(digits))))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteByte(digits[k.Int64()])
	}
	return b.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// plantedSecret is one identifier value as a person would type it.
type plantedSecret struct {
	kind  ids.Kind
	flag  []string // --country or --label
	typed string
}

// TestNoPlaintextAnywhere runs a whole session and then looks for every
// identifier value (as typed, as stored and as displayed), every login
// secret (passwords, 2-step secret, backup codes, answers), every passphrase
// and the content of the notice, byte for byte, in every file the session
// could have written (the vault, the temp folder, home, configuration and
// cache folders) and in everything it printed without --reveal. The values
// are random, so that no hit can be chance.
func TestNoPlaintextAnywhere(t *testing.T) {
	t.Parallel()
	bin := cliBinary(t)
	root := tempDir(t)    // everything the session may write to
	private := tempDir(t) // what the person holds: passphrase files, the notice
	home := filepath.Join(root, "home")
	tmp := filepath.Join(root, "tmp")
	vaultDir := filepath.Join(root, "vault")
	for _, d := range []string{home, tmp} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}

	pass1 := "first passphrase " + randomHex(12)
	pass2 := "second passphrase " + randomHex(12)
	notice := "%PDF-1.4 receipt notice " + randomHex(24)
	write := func(name, content string) string {
		path := filepath.Join(private, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	pass1File, pass2File := write("pass1", pass1+"\n"), write("pass2", pass2)
	noticeFile := write("notice.pdf", notice)

	a := randomDigits(t, 9, "123456789")
	ssn := randomDigits(t, 3, "12345") + randomDigits(t, 2, "123456789") + randomDigits(t, 4, "123456789")
	planted := []plantedSecret{
		{ids.ANumber, nil, "a" + a[:3] + "-" + a[3:6] + "-" + a[6:]},
		{ids.SSN, nil, ssn[:3] + " " + ssn[3:5] + " " + ssn[5:]},
		{ids.Passport, []string{"--country", "mx"}, "zq " + randomDigits(t, 7, "123456789")},
		{ids.I94, nil, randomDigits(t, 9, "123456789") + "B" + randomDigits(t, 1, "0123456789")},
		{ids.AccountNumber, nil, randomDigits(t, 4, "123456789") + " " + randomDigits(t, 4, "0123456789") + " " + randomDigits(t, 4, "0123456789")},
		{ids.ReceiptNumber, nil, "ioe" + randomDigits(t, 10, "123456789")},
		{ids.SEVISID, nil, "n" + randomDigits(t, 10, "123456789")},
		{ids.Other, []string{"--label", "Bank PIN"}, "pin " + randomHex(8)},
	}

	// needles are the byte strings that must not show up.
	needles := map[string]string{pass1: "passphrase 1", pass2: "passphrase 2", notice: "the notice"}
	var stored []string
	for _, p := range planted {
		norm, err := ids.Normalize(p.kind, []byte(p.typed))
		if err != nil {
			t.Fatalf("%s %q: %v", p.kind, p.typed, err)
		}
		stored = append(stored, string(norm))
		needles[p.typed] = string(p.kind) + " as typed"
		needles[string(norm)] = string(p.kind) + " as stored"
		needles[string(ids.Format(p.kind, norm))] = string(p.kind) + " as displayed"
	}
	needles[a] = "the A-number's digits"

	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"TMPDIR=" + tmp,
		// Windows's names for those folders, so that what the session
		// writes there lands under root too.
		"USERPROFILE=" + home,
		"APPDATA=" + filepath.Join(home, "AppData", "Roaming"),
		"LOCALAPPDATA=" + filepath.Join(home, "AppData", "Local"),
		"TMP=" + tmp,
		"TEMP=" + tmp,
		"IMMIVAULT_VAULT=" + vaultDir,
		"IMMIVAULT_SCRYPT_LOGN=10",
		"IMMIVAULT_PASSPHRASE_FILE=" + pass1File,
	}
	var printed strings.Builder // all output that must be free of secrets
	run := func(stdin string, args ...string) result {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = tmp
		r := runCLI(t, cmd, env, stdin)
		if r.status != 0 {
			t.Fatalf("immivault-cli %q: status %d\n%s", args, r.status, r.stderr)
		}
		printed.WriteString(r.stderr)
		return r
	}
	created := run("", "init")
	recoveryKey := regexp.MustCompile(`(?m)^AGE-SECRET-KEY-PQ-1[0-9A-Z]+$`).FindString(created.stdout)
	if recoveryKey == "" {
		t.Fatalf("init showed no recovery key:\n%s", created.stdout)
	}
	run("", "person", "add", "Rosa Example", "--born", "1985-05-06", "--relation", "self")
	run("", "person", "add", "Leo Example", "--relation", "child")
	for i, p := range planted {
		who := []string{"Rosa Example", "Leo Example"}[i%2]
		printed.WriteString(run(p.typed+"\n", append([]string{"id", "set", who, string(p.kind)}, p.flag...)...).stdout)
	}
	printed.WriteString(run("", "case", "add", "Rosa Example", "EAC2512345678", "--form", "I-485").stdout)
	printed.WriteString(run("", "attach", "Rosa Example", noticeFile, "--case", "EAC2512345678").stdout)

	// A real notice: read without a vault, filed, and a page rendered from
	// the vault into the person's own folder. None of it may leave a copy.
	i797 := noticetest.Generate(int64(len(pass1) * 7919))
	i797File := write("i797.pdf", string(i797.PDF))
	needles[string(i797.PDF[len(i797.PDF)/2:len(i797.PDF)/2+48])] = "a piece of the I-797 file"
	for _, a := range i797.Truth.ANumbers {
		needles[a] = "the I-797's A-number"
	}
	printed.WriteString(run("", "notice", "inspect", i797File).stdout)
	// inspect --json is the documented way to get the numbers off a file
	// the person holds: its output is theirs, and not searched.
	run("", "notice", "inspect", "--json", i797File)
	printed.WriteString(run("", "notice", "add", "Leo Example", i797File, "--yes").stdout)
	noticeID := regexp.MustCompile(`filed as notice ([a-z2-7]{16})`).FindStringSubmatch(printed.String())
	if noticeID == nil {
		t.Fatal("notice add filed nothing")
	}
	printed.WriteString(run("", "notice", "show", noticeID[1], "-o", filepath.Join(private, "page.png")).stdout)
	// Logins: a typed password, a generated one, a 2-step secret, backup
	// codes and an answer, each random.
	loginPassword := "pw " + randomHex(10)
	totpKey := make([]byte, 20)
	rand.Read(totpKey)
	totpBase32 := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(totpKey)
	codes := []string{randomHex(4) + "-" + randomHex(4), randomHex(8)}
	answer := "answer " + randomHex(10)
	needles[loginPassword] = "a login's password"
	needles[totpBase32] = "a 2-step secret"
	needles[strings.ToLower(totpBase32)] = "a 2-step secret as typed"
	needles[string(totpKey)] = "a 2-step key's bytes"
	for _, code := range codes {
		needles[code] = "a backup code as typed"
		needles[strings.ToUpper(strings.ReplaceAll(code, "-", ""))] = "a backup code as stored"
	}
	needles[answer] = "a security answer"
	printed.WriteString(run(loginPassword+"\n", "login", "add", "Rosa Example", "uscis", "--username", "rosa@example.com").stdout)
	printed.WriteString(run(strings.ToLower(totpBase32)+"\n", "login", "set-totp", "Rosa Example", "uscis").stdout)
	printed.WriteString(run(strings.Join(codes, "\n")+"\n", "login", "backup-codes", "Rosa Example", "uscis").stdout)
	printed.WriteString(run(answer+"\n", "login", "question", "Rosa Example", "uscis", "First school?").stdout)
	printed.WriteString(run("", "login", "add", "Leo Example", "ceac", "--generate").stdout)
	generated := strings.TrimSpace(run("", "login", "show", "Leo Example", "ceac", "--password").stdout)
	if len(generated) < 20 {
		t.Fatalf("login show --password printed %q", generated)
	}
	needles[generated] = "a generated password"
	for _, args := range [][]string{{"login", "ls"}, {"login", "show", "Rosa Example", "uscis"}, {"login", "totp", "Rosa Example", "uscis"}} {
		printed.WriteString(run("", args...).stdout)
	}

	// passwd gives the vault a new key and shows the new recovery key once,
	// as init did: both keys and both identities are searched for below.
	oldIdentity := vaultIdentity(t, vaultDir, recoveryKey)
	env = append(env, "IMMIVAULT_NEW_PASSPHRASE_FILE="+pass2File)
	newRecoveryKey := regexp.MustCompile(`(?m)^AGE-SECRET-KEY-PQ-1[0-9A-Z]+$`).FindString(run("", "passwd").stdout)
	if newRecoveryKey == "" || newRecoveryKey == recoveryKey {
		t.Fatal("passwd showed no new recovery key")
	}
	env = append(env, "IMMIVAULT_PASSPHRASE_FILE="+pass2File)
	for _, args := range [][]string{{"ls"}, {"ls", "--json"}, {"person", "ls"}, {"status"}, {"verify"}, {"gc"}} {
		printed.WriteString(run("", args...).stdout)
	}

	// The values really are in the vault: --reveal shows every one.
	revealed := run("", "ls", "--reveal").stdout + run("", "ls", "--json", "--reveal").stdout
	for _, s := range stored {
		if strings.Count(revealed, s) != 2 {
			t.Errorf("ls --reveal and ls --json --reveal do not both show %q", s)
		}
	}
	revealed = run("", "login", "ls", "--reveal").stdout
	for _, s := range []string{loginPassword, totpBase32, answer, generated} {
		if !strings.Contains(revealed, s) {
			t.Errorf("login ls --reveal does not show %q", s)
		}
	}
	if _, err := os.Stat(filepath.Join(vaultDir, "format")); err != nil {
		t.Fatalf("the vault is not where the search looks: %v", err)
	}

	for needle, what := range needles {
		if strings.Contains(printed.String(), needle) {
			t.Errorf("%s appeared in the output", what)
		}
	}
	// Files must not hold the keys either: the recovery key, shown once,
	// and the vault identity, which it decrypts.
	needles[recoveryKey] = "the first recovery key"
	needles[oldIdentity] = "the first vault identity"
	needles[newRecoveryKey] = "the recovery key"
	needles[vaultIdentity(t, vaultDir, newRecoveryKey)] = "the vault identity"
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for needle, what := range needles {
			if bytes.Contains(b, []byte(needle)) {
				t.Errorf("%s is in %s", what, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 8 {
		t.Fatalf("searched only %d files: the session wrote less than a vault", files)
	}
	t.Logf("searched %d files and %d bytes of output for %d needles", files, printed.Len(), len(needles))
}

// vaultIdentity decrypts recovery.age with the recovery key, as the stock
// age CLI would, and returns the vault's identity.
func vaultIdentity(t *testing.T, vaultDir, recoveryKey string) string {
	t.Helper()
	id, err := age.ParseHybridIdentity(recoveryKey)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(vaultDir, "recovery.age"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := age.Decrypt(f, id)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	// An age identity file: a comment line, then the key.
	identity := regexp.MustCompile(`(?m)^AGE-SECRET-KEY-PQ-1[0-9A-Z]+$`).FindString(b.String())
	if identity == "" {
		t.Fatalf("recovery.age does not hold an identity")
	}
	return identity
}
