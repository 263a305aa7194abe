package main

import (
	"fmt"

	"immivault/internal/vault"
)

func (c *cli) status(args []string) error {
	return c.withVaultArgs(c.flags(), args, 0, func(v *vault.Vault, _ []string) error {
		ix := v.Index()
		saved := "never"
		if !ix.Saved.IsZero() {
			saved = ix.Saved.Local().Format("2006-01-02 15:04:05 MST")
		}
		row := func(k string, v any) { fmt.Fprintf(c.stdout, "%-15s %v\n", k+":", v) }
		row("vault", v.Dir())
		row("format", vault.Format)
		row("revision", ix.Revision)
		row("last saved", saved)
		row("people", len(ix.People))
		row("identifiers", len(ix.Identifiers))
		row("cases", len(ix.Cases))
		row("notices", len(ix.Notices))
		row("events", len(ix.Events))
		row("logins", len(ix.Logins))
		row("trips", len(ix.Trips))
		row("recipient", v.Recipient())
		row("locked memory", c.memoryStatus())
		if len(v.Warnings) == 0 {
			row("warnings", "none")
		}
		for _, w := range v.Warnings {
			row("warning", oneLine(w))
		}
		return nil
	})
}

// memoryStatus says in a few words what the locked-memory preflight found.
func (c *cli) memoryStatus() string {
	r := c.memory
	switch {
	case r.Unlocked:
		return fmt.Sprintf("limited to %d KiB, too little: secrets are kept in ordinary memory", r.Limit>>10)
	case r.Degraded:
		return fmt.Sprintf("limited to %d KiB: secrets are opened one at a time", r.Limit>>10)
	case r.Limit == 0:
		return "not limited: secrets are locked in RAM"
	}
	return fmt.Sprintf("%d KiB available: secrets are locked in RAM", r.Limit>>10)
}
