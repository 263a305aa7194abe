package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWindowsRunCoversEveryPackage keeps make test-windows honest: every
// package whose tests it runs under Wine must import internal/wine in a
// wine_windows_test.go, or its temporary folders cannot be removed there
// and its tests fail for Wine's sake, not the code's (internal/wine).
func TestWindowsRunCoversEveryPackage(t *testing.T) {
	t.Parallel()
	out := goCommand(t, nil, "list", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{len .TestGoFiles}}\t{{len .XTestGoFiles}}",
		cliPackage, "immivault/internal/...")
	checked := 0
	for line := range strings.Lines(out) {
		f := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
		path, dir := f[0], f[1]
		if f[2] == "0" && f[3] == "0" ||
			strings.HasPrefix(path, "immivault/internal/ui") || // the Fyne screens: Linux only
			path == "immivault/internal/wine" || path == "immivault/internal/archtest" {
			continue
		}
		checked++
		b, err := os.ReadFile(filepath.Join(dir, "wine_windows_test.go"))
		if err != nil || !strings.Contains(string(b), `_ "immivault/internal/wine"`) {
			t.Errorf("%s has tests but no wine_windows_test.go importing immivault/internal/wine", path)
		}
	}
	if checked == 0 {
		t.Fatal("go list found no packages with tests")
	}
}
