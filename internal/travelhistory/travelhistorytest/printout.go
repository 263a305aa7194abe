// Package travelhistorytest draws a travel history the way CBP's I-94
// website prints one, for tests: no program imports it.
package travelhistorytest

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"
)

// Row is one row of the table.
type Row struct {
	Date     string // YYYY-MM-DD, as the website prints it
	Type     string // "Arrival" or "Departure"
	Location string
}

// Sample is a history of three trips, most recent first as CBP lists it,
// with a first entry (an arrival after no departure) and a departure by
// land whose return was not recorded.
var Sample = []Row{
	{"2025-08-30", "Arrival", "Miami International Airport"},
	{"2025-08-02", "Departure", "Miami International Airport"},
	{"2024-01-05", "Arrival", "JFK"},
	{"2023-06-10", "Departure", "JFK"},
	{"2022-11-20", "Departure", "San Ysidro"},
	{"2021-02-13", "Arrival", "Houston"},
	{"2020-01-10", "Departure", "Houston"},
	{"2018-03-15", "Arrival", "Los Angeles"},
}

// PDF draws the page that the website's "Get Travel History" prints: its
// title, the traveller, the table of rows, the note under it. The same
// rows give the same bytes.
func PDF(rows []Row) ([]byte, error) {
	pdf := fpdf.New("P", "pt", "Letter", "")
	fixed := time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(fixed)
	pdf.SetModificationDate(fixed)
	pdf.SetAutoPageBreak(false, 0)
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
	y := 188.0
	for i, r := range rows {
		for j, cell := range []string{fmt.Sprint(i + 1), r.Date, r.Type, r.Location} {
			pdf.Text(x[j], y, cell)
		}
		y += 18
	}
	pdf.SetFont("Helvetica", "", 8)
	pdf.Text(40, y+20, "The absence of a record may be due to travel by land. Results are for the past 10 years.")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
