package main

import "fmt"

func (c *cli) collectGarbage(args []string) error {
	fs := c.flags()
	history := fs.Bool("history", false, "")
	if _, err := c.parse(fs, args, 0); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	if *history {
		n, err := v.PurgeHistory()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "removed %d files: the earlier versions of the index and the notice files only they referred to\n", n)
		return nil
	}
	n, err := v.CollectGarbage()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "removed %d unreferenced notice files\n", n)
	return nil
}
