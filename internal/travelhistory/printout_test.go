package travelhistory_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
	"immivault/internal/travelhistory"
)

// rows are a travel history as CBP prints it, most recent first.
var rows = []struct{ date, kind, location string }{
	{"2025-08-30", "Arrival", "Miami International Airport"},
	{"2025-08-02", "Departure", "Miami International Airport"},
	{"2024-01-05", "Arrival", "JFK"},
	{"2023-06-10", "Departure", "JFK"},
	{"2022-11-20", "Departure", "San Ysidro"},
	{"2021-02-13", "Arrival", "Houston"},
	{"2020-01-10", "Departure", "Houston"},
	{"2018-03-15", "Arrival", "Los Angeles"},
}

// printoutPDF draws the page that the I-94 website's "Get Travel History"
// prints: its title, the traveller, the table, the note under it.
func printoutPDF(t *testing.T) []byte {
	pdf := fpdf.New("P", "pt", "Letter", "")
	fixed := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(fixed)
	pdf.SetModificationDate(fixed)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 16)
	pdf.Text(40, 60, "I-94 Official Website")
	pdf.SetFont("Helvetica", "B", 13)
	pdf.Text(40, 90, "Travel History")
	pdf.SetFont("Helvetica", "", 10)
	pdf.Text(40, 112, "Below is the travel history for the past 10 years for the traveler:")
	pdf.Text(40, 130, "First Name: ANA    Last Name: GARCIA    Birth Date: 1990-05-01    Document Number: X1234567")
	x := []float64{40, 90, 190, 300}
	pdf.SetFont("Helvetica", "B", 10)
	for i, h := range []string{"Row", "Date", "Type", "Location"} {
		pdf.Text(x[i], 165, h)
	}
	pdf.Line(40, 170, 560, 170)
	pdf.SetFont("Helvetica", "", 10)
	for i, r := range rows {
		y := 188 + float64(i)*18
		for j, cell := range []string{fmt.Sprint(i + 1), r.date, r.kind, r.location} {
			pdf.Text(x[j], y, cell)
		}
	}
	pdf.SetFont("Helvetica", "", 8)
	pdf.Text(40, 360, "The absence of a record may be due to travel by land. Results are for the past 10 years.")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func checkHistory(t *testing.T, h *travelhistory.History) {
	t.Helper()
	want := []struct{ departed, returned string }{
		{"2020-01-10", "2021-02-13"}, {"2023-06-10", "2024-01-05"}, {"2025-08-02", "2025-08-30"},
	}
	if len(h.Events) != len(rows) || len(h.Trips) != len(want) || len(h.Unpaired) != 2 {
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
	doc, err := notice.Read(context.Background(), printoutPDF(t), "travel-history.pdf")
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
		noticetest.NeedTesseract(t)
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
