package ui

import (
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/backup"
	"immivault/internal/vault"
)

// Automatic backups go to the folder chosen in Settings (a USB drive,
// another disk, a synced folder): a while after the last change, and on
// lock when a change has not been backed up yet. backup.Write thins out
// the older ones there. The folder's path is a preference like the
// vault's; what the backups hold is encrypted (docs/backup.md).
type autoBackups struct {
	app *App
	// delay is how long after the last change a backup is made: changes
	// come in bursts (a notice filed is several saves).
	delay time.Duration

	mu      sync.Mutex
	timer   *time.Timer
	pending bool // a change not backed up yet
	// failed is the last automatic backup's error, shown once.
	failed error
}

// noBackupWarning is how long without a backup before the app says so.
const noBackupWarning = 30 * 24 * time.Hour

func newAutoBackups(a *App) *autoBackups {
	return &autoBackups{app: a, delay: 2 * time.Minute}
}

// changed notes a saved change, and schedules a backup when there is a
// folder to make it in.
func (b *autoBackups) changed() {
	if b.app.set.backupDir == "" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = true
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(b.delay, func() { onUI(b.now) })
}

// now makes a backup at once, off the UI goroutine, if a change waits.
func (b *autoBackups) now() {
	b.mu.Lock()
	pending := b.pending
	b.pending = false
	b.mu.Unlock()
	if pending && b.app.vault != nil && b.app.set.backupDir != "" {
		b.write(nil)
	}
}

// beforeLock starts the backup a change still waits for; Lock waits for it
// (it runs as maintenance) before closing the vault.
func (b *autoBackups) beforeLock() {
	b.mu.Lock()
	if b.timer != nil {
		b.timer.Stop()
	}
	b.mu.Unlock()
	b.now()
}

// write backs up the open vault into the chosen folder, as vault upkeep,
// then calls done (if not nil) on the UI goroutine. An automatic backup's
// failure is shown once, not at every change.
func (b *autoBackups) write(done func(backup.Backup, error)) {
	dir, clock := b.app.set.backupDir, b.app.opts.Now
	var made backup.Backup
	b.app.maintain(func(v *vault.Vault) (int, error) {
		var err error
		made, _, err = backup.Write(v, dir, clock())
		return 0, err
	}, func(_ int, err error) {
		if done != nil {
			done(made, err)
			return
		}
		if err != nil && (b.failed == nil || b.failed.Error() != err.Error()) {
			b.app.showError(errors.New(lang.L("The automatic backup failed: {{.Error}}", map[string]any{"Error": oneLine(err.Error())})))
		}
		b.failed = err
	})
}

// lastBackupText says when the last backup in dir was made, in words.
func lastBackupText(dir string, now time.Time) (string, bool) {
	if dir == "" {
		return lang.L("No backups folder chosen: backups are not made."), false
	}
	last, ok, err := backup.Last(dir)
	switch {
	case err != nil:
		return lang.L("The backups folder cannot be read: {{.Error}}", map[string]any{"Error": oneLine(err.Error())}), false
	case !ok:
		return lang.L("No backup yet."), false
	}
	return lang.L("Last backup: {{.When}}.", map[string]any{"When": ago(now.Sub(last.Made))}), now.Sub(last.Made) < noBackupWarning
}

// ago says how long ago, roughly: "2 hours ago".
func ago(d time.Duration) string {
	switch {
	case d < 2*time.Minute:
		return lang.L("just now")
	case d < 2*time.Hour:
		return lang.L("{{.N}} minutes ago", map[string]any{"N": int(d / time.Minute)})
	case d < 48*time.Hour:
		return lang.L("{{.N}} hours ago", map[string]any{"N": int(d / time.Hour)})
	}
	return lang.L("{{.N}} days ago", map[string]any{"N": int(d / (24 * time.Hour))})
}

