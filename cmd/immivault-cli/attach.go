package main

import (
	"fmt"
	"os"
	"path/filepath"

	"immivault/internal/vault"
)

func (c *cli) attach(args []string) error {
	flags := c.flags()
	receipt := flags.String("case", "", "the case the notice belongs to, by its `RECEIPT` number")
	pos, err := c.parse(flags, args, 2)
	if err != nil {
		return err
	}
	f, _, err := openRegular(pos[1])
	if err != nil {
		return err
	}
	defer f.Close()
	return c.withVault(func(v *vault.Vault) error {
		// Look the person and case up before writing a blob that would be left
		// behind if they do not exist; Update looks again in the newest index.
		if _, _, err := noticeOwner(v.Index(), pos[0], *receipt); err != nil {
			return err
		}
		blob, err := v.AddBlob(f)
		if err != nil {
			return err
		}
		var n *vault.Notice
		err = v.Update(func(ix *vault.Index) error {
			personID, caseID, err := noticeOwner(ix, pos[0], *receipt)
			if err != nil {
				return err
			}
			n, err = ix.AddNotice(personID, caseID, filepath.Base(pos[1]), blob)
			return err
		})
		if err != nil {
			// Remove the new blob now rather than leave it for garbage
			// collection; DiscardBlob refuses if the Update recorded it after all.
			v.DiscardBlob(blob)
			return err
		}
		fmt.Fprintln(c.stdout, n.ID)
		return nil
	})
}

// openRegular opens a file named on the command line, and refuses anything
// but a regular file (a folder, a device, a pipe). It gives the file's size.
func openRegular(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is not a regular file", path)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, fi.Size(), nil
}

// noticeOwner finds the person a notice is for and, if receipt is given,
// the case, which must be theirs.
func noticeOwner(ix *vault.Index, person, receipt string) (personID, caseID string, err error) {
	p, err := ix.Person(person)
	if err != nil {
		return "", "", err
	}
	if receipt == "" {
		return p.ID, "", nil
	}
	cs, err := ix.CaseByReceipt(receipt)
	if err != nil {
		return "", "", err
	}
	if cs.PersonID != p.ID {
		return "", "", fmt.Errorf("case %s is not %s's", cs.ReceiptNumber, displayable(p.Name))
	}
	return p.ID, cs.ID, nil
}
