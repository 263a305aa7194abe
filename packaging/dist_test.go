// Package packaging holds what make dist needs besides the Makefile (the
// Windows installer's WiX source and the README.txt of the Windows
// downloads), and checks what make dist made: run it with
// go test ./packaging after make dist, which does so itself.
package packaging

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"debug/pe"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/BurntSushi/toml"
)

const distDir = "../dist"

// release is FyneApp.toml's [Details]: the one place the version is written.
type release struct {
	Name    string
	Version string
	Build   int
}

func loadRelease(t *testing.T) release {
	t.Helper()
	var app struct{ Details release }
	if _, err := toml.DecodeFile("../FyneApp.toml", &app); err != nil {
		t.Fatal(err)
	}
	return app.Details
}

// TestDist checks the downloads in dist/ as someone who downloaded them
// would find them. It skips when make dist has not been run.
func TestDist(t *testing.T) {
	rel := loadRelease(t)
	base := filepath.Join(distDir, "immivault-"+rel.Version)
	if _, err := os.Stat(base + "-windows-amd64.zip"); os.IsNotExist(err) {
		t.Skipf("no %s-windows-amd64.zip: make dist makes the downloads", base)
	}

	t.Run("windows zip", func(t *testing.T) { checkWindowsZip(t, rel, base+"-windows-amd64.zip") })
	t.Run("msi", func(t *testing.T) { checkMSI(t, rel, base+"-windows-amd64.msi") })
	t.Run("linux", func(t *testing.T) {
		checkLinuxPackage(t, base+"-linux-amd64.tar.xz")
		checkLinuxCLI(t, rel, filepath.Join(distDir, "immivault-cli-"+rel.Version+"-linux-amd64.tar.xz"))
	})
	t.Run("SHA256SUMS", checkSums)
}

func checkWindowsZip(t *testing.T, rel release, name string) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = b
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	})
	if want := []string{"README.txt", "immivault-cli.exe", "immivault.exe"}; !slices.Equal(names, want) {
		t.Fatalf("%s holds %q, want %q", name, names, want)
	}

	readme := string(files["README.txt"])
	if !strings.Contains(readme, "immivault "+rel.Version+" for Windows") {
		t.Errorf("README.txt does not name version %s", rel.Version)
	}
	if strings.Count(readme, "\n") != strings.Count(readme, "\r\n") {
		t.Error("README.txt has lines that do not end in CRLF (old Notepads show them as one line)")
	}
	if !strings.Contains(readme, `%APPDATA%\immivault\vault`) {
		t.Error(`README.txt does not say the vault is in %APPDATA%\immivault\vault`)
	}

	// The app: a GUI program with fyne package's icon, manifest and
	// version information, whose version is FyneApp.toml's Version.Build.
	app := openPE(t, "immivault.exe", files["immivault.exe"])
	if sub := subsystem(app); sub != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("immivault.exe: subsystem %d, want the GUI's (%d): Windows would open a console beside the window", sub, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	rsrc := resources(t, "immivault.exe", app)
	types := resourceTypes(t, rsrc)
	for id, what := range map[uint32]string{3: "icon", 14: "icon group", 16: "version information", 24: "manifest"} {
		if !slices.Contains(types, id) {
			t.Errorf("immivault.exe has no %s resource (type %d); it has types %v", what, id, types)
		}
	}
	fileVersion := fmt.Sprintf("%s.%d", rel.Version, rel.Build)
	if got := fixedFileVersion(t, rsrc); got != fileVersion {
		t.Errorf("immivault.exe: file version %s, want FyneApp.toml's %s", got, fileVersion)
	}
	for key, want := range map[string]string{"ProductVersion": fileVersion, "ProductName": rel.Name, "FileDescription": rel.Name} {
		if got := versionString(rsrc, key); got != want {
			t.Errorf("immivault.exe: %s %q, want %q", key, got, want)
		}
	}

	cli := openPE(t, "immivault-cli.exe", files["immivault-cli.exe"])
	if sub := subsystem(cli); sub != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("immivault-cli.exe: subsystem %d, want the console's (%d)", sub, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	}
	if !bytes.Contains(files["immivault-cli.exe"], []byte("immivault-cli")) {
		t.Error("immivault-cli.exe does not look like immivault-cli")
	}
	runWindowsCLI(t, rel, files["immivault-cli.exe"])
}

