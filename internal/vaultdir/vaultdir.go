// Package vaultdir says where the vault is when nobody has said: the same
// place for the desktop app and immivault-cli, so that both open one vault.
package vaultdir

import (
	"os"
	"path/filepath"
)

// Default is $IMMIVAULT_VAULT, else immivault/vault in the user's
// configuration folder (os.UserConfigDir); the error is os.UserConfigDir's,
// when it knows no such folder. The path is as given: it may be relative.
func Default() (string, error) {
	if dir := os.Getenv("IMMIVAULT_VAULT"); dir != "" {
		return dir, nil
	}
	config, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(config, "immivault", "vault"), nil
}
