package main

import (
	"fmt"
	"strings"

	"immivault/internal/vault"
)

func (c *cli) personAdd(args []string) error {
	fs := c.flags()
	born := fs.String("born", "", "date of birth as `YYYY-MM-DD`")
	relation := fs.String("relation", "", "how they are related, e.g. self, spouse, child (free text)")
	pos, err := c.parse(fs, args, 1)
	if err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	var p *vault.Person
	if err := v.Update(func(ix *vault.Index) error {
		p, err = ix.AddPerson(pos[0], *born, *relation)
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "added %s (id %s)\n", displayable(p.Name), p.ID)
	return nil
}

func (c *cli) personList(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	people := v.Index().People
	if len(people) == 0 {
		fmt.Fprintln(c.stdout, "No one in this vault yet: add someone with `immivault-cli person add NAME`.")
		return nil
	}
	for _, p := range people {
		fmt.Fprintf(c.stdout, "%s  %s%s\n", p.ID, displayable(p.Name), personDetails(p))
	}
	return nil
}

// personDetails is " (self, born 1990-01-02)", or "" when neither is known.
func personDetails(p *vault.Person) string {
	var d []string
	if p.Relation != "" {
		d = append(d, displayable(p.Relation))
	}
	if p.Born != "" {
		d = append(d, "born "+p.Born)
	}
	if d == nil {
		return ""
	}
	return " (" + strings.Join(d, ", ") + ")"
}
