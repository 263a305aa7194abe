package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestVersionIsFyneAppVersion keeps the CLI's version in step with the
// release's, which is FyneApp.toml's Version: make dist sets it with
// -ldflags -X main.version anyway, and this keeps `make build` telling the
// same.
func TestVersionIsFyneAppVersion(t *testing.T) {
	var app struct{ Details struct{ Version string } }
	if _, err := toml.DecodeFile(filepath.Join("..", "..", "FyneApp.toml"), &app); err != nil {
		t.Fatal(err)
	}
	if app.Details.Version == "" {
		t.Fatal("FyneApp.toml has no [Details] Version")
	}
	if version != app.Details.Version {
		t.Errorf("immivault-cli's version is %q, FyneApp.toml's Version %q: change main.go's version to match", version, app.Details.Version)
	}

	var out bytes.Buffer
	c := &cli{stdout: &out, stderr: &out, cmd: &command{name: "version"}}
	if err := c.version(nil); err != nil {
		t.Fatal(err)
	}
	if want := "immivault-cli " + version + " ("; !strings.HasPrefix(out.String(), want) {
		t.Errorf("immivault-cli version printed %q, want it to start with %q", out.String(), want)
	}
}
