package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"immivault/internal/datetext"
)

// readDates turns the date flags given (those whose usage says
// `YYYY-MM-DD`) into YYYY-MM-DD, from however a person or a notice wrote
// them: 03/15/1988, March 15, 1988, 15 de marzo de 1988. A date not
// written as YYYY-MM-DD is said back in words on standard error, so that a
// day and month the other way round are seen. D/S and "" (which clears a
// date) pass as they are.
func (c *cli) readDates(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		v := f.Value.String()
		if err != nil || !strings.Contains(f.Usage, "`YYYY-MM-DD`") || v == "" || strings.EqualFold(v, "D/S") {
			return
		}
		iso, perr := datetext.Parse(v)
		if perr != nil {
			err = fmt.Errorf("--%s: %w", f.Name, perr)
			if errors.Is(perr, datetext.ErrDate) && strings.Contains(f.Usage, "D/S") {
				err = fmt.Errorf("%w, or D/S", err)
			}
			return
		}
		if iso != strings.TrimSpace(v) {
			fmt.Fprintf(c.stderr, "--%s %s: read as %s (%s)\n", f.Name, v, datetext.Say(iso, "en"), iso)
		}
		err = f.Value.Set(iso)
	})
	return err
}
