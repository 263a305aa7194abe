package main

import (
	"context"
	"strings"
	"testing"

	"immivault/internal/notice/corpus"
	"immivault/internal/notice/noticetest"
)

// TestSample runs a small sample of the corpus through the reader and logs its table: one
// text PDF of every layout, and three scans. It fails only if a notice cannot be generated or
// read at all; the full run (go run ./internal/notice/corpus/accuracy) is the measurement.
func TestSample(t *testing.T) {
	ctx := context.Background()
	rep, err := measure(ctx, config{text: 1, workers: 2, seed: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.print(&b)
	t.Log("text PDFs\n" + b.String())
	if n := len(corpus.Names()); rep.texts != n {
		t.Errorf("read %d text notices, want one of each of %d layouts", rep.texts, n)
	}
	if !strings.Contains(b.String(), "(held out)") || !strings.Contains(b.String(), "**held-out layouts, text**") {
		t.Error("the table marks no layout held out")
	}
	if testing.Short() {
		return
	}
	noticetest.NeedOCR(t)
	// Three scans, of three kinds, take about 15 seconds of OCR.
	rep, err = measure(ctx, config{scans: 1, workers: 2, seed: 1,
		layouts: "i797c-receipt-classic,i797e-rfe,decoy-nvc-welcome"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	rep.print(&b)
	t.Log("scans\n" + b.String())
	if rep.scanned != 3 {
		t.Errorf("read %d scans, want 3", rep.scanned)
	}
}
