// Package ui is the desktop app's screens: creating and unlocking a vault,
// the family and each person's numbers, cases and notices, adding notices,
// search and settings. Each screen is a struct holding its widgets and the
// App it belongs to, with a build method and methods named for what the
// user does.
//
// # Threading
//
// Widgets are touched only on Fyne's UI goroutine. Slow work (scrypt while
// unlocking, reading and filing a notice, rendering pages) runs on its own
// goroutine and comes back with fyne.Do.
//
// # Locking
//
// Lock drops every screen and window that shows vault contents, clears the
// clipboard if it still holds what the app put there, closes the vault and
// purges memguard; only then does the unlock screen appear.
package ui

import (
	"errors"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/notice"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// Options says which vault the app opens and how.
type Options struct {
	VaultDir string
	// Vault tunes new vaults; tests lower scrypt's work factor.
	Vault vault.Options
	// Now is the clock for auto-lock; tests set it.
	Now func() time.Time
	// MemoryWarning says that locked memory is short (secret.Preflight);
	// the unlock and create screens show it.
	MemoryWarning string
}

// App is one window onto one vault.
type App struct {
	fyne fyne.App
	win  fyne.Window
	opts Options
	set  *settings

	vault    *vault.Vault // nil while locked
	unlocked time.Time
	main     *mainScreen
	screen   screen // what the window shows
	// viewers are the notice windows open on this vault; lock closes them.
	viewers map[fyne.Window]func()

	clip    *clipboard
	idle    *autoLock
	backups *autoBackups
	// lastRemind is when remind last looked for dates to remind of.
	lastRemind time.Time
	dialogs    []dialog.Dialog // open dialogs, newest last: Escape dismisses it
	// askSaveFile asks where to save a file, suggesting name, and gives
	// save the file chosen: the save dialog (showSaveDialog), which tests
	// replace with a file of their choosing.
	askSaveFile func(name string, save func(fyne.URIWriteCloser))

	// qrDrop takes images dropped on the window while a login dialog is
	// open, as QR codes of a 2-step secret, instead of notices.
	qrDrop qrDropTarget

	// pickFolder is the folder files were last picked from, where the
	// picker opens next; kept for this run only.
	pickFolder string

	// focused is the screen's first field, focused when it is shown.
	focused fyne.Focusable

	// maintenance is vault upkeep running off the UI goroutine (collecting
	// garbage, purging history): Lock waits for it before closing the vault.
	maintenance sync.WaitGroup
	// changingKey is set while the vault gets a new key. Lock then waits
	// (lockPending) until the new recovery key has been shown.
	changingKey, lockPending bool
}

// New makes the app for window w. Call Start to show the first screen.
func New(a fyne.App, w fyne.Window, opts Options) *App {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	app := &App{fyne: a, win: w, opts: opts, viewers: map[fyne.Window]func(){}}
	app.set = loadSettings(a.Preferences())
	if app.opts.VaultDir == "" {
		app.opts.VaultDir = defaultVaultDir(app.set)
	}
	app.askSaveFile = app.showSaveDialog
	app.clip = newClipboard(app)
	app.idle = newAutoLock(app)
	app.backups = newAutoBackups(app)
	return app
}

// Start shows the screen the vault folder calls for: create a vault, unlock
// it, or say why it cannot be opened. It also starts the notice reader's
// engine in the background so that the first notice opens quickly.
func (a *App) Start() {
	a.set.applyTheme(a.fyne)
	a.win.SetTitle(appName)
	a.addShortcuts()
	a.win.SetOnDropped(a.dropped)
	notice.Warm()
	a.showFirstScreen()
	a.idle.start()
}

// appName is the product name; like any name it is not translated.
const appName = "immivault"

func (a *App) showFirstScreen() {
	err := vault.CheckFormat(a.opts.VaultDir)
	var damaged *vault.DamagedError
	switch {
	case err == nil:
		a.show(newUnlockScreen(a))
	case errors.Is(err, vault.ErrNoVault):
		a.show(newCreateScreen(a))
	case errors.As(err, &damaged):
		a.show(newProblemScreen(a, lang.L("This folder holds something else: its format file does not say {{.Format}}.", map[string]any{"Format": vault.Format})))
	default:
		a.show(newProblemScreen(a, lang.L("immivault cannot open this vault: {{.Error}}", map[string]any{"Error": err})))
	}
}

// screen is what fills the window: a struct of widgets that builds them.
type screen interface{ build() fyne.CanvasObject }

// show replaces the window's content and focuses the screen's first field.
func (a *App) show(s screen) {
	a.win.SetContent(s.build())
	if a.focused != nil {
		a.win.Canvas().Focus(a.focused)
		a.focused = nil
	}
	a.screen = s
}

// opened is called on the UI goroutine once a vault is open: from unlock,
// create or recover.
func (a *App) opened(v *vault.Vault) {
	a.vault = v
	a.unlocked = a.opts.Now()
	a.idle.touch()
	a.main = newMainScreen(a)
	a.show(a.main)
	if len(v.Warnings) > 0 {
		a.showWarnings(v.Warnings)
	} else {
		// Stored files nothing refers to any more (a crash, a removed
		// notice whose last version is gone). A refusal, or any other
		// failure, only means they wait for the next unlock.
		a.maintain(func(v *vault.Vault) (int, error) { return v.CollectGarbage() }, nil)
	}
	a.showMerged(v.Merged)
	v.Merged = nil
	a.warnAboutBackups()
	a.remind()
}

// maintain runs work on the open vault off the UI goroutine, then done (if
// not nil) on it. Lock waits for work to finish before closing the vault.
func (a *App) maintain(work func(v *vault.Vault) (int, error), done func(int, error)) {
	v := a.vault
	a.maintenance.Add(1)
	go func() {
		n, err := work(v)
		a.maintenance.Done()
		if done != nil {
			onUI(func() { done(n, err) })
		}
	}()
}

// Locked reports whether no vault is open.
func (a *App) Locked() bool { return a.vault == nil }

// Lock closes the vault and shows the unlock screen. Everything that showed
// vault contents is dropped first. While the vault gets a new key, locking
// waits until the new recovery key has been shown.
func (a *App) Lock() {
	if a.vault == nil {
		return
	}
	if a.changingKey {
		a.lockPending = true
		return
	}
	a.lockPending = false
	for w, closeViewer := range a.viewers {
		closeViewer()
		w.Close()
	}
	clear(a.viewers)
	a.qrDrop = qrDropTarget{}
	a.clip.clearIfOurs()
	if a.main != nil {
		a.main.close() // stops the notice queue first, so that no dialog's close starts the next
		a.main = nil
	}
	// Closed, not just taken off the screen: their close wipes what they
	// hold (a revealed passphrase's picture, a login's secrets).
	open := slices.Clone(a.dialogs)
	for i := len(open) - 1; i >= 0; i-- {
		open[i].Hide()
	}
	a.dialogs = nil
	for _, o := range a.win.Canvas().Overlays().List() {
		a.win.Canvas().Overlays().Remove(o)
	}
	a.win.SetContent(widget.NewLabel(""))
	a.backups.beforeLock() // a change not backed up yet is, before the vault closes
	a.maintenance.Wait()
	a.vault.Close()
	a.vault = nil
	secret.Purge()
	a.show(newUnlockScreen(a))
}

// Quit is for the window's close: lock, then let Fyne exit.
func (a *App) Quit() {
	a.Lock()
	a.idle.stop()
}

func (a *App) addShortcuts() {
	c := a.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { a.Lock() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if a.main != nil {
			a.main.focusSearch()
		}
	})
	// Ctrl/Cmd+O adds notices and Ctrl/Cmd+N a person, as Open and New do
	// elsewhere; only on the family screen with no dialog over it.
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if a.main != nil && len(a.dialogs) == 0 {
			a.main.addNotice()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if a.main != nil && len(a.dialogs) == 0 {
			a.main.addPerson()
		}
	})
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		a.idle.touch()
		if ev.Name == fyne.KeyEscape {
			a.escape()
		}
	})
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { a.idle.touch() })
	}
}

