package recoverykit_test

import (
	"os"
	"strings"
	"time"

	"immivault/internal/recoverykit"
	"immivault/internal/secret"
)

func ExampleKit_WriteText() {
	// vault.Create returns the recovery key; this one is not a real key.
	key := secret.New([]byte("AGE-SECRET-KEY-PQ-1" + strings.Repeat("NOTAREALKEY", 5) + "NOT"))
	kit := recoverykit.Kit{
		Key:      key,
		VaultDir: "/home/ana/.config/immivault/vault",
		Created:  time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC),
		Text:     recoverykit.English(),
	}
	if err := kit.WriteText(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// # immivault recovery kit
	// #
	// # This is the recovery key of your immivault vault. If you forget your
	// # passphrase, the recovery key is the only way back in: with it you can
	// # choose a new passphrase. Keep it somewhere safe, away from your
	// # computer, for example with your passports.
	// #
	// # Vault: /home/ana/.config/immivault/vault
	// # Created: 2025-03-14
	// #
	// # Anyone who has this key can open the vault and read everything in it,
	// # without your passphrase. Do not share it, photograph it or store it
	// # online.
	// #
	// # Recovery key
	// AGE-SECRET-KEY-PQ-1NOTAREALKEYNOTAREALKEYNOTAREALKEYNOTAREALKEYNOTAREALKEYNOT
}
