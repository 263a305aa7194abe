package main

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/vault"
)

func TestInspectVault(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		d := filepath.Join(dir, name)
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
		if content != "" {
			if err := os.WriteFile(filepath.Join(d, "format"), []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	unreadable := write("unreadable", "")
	if err := os.Mkdir(filepath.Join(unreadable, "format"), 0o700); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		dir  string
		want vaultState
	}{
		{filepath.Join(dir, "does-not-exist"), vaultMissing},
		{write("empty", ""), vaultMissing},
		{write("vault", vault.Format), vaultPresent},
		{write("vault-newline", vault.Format+"\n"), vaultPresent},
		{write("vault-crlf", vault.Format+"\r\n"), vaultPresent},
		{write("spaces", " "+vault.Format+" \n"), vaultForeign},
		{write("something-else", "my tax papers"), vaultForeign},
		{write("newer", "immivault-vault/v2"), vaultUnusable},
		{unreadable, vaultUnusable},
	} {
		t.Run(filepath.Base(tc.dir), func(t *testing.T) {
			got, err := inspectVault(tc.dir)
			if got != tc.want {
				t.Errorf("inspectVault = %v, %v; want %v", got, err, tc.want)
			}
			if (err != nil) != (tc.want == vaultUnusable) {
				t.Errorf("inspectVault error = %v for state %v", err, got)
			}
		})
	}
}

func TestDefaultVaultDir(t *testing.T) {
	t.Setenv("IMMIVAULT_VAULT", "")
	config, err := os.UserConfigDir()
	if err != nil {
		t.Skip("no user config dir here:", err)
	}
	if got, _ := defaultVaultDir(); got != filepath.Join(config, "immivault", "vault") {
		t.Errorf("defaultVaultDir = %q, want it under %q", got, config)
	}

	t.Setenv("IMMIVAULT_VAULT", filepath.Join("somewhere", "else"))
	if got, _ := defaultVaultDir(); got != filepath.Join("somewhere", "else") {
		t.Errorf("with IMMIVAULT_VAULT set, defaultVaultDir = %q", got)
	}
}

func TestStatusScreenWithoutVault(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()

	s := newStatusScreen(dir)
	w := test.NewTempWindow(t, s.build())

	if s.state != vaultMissing {
		t.Fatalf("state = %v, want vaultMissing", s.state)
	}
	assertShows(t, w.Content(),
		"immivault",
		dir,
		lang.L("No vault here yet."),
		lang.L("Create one with:"),
		`immivault-cli --vault "`+dir+`" init`,
		lang.L("The desktop screens for people, numbers and notices are coming next. Until then, immivault-cli works on this vault today."),
		lang.L("Check again"),
	)
}

func TestStatusScreenWithVault(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "format"), []byte(vault.Format), 0o600); err != nil {
		t.Fatal(err)
	}

	s := newStatusScreen(dir)
	w := test.NewTempWindow(t, s.build())

	if s.state != vaultPresent {
		t.Fatalf("state = %v, want vaultPresent", s.state)
	}
	assertShows(t, w.Content(),
		dir,
		lang.L("A vault is here."),
		`immivault-cli --vault "`+dir+`" status`,
	)
	assertHides(t, w.Content(), lang.L("No vault here yet."))
}

func TestStatusScreenForeignFolder(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "format"), []byte("something else"), 0o600); err != nil {
		t.Fatal(err)
	}

	s := newStatusScreen(dir)
	w := test.NewTempWindow(t, s.build())

	want := lang.L("This folder holds something else: its format file does not say {{.Format}}.", map[string]any{"Format": vault.Format})
	if !strings.Contains(want, vault.Format) {
		t.Fatalf("message %q does not name the format", want)
	}
	assertShows(t, w.Content(), want, lang.L("Choose another folder with --vault DIR."))
	assertHides(t, w.Content(), "immivault-cli --vault")
}

func TestCheckAgainSeesNewVault(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	s := newStatusScreen(dir)
	w := test.NewTempWindow(t, s.build())

	if err := os.WriteFile(filepath.Join(dir, "format"), []byte(vault.Format+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(t, w.Content(), lang.L("Check again")))

	if s.state != vaultPresent {
		t.Fatalf("state after Check again = %v, want vaultPresent", s.state)
	}
	assertShows(t, w.Content(), lang.L("A vault is here."))
	assertHides(t, w.Content(), lang.L("No vault here yet."))
}

// TestTranslationsCoverEveryString parses this package and checks that every
// string literal passed to lang.L has an entry in each translation file, and
// that the files hold nothing else.
func TestTranslationsCoverEveryString(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" || len(call.Args) == 0 {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.L needs a string literal so translators can find it", fset.Position(call.Pos()))
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			used[key] = true
			return true
		})
	}
	if len(used) == 0 {
		t.Fatal("found no lang.L calls")
	}

	entries, err := translations.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for _, e := range entries {
		langs = append(langs, e.Name())
		data, err := translations.ReadFile("translations/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var messages map[string]string
		if err := json.Unmarshal(data, &messages); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		for key := range used {
			if strings.TrimSpace(messages[key]) == "" {
				t.Errorf("%s: no translation for %q", e.Name(), key)
			}
		}
		for key, value := range messages {
			if !used[key] {
				t.Errorf("%s: %q is not used by the code", e.Name(), key)
			}
			if e.Name() == "en.json" && value != key {
				t.Errorf("en.json: %q should translate to itself, not %q", key, value)
			}
		}
	}
	for _, want := range []string{"en.json", "es.json"} {
		if !slices.Contains(langs, want) {
			t.Errorf("translations/%s is missing", want)
		}
	}
}

func TestIconMatchesRepositoryIcon(t *testing.T) {
	repoIcon, err := os.ReadFile(filepath.Join("..", "..", "Icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(iconPNG, repoIcon) {
		t.Error("cmd/immivault/Icon.png differs from the repository's Icon.png; copy it over")
	}
}

// shownTexts returns the text of every visible label, rich text and button
// under o, as laid out in its window.
func shownTexts(o fyne.CanvasObject) []string {
	var texts []string
	for _, obj := range test.LaidOutObjects(o) {
		if !obj.Visible() {
			continue
		}
		switch w := obj.(type) {
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.RichText:
			texts = append(texts, w.String())
		case *widget.Button:
			texts = append(texts, w.Text)
		}
	}
	return texts
}

func assertShows(t *testing.T, o fyne.CanvasObject, want ...string) {
	t.Helper()
	texts := shownTexts(o)
	for _, w := range want {
		if !slices.Contains(texts, w) {
			t.Errorf("window does not show %q; it shows:\n%s", w, strings.Join(texts, "\n"))
		}
	}
}

func assertHides(t *testing.T, o fyne.CanvasObject, unwanted string) {
	t.Helper()
	for _, text := range shownTexts(o) {
		if strings.Contains(text, unwanted) {
			t.Errorf("window shows %q, which it should not", text)
		}
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
