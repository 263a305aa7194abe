// Command immivault is the desktop app: a window onto an immivault vault, the
// age-encrypted place where a family keeps its USCIS numbers and notices.
//
// Usage:
//
//	immivault [--vault DIR]
package main

import (
	"flag"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"github.com/awnumar/memguard"

	"immivault/internal/secret"
	"immivault/internal/ui"
)

func main() {
	vaultDir := flag.String("vault", "", lang.L("the vault `DIR` (default: the one chosen in Settings, else $IMMIVAULT_VAULT, else one in the user's config folder)"))
	flag.Parse()

	memory := secret.Preflight()
	memguard.CatchInterrupt()
	defer memguard.Purge()

	a := app.NewWithID("org.immivault.app")
	ui.ApplyLanguage(a.Preferences())
	a.SetIcon(ui.Icon)
	w := a.NewWindow("immivault")
	app := ui.New(a, w, ui.Options{VaultDir: *vaultDir, MemoryWarning: memory.Warning()})
	w.SetCloseIntercept(func() { app.Quit(); w.Close() })
	w.Resize(fyne.NewSize(1100, 720))
	app.Start()
	w.ShowAndRun()
}
