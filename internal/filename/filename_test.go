package filename

import (
	"strings"
	"testing"
)

// TestStripRemovesBidiAndFormatCharacters: every bidirectional control the
// review named, the other format characters and control characters go;
// letters of any script stay.
func TestStripRemovesBidiAndFormatCharacters(t *testing.T) {
	for _, r := range []rune{
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', // embeddings and overrides
		'\u2066', '\u2067', '\u2068', '\u2069', // isolates
		'\u200E', '\u200F', '\u061C', // marks
		'\u200B', '\u200D', '\uFEFF', '\u00AD', '\U000E0041', // zero-width, soft hyphen, tag
		'\x00', '\x1b', '\x7f', '\u0085',
	} {
		if got := Strip("a" + string(r) + "b"); got != "ab" {
			t.Errorf("Strip kept U+%04X: %q", r, got)
		}
	}
	if got := Strip("Ana\tMorales\u2028I-797C"); got != "Ana Morales I-797C" {
		t.Errorf("spaces: %q", got)
	}
	for _, s := range []string{"María José Ñúñez", "日本語.pdf", "مریم.pdf", "Ελένη"} {
		if got := Strip(s); got != s {
			t.Errorf("Strip(%q) = %q", s, got)
		}
	}
}

func TestExt(t *testing.T) {
	for _, tc := range []struct {
		head, want string
	}{
		{"%PDF-1.7\n", ".pdf"},
		{"\xFF\xD8\xFF\xE0\x00\x10JFIF", ".jpg"},
		{"\x89PNG\r\n\x1a\n\x00", ".png"},
		{"MZ\x90\x00", ".bin"},
		{"", ".bin"},
		{"%PDF", ".bin"},
	} {
		if got := Ext([]byte(tc.head)); got != tc.want {
			t.Errorf("Ext(%q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

// TestForCopy: the extension comes from the content, never from the name;
// the name loses its hidden characters.
func TestForCopy(t *testing.T) {
	pdf, jpeg := []byte("%PDF-1.4 x"), []byte("\xFF\xD8\xFF\xE1")
	for _, tc := range []struct {
		stored string
		head   []byte
		want   string
	}{
		{"I-797C\u202Efdp.scr", pdf, "I-797Cfdp.pdf"},
		{"I-797C\u202Egpj.exe", jpeg, "I-797Cgpj.jpg"},
		{"receipt.pdf", pdf, "receipt.pdf"},
		{"scan.jpeg", jpeg, "scan.jpg"},
		{"approval.pdf", jpeg, "approval.jpg"},
		{"invoice.pdf.exe", pdf, "invoice.pdf.pdf"},
		{"notice", pdf, "notice.pdf"},
		{"EAC 25.123.45678", pdf, "EAC 25.123.pdf"},
		{"../../etc/passwd", pdf, "_.._etc_passwd.pdf"},
		{"CON.pdf", pdf, "_CON.pdf"},
		{"\u202E\u200B", pdf, "notice.pdf"},
		{".pdf", pdf, "pdf.pdf"},
		{"readme.txt", []byte("hello"), "readme.bin"},
		{strings.Repeat("é", 300) + ".pdf", pdf, strings.Repeat("é", 98) + ".pdf"},
	} {
		if got := ForCopy(tc.stored, tc.head); got != tc.want {
			t.Errorf("ForCopy(%q) = %q, want %q", tc.stored, got, tc.want)
		}
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Ana  Morales. ", "Ana Morales"},
		{"a/b\\c:d", "a_b_c_d"},
		{"nul", "_nul"},
		{"", "x"},
		{"...", "x"},
		{"e\u0301", "é"}, // NFC
	} {
		if got := Clean(tc.in, "x"); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
