package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// fyneAppTOML is the repository's FyneApp.toml: what `make package` hands to
// `fyne package` as flags.
type fyneAppTOML struct {
	Details struct {
		Icon    string
		Name    string
		ID      string
		Version string
		Build   int
	}
}

// packagedKeys are the FyneApp.toml keys that the Makefile's package target
// passes to fyne package. fyne reads FyneApp.toml only from the --src
// folder, and the repository keeps it at the root, so any other key would
// be silently left out of the package.
var packagedKeys = []string{"Details", "Details.Icon", "Details.Name", "Details.ID", "Details.Version", "Details.Build"}

func loadFyneApp(t *testing.T) fyneAppTOML {
	t.Helper()
	var app fyneAppTOML
	md, err := toml.DecodeFile(filepath.Join("..", "..", "FyneApp.toml"), &app)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range md.Keys() {
		if !slices.Contains(packagedKeys, key.String()) {
			t.Errorf("FyneApp.toml: %s would not reach the package: make package passes fyne package only [Details] Icon, Name, ID, Version and Build, as flags", key)
		}
	}
	for _, key := range packagedKeys {
		if !md.IsDefined(strings.Split(key, ".")...) {
			t.Errorf("FyneApp.toml: %s is missing", key)
		}
	}
	return app
}

func TestFyneAppMetadata(t *testing.T) {
	app := loadFyneApp(t).Details
	src := parsePackage(t, ".")

	id, where := src.appID(t)
	if id != app.ID {
		t.Errorf("FyneApp.toml says ID = %q, but the app uses %q (%s)", app.ID, id, where)
	}
	if !regexp.MustCompile(`^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+$`).MatchString(app.ID) {
		t.Errorf("FyneApp.toml: ID %q is not a reverse-DNS app ID", app.ID)
	}

	// The name is the window's title, which TestRealWindow finds the window
	// by; where this package names the window itself, that must agree too.
	if app.Name != windowScript.title {
		t.Errorf("FyneApp.toml says Name = %q, but the window is titled %q", app.Name, windowScript.title)
	}
	for _, name := range src.windowTitles() {
		if name.value != app.Name {
			t.Errorf("FyneApp.toml says Name = %q, but the app calls itself %q (%s)", app.Name, name.value, name.where)
		}
	}

	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(app.Version) {
		t.Errorf("FyneApp.toml: Version %q is not x.y.z", app.Version)
	}
	if app.Build < 1 {
		t.Errorf("FyneApp.toml: Build = %d, want 1 or more", app.Build)
	}

	if app.Icon != "Icon.png" {
		t.Errorf("FyneApp.toml: Icon = %q, want the repository's Icon.png", app.Icon)
	}
	f, err := os.Open(filepath.Join("..", "..", app.Icon))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s: %v", app.Icon, err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("%s is %d×%d, want 512×512", app.Icon, cfg.Width, cfg.Height)
	}

	// fyne package would read a FyneApp.toml here instead of the flags'
	// values for anything but [Details], and bump its Build on every run.
	if _, err := os.Stat("FyneApp.toml"); err == nil {
		t.Error("cmd/immivault/FyneApp.toml exists; the metadata lives in the repository's FyneApp.toml only")
	}
}

// TestAppIDInSource checks the source reading above on the shapes main.go
// may take.
func TestAppIDInSource(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"literal", `package main
import "fyne.io/fyne/v2/app"
func main() { app.NewWithID("org.example.one").Run() }`, "org.example.one"},
		{"constant", `package main
import fyneapp "fyne.io/fyne/v2/app"
const id = "org.example.two"
func main() { a := fyneapp.NewWithID(id); a.Run() }`, "org.example.two"},
		{"appID only", `package main
import "example.org/ui"
const appID = "org.example.three"
func main() { ui.Run(appID) }`, "org.example.three"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(tc.src), 0o600); err != nil {
				t.Fatal(err)
			}
			if got, where := parsePackage(t, dir).appID(t); got != tc.want {
				t.Errorf("appID = %q (%s), want %q", got, where, tc.want)
			}
		})
	}
}

// parsedPackage is what the metadata test needs from a package's source, read
// with go/ast so that it follows the code wherever the code moves the calls.
type parsedPackage struct {
	fset      *token.FileSet
	consts    map[string]stringInSource // package-level string constants and variables
	newWithID []*ast.CallExpr           // calls of fyne.io/fyne/v2/app.NewWithID
	newWindow []*ast.CallExpr           // calls of any X.NewWindow with one argument
}

type stringInSource struct {
	value, where string
}

func parsePackage(t *testing.T, dir string) *parsedPackage {
	t.Helper()
	p := &parsedPackage{fset: token.NewFileSet(), consts: map[string]stringInSource{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(p.fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		appPkg := "" // the local name of fyne.io/fyne/v2/app in this file
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "fyne.io/fyne/v2/app" {
				appPkg = "app"
				if imp.Name != nil {
					appPkg = imp.Name.Name
				}
			}
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gen.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, ident := range vs.Names {
					if i < len(vs.Values) {
						if s, ok := stringLiteral(vs.Values[i]); ok {
							p.consts[ident.Name] = stringInSource{s, p.fset.Position(ident.Pos()).String()}
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			switch sel.Sel.Name {
			case "NewWithID":
				if pkg, ok := sel.X.(*ast.Ident); ok && appPkg != "" && pkg.Name == appPkg {
					p.newWithID = append(p.newWithID, call)
				}
			case "NewWindow":
				p.newWindow = append(p.newWindow, call)
			}
			return true
		})
	}
	return p
}

// value resolves a string literal or a string constant of the package.
func (p *parsedPackage) value(e ast.Expr) (string, bool) {
	if s, ok := stringLiteral(e); ok {
		return s, true
	}
	if ident, ok := e.(*ast.Ident); ok {
		if c, ok := p.consts[ident.Name]; ok {
			return c.value, true
		}
	}
	return "", false
}

// appID is the ID the package passes to app.NewWithID, or with no such call
// its constant appID, and where it was found.
func (p *parsedPackage) appID(t *testing.T) (id, where string) {
	t.Helper()
	for _, call := range p.newWithID {
		where = p.fset.Position(call.Pos()).String()
		if s, ok := p.value(call.Args[0]); ok {
			return s, "app.NewWithID at " + where
		}
		t.Fatalf("%s: app.NewWithID's argument is neither a string literal nor a string constant of this package", where)
	}
	if c, ok := p.consts["appID"]; ok {
		return c.value, "const appID at " + c.where
	}
	t.Fatal("found neither an app.NewWithID call nor a constant appID in this package")
	return "", ""
}

// windowTitles are the names this package gives itself: the titles of the
// windows it opens where they are constants, and its constant appName.
func (p *parsedPackage) windowTitles() []stringInSource {
	var names []stringInSource
	for _, call := range p.newWindow {
		if s, ok := p.value(call.Args[0]); ok {
			names = append(names, stringInSource{s, "NewWindow at " + p.fset.Position(call.Pos()).String()})
		}
	}
	if c, ok := p.consts["appName"]; ok {
		names = append(names, stringInSource{c.value, "const appName at " + c.where})
	}
	return names
}

func stringLiteral(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
