package main

import "fmt"

// newKeyText follows the new recovery key after passwd and recover.
const newKeyText = `
The vault has a new key: everything in it was encrypted again. The old
passphrase, the old recovery key and any copy of the vault's files from
before (a backup, a sync service's history) no longer open what is saved
from now on; they still open what those old copies already hold.

Write the new recovery key down or save it somewhere safe, in place of the
old one. It will not be shown again.
`

func (c *cli) passwd(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	pass, err := c.readPassphrase(newPassphrase)
	if err != nil {
		return err
	}
	recoveryKey, err := v.ChangeKey(pass)
	if err != nil {
		return err
	}
	fmt.Fprint(c.stdout, "Passphrase changed.\n\nNew recovery key:\n\n")
	if err := c.printKey(recoveryKey); err != nil {
		return err
	}
	fmt.Fprint(c.stdout, newKeyText)
	return nil
}
