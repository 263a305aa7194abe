package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// autoLock locks the vault after it has been idle for the set time, after
// the app has been in the background for the set time, and at the latest a
// set time after unlocking. The app's own actions and key presses on its
// window count as use; mouse movement alone does not.
type autoLock struct {
	app        *App
	lastUse    time.Time
	background time.Time // when the app lost focus; zero while in front
	ticks      ticker
}

func newAutoLock(a *App) *autoLock { return &autoLock{app: a} }

// start begins checking every second and follows the app in and out of the
// foreground.
func (l *autoLock) start() {
	lc := l.app.fyne.Lifecycle()
	lc.SetOnExitedForeground(func() { l.background = l.app.opts.Now() })
	lc.SetOnEnteredForeground(func() { l.background = time.Time{}; l.touch() })
	l.ticks.start(l.check)
}

func (l *autoLock) stop() { l.ticks.stop() }

// ticker runs a function on the UI goroutine once a second, from start to
// stop; starting it while it runs does nothing.
type ticker struct {
	t    *time.Ticker
	done chan struct{}
}

func (k *ticker) start(f func()) {
	if k.t != nil {
		return
	}
	k.t, k.done = time.NewTicker(time.Second), make(chan struct{})
	go func(t *time.Ticker, done chan struct{}) {
		for {
			select {
			case <-t.C:
				fyne.Do(f)
			case <-done:
				return
			}
		}
	}(k.t, k.done)
}

func (k *ticker) stop() {
	if k.t != nil {
		k.t.Stop()
		close(k.done)
		k.t, k.done = nil, nil
	}
}

// touch records a use of the app.
func (l *autoLock) touch() { l.lastUse = l.app.opts.Now() }

// check locks the vault if any of the three limits has passed.
func (l *autoLock) check() {
	a := l.app
	if a.Locked() {
		return
	}
	now := a.opts.Now()
	s := a.set
	if now.Sub(a.lastRemind) >= remindEvery {
		a.remind()
	}
	switch {
	case now.Sub(l.lastUse) >= s.idleLock,
		s.unfocusLock > 0 && !l.background.IsZero() && now.Sub(l.background) >= s.unfocusLock,
		now.Sub(a.unlocked) >= s.maxSession:
		a.Lock()
	}
}
