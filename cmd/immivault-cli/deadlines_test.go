package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdICS writes an iCalendar file's content lines, unfolded, to stdout:
// `ics FILE`; or, with PROPERTY, the values of that property sorted, one a
// line (`ics FILE UID`). It checks the line endings on the way.
func cmdICS(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: ics FILE [PROPERTY]")
	}
	data := ts.ReadFile(args[0])
	if !strings.HasSuffix(data, "\r\n") || strings.Count(data, "\n") != strings.Count(data, "\r\n") {
		ts.Fatalf("%s: lines do not all end in CR LF", args[0])
	}
	unfolded := strings.ReplaceAll(strings.TrimSuffix(data, "\r\n"), "\r\n ", "")
	lines := strings.Split(unfolded, "\r\n")
	if len(args) == 2 {
		var values []string
		for _, l := range lines {
			if v, ok := strings.CutPrefix(l, args[1]+":"); ok {
				values = append(values, v)
			}
		}
		slices.Sort(values)
		lines = values
	}
	for _, l := range lines {
		fmt.Fprintln(ts.Stdout(), l)
	}
}
