package ui

import (
	"crypto/sha256"
	"crypto/subtle"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/secret"
)

// clipboard puts a value on the system clipboard and takes it off again
// after the set time, but only if the clipboard still holds it: the user may
// have copied something else since. It keeps a hash of what it put there,
// never the value.
//
// The clipboard itself is a residual copy outside the app's care: other
// programs can read it while the value is there, and Fyne hands it over as
// a Go string.
type clipboard struct {
	app       *App
	hash      [sha256.Size]byte
	holding   bool
	clearAt   time.Time
	countdown *widget.Label // "Clipboard clears in 28 s"
	ticks     ticker
}

func newClipboard(a *App) *clipboard {
	c := &clipboard{app: a, countdown: widget.NewLabel("")}
	c.countdown.Importance = widget.WarningImportance
	c.countdown.Hide()
	return c
}

// copy puts s on the clipboard and starts the countdown.
func (c *clipboard) copy(s *secret.Secret) error {
	err := s.Use(func(b []byte) error {
		c.app.fyne.Clipboard().SetContent(string(b))
		c.hash = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		return err
	}
	c.holding = true
	c.clearAt = c.app.opts.Now().Add(c.app.set.clipClear)
	c.ticks.start(c.tick)
	c.tick()
	return nil
}

// tick updates the countdown and clears the clipboard when it runs out.
func (c *clipboard) tick() {
	if !c.holding {
		return
	}
	left := c.clearAt.Sub(c.app.opts.Now())
	if left <= 0 {
		c.clearIfOurs()
		return
	}
	c.countdown.SetText(lang.L("Copied. The clipboard clears in {{.Seconds}} s", map[string]any{"Seconds": int((left + time.Second - 1) / time.Second)}))
	c.countdown.Show()
}

// clearIfOurs empties the clipboard if it still holds what we put there.
func (c *clipboard) clearIfOurs() {
	if !c.holding {
		return
	}
	cb := c.app.fyne.Clipboard()
	now := sha256.Sum256([]byte(cb.Content()))
	if subtle.ConstantTimeCompare(now[:], c.hash[:]) == 1 {
		cb.SetContent("")
	}
	c.holding = false
	c.hash = [sha256.Size]byte{}
	c.countdown.Hide()
	c.ticks.stop()
}
