package main

import (
	"encoding/json"
	"image/png"
	"os"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"

	"immivault/internal/notice/noticetest"
)

// cmdGenNotice writes a generated I-797-style notice: `gennotice SEED FILE`,
// with its truth as FILE.truth.json.
func cmdGenNotice(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: gennotice SEED FILE")
	}
	seed, err := strconv.ParseInt(args[0], 10, 64)
	ts.Check(err)
	n := noticetest.Generate(seed)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), n.PDF, 0o600))
	truth, err := json.MarshalIndent(n.Truth, "", "  ")
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]+".truth.json"), truth, 0o600))
}

// cmdPNGSize checks a PNG's dimensions: `pngsize FILE WIDTH HEIGHT`.
func cmdPNGSize(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: pngsize FILE WIDTH HEIGHT")
	}
	f, err := os.Open(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	ts.Check(err)
	got := strconv.Itoa(cfg.Width) + " " + strconv.Itoa(cfg.Height)
	if (got == args[1]+" "+args[2]) == neg {
		ts.Fatalf("%s is %s", args[0], got)
	}
}