// runWindowsCLI runs immivault-cli.exe version under Wine, in the prefix
// make wine-prefix makes (or $WINEPREFIX); without Wine it says so and skips.
func runWindowsCLI(t *testing.T, rel release, exe []byte) {
	prefix := os.Getenv("WINEPREFIX")
	if prefix == "" {
		abs, err := filepath.Abs("../.tools/wine")
		if err != nil {
			t.Fatal(err)
		}
		prefix = abs
	}
	_, errWine := exec.LookPath("wine")
	_, errPrefix := os.Stat(filepath.Join(prefix, "system.reg"))
	if errWine != nil || errPrefix != nil {
		msg := fmt.Sprintf("not running immivault-cli.exe: no wine on PATH or no Wine prefix at %s (make wine-prefix makes it)", prefix)
		if os.Getenv("CI") != "" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "immivault-cli.exe")
	if err := os.WriteFile(path, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("../testing/wine/exec", path, "version")
	cmd.Env = append(os.Environ(), "WINEPREFIX="+prefix)
	start := time.Now()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("immivault-cli.exe version under Wine: %v", err)
	}
	want := "immivault-cli " + rel.Version + " ("
	if got := string(out); !strings.HasPrefix(got, want) || !strings.Contains(got, "windows/amd64") {
		t.Errorf("immivault-cli.exe version printed %q, want %q… windows/amd64)", got, want)
	}
	t.Logf("immivault-cli.exe version under Wine (%s): %s", time.Since(start).Round(time.Millisecond), bytes.TrimSpace(out))
}

func checkMSI(t *testing.T, rel release, name string) {
	if _, err := os.Stat(name); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("msiinfo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("msiinfo (Debian's msitools) is missing")
		}
		t.Skip("msiinfo (Debian's msitools) is missing")
	}
	table := func(name, table string) string {
		out, err := exec.Command("msiinfo", "export", name, table).Output()
		if err != nil {
			t.Fatalf("msiinfo export %s %s: %v", name, table, err)
		}
		return string(out)
	}
	props := table(name, "Property")
	for _, want := range []string{"ProductName\t" + rel.Name, "ProductVersion\t" + rel.Version, "ARPPRODUCTICON\t"} {
		if !strings.Contains(props, "\n"+want) {
			t.Errorf("the MSI's Property table lacks %q", want)
		}
	}
	files := table(name, "File")
	for _, f := range []string{"immivault.exe", "immivault-cli.exe", "README.txt"} {
		if !strings.Contains(files, "\t"+f+"\t") {
			t.Errorf("the MSI installs no %s", f)
		}
	}
	if !strings.Contains(table(name, "Shortcut"), "[INSTALLDIR]immivault.exe") {
		t.Error("the MSI makes no shortcut to immivault.exe")
	}
}

func checkLinuxPackage(t *testing.T, name string) {
	out, err := exec.Command("tar", "-tJf", name).Output()
	if err != nil {
		t.Fatalf("tar -tJf %s: %v", name, err)
	}
	// fyne package puts everything in a folder named after the app.
	entries := strings.Fields(string(out))
	for _, want := range []string{"immivault/Makefile", "immivault/usr/local/bin/immivault"} {
		if !slices.Contains(entries, want) {
			t.Errorf("%s has no %s; it holds %q", name, want, entries)
		}
	}
}

