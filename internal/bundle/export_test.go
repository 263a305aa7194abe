package bundle

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"immivault/internal/notice"
)

func TestLimitsMatchTheNoticeReader(t *testing.T) {
	if MaxFileSize != notice.MaxFileSize {
		t.Fatalf("MaxFileSize is %d, the notice reader's %d", MaxFileSize, notice.MaxFileSize)
	}
}

// TestExportChecksNotices: a blob that does not hold its notice (here,
// another notice's in its place) aborts the export.
func TestExportChecksNotices(t *testing.T) {
	a := newMember(t, "Ana")
	a.family(t)
	ns := a.v.Index().Notices
	p0, p1 := filepath.Join(a.dir, "blobs", ns[0].Blob), filepath.Join(a.dir, "blobs", ns[1].Blob)
	b0, _ := os.ReadFile(p0)
	b1, _ := os.ReadFile(p1)
	os.WriteFile(p0, b1, 0o600)
	os.WriteFile(p1, b0, 0o600)
	var buf bytes.Buffer
	err := Export(&buf, a.v, ExportOptions{SenderName: "Ana"})
	if err == nil || !strings.Contains(err.Error(), "blobs/") {
		t.Fatalf("exported swapped blobs: %v", err)
	}
}

// TestEntryNames: names in the archive are readable, unique without
// regard to case, and safe on Windows.
func TestEntryNames(t *testing.T) {
	for in, want := range map[string]string{
		"I-797C EAC2512345678 2025-01-10": "I-797C EAC2512345678 2025-01-10",
		`a/b\c:d*e?f"g<h>i|j`:             "a_b_c_d_e_f_g_h_i_j",
		" .hidden. ":                      "hidden",
		"CON":                             "_CON",
		"nul.txt":                         "_nul.txt",
		"tab\there\x1b[2J":                "tab_here_[2J",
		"":                                "fallback",
		"..":                              "fallback",
		strings.Repeat("ñ", 60):           strings.Repeat("ñ", 40),
	} {
		if got := cleanComponent(in, "fallback", maxComponent); got != want {
			t.Errorf("cleanComponent(%q) = %q, want %q", in, got, want)
		}
	}
	u := uniqueNames{}
	for _, want := range []string{"notices/A/x.pdf", "notices/A/x (2).pdf", "notices/A/X (3).pdf"} {
		stem := "x"
		if strings.Contains(want, "X") {
			stem = "X"
		}
		if got := u.take("notices/A/", stem, ".pdf"); got != want {
			t.Errorf("take = %q, want %q", got, want)
		}
	}
	for _, bad := range []string{"/x", "notices/../x", `notices\x`, "notices/a//b", "notices/./a", "x.pdf", "notices/a:b", "notices/CON"} {
		if checkEntryName(bad) == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
