package ui

import (
	"image/color"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ui/translations"
	"immivault/internal/vault"
	"immivault/internal/vaultdir"
)

// settings are the app's preferences. None of them is secret: they are kept
// in Fyne's preferences file in the clear.
type settings struct {
	prefs fyne.Preferences

	idleLock    time.Duration // lock after this long without use
	unfocusLock time.Duration // lock after the window has lost focus this long; 0: never
	maxSession  time.Duration // lock this long after unlocking, whatever happens
	clipClear   time.Duration // clear a copied value after this long
	theme       string        // "system", "light" or "dark"
	language    string        // "system", "en" or "es"
	vaultDir    string        // "" for the default location
	// backupDir is where automatic backups go, "" for none; backupWarned
	// when the app last said that there is no recent backup.
	backupDir    string
	backupWarned time.Time
}

const (
	prefIdleLock    = "lock.idle_seconds"
	prefUnfocusLock = "lock.unfocused_seconds"
	prefMaxSession  = "lock.session_max_seconds"
	prefClipClear   = "clipboard.clear_seconds"
	prefTheme       = "theme"
	prefLanguage    = "language"
	prefVaultDir    = "vault.dir"
	prefBackupDir   = "backup.dir"
	prefBackupWarn  = "backup.warned_unix"
)

func loadSettings(p fyne.Preferences) *settings {
	seconds := func(key string, def time.Duration) time.Duration {
		return time.Duration(p.IntWithFallback(key, int(def/time.Second))) * time.Second
	}
	return &settings{
		prefs:        p,
		idleLock:     seconds(prefIdleLock, 5*time.Minute),
		unfocusLock:  seconds(prefUnfocusLock, 2*time.Minute),
		maxSession:   seconds(prefMaxSession, 8*time.Hour),
		clipClear:    seconds(prefClipClear, 30*time.Second),
		theme:        p.StringWithFallback(prefTheme, "system"),
		language:     p.StringWithFallback(prefLanguage, "system"),
		vaultDir:     p.StringWithFallback(prefVaultDir, ""),
		backupDir:    p.StringWithFallback(prefBackupDir, ""),
		backupWarned: time.Unix(int64(p.IntWithFallback(prefBackupWarn, 0)), 0),
	}
}

func (s *settings) save() {
	s.prefs.SetInt(prefIdleLock, int(s.idleLock/time.Second))
	s.prefs.SetInt(prefUnfocusLock, int(s.unfocusLock/time.Second))
	s.prefs.SetInt(prefMaxSession, int(s.maxSession/time.Second))
	s.prefs.SetInt(prefClipClear, int(s.clipClear/time.Second))
	s.prefs.SetString(prefTheme, s.theme)
	s.prefs.SetString(prefLanguage, s.language)
	s.prefs.SetString(prefVaultDir, s.vaultDir)
	s.prefs.SetString(prefBackupDir, s.backupDir)
	s.prefs.SetInt(prefBackupWarn, int(s.backupWarned.Unix()))
}

// defaultVaultDir is the vault chosen in Settings, else the one
// immivault-cli opens by default (vaultdir.Default: $IMMIVAULT_VAULT, else
// immivault/vault in the user's configuration folder, or in the working
// folder when there is none).
func defaultVaultDir(s *settings) string {
	if s.vaultDir != "" {
		return s.vaultDir
	}
	dir, err := vaultdir.Default()
	if err != nil {
		return filepath.Join(".", "immivault", "vault")
	}
	return dir
}

// applyTheme sets the light or dark variant, or follows the system.
func (s *settings) applyTheme(a fyne.App) {
	switch s.theme {
	case "light":
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// ApplyLanguage makes the chosen language the one lang.L translates to. Fyne
// reads the user's languages from the environment (LANGUAGE first) when
// translations load, so this must run before the first window is built.
func ApplyLanguage(p fyne.Preferences) {
	if l := p.StringWithFallback(prefLanguage, "system"); l != "system" {
		translations.Use(l)
	}
}

// fixedVariant is the default theme pinned to light or dark.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.variant)
}

// choice is one option of a settings select: what is stored and what is shown.
type choice[T comparable] struct {
	value T
	label string
}

func selectOf[T comparable](choices []choice[T], current T, set func(T)) *widget.Select {
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = c.label
	}
	s := widget.NewSelect(labels, func(label string) {
		for _, c := range choices {
			if c.label == label {
				set(c.value)
			}
		}
	})
	for _, c := range choices {
		if c.value == current {
			s.SetSelected(c.label)
		}
	}
	return s
}

// settingsDialog edits a copy of the settings; Save stores and applies it.
type settingsDialog struct {
	app   *App
	draft settings
	dir   *widget.Label
	d     dialog.Dialog
}

func (a *App) showSettings() {
	s := &settingsDialog{app: a, draft: *a.set}
	a.showDialog(s.build())
}

