package translations

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sourceDirs are the trees whose lang.L strings these files must cover.
var sourceDirs = []string{"..", filepath.Join("..", "..", "..", "cmd", "immivault")}

// usedStrings parses every non-test Go file under sourceDirs and returns each
// string literal passed to lang.L, lang.X or lang.N, with where it is used.
func usedStrings(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	used := map[string]string{}
	for _, dir := range sourceDirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
					return true
				}
				if sel.Sel.Name != "L" && sel.Sel.Name != "Localize" {
					return true
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Errorf("%s: lang.%s needs a string literal so translators can find it", fset.Position(call.Pos()), sel.Sel.Name)
					return true
				}
				key, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				used[key] = fset.Position(call.Pos()).String()
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(used) == 0 {
		t.Fatal("found no lang.L calls")
	}
	return used
}

var fileName = regexp.MustCompile(`^[a-z]+\.([a-z]{2})\.json$`)

// TestEveryStringIsTranslated fails on a lang.L string missing from any
// language, an entry nothing uses, or an English entry that is not itself.
func TestEveryStringIsTranslated(t *testing.T) {
	used := usedStrings(t)
	entries, err := Files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	byLang := map[string]map[string]string{}
	for _, e := range entries {
		m := fileName.FindStringSubmatch(e.Name())
		if m == nil {
			t.Errorf("%s: translation files are named AREA.LANG.json", e.Name())
			continue
		}
		data, err := Files.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var messages map[string]string
		if err := json.Unmarshal(data, &messages); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if byLang[m[1]] == nil {
			byLang[m[1]] = map[string]string{}
		}
		for key, value := range messages {
			if _, ok := used[key]; !ok {
				t.Errorf("%s: %q is not used by the code", e.Name(), key)
			}
			if m[1] == "en" && value != key {
				t.Errorf("%s: %q should translate to itself, not %q", e.Name(), key, value)
			}
			byLang[m[1]][key] = value
		}
	}
	for _, want := range []string{"en", "es"} {
		messages, ok := byLang[want]
		if !ok {
			t.Errorf("no *.%s.json files", want)
			continue
		}
		for key, where := range used {
			if strings.TrimSpace(messages[key]) == "" {
				t.Errorf("%s: no %s translation for %q", where, want, key)
			}
		}
	}
}
