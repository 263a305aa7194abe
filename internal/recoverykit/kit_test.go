package recoverykit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"immivault/internal/secret"
)

func TestMain(m *testing.M) {
	secret.Preflight()
	os.Exit(m.Run())
}

// newKit makes a kit for a fresh recovery key, made as vault.Create makes
// one, and returns the key too for the test to compare.
func newKit(t testing.TB) (Kit, string) {
	t.Helper()
	id, err := age.GenerateHybridIdentity()
	if err != nil {
		t.Fatal(err)
	}
	key := id.String()
	return Kit{
		Key:      secret.New([]byte(key)),
		VaultDir: "/home/ana/.config/immivault/vault",
		Created:  time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC),
		Text:     English(),
	}, key
}

// checkNoKey fails the test if s shows the key, or any run of 8 of its
// characters after the well-known prefix.
func checkNoKey(t *testing.T, what, s, key string) {
	t.Helper()
	body := strings.TrimPrefix(key, "AGE-SECRET-KEY-PQ-1")
	for i := 0; i+8 <= len(body); i++ {
		if strings.Contains(s, body[i:i+8]) {
			t.Errorf("%s shows part of the key: %q", what, s)
			return
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestErrorsNeverShowTheKey(t *testing.T) {
	t.Parallel()
	kit, key := newKit(t)
	bad := map[string]string{
		"a space":       key[:40] + " " + key[40:],
		"a line break":  key[:40] + "\n" + key[40:],
		"non-ASCII":     key[:40] + "é" + key[40:],
		"a control":     key[:40] + "\x00" + key[40:],
		"too long":      key + key,
		"empty":         "",
		"only the body": strings.Repeat(key[19:], 3),
	}
	for name, k := range bad {
		t.Run(name, func(t *testing.T) {
			kit := kit
			kit.Key = secret.New([]byte(k))
			var text, pdf bytes.Buffer
			errText := kit.WriteText(&text)
			errPDF := kit.WritePDF(&pdf)
			if errText == nil || errPDF == nil {
				t.Fatalf("accepted a key with %s: text %v, PDF %v", name, errText, errPDF)
			}
			if text.Len() > 0 || pdf.Len() > 0 {
				t.Errorf("wrote %d text and %d PDF bytes before refusing", text.Len(), pdf.Len())
			}
			checkNoKey(t, "the text error", errText.Error(), key)
			checkNoKey(t, "the PDF error", errPDF.Error(), key)
		})
	}
	t.Run("failing writer", func(t *testing.T) {
		for _, write := range []func(io.Writer) error{kit.WriteText, kit.WritePDF} {
			err := write(failingWriter{})
			if err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Fatalf("got %v, want the writer's error", err)
			}
			checkNoKey(t, "the error", err.Error(), key)
		}
	})
	t.Run("printed kit", func(t *testing.T) {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x", "%q"} {
			s := fmt.Sprintf(verb, kit)
			checkNoKey(t, "the kit printed with "+verb, s, key)
		}
	})
	t.Run("text too long for the page", func(t *testing.T) {
		kit := kit
		kit.Text.Intro = strings.Repeat(kit.Text.Intro+" ", 30)
		err := kit.WritePDF(io.Discard)
		if err == nil {
			t.Fatal("made a PDF of more than one page")
		}
		checkNoKey(t, "the error", err.Error(), key)
	})
}
