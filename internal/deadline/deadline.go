package deadline

import (
	"time"
)

// Kind says what a deadline's date is.
type Kind string

const (
	Due          Kind = "due"           // something must reach USCIS by this day
	WindowOpens  Kind = "window-opens"  // from this day on, a form may be filed
	WindowCloses Kind = "window-closes" // the last day of a filing window
	Appointment  Kind = "appointment"   // be there on this day, at Time
	Expires      Kind = "expires"       // a document or a status ends on this day
)

// Text is a sentence in English and Spanish.
type Text struct {
	EN string `json:"en"`
	ES string `json:"es"`
}

// Deadline is one date that matters to a person, with what to do about it.
type Deadline struct {
	// ID is stable across runs and edits: the rule's id and the IDs of the
	// records the date comes from. Calendars use it as the event UID, and
	// reminders to remember what was already notified.
	ID       string
	Rule     string
	Kind     Kind
	PersonID string
	// CaseID, NoticeID and IdentifierID say what the deadline is about, ""
	// when not.
	CaseID, NoticeID, IdentifierID string
	Date                           time.Time // the day, at 00:00 UTC
	Time                           string    // "HH:MM" for appointments, else ""
	// Computed is true when a rule worked the date out ("computed — check
	// your notice") and false when it is printed on a notice or document, or
	// typed by the user.
	Computed bool
	LeadDays []int // remind this many days before the day, largest first
	// Title is short and names the person and the form; Action says what to
	// do and by when. Neither ever contains an identifier's value.
	Title, Action Text
	Source        string // the rule's source URL
	Reliability   string // "official", "secondary" or "unverified"
}

// Urgency is how soon a deadline needs attention.
type Urgency int

const (
	Overdue Urgency = iota
	Within14Days
	Within90Days
	Later
)
