package vault

import (
	"archive/tar"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"immivault/internal/secret"
)

// backupFamily is a vault with a family, a small and a 3 MB notice, and its
// recovery key.
func backupFamily(t testing.TB) (*Vault, string, *secret.Secret, [][]byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "vault")
	v, recovery, err := Create(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	pid := addFamily(t, v)
	notices := [][]byte{
		[]byte("%PDF-1.7\nI-797C receipt notice\n"),
		bytes.Repeat([]byte("%PDF-1.7 I-797 approval notice, a long one\n"), 3<<20/43),
	}
	for i, content := range notices {
		ref, err := v.AddBlob(bytes.NewReader(content))
		if err != nil {
			t.Fatal(err)
		}
		if err := v.Update(func(ix *Index) error {
			_, err := ix.AddNotice(pid, "", []string{"receipt.pdf", "approval.pdf"}[i], ref)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	return v, dir, recovery, notices
}

// backupTo writes v's backup to a file in a new folder and checks it.
func backupTo(t testing.TB, v *Vault) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "immivault-backup.tar")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := v.WriteBackup(f, time.Date(2026, 12, 7, 20, 15, 30, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := f.Stat(); st.Size() != info.Size {
		t.Fatalf("WriteBackup says %d bytes, the file has %d", info.Size, st.Size())
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if err := v.CheckBackup(f, info); err != nil {
		t.Fatal(err)
	}
	return path
}

// sameVault checks that the vault in dir holds what want holds: the same
// records, and notices with the same bytes; and that it verifies clean.
func sameVault(t *testing.T, got, want *Vault, notices [][]byte) {
	t.Helper()
	report, err := got.Verify()
	if err != nil || len(report.Problems) > 0 || len(report.Orphans) > 0 {
		t.Fatalf("the restored vault does not verify: %v %+v", err, report)
	}
	gi, wi := got.Index(), want.Index()
	if len(gi.People) != len(wi.People) || len(gi.Identifiers) != len(wi.Identifiers) || len(gi.Cases) != len(wi.Cases) || len(gi.Notices) != len(notices) {
		t.Fatalf("restored %d people, %d ids, %d cases, %d notices", len(gi.People), len(gi.Identifiers), len(gi.Cases), len(gi.Notices))
	}
	for i, id := range gi.Identifiers {
		if id.ID != wi.Identifiers[i].ID || reveal(t, id.Value) != reveal(t, wi.Identifiers[i].Value) {
			t.Fatalf("identifier %d differs", i)
		}
	}
	for i, n := range gi.Notices {
		r, err := got.OpenBlob(n)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil || !bytes.Equal(b, notices[i]) {
			t.Fatalf("notice %d reads back different (%v)", i, err)
		}
	}
}

func TestBackupRestoresWithThePassphrase(t *testing.T) {
	v, _, _, notices := backupFamily(t)
	path := backupTo(t, v)
	to := filepath.Join(t.TempDir(), "new computer", "vault")
	os.MkdirAll(filepath.Dir(to), 0o700)
	f, _ := os.Open(path)
	defer f.Close()
	if err := RestoreBackup(f, to, pass("correct horse"), nil); err != nil {
		t.Fatal(err)
	}
	got, err := Open(to, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	sameVault(t, got, v, notices)
	if left, _ := filepath.Glob(to + ".restoring-*"); len(left) != 0 {
		t.Fatalf("left behind: %v", left)
	}
}

func TestBackupRestoresWithTheRecoveryKey(t *testing.T) {
	v, _, recovery, notices := backupFamily(t)
	path := backupTo(t, v)
	to := filepath.Join(t.TempDir(), "vault")
	f, _ := os.Open(path)
	defer f.Close()
	if err := RestoreBackup(f, to, nil, recovery); err != nil {
		t.Fatal(err)
	}
	got, _, err := Recover(to, recovery, pass("a new passphrase"), fast)
	if err != nil {
		t.Fatal(err)
	}
	sameVault(t, got, v, notices)
}

// TestBackupKeepsTheKeyOfItsDay: after a passphrase change, a backup made
// before it opens with the old passphrase, and the error for the new one
// says which.
func TestBackupKeepsTheKeyOfItsDay(t *testing.T) {
	v, _, _, _ := backupFamily(t)
	path := backupTo(t, v)
	if _, err := v.ChangeKey(pass("the new one")); err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "vault")
	f, _ := os.Open(path)
	defer f.Close()
	err := RestoreBackup(f, to, pass("the new one"), nil)
	var keyErr *BackupKeyError
	if !errors.As(err, &keyErr) || !strings.Contains(err.Error(), "as it was on 2026-12-07") {
		t.Fatalf("restore with the later passphrase: %v", err)
	}
	if _, err := os.Lstat(to); err == nil {
		t.Fatal("a refused restore made the folder")
	}
	f.Seek(0, io.SeekStart)
	if err := RestoreBackup(f, to, pass("correct horse"), nil); err != nil {
		t.Fatalf("the passphrase of the backup's day: %v", err)
	}
}

// TestStockToolsReadABackup is the promise in the backup's README: tar,
// age and the recovery key are enough.
func TestStockToolsReadABackup(t *testing.T) {
	ageBin := ageCLI(t)
	v, _, recovery, notices := backupFamily(t)
	path := backupTo(t, v)
	work := t.TempDir()
	untar(t, path, work)
	readme, err := os.ReadFile(filepath.Join(work, "README.txt"))
	if err != nil || !strings.Contains(string(readme), "age -d -i recovery-key.txt recovery.age") {
		t.Fatalf("README.txt: %v %q", err, readme)
	}
	keyFile := filepath.Join(work, "recovery-key.txt")
	os.WriteFile(keyFile, []byte(reveal(t, recovery)+"\n"), 0o600)
	run := func(out string, args ...string) {
		t.Helper()
		cmd := exec.Command(ageBin, append([]string{"-o", out}, args...)...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("age %v: %v\n%s", args, err, msg)
		}
	}
	run(filepath.Join(work, "identity.txt"), "-d", "-i", keyFile, filepath.Join(work, "recovery.age"))
	run(filepath.Join(work, "vault.tar"), "-d", "-i", filepath.Join(work, "identity.txt"), filepath.Join(work, "vault.tar.age"))
	restored := filepath.Join(work, "vault")
	untar(t, filepath.Join(work, "vault.tar"), restored)
	// What tar and age extracted is the vault itself: it opens and holds
	// everything.
	got, err := Open(restored, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	sameVault(t, got, v, notices)
}

// untar extracts archive into dir with the tar program where there is one
// (as a person would), else with archive/tar (Windows under Wine has none).
func untar(t *testing.T, archive, dir string) {
	t.Helper()
	os.MkdirAll(dir, 0o700)
	if tarBin, err := exec.LookPath("tar"); err == nil {
		if out, err := exec.Command(tarBin, "-xf", archive, "-C", dir).CombinedOutput(); err != nil {
			t.Fatalf("tar: %v\n%s", err, out)
		}
		return
	}
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, filepath.FromSlash(h.Name))
		os.MkdirAll(filepath.Dir(path), 0o700)
		b, _ := io.ReadAll(tr)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDamagedBackupsAreRefused: a backup cut short, or with a byte changed
// anywhere in its archive, is refused with one line, and leaves no folder.
// (Cut only in the zeros after the encrypted archive, it still restores
// whole: age authenticates the archive to its last byte, and tar does not
// insist on its trailing zeros.)
func TestDamagedBackupsAreRefused(t *testing.T) {
	v, _, _, _ := backupFamily(t)
	good, err := os.ReadFile(backupTo(t, v))
	if err != nil {
		t.Fatal(err)
	}
	var damaged [][]byte
	for _, n := range []int{0, 100, 511, 1024, 2600, len(good) / 2, len(good) - 1600} {
		damaged = append(damaged, good[:n])
	}
	for _, at := range []int{3000, len(good) / 3, len(good) - 2000} {
		b := bytes.Clone(good)
		b[at] ^= 0x20
		damaged = append(damaged, b)
	}
	for i, b := range damaged {
		to := filepath.Join(t.TempDir(), "vault")
		err := RestoreBackup(bytes.NewReader(b), to, pass("correct horse"), nil)
		if err == nil {
			t.Fatalf("damaged backup %d restored", i)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("damaged backup %d: a message of more than one line: %q", i, err)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(to), "*")); len(left) != 0 {
			t.Fatalf("damaged backup %d (%v) left %v", i, err, left)
		}
	}
}

// TestCheckBackupFindsADamagedFile: reading back catches a changed byte.
func TestCheckBackupFindsADamagedFile(t *testing.T) {
	v, _, _, _ := backupFamily(t)
	var buf seekBuffer
	info, err := v.WriteBackup(&buf, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	b := buf.b
	b[len(b)/2] ^= 1
	if err := v.CheckBackup(bytes.NewReader(b), info); err == nil {
		t.Fatal("a changed byte read back as whole")
	}
}

func TestRestoreRefusesAnExistingFolderAndHostileNames(t *testing.T) {
	v, dir, _, _ := backupFamily(t)
	path := backupTo(t, v)
	f, _ := os.Open(path)
	defer f.Close()
	before := snapshot(t, dir)
	if err := RestoreBackup(f, dir, pass("correct horse"), nil); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("restore over the vault: %v", err)
	}
	if snapshot(t, dir) != before {
		t.Fatal("a refused restore changed the vault")
	}
	for _, name := range []string{"../evil", "blobs/../../evil.age", "blobs/x.age", "notes.txt", "/etc/passwd"} {
		if archiveName(name) {
			t.Errorf("archiveName(%q) is true", name)
		}
	}
}

// seekBuffer is an in-memory io.WriteSeeker.
type seekBuffer struct {
	b   []byte
	pos int
}

func (s *seekBuffer) Write(p []byte) (int, error) {
	if end := s.pos + len(p); end > len(s.b) {
		s.b = append(s.b, make([]byte, end-len(s.b))...)
	}
	copy(s.b[s.pos:], p)
	s.pos += len(p)
	return len(p), nil
}

func (s *seekBuffer) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
		s.pos = int(off)
	case io.SeekCurrent:
		s.pos += int(off)
	case io.SeekEnd:
		s.pos = len(s.b) + int(off)
	}
	return int64(s.pos), nil
}

// FuzzRestoreBackup: whatever the file, RestoreBackup returns an error or
// a vault, never panics, and leaves nothing behind when it fails.
func FuzzRestoreBackup(f *testing.F) {
	v, _, _, _ := backupFamily(f)
	var buf seekBuffer
	if _, err := v.WriteBackup(&buf, time.Now()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.b[:4096])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		to := filepath.Join(t.TempDir(), "vault")
		if err := RestoreBackup(bytes.NewReader(b), to, pass("correct horse"), nil); err != nil {
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(to), "*")); len(left) != 0 {
				t.Fatalf("%v, and left %v", err, left)
			}
		}
	})
}
