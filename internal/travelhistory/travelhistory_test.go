package travelhistory

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// printout is the text of a travel history as internal/notice lays out a
// CBP printout: the header, the table most recent first, the notes.
const printout = `Travel History
Below is the travel history for the past 10 years for the traveler
First Name: ANA  Last Name: GARCIA  Birth Date: 1990-05-01  Document Number: X1234567
Row   Date         Type        Location
1     2024-01-05   Arrival     MIA
2     2023-12-20   Departure   MIA
3     2021-02-13   Arrival     JFK
4     2020-01-10   Departure   JFK
5     2019-08-02   Departure   SAN YSIDRO
6     2018-03-15   Arrival     LOS ANGELES, CA
The absence of a record may be due to land crossings...
`

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func TestParsePairsTrips(t *testing.T) {
	h, err := Parse(printout)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Events) != 6 || h.Events[0].Row != 6 || h.Events[0].Location != "LOS ANGELES, CA" {
		t.Fatalf("events: %+v", h.Events)
	}
	want := []struct{ departed, returned, from string }{
		{"2020-01-10", "2021-02-13", "JFK"},
		{"2023-12-20", "2024-01-05", "MIA"},
	}
	if len(h.Trips) != len(want) {
		t.Fatalf("trips: %+v", h.Trips)
	}
	for i, w := range want {
		tr := h.Trips[i]
		if tr.Departure.Date != day(w.departed) || tr.Arrival.Date != day(w.returned) || tr.Departure.Location != w.from {
			t.Errorf("trip %d: %+v, want %+v", i, tr, w)
		}
	}
	// The first entry (no departure before it) and a departure whose return
	// CBP did not record (by land) are left for the person to look at.
	if len(h.Unpaired) != 2 || h.Unpaired[0].Kind != Arrival || h.Unpaired[1].Date != day("2019-08-02") {
		t.Errorf("unpaired: %+v", h.Unpaired)
	}
}

func TestParseRows(t *testing.T) {
	tests := []struct {
		name, text string
		kinds      string // A or D per event, earliest first
		trips      int
	}{
		{"US dates and OCR's misread type", "1 01/05/2024 Arrlval MIA\n2 12/20/2023 Departu re MIA\n", "DA", 1},
		{"no row numbers, most recent first", "2024-01-05 Arrival MIA\n2024-01-05 Departure MIA\n", "DA", 1},
		{"same day, rows", "2 2024-01-05 Departure MIA\n1 2024-01-05 Arrival MIA\n", "DA", 1},
		{"row with a dot", "1. 2024-01-05 Arrival\n", "A", 0},
		{"not a date", "1 2024-13-45 Arrival MIA\n2 2024-01-01 Departure\n", "D", 0},
		{"two departures", "1 2024-03-01 Departure JFK\n2 2024-02-01 Arrival JFK\n3 2024-01-01 Departure JFK\n4 2023-12-01 Departure JFK\n", "DDAD", 1},
		{"windows line ends", "1\t2024-01-05\tArrival\tMIA\r\n2\t2023-12-20\tDeparture\tMIA\r\n", "DA", 1},
	}
	for _, tt := range tests {
		h, err := Parse(tt.text)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var kinds string
		for _, e := range h.Events {
			kinds += string(e.Kind[0])
		}
		if kinds != tt.kinds || len(h.Trips) != tt.trips {
			t.Errorf("%s: kinds %s, %d trips; want %s, %d", tt.name, kinds, len(h.Trips), tt.kinds, tt.trips)
		}
	}
	for _, text := range []string{"", "Travel History\nNo records found", strings.Repeat("x", MaxText+1)} {
		if _, err := Parse(text); err == nil {
			t.Errorf("%.40q parsed", text)
		}
	}
	if _, err := Parse("nothing here"); !errors.Is(err, ErrNoRows) {
		t.Errorf("no rows: %v", err)
	}
}

// TestMergeAcrossPassports: a trip that left on the old passport and
// came back on the new one is whole only when both printouts are read.
func TestMergeAcrossPassports(t *testing.T) {
	old, err := Parse("1 2023-06-10 Departure JFK\n2 2023-01-05 Arrival JFK\n3 2022-12-20 Departure JFK\n")
	if err != nil {
		t.Fatal(err)
	}
	renewed, err := Parse("1 2024-02-01 Arrival MIA\n2 2023-01-05 Arrival JFK\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(old.Trips) != 1 || len(old.Unpaired) != 1 || len(renewed.Trips) != 0 {
		t.Fatalf("each alone: %+v %+v", old, renewed)
	}
	m := Merge(old, renewed)
	if len(m.Events) != 4 || len(m.Trips) != 2 || len(m.Unpaired) != 0 {
		t.Fatalf("merged: %d events, trips %+v, unpaired %+v", len(m.Events), m.Trips, m.Unpaired)
	}
	if m.Trips[1].Departure.Date != day("2023-06-10") || m.Trips[1].Arrival.Date != day("2024-02-01") {
		t.Errorf("the trip across passports: %+v", m.Trips[1])
	}
}

// FuzzParse: any text parses or fails without panicking, every row ends
// in exactly one trip or in the unpaired list, and no trip ends before it
// began.
func FuzzParse(f *testing.F) {
	f.Add(printout)
	f.Add("1 01/05/2024 Arrlval MIA\n2 12/20/2023 Departu re MIA\n")
	f.Add("2024-01-05 Departure\n2024-01-05 Arrival \x00\xff\n")
	f.Fuzz(func(t *testing.T, text string) {
		h, err := Parse(text)
		if err != nil {
			return
		}
		if 2*len(h.Trips)+len(h.Unpaired) != len(h.Events) {
			t.Fatalf("%d events, %d trips, %d unpaired", len(h.Events), len(h.Trips), len(h.Unpaired))
		}
		for _, tr := range h.Trips {
			if tr.Arrival.Date.Before(tr.Departure.Date) || tr.Departure.Kind != Departure || tr.Arrival.Kind != Arrival {
				t.Fatalf("trip %+v", tr)
			}
		}
		for _, e := range h.Events {
			if len(e.Location) > 60 || strings.ContainsAny(e.Location, "\x00\n\r\t") {
				t.Fatalf("location %q", e.Location)
			}
		}
	})
}