func minutes(n int) string {
	return lang.L("{{.N}} min", map[string]any{"N": n})
}

func seconds(n int) string {
	return lang.L("{{.N}} s", map[string]any{"N": n})
}

func (s *settingsDialog) build() dialog.Dialog {
	d := &s.draft
	idle := selectOf([]choice[time.Duration]{
		{time.Minute, minutes(1)}, {2 * time.Minute, minutes(2)}, {5 * time.Minute, minutes(5)},
		{10 * time.Minute, minutes(10)}, {15 * time.Minute, minutes(15)}, {30 * time.Minute, minutes(30)},
	}, d.idleLock, func(v time.Duration) { d.idleLock = v })
	unfocus := selectOf([]choice[time.Duration]{
		{0, lang.L("Never")}, {30 * time.Second, seconds(30)}, {time.Minute, minutes(1)},
		{2 * time.Minute, minutes(2)}, {5 * time.Minute, minutes(5)},
	}, d.unfocusLock, func(v time.Duration) { d.unfocusLock = v })
	session := selectOf([]choice[time.Duration]{
		{time.Hour, lang.L("1 hour")}, {4 * time.Hour, lang.L("4 hours")}, {8 * time.Hour, lang.L("8 hours")},
		{24 * time.Hour, lang.L("24 hours")},
	}, d.maxSession, func(v time.Duration) { d.maxSession = v })
	clip := selectOf([]choice[time.Duration]{
		{10 * time.Second, seconds(10)}, {20 * time.Second, seconds(20)}, {30 * time.Second, seconds(30)},
		{45 * time.Second, seconds(45)}, {90 * time.Second, seconds(90)},
	}, d.clipClear, func(v time.Duration) { d.clipClear = v })
	themes := selectOf([]choice[string]{
		{"system", lang.L("Same as the system")}, {"light", lang.L("Light")}, {"dark", lang.L("Dark")},
	}, d.theme, func(v string) { d.theme = v })
	languages := selectOf([]choice[string]{
		{"system", lang.L("Same as the system")}, {"en", "English"}, {"es", "Español"},
	}, d.language, func(v string) { d.language = v })

	s.dir = widget.NewLabel(s.app.opts.VaultDir)
	s.dir.Wrapping = fyne.TextWrapBreak
	changeDir := widget.NewButton(lang.L("Change…"), s.chooseVaultDir)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Lock after idle"), idle),
		widget.NewFormItem(lang.L("Lock after being in the background"), unfocus),
		widget.NewFormItem(lang.L("Lock at the latest after"), session),
		widget.NewFormItem(lang.L("Clear copied values after"), clip),
		widget.NewFormItem(lang.L("Theme"), themes),
		widget.NewFormItem(lang.L("Language"), languages),
		widget.NewFormItem(lang.L("Vault location"), container.NewBorder(nil, nil, nil, changeDir, s.dir)),
		widget.NewFormItem(lang.L("Backups"), s.backupSettings()),
	)
	if s.app.vault != nil {
		// Leaves the settings unsaved, as Cancel does, for a screen of its own.
		change := widget.NewButton(lang.L("Change passphrase…"), func() {
			s.d.Hide()
			s.app.showChangeKey()
		})
		form.Append(lang.L("Passphrase"), container.NewHBox(change))
		newKey := widget.NewButton(lang.L("New recovery key…"), func() {
			s.d.Hide()
			s.app.showReplaceRecoveryKey()
		})
		form.Append(lang.L("Recovery key"), container.NewHBox(newKey))
	}
	note := wrapped(lang.L("A new language or vault location takes effect the next time immivault starts."))
	// Scrolled, so that in a short window (800×600) the form and its note
	// stay above the buttons instead of running under them.
	s.d = dialog.NewCustomConfirm(lang.L("Settings"), lang.L("Save"), lang.L("Cancel"),
		container.NewVScroll(container.NewVBox(form, note)), func(ok bool) {
			if ok {
				s.save()
			}
		}, s.app.win)
	s.d.Resize(dialogSize(s.app.win.Canvas().Size(), fyne.NewSize(620, 560)))
	return s.d
}

func (s *settingsDialog) chooseVaultDir() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		// A folder that holds a vault is taken as it is; any other gets a
		// vault folder of its own inside, so that a vault never mixes with
		// a person's other files.
		s.draft.vaultDir = dir.Path()
		if vault.CheckFormat(dir.Path()) != nil {
			s.draft.vaultDir = filepath.Join(dir.Path(), "immivault")
		}
		s.dir.SetText(s.draft.vaultDir)
	}, s.app.win)
}

// save stores the draft and applies what can change at once.
func (s *settingsDialog) save() {
	*s.app.set = s.draft
	s.app.set.save()
	s.app.set.applyTheme(s.app.fyne)
	s.app.idle.touch()
}
