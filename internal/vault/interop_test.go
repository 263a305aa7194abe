package vault

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// ageCLI finds the reference age CLI (v1.3+, which reads post-quantum
// keys). CI installs it (`make tools`); elsewhere the test skips.
func ageCLI(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("age")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("the age CLI is not on PATH; `make tools` installs it")
		}
		t.Skip("the age CLI is not on PATH; `make tools` installs it")
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil || !strings.HasPrefix(strings.TrimSpace(string(out)), "v1.3") {
		t.Fatalf("need age v1.3.x (post-quantum keys), found %q: %v", out, err)
	}
	return path
}

// TestStockAgeReadsEverythingWithTheRecoveryKey is the no-lock-in promise:
// with the recovery key and the stock age CLI a user reads recovery.age,
// then index.age and every blob, without immivault.
func TestStockAgeReadsEverythingWithTheRecoveryKey(t *testing.T) {
	ageBin := ageCLI(t)
	dir := filepath.Join(t.TempDir(), "vault")
	v, recovery, err := Create(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	pid := addFamily(t, v)
	content := bytes.Repeat([]byte("%PDF-1.7\nI-797C receipt notice\n"), 3000)
	ref, _ := v.AddBlob(bytes.NewReader(content))
	if err := v.Update(func(ix *Index) error { _, err := ix.AddNotice(pid, "", "I-797C.pdf", ref); return err }); err != nil {
		t.Fatal(err)
	}

	work := t.TempDir()
	keyFile := filepath.Join(work, "recovery-key.txt")
	os.WriteFile(keyFile, []byte(reveal(t, recovery)+"\n"), 0o600)
	run := func(args ...string) []byte {
		t.Helper()
		var stderr bytes.Buffer
		cmd := exec.Command(ageBin, args...)
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("age %v: %v\n%s", args, err, stderr.String())
		}
		return out
	}
	identity := run("-d", "-i", keyFile, filepath.Join(dir, "recovery.age"))
	// An age identity file: the marker comment, then the key.
	if !bytes.HasPrefix(identity, []byte(identityMarker+"\nAGE-SECRET-KEY-PQ-1")) {
		t.Fatalf("recovery.age does not hold an age identity file: %.30q", identity)
	}
	idFile := filepath.Join(work, "identity.txt")
	os.WriteFile(idFile, identity, 0o600)

	var index struct {
		Format      string
		Identifiers []struct{ Kind, Value string }
		Notices     []struct {
			Blob string
			Size int64
		}
	}
	if err := json.Unmarshal(run("-d", "-i", idFile, filepath.Join(dir, "index.age")), &index); err != nil {
		t.Fatal(err)
	}
	if index.Format != indexFormat || len(index.Identifiers) != 2 || index.Identifiers[0].Value != "A012345678" {
		t.Fatalf("index as age sees it: %+v", index)
	}
	if len(index.Notices) != 1 {
		t.Fatal("no notice in the index")
	}
	blob := run("-d", "-i", idFile, filepath.Join(dir, "blobs", index.Notices[0].Blob))
	// The blob is the file followed by zero padding; the index gives the size.
	if !bytes.Equal(blob[:index.Notices[0].Size], content) || len(bytes.Trim(blob[index.Notices[0].Size:], "\x00")) != 0 {
		t.Fatal("the blob is not the file plus zero padding")
	}
}

// TestPassphraseFilesAreStandardAge checks our scrypt stanza against age's
// own: each side opens what the other wrote.
func TestPassphraseFilesAreStandardAge(t *testing.T) {
	var ours bytes.Buffer
	w, _ := age.Encrypt(&ours, &passphraseRecipient{pass: pass("pässwörd"), logN: 10})
	w.Write([]byte("hello"))
	w.Close()
	theirID, _ := age.NewScryptIdentity("pässwörd")
	r, err := age.Decrypt(bytes.NewReader(ours.Bytes()), theirID)
	if err != nil {
		t.Fatalf("age cannot read ours: %v", err)
	}
	if b, _ := io.ReadAll(r); string(b) != "hello" {
		t.Fatal("wrong plaintext")
	}

	var theirs bytes.Buffer
	theirR, _ := age.NewScryptRecipient("pässwörd")
	theirR.SetWorkFactor(10)
	w, _ = age.Encrypt(&theirs, theirR)
	w.Write([]byte("hi"))
	w.Close()
	r, err = age.Decrypt(bytes.NewReader(theirs.Bytes()), &passphraseIdentity{pass: pass("pässwörd")})
	if err != nil {
		t.Fatalf("we cannot read age's: %v", err)
	}
	if b, _ := io.ReadAll(r); string(b) != "hi" {
		t.Fatal("wrong plaintext")
	}
	if _, err := age.Decrypt(bytes.NewReader(theirs.Bytes()), &passphraseIdentity{pass: pass("password")}); err == nil {
		t.Fatal("a wrong passphrase opened the file")
	}
	// Mixed with another recipient, age refuses to encrypt.
	other, _ := age.GenerateHybridIdentity()
	if _, err := age.Encrypt(&bytes.Buffer{}, &passphraseRecipient{pass: pass("p"), logN: 10}, other.Recipient()); err == nil {
		t.Fatal("a passphrase recipient was mixed with another")
	}
}
