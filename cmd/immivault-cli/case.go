package main

import (
	"errors"
	"fmt"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

func (c *cli) caseAdd(args []string) error {
	fs := c.flags()
	var ch vault.CaseChange
	fs.StringVar(&ch.Form, "form", "", "the form filed, e.g. `I-485`")
	fs.StringVar(&ch.Received, "received", "", "the received date on the receipt notice, `YYYY-MM-DD`")
	fs.StringVar(&ch.Priority, "priority", "", "the priority date, `YYYY-MM-DD`")
	fs.StringVar(&ch.NoticeDate, "notice-date", "", "the notice date of the latest notice, `YYYY-MM-DD`")
	fs.StringVar(&ch.Status, "status", "", "the case status, as `TEXT`, e.g. \"Case Was Received\"")
	return c.withVaultArgs(fs, args, 2, func(v *vault.Vault, pos []string) error {
		var person *vault.Person
		var cs *vault.Case
		verb := "updated"
		if err := v.Update(func(ix *vault.Index) error {
			var err error
			if person, err = ix.Person(pos[0]); err != nil {
				return err
			}
			var missing *vault.NotFoundError
			if _, err := ix.CaseByReceipt(pos[1]); errors.As(err, &missing) {
				verb = "added"
			}
			cs, err = ix.SetCase(person.ID, pos[1], ch)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s case %s for %s", verb, cs.ReceiptNumber, displayable(person.Name))
		if cs.Form != "" {
			fmt.Fprintf(c.stdout, ", form %s", cs.Form)
		}
		if cs.FormTitle != "" {
			fmt.Fprintf(c.stdout, " (%s)", cs.FormTitle)
		}
		fmt.Fprintln(c.stdout)
		about := ids.Explain(ids.ReceiptNumber, []byte(cs.ReceiptNumber))
		fmt.Fprintln(c.stdout, about.Summary)
		for _, w := range about.Warnings {
			fmt.Fprintln(c.stdout, "warning: "+w)
		}
		return nil
	})
}
