package recoverykit

import (
	"bytes"
	"strings"
	"testing"

	"filippo.io/age"
)

func TestTextFileIsAnAgeIdentityFile(t *testing.T) {
	t.Parallel()
	kit, key := newKit(t)
	var out bytes.Buffer
	if err := kit.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.HasSuffix(text, "\n"+key+"\n") {
		t.Fatalf("the key is not the last line, exact and alone:\n%s", text)
	}
	ids, err := age.ParseIdentities(strings.NewReader(text))
	if err != nil {
		t.Fatalf("age cannot read the kit as an identity file: %v", err)
	}
	if len(ids) != 1 {
		t.Fatalf("age found %d identities, want 1", len(ids))
	}
	if id, ok := ids[0].(*age.HybridIdentity); !ok || id.String() != key {
		t.Fatalf("age read a different identity: %T", ids[0])
	}
	for _, want := range []string{kit.VaultDir, "2025-03-14", "Anyone who has this key"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text file lacks %q", want)
		}
	}
}

func TestTextFileKeepsEveryOtherLineAComment(t *testing.T) {
	t.Parallel()
	kit, key := newKit(t)
	kit.VaultDir = "/tmp/a folder\nAGE-SECRET-KEY-PQ-1 with a line break"
	kit.Text.Intro = "First paragraph.\n\nSecond paragraph, " + strings.Repeat("long enough to wrap ", 8)
	var out bytes.Buffer
	if err := kit.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for _, line := range lines[:len(lines)-1] {
		if !strings.HasPrefix(line, "#") {
			t.Errorf("a line is not a comment: %q", line)
		}
		if n := len([]rune(line)); n > commentWidth && strings.Contains(line, " wrap ") {
			t.Errorf("a line of %d characters was not wrapped: %q", n, line)
		}
	}
	if lines[len(lines)-1] != key {
		t.Errorf("the last line is not the key")
	}
	if !strings.Contains(out.String(), "#\n# Second paragraph") {
		t.Errorf("the blank line between paragraphs was lost:\n%s", out.String())
	}
}
