package archtest

import (
	"bytes"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const cliPackage = "immivault/cmd/immivault-cli"

// enginePackage is one package that must stay free of Fyne and cgo.
type enginePackage struct {
	path string
	deps []string
	err  string // why go list could not load it, if it could not
}

// enginePackages lists the CLI and every package under immivault/internal/
// except the Fyne screens in immivault/internal/ui/..., with all their
// transitive dependencies.
func enginePackages(t *testing.T) []enginePackage {
	t.Helper()
	out := goCommand(t, nil, "list", "-e",
		"-f", "{{.ImportPath}}\t{{if .Error}}{{.Error}}{{end}}\t{{join .Deps \" \"}}",
		cliPackage, "immivault/internal/...")
	var pkgs []enginePackage
	for line := range strings.Lines(out) {
		path, rest, _ := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		errText, deps, _ := strings.Cut(rest, "\t")
		if path == "immivault/internal/ui" || strings.HasPrefix(path, "immivault/internal/ui/") {
			continue
		}
		pkgs = append(pkgs, enginePackage{path: path, deps: strings.Fields(deps), err: errText})
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no engine packages: the dependency rule would pass without checking anything")
	}
	return pkgs
}

func TestEngineDoesNotImportFyne(t *testing.T) {
	t.Parallel()
	pkgs := enginePackages(t)
	var checked []string
	for _, p := range pkgs {
		if p.err != "" {
			t.Errorf("%s: go list cannot load it, so its dependencies cannot be checked: %s", p.path, p.err)
			continue
		}
		checked = append(checked, p.path)
		var fyne []string
		for _, dep := range p.deps {
			if strings.HasPrefix(dep, "fyne.io/") {
				fyne = append(fyne, dep)
			}
		}
		if len(fyne) > 0 {
			t.Errorf("%s depends on Fyne (%s and %d more packages): only cmd/immivault and internal/ui may use Fyne",
				p.path, fyne[0], len(fyne)-1)
		}
	}
	if !slices.Contains(checked, cliPackage) {
		t.Errorf("%s was not checked: it must exist and build without Fyne", cliPackage)
	}
	t.Logf("checked %d packages: %s", len(checked), strings.Join(checked, " "))
}

func TestEngineBuildsWithoutCgo(t *testing.T) {
	t.Parallel()
	var paths []string
	for _, p := range enginePackages(t) {
		paths = append(paths, p.path)
	}
	// Building several packages at once discards the results, so this
	// writes nothing into the source tree.
	goCommand(t, []string{"CGO_ENABLED=0"}, append([]string{"build"}, paths...)...)
}

// goCommand runs the go command from PATH with extra environment variables
// and returns its standard output, failing the test on any error.
func goCommand(t *testing.T, env []string, args ...string) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed on PATH to check dependencies: %v", err)
	}
	cmd := exec.Command(goBin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s go %s: %v\n%s", strings.Join(env, " "), strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}
