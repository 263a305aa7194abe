package vault

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Trip is one stay of a person's outside the United States: what the
// N-400 asks for (the last 5 years of them) and what the naturalisation
// date counts (internal/naturalization). A bundle carries a person's
// trips with the person.
type Trip struct {
	Record
	PersonID string `json:"person_id"`
	Departed string `json:"departed"`           // YYYY-MM-DD, the day the person left the US
	Returned string `json:"returned,omitempty"` // YYYY-MM-DD, the day they came back; "" while abroad
	// Destination is the countries as the person writes them ("Mexico",
	// "MEX, GTM"): the N-400 asks for countries, not codes.
	Destination string `json:"destination,omitempty"`
	Purpose     string `json:"purpose,omitempty"`
	// Source says where the dates came from: "" when typed, TripFromI94
	// when paired from CBP's travel history.
	Source string `json:"source,omitempty"`
}

// TripFromI94 is the Source of a trip read from CBP's I-94 travel history.
const TripFromI94 = "i94-travel-history"

// InProgress says the person has not come back yet.
func (t *Trip) InProgress() bool { return t.Returned == "" }

// TripFields are what a person types about a trip.
type TripFields struct {
	Departed, Returned, Destination, Purpose, Source string
}

// CheckTripFields checks what a person typed about a trip before any
// vault is open: its dates, their order, its texts.
func CheckTripFields(f TripFields) error {
	t := &Trip{Record: newRecord(now())}
	t.set(f)
	if err := t.Validate(); err != nil {
		return unRecordAs(err, "trip", t.ID)
	}
	return nil
}

// TripsOf lists a person's trips, earliest departure first.
func (ix *Index) TripsOf(personID string) []*Trip {
	var out []*Trip
	for _, t := range ix.Trips {
		if t.PersonID == personID {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b *Trip) int { return cmp.Compare(a.Departed, b.Departed) })
	return out
}

// Trip finds a person's trip by its ID or by the day it began (a day
// trip and a longer one may begin on one day: then the ID is needed).
func (ix *Index) Trip(personID, ref string) (*Trip, error) {
	var found *Trip
	for _, t := range ix.TripsOf(personID) {
		switch {
		case t.ID == ref:
			return t, nil
		case t.Departed == strings.TrimSpace(ref) && found != nil:
			return nil, fmt.Errorf("two trips began on %s: name one by its id from `trip ls`", t.Departed)
		case t.Departed == strings.TrimSpace(ref):
			found = t
		}
	}
	if found == nil {
		return nil, &NotFoundError{What: "trip", Name: ref}
	}
	return found, nil
}

// AddTrip records a trip of a person's. It is refused when its dates are
// not dates, when it ends before it begins, or when it overlaps one of the
// person's other trips.
func (ix *Index) AddTrip(personID string, f TripFields) (*Trip, error) {
	if _, err := ix.personByID(personID); err != nil {
		return nil, err
	}
	t := &Trip{Record: newRecord(now()), PersonID: personID}
	t.set(f)
	if err := ix.checkTrip(t); err != nil {
		return nil, err
	}
	ix.Trips = append(ix.Trips, t)
	return t, nil
}

// EditTrip replaces a trip's fields; on error the trip is as it was.
func (ix *Index) EditTrip(id string, f TripFields) (*Trip, error) {
	t, err := byID(ix.Trips, "trip", id)
	if err != nil {
		return nil, err
	}
	c := *t
	c.set(f)
	if err := ix.checkTrip(&c); err != nil {
		return nil, err
	}
	c.touch(now())
	*t = c
	return t, nil
}

// RemoveTrip deletes one trip by record ID.
func (ix *Index) RemoveTrip(id string) error {
	for i, t := range ix.Trips {
		if t.ID == id {
			ix.Trips = slices.Delete(ix.Trips, i, i+1)
			return nil
		}
	}
	return &NotFoundError{What: "trip", Name: id}
}

func (t *Trip) set(f TripFields) {
	t.Departed, t.Returned = strings.TrimSpace(f.Departed), strings.TrimSpace(f.Returned)
	t.Destination, t.Purpose = strings.TrimSpace(f.Destination), strings.TrimSpace(f.Purpose)
	t.Source = f.Source
}

// checkTrip is what AddTrip and EditTrip refuse, said of what was typed
// rather than of a record ID.
func (ix *Index) checkTrip(t *Trip) error {
	if err := t.Validate(); err != nil {
		return unRecordAs(err, "trip", t.ID)
	}
	for _, o := range ix.TripsOf(t.PersonID) {
		if o.ID != t.ID && overlap(o, t) {
			return fmt.Errorf("this trip overlaps the trip of %s: a person is on one trip at a time", o.Dates())
		}
	}
	return nil
}

// Dates is "2024-03-01 to 2024-03-20", or "2024-03-01 (not back yet)".
func (t *Trip) Dates() string {
	if t.InProgress() {
		return t.Departed + " (not back yet)"
	}
	return t.Departed + " to " + t.Returned
}

// Overlaps says whether the trips share a day abroad (see overlap).
func (t *Trip) Overlaps(o *Trip) bool { return overlap(t, o) }

// overlap says whether two trips share a day abroad. A return and a
// departure on the same day do not overlap: the person was in the US that
// day, between the two. A trip in progress runs on for ever.
func overlap(a, b *Trip) bool {
	end := func(t *Trip) string {
		if t.InProgress() {
			return "9999-12-31"
		}
		return t.Returned
	}
	return a.Departed < end(b) && b.Departed < end(a)
}

// Validate checks the trip's own fields: a departure date, a return date
// on or after it (or none: still abroad), its texts.
func (t *Trip) Validate() error {
	var dates, source error
	switch {
	case t.Departed == "":
		dates = errors.New("a trip needs the day it began (--departed)")
	case t.Returned != "" && checkDate("", t.Returned) == nil && checkDate("", t.Departed) == nil && t.Returned < t.Departed:
		dates = errors.New("the return date is before the departure date")
	}
	if t.Source != "" && t.Source != TripFromI94 {
		source = fmt.Errorf("a trip source this immivault does not know: %.40q", t.Source)
	}
	return t.check("trip", dates,
		checkDate("departure date", t.Departed),
		checkDate("return date", t.Returned),
		CheckText("destination", t.Destination, MaxShortText, false),
		CheckText("purpose", t.Purpose, MaxLongText, false),
		source,
	)
}

// checkTripOverlaps refuses, in a bundle's records (strict), a person's
// trips that overlap; reading index.age does not, as it never did.
func (ix *Index) checkTripOverlaps(strict bool) error {
	if !strict {
		return nil
	}
	byPerson := map[string][]*Trip{}
	for _, t := range ix.Trips {
		if t == nil {
			continue
		}
		for _, o := range byPerson[t.PersonID] {
			if overlap(o, t) {
				return fmt.Errorf("trip %s: overlaps trip %s of the same person", t.ID, o.ID)
			}
		}
		byPerson[t.PersonID] = append(byPerson[t.PersonID], t)
	}
	return nil
}

// hasNaturalizationDates says whether the person has any of the dates
// that releases before trips do not know.
func (p *Person) hasNaturalizationDates() bool {
	return p.Married != "" || p.SpouseCitizenSince != "" || p.InStateSince != ""
}

// unRecordAs drops the "<kind> <id>: " that Validate puts before an
// error, for errors about what a person just typed.
func unRecordAs(err error, kind, id string) error {
	if rest, ok := strings.CutPrefix(err.Error(), kind+" "+id+": "); ok {
		return errors.New(rest)
	}
	return err
}