// dropped files are notices to add, when a vault is open, or the QR code
// of a 2-step secret, when a login dialog is the topmost.
func (a *App) dropped(_ fyne.Position, uris []fyne.URI) {
	a.idle.touch()
	if a.qrDrop.takes(a.dialogs) {
		a.qrDrop.read(uris)
		return
	}
	if a.main != nil {
		a.main.addNoticeFiles(uris)
	}
}

// background runs work off the UI goroutine and done on it afterwards.
func background[T any](work func() (T, error), done func(T, error)) {
	go func() {
		r, err := work()
		onUI(func() { done(r, err) })
	}()
}

// onUI runs f on the UI goroutine. The tests replace it: Fyne's test driver runs f at once on
// the calling goroutine, so a background job's result would change the widgets while a test
// reads them; the tests' onUI holds the lock their reads hold.
var onUI = fyne.Do

// update saves a change to the vault and refreshes the screens; an error is
// shown, and nothing changed.
func (a *App) update(change func(ix *vault.Index) error) bool {
	if a.vault == nil {
		return false
	}
	a.idle.touch()
	if err := a.vault.Update(change); err != nil {
		a.showError(err)
		return false
	}
	a.backups.changed()
	a.showMerged(a.vault.Merged) // a sync service's copies, merged before this save
	a.vault.Merged = nil
	if a.main != nil {
		a.main.refresh()
	}
	return true
}

func (a *App) showError(err error) {
	a.showDialog(dialog.NewError(errors.New(oneLine(err.Error())), a.win))
}

func (a *App) showWarnings(warnings []string) {
	text := widget.NewLabel("")
	for i, w := range warnings {
		if i > 0 {
			text.Text += "\n"
		}
		text.Text += w
	}
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("The vault opened with warnings"), lang.L("OK"), container.NewVScroll(text), a.win)
	d.Resize(fyne.NewSize(520, 260))
	a.showDialog(d)
}

// oneLine keeps the first line of a message: errors are shown as one line.
func oneLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
