//go:build unix

package noticeview

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestExportIsOwnersOnly: the decrypted copy is readable and writable by its owner alone,
// whatever the umask and although the file dialog made the file with the default permissions;
// an existing file it replaces, too.
func TestExportIsOwnersOnly(t *testing.T) {
	old := syscall.Umask(0o022) // the usual one: files made 0644
	defer syscall.Umask(old)
	data := twoPagePDF(t)
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.pdf")
	if err := os.WriteFile(existing, []byte("an older copy"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "receipt.pdf"), existing} {
		v, w := open(t, "receipt.pdf", data, windowSize)
		waitForPage(t, v)
		chooseFileIn(t, v, path)
		v.ExportCopy()
		test.Tap(button(t, w, "Choose where to save…"))
		v.work.Wait()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if mode := fi.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s: the copy has mode %#o, want 0600", filepath.Base(path), mode)
		}
		if got, _ := os.ReadFile(path); string(got) != string(data) {
			t.Errorf("%s: the copy does not hold the notice", filepath.Base(path))
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) > 2 {
			t.Errorf("left behind: %v", entries)
		}
	}
}
