package vault

import (
	"crypto/rand"
	"encoding/base32"
	"time"

	"immivault/internal/ids"
	"immivault/internal/secret"
)

// Record is what every record carries: a stable random ID and the times it
// was created and last changed. Merging vaults (family sharing) keys on
// these, so they are never reused or rewritten.
type Record struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Person is a member of the family.
type Person struct {
	Record
	Name     string `json:"name"`
	Born     string `json:"born,omitempty"`     // YYYY-MM-DD
	Relation string `json:"relation,omitempty"` // "self", "spouse", "child", ... free text
	// Residence is what the naturalisation and card rules need.
	Residence
	// Situation is what the other deadline rules need to know of them.
	Situation
}

// Residence is a person's permanent residence, for the date rules.
type Residence struct {
	Since       string `json:"resident_since,omitempty"` // YYYY-MM-DD, the "Resident Since" on the card
	Conditional bool   `json:"conditional,omitempty"`    // a 2-year conditional card (I-751 or I-829 to file)
	ViaMarriage bool   `json:"via_marriage,omitempty"`   // married to and living with a US citizen: N-400 after 3 years
	// The naturalisation dates (internal/naturalization): the wedding to
	// the US-citizen spouse and the day the spouse became a citizen ("" if
	// born one), which the 3-year rule counts from as well, and the day
	// the person moved to the state they live in (3 months before filing).
	Married            string `json:"married,omitempty"`              // YYYY-MM-DD
	SpouseCitizenSince string `json:"spouse_citizen_since,omitempty"` // YYYY-MM-DD
	InStateSince       string `json:"in_state_since,omitempty"`       // YYYY-MM-DD
	// Source is the notice the dates were read from, or "" when typed.
	Source string `json:"residence_source,omitempty"`
}

// Identifier is one of a person's numbers. Its value is a Secret in memory
// and plaintext only inside the encrypted index.
type Identifier struct {
	Record
	PersonID string         `json:"person_id"`
	Kind     ids.Kind       `json:"kind"`
	Label    string         `json:"label,omitempty"`   // for kind "other"
	Country  string         `json:"country,omitempty"` // for passports: ISO 3166-1 alpha-3
	Value    *secret.Secret `json:"-"`
	// Validity is a document's dates, for the date rules.
	Validity
	// DocumentFacts are what the deadline rules read off the document
	// besides its dates (situation.go).
	DocumentFacts
}

// Validity is when a document (card, passport, visa, I-94) was issued and
// until when it is valid.
type Validity struct {
	Issued  string `json:"issued,omitempty"`  // YYYY-MM-DD
	Expires string `json:"expires,omitempty"` // YYYY-MM-DD, or "D/S" (duration of status) for an I-94
	// Source is the notice the dates were read from, or "" when typed.
	Source string `json:"dates_source,omitempty"`
}

// Case is one application or petition, known by its receipt number.
type Case struct {
	Record
	PersonID      string `json:"person_id"`
	ReceiptNumber string `json:"receipt_number"`
	Form          string `json:"form,omitempty"`       // "I-485"
	FormTitle     string `json:"form_title,omitempty"` // "Application to Register Permanent Residence or Adjust Status"
	Status        string `json:"status,omitempty"`
	Received      string `json:"received,omitempty"` // YYYY-MM-DD
	Priority      string `json:"priority,omitempty"`
	NoticeDate    string `json:"notice_date,omitempty"`
}

// Notice is a stored file (a scanned or downloaded notice, or any document),
// kept encrypted in blobs/.
type Notice struct {
	Record
	PersonID string            `json:"person_id"`
	CaseID   string            `json:"case_id,omitempty"`
	FileName string            `json:"file_name"`
	Type     string            `json:"type,omitempty"` // "Receipt Notice", ...
	Size     int64             `json:"size"`
	SHA256   string            `json:"sha256"`
	Blob     string            `json:"blob"` // file name under blobs/
	Fields   map[string]string `json:"fields,omitempty"`
}

// Event is a dated thing: a biometrics appointment, an interview, an RFE
// response due date.
type Event struct {
	Record
	PersonID string `json:"person_id"`
	CaseID   string `json:"case_id,omitempty"`
	NoticeID string `json:"notice_id,omitempty"`
	Kind     string `json:"kind"`           // "biometrics", "interview", "rfe-due", ...
	Date     string `json:"date"`           // YYYY-MM-DD
	Time     string `json:"time,omitempty"` // HH:MM, local to the appointment
	Note     string `json:"note,omitempty"`
}

// Contact is a family member this vault shares with: their contact card
// (internal/contact), kept as its fields.
type Contact struct {
	Record
	Name       string `json:"name"`
	Recipient  string `json:"recipient"`   // age1pq1... or age1...
	SigningKey []byte `json:"signing_key"` // Ed25519 public key
	// Verified says the owner compared the fingerprint with the contact,
	// in person or by phone.
	Verified bool `json:"verified,omitempty"`
}

// Index is every record of a vault: what index.age holds.
type Index struct {
	Revision uint64    `json:"revision"` // +1 on every save
	Saved    time.Time `json:"saved"`
	// RecoverySHA256 lets verify check recovery.age, which only the
	// recovery key could otherwise check.
	RecoverySHA256 string `json:"recovery_sha256,omitempty"`
	// SigningPublicKey is the public half of signing.age's key (base64), so
	// that a planted signing.age is caught: the index is authenticated,
	// signing.age on its own is not.
	SigningPublicKey string `json:"signing_public_key,omitempty"`
	// CardName is the name on the owner's contact card as it was last
	// given (SetCardName); "" for the owner's own (Owner).
	CardName    string        `json:"card_name,omitempty"`
	People      []*Person     `json:"people"`
	Identifiers []*Identifier `json:"identifiers"`
	Cases       []*Case       `json:"cases"`
	Notices     []*Notice     `json:"notices"`
	Events      []*Event      `json:"events"`
	Contacts    []*Contact    `json:"contacts"`
	// Logins are what it takes to get into the portals a family uses
	// (logins.go); absent from indexes written before there were any.
	Logins []*Login `json:"logins,omitempty"`
	// Trips are the family's stays outside the United States (trips.go).
	Trips []*Trip `json:"trips,omitempty"`
	// Handled marks the deadlines that have passed and were dealt with, by
	// deadline ID, with when (handled.go).
	Handled map[string]time.Time `json:"handled,omitempty"`
	// Lineage is the indexes this one descends from, newest first: the
	// merge base when a sync service saved two computers' indexes side by
	// side (syncconflicts.go). Releases that do not know it drop it, which
	// costs only a merge that keeps both versions of what it cannot tell.
	Lineage []Ancestor `json:"lineage,omitempty"`
	// Synced maps a record ID to the versions of it (Updated times) that
	// were shared in a bundle, oldest first: the merge base of family
	// sharing (docs/adr/0008-family-sharing.md). Absent in vaults that
	// never shared.
	Synced map[string][]time.Time `json:"synced,omitempty"`
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// newID returns a random 80-bit record ID, 16 characters, safe in file names.
func newID() string {
	var b [10]byte
	rand.Read(b[:])
	return idEncoding.EncodeToString(b[:])
}

func newRecord(now time.Time) Record {
	now = now.UTC().Truncate(time.Millisecond)
	return Record{ID: newID(), Created: now, Updated: now}
}

func (r *Record) touch(now time.Time) { r.Updated = now.UTC().Truncate(time.Millisecond) }
