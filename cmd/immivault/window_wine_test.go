package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The Windows build under Wine: where TestRealWindowWindows finds it. Both
// default to what make windows and make wine-prefix leave in the repository;
// a relative path is taken from cmd/immivault, where go test runs.
const (
	// windowsExeEnv names the app built for Windows (default bin/immivault.exe).
	windowsExeEnv = "IMMIVAULT_WINDOWS_EXE"
	// winePrefixEnv names the Wine prefix testing/wine/setup made (default
	// .tools/wine). The test runs in a copy of it. It is not WINEPREFIX,
	// which may well name a prefix of the user's, without the ProcessPrng
	// shim every Go program needs under Wine 8, that the test would copy.
	winePrefixEnv = "IMMIVAULT_WINE_PREFIX"
)

// windowsVaultDir is where the app's vault lives, as Windows names it: a
// folder with a space and letters outside ASCII in its path, as applicants'
// Documents folders have, which the app must open as given on its command
// line. testing/wine/setup makes C:\Users\José Núñez\Documents.
var windowsVaultDir = []string{`C:`, `Users`, `José Núñez`, `Documents`, `immivault vault`}

// TestRealWindowWindows is TestRealWindow for the Windows build of the app,
// bin/immivault.exe (make windows), run under Wine on its own Xvfb display:
// the same vault made by immivault-cli, the same steps and the same checks
// of what the window shows. Run it alone with
//
//	go test -v -run TestRealWindowWindows ./cmd/immivault/
//
// Wine runs in a private copy of the prefix make wine-prefix makes, so that
// its wineserver, its explorer (which holds the X display of the first
// program run in a prefix) and the app's settings are the test's own while
// other Windows programs run in the shared prefix; the copy links the
// prefix's DLLs rather than copying them, and turns off Wine's automatic
// prefix update, which would rewrite them in place. The vault is given to
// the app as C:\Users\José Núñez\Documents\immivault vault. With
// IMMIVAULT_SCREENSHOTS=DIR the screenshots are written to
// DIR/windows-STEP.png.
func TestRealWindowWindows(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	runWindowScript(t, windowTarget{
		shotPrefix: "windows-",
		// Wine starts its own services in the new prefix, and the app
		// draws with Mesa's software OpenGL through Wine's, more slowly
		// than on Linux: these are ceilings, the test goes on as soon as
		// the window or the words are there.
		windowTimeout: 120 * time.Second,
		screenTimeout: 60 * time.Second,
		// The unlock screen shows the vault's path: the name must arrive
		// whole (OCR reads "Núñez" poorly, "José" well).
		alsoWant: map[string][]string{"unlock": {`Users\José`}},
		setup: func(t *testing.T, tmp string, home windowHome) (string, string, func(string) *windowProcess) {
			exe := envOr(windowsExeEnv, filepath.Join(root, "bin", "immivault.exe"))
			template := envOr(winePrefixEnv, filepath.Join(root, ".tools", "wine"))
			wineExec := filepath.Join(root, "testing", "wine", "exec")
			needWine(t, exe, template, wineExec)
			if fi, err := os.Stat(exe); err == nil {
				t.Logf("the app: %s, built %s", exe, fi.ModTime().Format(time.DateTime))
			}

			lap := time.Now()
			prefix := filepath.Join(tmp, "wine")
			if err := copyWinePrefix(template, prefix); err != nil {
				t.Fatalf("copying the Wine prefix %s: %v", template, err)
			}
			t.Cleanup(func() { stopWine(t, prefix, home) })
			t.Logf("timing: Wine prefix copied: %v", elapsed(lap))

			vaultDir := filepath.Join(append([]string{prefix, "drive_c"}, windowsVaultDir[1:]...)...)
			vaultArg := strings.Join(windowsVaultDir, `\`)
			start := func(display string) *windowProcess {
				return startWindowProcess(t, "immivault.exe", filepath.Join(tmp, "immivault-wine.log"),
					wineEnv(home, prefix, "DISPLAY="+display, "LIBGL_ALWAYS_SOFTWARE=1", "FYNE_SCALE=1", "FYNE_THEME=light"),
					wineExec, exe, "--vault", vaultArg)
			}
			return vaultDir, vaultArg, start
		},
	})
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// needWine checks for Wine, the app built for Windows and the prefix made by
// make wine-prefix, skipping the test without them, or failing it under CI,
// where make test has made them.
func needWine(t *testing.T, exe, prefix, wineExec string) {
	t.Helper()
	var missing []string
	for _, p := range []string{"wine", "wineserver"} {
		if _, err := exec.LookPath(p); err != nil {
			missing = append(missing, p+" (on Debian or Ubuntu: apt-get install wine wine64)")
		}
	}
	if _, err := os.Stat(exe); err != nil {
		missing = append(missing, fmt.Sprintf("the app built for Windows, %s (make windows, or set %s)", exe, windowsExeEnv))
	}
	// The shim is the last thing testing/wine/setup adds to a new prefix.
	if _, err := os.Stat(filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")); err != nil {
		missing = append(missing, fmt.Sprintf("the Wine prefix %s with its ProcessPrng shim (make wine-prefix, or set %s)", prefix, winePrefixEnv))
	}
	if _, err := os.Stat(wineExec); err != nil {
		missing = append(missing, wineExec)
	}
	if len(missing) == 0 {
		return
	}
	msg := "the Windows real-window test needs " + strings.Join(missing, "; ") + " (make test makes them)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// wineEnv is the test home's environment for a Wine program in prefix.
// Wine decodes the command line and file names in the C library's locale,
// and in one that is not installed (en_US.UTF-8, the home's LANG, often is
// not) as 7-bit ASCII: the app then shows C:\Users\JosC) NC:C1ez, though
// it still finds the folder, whose name Wine decodes the same way. C.UTF-8
// is there on every Debian or Ubuntu system.
func wineEnv(home windowHome, prefix string, extra ...string) []string {
	return home.env(append([]string{"WINEPREFIX=" + prefix, "LC_ALL=C.UTF-8"}, extra...)...)
}

// stopWine ends every Wine process of prefix (the app is stopped before, by
// its own cleanup; Wine's services and explorer would otherwise outlive it)
// and waits for its wineserver to be gone, so that nothing writes the prefix
// while the test's folder is removed.
func stopWine(t *testing.T, prefix string, home windowHome) {
	for _, args := range [][]string{{"-k"}, {"-w"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		cmd := exec.CommandContext(ctx, "wineserver", args...)
		cmd.Env = wineEnv(home, prefix)
		out, err := cmd.CombinedOutput()
		cancel()
		// -k fails when no wineserver is left to kill, which is fine.
		if err != nil && args[0] == "-w" {
			t.Errorf("wineserver %s: %v\n%s", args[0], err, out)
		}
	}
}

// copyWinePrefix makes dst a copy of the Wine prefix src that Wine can use
// as its own while src is in use:
//   - the modules under drive_c/windows (DLLs, programs, drivers, NLS
//     tables: 700 MB, which Wine only reads) are hard links, when src and
//     dst are on one file system, the rest is copied;
//   - .update-timestamp says "disable", which keeps Wine from updating the
//     copy, which would rewrite those linked modules in place;
//   - the profile folders (Documents, Desktop...), which src links to the
//     user's own home, are empty folders of the copy's, and the profiles'
//     Temp folders, where programs running in src write, are left empty.
//
// Files that vanish while it runs (src's programs' temporary ones) are
// skipped.
func copyWinePrefix(src, dst string) error {
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path != src {
				return nil
			}
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		inProfile := len(parts) >= 4 && parts[0] == "drive_c" && strings.EqualFold(parts[1], "users")
		switch {
		case d.IsDir():
			if err := os.MkdirAll(to, 0o755); err != nil {
				return err
			}
			if inProfile && len(parts) == 4 && strings.EqualFold(parts[3], "Temp") {
				return fs.SkipDir
			}
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return ignoreVanished(err)
			}
			if inProfile && filepath.IsAbs(target) {
				return os.MkdirAll(to, 0o755)
			}
			return os.Symlink(target, to)
		case !d.Type().IsRegular():
			return nil // a socket or the like: nothing Wine reads
		case rel == ".update-timestamp":
			return os.WriteFile(to, []byte("disable\n"), 0o644)
		case parts[0] == "drive_c" && len(parts) > 2 && strings.EqualFold(parts[1], "windows") && isWineModule(path):
			if err := os.Link(path, to); err == nil || errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return ignoreVanished(copyFile(path, to))
		default:
			return ignoreVanished(copyFile(path, to))
		}
	})
	return err
}

func ignoreVanished(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// isWineModule says whether path is a file Wine loads and never writes.
func isWineModule(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".dll", ".exe", ".sys", ".drv", ".nls", ".ocx", ".acm", ".cpl", ".tlb", ".ds", ".msstyles", ".ax", ".mui":
		return true
	}
	return false
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chtimes(dst, fi.ModTime(), fi.ModTime())
}
