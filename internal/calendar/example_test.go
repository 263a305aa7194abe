package calendar_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"immivault/internal/calendar"
	"immivault/internal/deadline"
)

func ExampleWrite() {
	ds := []deadline.Deadline{{
		ID: "card-expires.q2w7e4r5t6y3u2ia", Kind: deadline.Expires, PersonID: "x4kq2m7fd3hbnp5a",
		Date: time.Date(2027, 3, 14, 0, 0, 0, 0, time.UTC), LeadDays: []int{180},
		Title:  deadline.Text{EN: "Green card expires", ES: "Vence la green card"},
		Action: deadline.Text{EN: "File Form I-90 to renew it, from 6 months before.", ES: "Presente el formulario I-90 para renovarla, desde 6 meses antes."},
		Source: "https://www.uscis.gov/i-90",
	}}
	var ics strings.Builder
	err := calendar.Write(&ics, ds, calendar.Options{
		Lang:       "es",
		PersonName: func(string) string { return "Ana García" },
		Now:        time.Date(2026, 11, 29, 9, 30, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	// Lines end in CR LF; shown here without the CR.
	fmt.Print(strings.ReplaceAll(ics.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//immivault//immivault deadlines//ES
	// CALSCALE:GREGORIAN
	// METHOD:PUBLISH
	// BEGIN:VEVENT
	// UID:card-expires.q2w7e4r5t6y3u2ia@immivault
	// DTSTAMP:20261129T093000Z
	// LAST-MODIFIED:20261129T093000Z
	// SEQUENCE:29932410
	// DTSTART;VALUE=DATE:20270314
	// DTEND;VALUE=DATE:20270315
	// TRANSP:TRANSPARENT
	// SUMMARY:Ana García: Vence la green card
	// DESCRIPTION:Presente el formulario I-90 para renovarla\, desde 6 meses ante
	//  s.\n\nFuente: https://www.uscis.gov/i-90
	// BEGIN:VALARM
	// ACTION:DISPLAY
	// TRIGGER:-P180D
	// DESCRIPTION:Ana García: Vence la green card
	// END:VALARM
	// END:VEVENT
	// END:VCALENDAR
}
