package secret

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"immivault/internal/secret/secrettest"
)

func builderValue(t *testing.T, b *Builder) string {
	t.Helper()
	var got []byte
	if err := b.Secret().Use(func(v []byte) error { got = append(got, v...); return nil }); err != nil {
		t.Fatal(err)
	}
	return string(got)
}

func TestBuilderEdits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edits func(b *Builder)
		want  string
	}{
		{"nothing", func(b *Builder) {}, ""},
		{"ascii", func(b *Builder) {
			for _, r := range "correct horse" {
				b.AppendRune(r)
			}
		}, "correct horse"},
		{"multibyte", func(b *Builder) {
			for _, r := range "añoé😀" {
				b.AppendRune(r)
			}
		}, "añoé😀"},
		{"backspace removes a whole emoji", func(b *Builder) {
			b.AppendString("ok😀")
			b.DeleteLastRune()
		}, "ok"},
		{"backspace removes ñ", func(b *Builder) {
			b.AppendString("año")
			b.DeleteLastRune()
			b.DeleteLastRune()
		}, "a"},
		{"backspace past empty", func(b *Builder) {
			b.AppendRune('x')
			b.DeleteLastRune()
			b.DeleteLastRune()
			b.AppendRune('y')
		}, "y"},
		{"invalid rune", func(b *Builder) { b.AppendRune(-1) }, "\uFFFD"},
		{"invalid UTF-8 is deleted a byte at a time", func(b *Builder) {
			b.AppendString("a\xe2\x82")
			b.DeleteLastRune()
		}, "a\xe2"},
		{"string then runes", func(b *Builder) {
			b.AppendString("pass")
			b.AppendRune('é')
		}, "passé"},
		{"reset", func(b *Builder) {
			b.AppendString("gone")
			b.Reset()
			b.AppendRune('z')
		}, "z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b Builder
			tc.edits(&b)
			if got := builderValue(t, &b); got != tc.want {
				t.Fatalf("value %q, want %q", got, tc.want)
			}
			if b.Len() != len(tc.want) || b.RuneCount() != len([]rune(tc.want)) {
				t.Fatalf("Len %d RuneCount %d for %q", b.Len(), b.RuneCount(), tc.want)
			}
			if !b.Secret().Equal(New([]byte(tc.want))) {
				t.Fatal("Secret differs from New of the same bytes")
			}
		})
	}
}

func TestBuilderReportsChanges(t *testing.T) {
	var b Builder
	if b.DeleteLastRune() || b.AppendString("") {
		t.Fatal("an empty builder reported a change")
	}
	if !b.AppendRune('a') || b.AppendString("") || !b.DeleteLastRune() {
		t.Fatal("an edit misreported its change")
	}
}

func TestBuilderStopsAtItsLimit(t *testing.T) {
	var b Builder
	if !b.AppendString(strings.Repeat("a", MaxBuilderLen-1)) {
		t.Fatal("refused a value under the limit")
	}
	if b.AppendString("bb") || b.AppendRune('é') {
		t.Fatal("accepted a value over the limit")
	}
	if b.Len() != MaxBuilderLen-1 {
		t.Fatalf("a refused append changed the length to %d", b.Len())
	}
	if !b.AppendRune('c') || b.AppendRune('d') {
		t.Fatal("the limit is not exactly MaxBuilderLen")
	}
}

func TestBuilderSecretIsASnapshot(t *testing.T) {
	var b Builder
	b.AppendString("before")
	s := b.Secret()
	b.AppendRune('!')
	b.Reset()
	if !s.Equal(New([]byte("before"))) {
		t.Fatal("a later edit changed a Secret already given out")
	}
	if b.Secret() == nil || !b.Secret().IsEmpty() {
		t.Fatal("an empty builder must give an empty, non-nil Secret")
	}
}

func TestBuilderWipesItsScratch(t *testing.T) {
	if !budget.locked() {
		t.Skip("no locked scratch page without locked memory")
	}
	var b Builder
	b.AppendString("hunter2")
	b.AppendRune('x')
	b.DeleteLastRune()
	keys.scratchMu.Lock()
	defer keys.scratchMu.Unlock()
	if keys.scratch == nil {
		t.Fatal("the edit did not use the shared scratch page")
	}
	if !bytes.Equal(keys.scratch.Bytes(), make([]byte, scratchSize)) {
		t.Fatal("plaintext left in the scratch page after an edit")
	}
}

func TestBuilderNeverPrintsTheValue(t *testing.T) {
	var b Builder
	b.AppendString("EAC2512345678")
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		if out := fmt.Sprintf(format, &b); out != Redacted {
			t.Errorf("%s printed %q", format, out)
		}
	}
}

func TestBuilderAfterPurge(t *testing.T) {
	var b Builder
	b.AppendString("before the lock")
	Purge()
	if !b.AppendRune('x') {
		t.Fatal("losing the value to a purge is a change")
	}
	if b.Len() != 0 || b.RuneCount() != 0 {
		t.Fatalf("after Purge the builder holds %d bytes", b.Len())
	}
	b.AppendString("after")
	if got := builderValue(t, &b); got != "after" {
		t.Fatalf("after Purge: %q", got)
	}
}

// TestBuilderUnderLowLockedMemory types into many builders at once in a
// child process limited to 64 KiB of locked memory, without CAP_IPC_LOCK.
func TestBuilderUnderLowLockedMemory(t *testing.T) {
	if os.Getenv("SECRET_BUILDER_LOW_MEMLOCK_CHILD") == "1" {
		if r := Preflight(); !r.Degraded || r.Unlocked {
			t.Fatalf("preflight under 64 KiB: %+v", r)
		}
		var wg sync.WaitGroup
		for i := range 32 {
			wg.Go(func() {
				var b Builder
				want := strings.Repeat(string(rune('a'+i%26))+"ñ", 40)
				for _, r := range want + "xy" {
					b.AppendRune(r)
				}
				b.DeleteLastRune()
				b.DeleteLastRune()
				// Use, not Equal: concurrent Equals, each holding one
				// buffer while it waits for a second, can exhaust a
				// budget this small.
				if err := b.Secret().Use(func(v []byte) error {
					if string(v) != want {
						t.Error("wrong value")
					}
					return nil
				}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		Purge()
		return
	}
	cmd := secrettest.LowMemlockCommand(t, 64, os.Args[0], "-test.run=^TestBuilderUnderLowLockedMemory$")
	cmd.Env = append(os.Environ(), "SECRET_BUILDER_LOW_MEMLOCK_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child failed: %v\n%s", err, out)
	}
}

func ExampleBuilder() {
	var b Builder
	for _, r := range "añob" {
		b.AppendRune(r) // as a passphrase field receives each key
	}
	b.DeleteLastRune() // Backspace
	passphrase := b.Secret()
	fmt.Println(b.RuneCount(), passphrase.Len(), passphrase)
	// Output: 3 4 [redacted]
}