// backupSettings is the Backups row of the settings dialog: the folder,
// Choose, Back up now, and when the last backup was made.
func (s *settingsDialog) backupSettings() fyne.CanvasObject {
	folder := widget.NewLabel(s.draft.backupDir)
	folder.Wrapping = fyne.TextWrapBreak
	last := widget.NewLabel("")
	last.Wrapping = fyne.TextWrapWord
	showLast := func() {
		text, _ := lastBackupText(s.draft.backupDir, s.app.opts.Now())
		last.SetText(text)
		folder.SetText(s.draft.backupDir)
	}
	showLast()
	choose := widget.NewButton(lang.L("Choose…"), func() {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				s.draft.backupDir = dir.Path()
				showLast()
			}
		}, s.app.win)
	})
	var now *widget.Button
	now = widget.NewButton(lang.L("Back up now"), func() {
		if s.draft.backupDir == "" || s.app.vault == nil {
			last.SetText(lang.L("Choose a backups folder first."))
			return
		}
		// The folder chosen is kept even if the dialog is then cancelled:
		// a backup was made there.
		s.app.set.backupDir = s.draft.backupDir
		s.app.set.save()
		now.Disable()
		last.SetText(lang.L("Backing up…"))
		s.app.backups.write(func(b backup.Backup, err error) {
			now.Enable()
			if err != nil {
				last.SetText(lang.L("The backup failed: {{.Error}}", map[string]any{"Error": oneLine(err.Error())}))
				return
			}
			showLast()
		})
	})
	if s.app.vault == nil {
		now.Disable()
	}
	return container.NewVBox(folder, container.NewHBox(choose, now), last)
}

// warnAboutBackups tells, at most once a day, that there is no backup from
// the last 30 days, once the vault has held records that long.
func (a *App) warnAboutBackups() {
	now := a.opts.Now()
	text, recent := lastBackupText(a.set.backupDir, now)
	if recent || now.Sub(a.set.backupWarned) < 24*time.Hour || now.Sub(a.vaultSince()) < noBackupWarning {
		return
	}
	a.set.backupWarned = now
	a.set.save()
	msg := wrapped(text + " " + lang.L("A stolen or broken computer takes the vault with it. Choose a folder on a USB drive, another disk or a synced folder in Settings, and immivault backs up there after every change."))
	d := dialog.NewCustomConfirm(lang.L("No recent backup"), lang.L("Open Settings"), lang.L("Later"), msg, func(ok bool) {
		if ok {
			a.showSettings()
		}
	}, a.win)
	d.Resize(fyne.NewSize(520, 240))
	a.showDialog(d)
}

// mergedText is MergedCopy.String in the app's language.
func mergedText(m vault.MergedCopy) string {
	if m.Refused != "" {
		return lang.L("{{.File}}, a copy of the vault's records that a sync service made, was not merged ({{.Why}}); it is left in the vault folder.",
			map[string]any{"File": m.File, "Why": m.Refused})
	}
	text := lang.L("Two computers saved the vault at the same time, and the sync service kept the other's records as {{.File}}. They are merged: {{.Added}} added, {{.Updated}} updated.",
		map[string]any{"File": m.File, "Added": m.Added, "Updated": m.Updated})
	if m.Conflicts > 0 {
		text += " " + lang.L("{{.N}} changed on both computers: both versions are kept, the other computer's marked “other computer”.", map[string]any{"N": m.Conflicts})
	}
	if m.KeptHere > 0 {
		text += " " + lang.L("{{.N}} changed on both computers could not be kept twice: this computer's version is kept.", map[string]any{"N": m.KeptHere})
	}
	return text
}

// vaultSince is when the vault's first person was added, or now.
func (a *App) vaultSince() time.Time {
	since := a.opts.Now()
	for _, p := range a.vault.Index().People {
		if p.Created.Before(since) {
			since = p.Created
		}
	}
	return since
}

// showMerged tells once what merging a sync service's copies of the index
// did.
func (a *App) showMerged(merged []vault.MergedCopy) {
	if len(merged) == 0 {
		return
	}
	text := ""
	for i, m := range merged {
		if i > 0 {
			text += "\n\n"
		}
		text += mergedText(m)
	}
	d := dialog.NewCustom(lang.L("Changes from another computer"), lang.L("OK"), container.NewVScroll(wrapped(text)), a.win)
	d.Resize(fyne.NewSize(560, 280))
	a.showDialog(d)
}
