package main

import (
	"os"

	"github.com/rogpeppe/go-internal/testscript"

	"immivault/internal/travelhistory/travelhistorytest"
)

// gentrips FILE writes CBP's I-94 travel history of
// travelhistorytest.Sample as a PDF.
func cmdGenTrips(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: gentrips FILE")
	}
	b, err := travelhistorytest.PDF(travelhistorytest.Sample)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o600))
}