func checkLinuxCLI(t *testing.T, rel release, name string) {
	dir := t.TempDir()
	if out, err := exec.Command("tar", "-xJf", name, "-C", dir).CombinedOutput(); err != nil {
		t.Fatalf("tar -xJf %s: %v\n%s", name, err, out)
	}
	out, err := exec.Command(filepath.Join(dir, "immivault-cli"), "version").Output()
	if err != nil {
		t.Fatalf("immivault-cli version: %v", err)
	}
	if want := "immivault-cli " + rel.Version + " ("; !strings.HasPrefix(string(out), want) {
		t.Errorf("immivault-cli version printed %q, want %q…", out, want)
	}
}

func checkSums(t *testing.T) {
	f, err := os.Open(filepath.Join(distDir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var listed []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			t.Fatalf("SHA256SUMS: line %q is not sha256sum's", sc.Text())
		}
		listed = append(listed, name)
		b, err := os.ReadFile(filepath.Join(distDir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != sum {
			t.Errorf("SHA256SUMS: %s does not match", name)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(distDir)
	if err != nil {
		t.Fatal(err)
	}
	var present []string
	for _, e := range entries {
		if e.Name() != "SHA256SUMS" {
			present = append(present, e.Name())
		}
	}
	slices.Sort(listed)
	if !slices.Equal(listed, present) {
		t.Errorf("SHA256SUMS lists %q, dist/ holds %q", listed, present)
	}
}

func openPE(t *testing.T, name string, b []byte) *pe.File {
	t.Helper()
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("%s: machine %#x, want amd64", name, f.Machine)
	}
	return f
}

func subsystem(f *pe.File) uint16 {
	if oh, ok := f.OptionalHeader.(*pe.OptionalHeader64); ok {
		return oh.Subsystem
	}
	return 0
}

func resources(t *testing.T, name string, f *pe.File) []byte {
	t.Helper()
	s := f.Section(".rsrc")
	if s == nil {
		t.Fatalf("%s has no resources (.rsrc)", name)
	}
	b, err := s.Data()
	if err != nil {
		t.Fatalf("%s: .rsrc: %v", name, err)
	}
	return b
}

// resourceTypes are the numeric types in the resource tree's root directory
// (IMAGE_RESOURCE_DIRECTORY, then its entries, 8 bytes each).
func resourceTypes(t *testing.T, rsrc []byte) []uint32 {
	if len(rsrc) < 16 {
		t.Fatal(".rsrc is too short")
	}
	named := int(binary.LittleEndian.Uint16(rsrc[12:]))
	ids := int(binary.LittleEndian.Uint16(rsrc[14:]))
	var types []uint32
	for i := range named + ids {
		off := 16 + 8*i
		if off+8 > len(rsrc) {
			t.Fatal(".rsrc: the root directory runs past the section")
		}
		if id := binary.LittleEndian.Uint32(rsrc[off:]); id&0x80000000 == 0 {
			types = append(types, id)
		}
	}
	return types
}

// fixedFileVersion is the file version in VS_FIXEDFILEINFO, which starts
// with the signature 0xFEEF04BD and the structure's version.
func fixedFileVersion(t *testing.T, rsrc []byte) string {
	i := bytes.Index(rsrc, []byte{0xbd, 0x04, 0xef, 0xfe})
	if i < 0 || i+16 > len(rsrc) {
		t.Fatal("immivault.exe has no VS_FIXEDFILEINFO")
	}
	ms := binary.LittleEndian.Uint32(rsrc[i+8:])
	ls := binary.LittleEndian.Uint32(rsrc[i+12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
}

// versionString is the value of key in the version information's
// StringFileInfo: the key in UTF-16 with its terminating zero, padding to
// 32 bits, then the value, zero-terminated.
func versionString(rsrc []byte, key string) string {
	k := utf16LE(key + "\x00")
	i := bytes.Index(rsrc, k)
	if i < 0 {
		return ""
	}
	i += len(k)
	for i+1 < len(rsrc) && rsrc[i] == 0 && rsrc[i+1] == 0 {
		i += 2
	}
	var units []uint16
	for ; i+1 < len(rsrc); i += 2 {
		u := binary.LittleEndian.Uint16(rsrc[i:])
		if u == 0 {
			break
		}
		units = append(units, u)
	}
	return string(utf16.Decode(units))
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
