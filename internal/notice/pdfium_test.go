package notice

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A cancelled context stops PDFium in the middle of drawing a page: the call returns at once
// with the context's error, the process survives the instance's memory being freed under it,
// and the next operation works.
func TestCancelStopsPDFium(t *testing.T) {
	t.Parallel()
	d, err := Read(testContext(t), pngPDF(t, scanOf(t, noticePDF(), 0, 0.01)), "scan.pdf", WithoutOCR())
	if err != nil {
		t.Fatal(err)
	}
	full := time.Now()
	if _, err := d.Render(testContext(t), 0, 400); err != nil {
		t.Fatal(err)
	}
	took := time.Since(full)
	// The machine is shared, and a render's time varies with its load: a
	// cancelled render is judged against whole renders, not a clock. Most
	// of five renders cancelled a tenth of the way in must stop before a
	// whole render's time; one that ignored the context never would.
	stoppedEarly := 0
	var slowest time.Duration
	for range 5 {
		ctx, cancel := context.WithTimeout(context.Background(), took/10)
		start := time.Now()
		_, err := d.Render(ctx, 0, 400)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Render past its deadline: %v, want %v", err, context.DeadlineExceeded)
		}
		elapsed := time.Since(start)
		slowest = max(slowest, elapsed)
		if elapsed < took*3/4 {
			stoppedEarly++
		}
	}
	if stoppedEarly < 3 {
		t.Errorf("only %d of 5 cancelled renders stopped early (slowest %v); a whole render takes %v", stoppedEarly, slowest, took)
	}
	if _, err := d.Render(testContext(t), 0, 50); err != nil {
		t.Errorf("Render after the cancelled ones: %v", err)
	}
}
