// Command immivault is the desktop app: a window onto an immivault vault, the
// age-encrypted place where a family keeps its USCIS numbers and notices.
//
// Usage:
//
//	immivault [--vault DIR]
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"github.com/awnumar/memguard"
)

func main() {
	defaultDir, defaultErr := defaultVaultDir()
	vaultDir := flag.String("vault", defaultDir, lang.L("the vault `DIR`"))
	flag.Parse()
	if *vaultDir == "" {
		fmt.Fprintln(os.Stderr, lang.L("immivault: no default vault location ({{.Error}}); start with --vault DIR", map[string]any{"Error": defaultErr}))
		os.Exit(2)
	}

	memguard.CatchInterrupt()
	defer memguard.Purge()

	a := app.NewWithID("org.immivault.app")
	a.SetIcon(appIcon)
	w := a.NewWindow(appName)
	w.SetContent(newStatusScreen(*vaultDir).build())
	w.Resize(fyne.NewSize(720, 460))
	w.ShowAndRun()
}
