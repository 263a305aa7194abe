package main

import (
	"os"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"immivault/internal/travelhistory/travelhistorytest"
)

// gentrips FILE [DATE,TYPE,LOCATION]... writes CBP's I-94 travel history
// of those rows (most recent first), or of travelhistorytest.Sample, as a
// PDF.
func cmdGenTrips(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: gentrips FILE [DATE,TYPE,LOCATION]...")
	}
	rows := travelhistorytest.Sample
	if len(args) > 1 {
		rows = nil
		for _, a := range args[1:] {
			f := strings.SplitN(a, ",", 3)
			if len(f) != 3 {
				ts.Fatalf("a row is DATE,TYPE,LOCATION: %q", a)
			}
			rows = append(rows, travelhistorytest.Row{Date: f[0], Type: f[1], Location: f[2]})
		}
	}
	b, err := travelhistorytest.PDF(rows)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o600))
}
