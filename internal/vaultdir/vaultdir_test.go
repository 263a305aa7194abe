package vaultdir

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDefault(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config) // Linux and the BSDs
	t.Setenv("HOME", config)            // macOS
	t.Setenv("AppData", config)         // Windows
	t.Setenv("IMMIVAULT_VAULT", "")
	want, err := os.UserConfigDir()
	if err != nil {
		t.Skipf("no configuration folder here: %v", err)
	}
	want = filepath.Join(want, "immivault", "vault")
	if got, err := Default(); err != nil || got != want {
		t.Errorf("Default() = %q, %v; want %q", got, err, want)
	}

	t.Setenv("IMMIVAULT_VAULT", "elsewhere/vault")
	if got, err := Default(); err != nil || got != "elsewhere/vault" {
		t.Errorf("with IMMIVAULT_VAULT, Default() = %q, %v", got, err)
	}
}

func TestDefaultWithoutConfigFolder(t *testing.T) {
	t.Setenv("IMMIVAULT_VAULT", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", "")
	t.Setenv("AppData", "")
	if _, err := os.UserConfigDir(); err == nil {
		t.Skip("this platform finds a configuration folder without HOME")
	}
	if got, err := Default(); err == nil {
		t.Errorf("Default() = %q with no configuration folder, want an error", got)
	}
}
