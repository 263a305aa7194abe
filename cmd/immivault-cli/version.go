package main

import (
	"fmt"
	"runtime"
)

func (c *cli) version(args []string) error {
	if _, err := c.parse(c.flags(), args, 0); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "immivault-cli %s (%s %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
