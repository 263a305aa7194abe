package backup

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

var fast = vault.Options{WorkFactor: 10}

func newVault(t *testing.T) *vault.Vault {
	t.Helper()
	v, _, err := vault.Create(filepath.Join(t.TempDir(), "vault"), secret.New([]byte("correct horse")), fast)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := v.AddBlob(bytes.NewReader(bytes.Repeat([]byte("I-797C "), 10000)))
	if err != nil {
		t.Fatal(err)
	}
	err = v.Update(func(ix *vault.Index) error {
		p, err := ix.AddPerson("Ana Exemplo", "", "self")
		if err != nil {
			return err
		}
		_, err = ix.AddNotice(p.ID, "", "receipt.pdf", ref)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestWriteListRestore(t *testing.T) {
	v := newVault(t)
	dir := filepath.Join(t.TempDir(), "USB drive", "immivault backups")
	now := time.Date(2026, 12, 7, 20, 15, 30, 0, time.UTC)
	b, removed, err := Write(v, dir, now)
	if err != nil || removed != 0 {
		t.Fatal(err, removed)
	}
	if filepath.Base(b.Path) != "immivault-backup-2026-12-07T201530Z.tar" || !b.Made.Equal(now) {
		t.Fatalf("backup %+v", b)
	}
	// Nothing but the backup is left in the folder: no temporary file.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d files", len(entries))
	}
	if _, _, err := Write(v, dir, now); err == nil {
		t.Fatal("a second backup in the same second overwrote the first")
	}
	last, ok, err := Last(dir)
	if err != nil || !ok || last.Path != b.Path || last.Size != b.Size {
		t.Fatalf("Last: %+v %v %v", last, ok, err)
	}
	f, _ := os.Open(b.Path)
	defer f.Close()
	to := filepath.Join(t.TempDir(), "vault")
	if err := vault.RestoreBackup(f, to, secret.New([]byte("correct horse")), nil); err != nil {
		t.Fatal(err)
	}
	got, err := vault.Open(to, secret.New([]byte("correct horse")), fast)
	if err != nil || len(got.Index().Notices) != 1 {
		t.Fatal(err)
	}
}

func TestListIgnoresOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"immivault-backup-2026-12-07T201530Z.tar", "immivault-backup-junk.tar", "notes.txt", ".immivault-backup-abc.tmp", "immivault-backup-2026-12-07T201530Z.tar.part"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o600)
	}
	os.Mkdir(filepath.Join(dir, "immivault-backup-2026-12-08T000000Z.tar"), 0o700)
	all, err := List(dir)
	if err != nil || len(all) != 1 {
		t.Fatalf("List: %+v %v", all, err)
	}
	if none, err := List(filepath.Join(dir, "missing")); err != nil || none != nil {
		t.Fatal(none, err)
	}
}

func TestKeep(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	var backups []Backup
	// Every hour for the last two days, and every day at noon for three
	// years before that: newest first.
	for h := 0; h < 48; h++ {
		backups = append(backups, Backup{Made: now.Add(-time.Duration(h) * time.Hour)})
	}
	for d := 2; d < 3*365; d++ {
		backups = append(backups, Backup{Made: now.AddDate(0, 0, -d)})
	}
	keep := Keep(backups, now)
	count := map[string]int{}
	for i, k := range keep {
		if !k {
			continue
		}
		age := now.Sub(backups[i].Made)
		switch {
		case i < 10:
			count["recent"]++
		case age < 31*24*time.Hour:
			count["daily"]++
		case backups[i].Made.After(now.AddDate(-2, 0, 0)):
			count["monthly"]++
		default:
			t.Errorf("kept a backup of %s, older than two years", backups[i].Made)
		}
	}
	// The ten newest are hours of today; yesterday keeps its newest; then
	// days 2 to 30; then one a month back to December 2024.
	if count["recent"] != 10 || count["daily"] != 30 || count["monthly"] < 22 || count["monthly"] > 24 {
		t.Fatalf("kept %v", count)
	}
	// Every month of the last two years still has a backup.
	months := map[string]bool{}
	for i, k := range keep {
		if k {
			months[backups[i].Made.Format("2006-01")] = true
		}
	}
	for m := 0; m < 24; m++ {
		if month := now.AddDate(0, -m, 0).Format("2006-01"); !months[month] {
			t.Errorf("no backup kept for %s", month)
		}
	}
	// A backup from the future (a wrong clock) stays.
	if !Keep([]Backup{{Made: now.Add(time.Hour)}}, now)[0] {
		t.Fatal("future backup removed")
	}
}

func TestPruneRemovesOnlyWhatKeepDoesNot(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	for h := 0; h < 15; h++ {
		os.WriteFile(filepath.Join(dir, Name(now.Add(-time.Duration(h)*time.Minute))), nil, 0o600)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o600)
	removed, err := Prune(dir, now)
	if err != nil || removed != 5 {
		t.Fatalf("removed %d, %v", removed, err)
	}
	left, _ := List(dir)
	if len(left) != 10 {
		t.Fatalf("%d left", len(left))
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal("removed a file that is no backup")
	}
}
