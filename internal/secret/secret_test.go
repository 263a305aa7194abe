package secret

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"immivault/internal/secret/secrettest"
)

func TestMain(m *testing.M) {
	Preflight()
	os.Exit(m.Run())
}

func TestUseGivesTheValueAndWipesTheInput(t *testing.T) {
	in := []byte("A012345678")
	s := New(in)
	if !bytes.Equal(in, make([]byte, len(in))) {
		t.Fatalf("New left the input readable: %q", in)
	}
	var got []byte
	if err := s.Use(func(b []byte) error { got = append(got, b...); return nil }); err != nil {
		t.Fatal(err)
	}
	if string(got) != "A012345678" || s.Len() != 10 {
		t.Fatalf("got %q len %d", got, s.Len())
	}
}

func TestUsePassesTheCallbackError(t *testing.T) {
	want := errors.New("boom")
	if err := New([]byte("x")).Use(func([]byte) error { return want }); err != want {
		t.Fatalf("got %v", err)
	}
}

func TestEmptySecret(t *testing.T) {
	var nilSecret *Secret
	for _, s := range []*Secret{nilSecret, New(nil), New([]byte{})} {
		if !s.IsEmpty() {
			t.Fatal("not empty")
		}
		called := false
		if err := s.Use(func(b []byte) error { called = len(b) == 0; return nil }); err != nil || !called {
			t.Fatalf("Use on empty: %v %v", err, called)
		}
	}
}

func TestNeverPrintsTheValue(t *testing.T) {
	s := New([]byte("EAC2512345678"))
	holder := struct {
		Value *Secret
		Other string
	}{s, "visible"}
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		out := fmt.Sprintf(format, s) + fmt.Sprintf(format, holder)
		if strings.Contains(out, "EAC") || strings.Contains(out, "2512345678") ||
			strings.Contains(strings.ToUpper(out), "454143") { // hex of "EAC"
			t.Errorf("%s printed the value: %s", format, out)
		}
	}
	if s.String() != Redacted || s.GoString() != Redacted {
		t.Error("String/GoString must redact")
	}
	if _, err := s.MarshalText(); err == nil {
		t.Error("MarshalText must refuse")
	}
}

func TestEqual(t *testing.T) {
	a, b, c := New([]byte("123")), New([]byte("123")), New([]byte("124"))
	if !a.Equal(b) || a.Equal(c) || a.Equal(New(nil)) {
		t.Fatal("Equal is wrong")
	}
}

func TestBudgetNeverExceedsItsPages(t *testing.T) {
	b := newPageBudget()
	b.set(4, false)
	var mu sync.Mutex
	peak, cur := 0, 0
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release := b.acquire(2)
			mu.Lock()
			cur += 2
			peak = max(peak, cur)
			mu.Unlock()
			mu.Lock()
			cur -= 2
			mu.Unlock()
			release()
		}()
	}
	wg.Wait()
	if peak > 4 {
		t.Fatalf("peak %d pages over a budget of 4", peak)
	}
}

// TestLowLockedMemory runs many concurrent secrets in a child process whose
// locked-memory limit is 64 KiB and which lacks CAP_IPC_LOCK, as an ordinary
// desktop user's would be. memguard would panic there without the budget.
func TestLowLockedMemory(t *testing.T) {
	if os.Getenv("SECRET_LOW_MEMLOCK_CHILD") == "1" {
		lowMemlockChild(t)
		return
	}
	cmd := secrettest.LowMemlockCommand(t, 64, os.Args[0], "-test.run=^TestLowLockedMemory$", "-test.v")
	cmd.Env = append(os.Environ(), "SECRET_LOW_MEMLOCK_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child failed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "degraded: locked memory is limited to 64 KiB") {
		t.Fatalf("child did not report the degraded mode:\n%s", out)
	}
}

func lowMemlockChild(t *testing.T) {
	r := Preflight()
	if !r.Degraded || r.Limit != 64<<10 {
		t.Fatalf("preflight under 64 KiB: %+v", r)
	}
	t.Log("degraded:", strings.TrimPrefix(r.Warning(), "warning: "))
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			want := bytes.Repeat([]byte{byte(i)}, 100+i*50)
			s := New(bytes.Clone(want))
			for range 20 {
				if err := s.Use(func(b []byte) error {
					time.Sleep(time.Millisecond) // keep many buffers open at once
					if !bytes.Equal(b, want) {
						return errors.New("wrong value")
					}
					return nil
				}); err != nil {
					t.Error(err)
				}
				// Equal opens two values at once: it must not wait for a
				// second buffer while holding the first.
				if !s.Equal(New(bytes.Clone(want))) {
					t.Error("Equal said a value differs from itself")
				}
			}
		}()
	}
	wg.Wait()
	Purge()
}

func TestHoldAndPurge(t *testing.T) {
	release := Hold()
	s := New([]byte("held"))
	if err := s.Use(func(b []byte) error {
		if string(b) != "held" {
			return errors.New("wrong value under Hold")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	release()
	Purge()
	if err := s.Use(func([]byte) error { return nil }); err != ErrDestroyed {
		t.Fatalf("after Purge: %v", err)
	}
	// New secrets work again after a purge (the next unlock).
	if err := New([]byte("x")).Use(func(b []byte) error { return nil }); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkUse(b *testing.B) {
	s := New([]byte("A012345678"))
	b.Run("alone", func(b *testing.B) {
		for b.Loop() {
			s.Use(func([]byte) error { return nil })
		}
	})
	b.Run("held", func(b *testing.B) {
		release := Hold()
		defer release()
		for b.Loop() {
			s.Use(func([]byte) error { return nil })
		}
	})
}
