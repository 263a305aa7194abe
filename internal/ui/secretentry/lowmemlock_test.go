package secretentry

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"immivault/internal/secret"
	"immivault/internal/secret/secrettest"
)

// TestTypingUnderLowLockedMemory types, pastes and compares in a child
// process whose locked-memory limit is that of an ordinary desktop session
// (64 KiB), and one too small for memguard at all (16 KiB, where secrets
// fall back to ordinary memory), while other secrets are being opened on
// other goroutines. memguard would panic in both without the page budget.
func TestTypingUnderLowLockedMemory(t *testing.T) {
	if kib := os.Getenv("SECRETENTRY_LOW_MEMLOCK_KIB"); kib != "" {
		typeUnderLowLockedMemory(t, kib)
		return
	}
	for _, kib := range []int{64, 16} {
		t.Run(strconv.Itoa(kib)+"KiB", func(t *testing.T) {
			cmd := secrettest.LowMemlockCommand(t, kib, os.Args[0], "-test.run=^TestTypingUnderLowLockedMemory$", "-test.v")
			cmd.Env = append(os.Environ(), "SECRETENTRY_LOW_MEMLOCK_KIB="+strconv.Itoa(kib))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child failed: %v\n%s", err, out)
			}
			if !strings.Contains(string(out), "--- PASS: TestTypingUnderLowLockedMemory") {
				t.Fatalf("the child did not run the test:\n%s", out)
			}
		})
	}
}

func typeUnderLowLockedMemory(t *testing.T, kib string) {
	r := secret.Preflight()
	switch {
	case kib == "64" && (!r.Degraded || r.Unlocked || r.Limit != 64<<10):
		t.Fatalf("preflight under 64 KiB: %+v", r)
	case kib == "16" && !r.Unlocked:
		t.Fatalf("preflight under 16 KiB: %+v", r)
	}
	t.Log(r.Warning())

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			s := secret.New([]byte(strings.Repeat("v", 200+i*300)))
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := s.Use(func([]byte) error { return nil }); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}

	test.NewTempApp(t)
	pass, again := New(), New()
	test.NewTempWindow(t, container.NewVBox(pass, again))
	want := strings.Repeat("contraseña 🔑 ", 20)
	test.Type(pass, want+"xx")
	backspace(pass)
	backspace(pass)
	fyne.CurrentApp().Clipboard().SetContent(want + "\n")
	again.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	close(stop)
	wg.Wait()

	if got := value(t, pass); got != want {
		t.Fatalf("typed %q", got)
	}
	if !Equal(pass, again) || !pass.Secret().Equal(secret.New([]byte(want))) {
		t.Fatal("the typed and the pasted passphrase differ")
	}
	pass.Clear()
	again.Clear()
	secret.Purge()
}
