package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"immivault/internal/notice"
	"immivault/internal/travelhistory"
	"immivault/internal/vault"
)

// tripImport reads CBP's I-94 travel history (the PDF the website saves,
// or a screenshot of its table), shows the trips its rows pair into and
// the rows left over, and adds the new trips. CBP gives one passport's
// history at a time: the printouts of several are paired as one, so that
// a trip that left on one passport and came back on another is whole.
// The files are not kept: they hold the passport number, and the trips
// are what matters.
func (c *cli) tripImport(args []string) error {
	fs := c.flags()
	yes := fs.Bool("yes", false, "add the trips without asking (needed without a terminal)")
	pos, err := c.parseRange(fs, args, 2, 2+maxPrintouts)
	if err != nil {
		return err
	}
	var hs []*travelhistory.History
	for _, path := range pos[1:] {
		h, err := readTravelHistory(path)
		if err != nil {
			return err
		}
		hs = append(hs, h)
	}
	h := travelhistory.Merge(hs...)
	return c.withVault(func(v *vault.Vault) error {
		p, err := v.Index().Person(pos[0])
		if err != nil {
			return err
		}
		add := c.proposeTrips(v.Index(), p, h)
		if len(add) == 0 {
			fmt.Fprintln(c.stdout, "no new trips to add")
			return nil
		}
		if ok, err := c.goAhead(*yes, fmt.Sprintf("Add %d trips? [y/N] ", len(add)),
			"nothing added: add --yes to add the trips without a terminal to confirm on", "nothing added"); !ok {
			return err
		}
		if err := v.Update(func(ix *vault.Index) error {
			for _, f := range add {
				if _, err := ix.AddTrip(p.ID, f); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "added %d trips for %s; add where each went with `trip set %s DEPARTED --to COUNTRY`\n",
			len(add), displayable(p.Name), shellWord(p.Name))
		return nil
	})
}

// maxPrintouts bounds the files one import reads: a passport a printout,
// and no one has had 20 in 10 years.
const maxPrintouts = 20

// readTravelHistory reads the file through the notice reader (text layer
// or OCR) and parses its table.
func readTravelHistory(path string) (*travelhistory.History, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, notice.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	doc, err := notice.Read(context.Background(), data, name)
	if err != nil {
		return nil, err
	}
	defer doc.Close()
	h, err := travelhistory.Parse(doc.Text())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayable(name), err)
	}
	return h, nil
}

// proposeTrips prints what the history would change and returns the
// trips to add: those the person does not have yet and that overlap none
// of theirs.
func (c *cli) proposeTrips(ix *vault.Index, p *vault.Person, h *travelhistory.History) []vault.TripFields {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	fmt.Fprintf(c.stdout, "CBP's travel history: %d arrivals and departures, %d trips\n", len(h.Events), len(h.Trips))
	scratch := &vault.Index{People: []*vault.Person{{Record: p.Record, Name: p.Name}}}
	for _, t := range ix.TripsOf(p.ID) {
		scratch.Trips = append(scratch.Trips, t)
	}
	var add []vault.TripFields
	for _, tr := range h.Trips {
		f := vault.TripFields{Departed: day(tr.Departure.Date), Returned: day(tr.Arrival.Date), Source: vault.TripFromI94}
		where := fmt.Sprintf("%s to %s (left from %s, back through %s)", f.Departed, f.Returned,
			displayable(orUnknown(tr.Departure.Location)), displayable(orUnknown(tr.Arrival.Location)))
		if t, err := ix.Trip(p.ID, f.Departed); err == nil && t.Returned == f.Returned {
			fmt.Fprintf(c.stdout, "  already there: %s\n", where)
			continue
		}
		if _, err := scratch.AddTrip(p.ID, f); err != nil {
			fmt.Fprintf(c.stdout, "  not added: %s: %v\n", where, err)
			continue
		}
		fmt.Fprintf(c.stdout, "  add trip %s\n", where)
		add = append(add, f)
	}
	for _, e := range h.Unpaired {
		why := "no departure recorded before it (the first entry, or a departure by land)"
		if e.Kind == travelhistory.Departure {
			why = "no return recorded after it (by land, or not back yet): add this trip by hand with `trip add`"
		}
		fmt.Fprintf(c.stdout, "  unpaired: %s %s at %s: %s\n", day(e.Date), e.Kind, displayable(orUnknown(e.Location)), why)
	}
	return add
}

func orUnknown(s string) string {
	if s == "" {
		return "an unknown port"
	}
	return s
}
