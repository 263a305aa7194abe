package travelhistory_test

import (
	"bytes"
	"context"
	"image/png"
	"testing"
	"time"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
	"immivault/internal/travelhistory"
	"immivault/internal/travelhistory/travelhistorytest"
)

func checkHistory(t *testing.T, h *travelhistory.History) {
	t.Helper()
	want := []struct{ departed, returned string }{
		{"2020-01-10", "2021-02-13"}, {"2023-06-10", "2024-01-05"}, {"2025-08-02", "2025-08-30"},
	}
	if len(h.Events) != len(travelhistorytest.Sample) || len(h.Trips) != len(want) || len(h.Unpaired) != 2 {
		t.Fatalf("%d events, trips %+v, unpaired %+v", len(h.Events), h.Trips, h.Unpaired)
	}
	for i, w := range want {
		tr := h.Trips[i]
		if tr.Departure.Date.Format(time.DateOnly) != w.departed || tr.Arrival.Date.Format(time.DateOnly) != w.returned {
			t.Errorf("trip %d: %s to %s, want %+v", i, tr.Departure.Date.Format(time.DateOnly), tr.Arrival.Date.Format(time.DateOnly), w)
		}
	}
	if h.Unpaired[1].Date.Format(time.DateOnly) != "2022-11-20" || h.Unpaired[1].Kind != travelhistory.Departure {
		t.Errorf("the departure by land is not flagged: %+v", h.Unpaired)
	}
}

// TestPrintoutPDF reads the printout's text layer as the CLI does.
func TestPrintoutPDF(t *testing.T) {
	pdf, err := travelhistorytest.PDF(travelhistorytest.Sample)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := notice.Read(context.Background(), pdf, "travel-history.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Close()
	h, err := travelhistory.Parse(doc.Text())
	if err != nil {
		t.Fatalf("%v\n%s", err, doc.Text())
	}
	checkHistory(t, h)

	// A screenshot of it: the page as a picture, read by OCR.
	t.Run("screenshot", func(t *testing.T) {
		noticetest.NeedOCR(t)
		img, err := doc.Render(context.Background(), 0, 200)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		shot, err := notice.Read(context.Background(), b.Bytes(), "travel-history.png")
		if err != nil {
			t.Fatal(err)
		}
		defer shot.Close()
		h, err := travelhistory.Parse(shot.Text())
		if err != nil {
			t.Fatalf("%v\n%s", err, shot.Text())
		}
		checkHistory(t, h)
	})
}
