package deadline

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// vaultBuilder makes an index with short, predictable record IDs.
type vaultBuilder struct {
	ix *vault.Index
	n  int
}

func newVault() *vaultBuilder { return &vaultBuilder{ix: &vault.Index{}} }

func (b *vaultBuilder) record(prefix string) vault.Record {
	b.n++
	return vault.Record{ID: fmt.Sprintf("%s%d", prefix, b.n)}
}

func (b *vaultBuilder) person(name string, r vault.Residence) *vault.Person {
	p := &vault.Person{Record: b.record("p"), Name: name, Residence: r}
	b.ix.People = append(b.ix.People, p)
	return p
}

// doc adds an identifier; label is the "other" label or a passport's country.
func (b *vaultBuilder) doc(p *vault.Person, kind ids.Kind, label, value, expires string) *vault.Identifier {
	id := &vault.Identifier{Record: b.record("i"), PersonID: p.ID, Kind: kind,
		Value: secret.New([]byte(value)), Validity: vault.Validity{Expires: expires}}
	if kind == ids.Passport {
		id.Country = label
	} else {
		id.Label = label
	}
	b.ix.Identifiers = append(b.ix.Identifiers, id)
	return id
}

func (b *vaultBuilder) filed(p *vault.Person, form, received string) *vault.Case {
	k := &vault.Case{Record: b.record("c"), PersonID: p.ID, ReceiptNumber: fmt.Sprintf("IOE09%08d", b.n),
		Form: form, Received: received}
	b.ix.Cases = append(b.ix.Cases, k)
	return k
}

func (b *vaultBuilder) notice(k *vault.Case, typ, noticeDate string) *vault.Notice {
	n := &vault.Notice{Record: b.record("n"), PersonID: k.PersonID, CaseID: k.ID, Type: typ,
		FileName: "notice.pdf", Fields: map[string]string{"notice_date": noticeDate, "form": k.Form}}
	b.ix.Notices = append(b.ix.Notices, n)
	return n
}

func (b *vaultBuilder) event(p *vault.Person, k *vault.Case, n *vault.Notice, kind, date, clock string) *vault.Event {
	e := &vault.Event{Record: b.record("e"), PersonID: p.ID, Kind: kind, Date: date, Time: clock}
	if k != nil {
		e.CaseID = k.ID
	}
	if n != nil {
		e.NoticeID = n.ID
	}
	b.ix.Events = append(b.ix.Events, e)
	return e
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ofRule(ds []Deadline, rule string) []Deadline {
	var out []Deadline
	for _, d := range ds {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	return out
}

// secretValues are the identifier values richVault stores, to be looked
// for in every text.
var secretValues = []string{"SRC0123456789", "IOE0912345678", "X1234567", "C09", "A012345678",
	"123456789A1", "X0000001", "AP0000007", "LIN0000000042", "EAC0000000043", "N0012345678"}

// richVault has something for every rule when computed on richToday.
func richVault() *vault.Index {
	b := newVault()

	ana := b.person("Ana", vault.Residence{Since: "2022-01-10"})
	b.doc(ana, ids.GreenCard, "", "SRC0123456789", "2027-04-15")
	b.doc(ana, ids.ANumber, "", "A012345678", "")
	b.doc(ana, ids.Passport, "MEX", "X1234567", "2027-06-01")
	b.doc(ana, ids.EADCard, "", "IOE0912345678", "2027-03-31")
	b.doc(ana, ids.EADCategory, "", "C09", "2027-03-31")
	b.doc(ana, ids.I94, "", "123456789A1", vault.DurationOfStatus)
	b.doc(ana, ids.Other, "B-2 visa", "X0000001", "2027-01-01")
	b.doc(ana, ids.Other, "Advance Parole (I-512L)", "AP0000007", "2026-09-30")
	aos := b.filed(ana, "I-485", "2025-06-01")
	b.notice(aos, "Request for Evidence", "2026-01-05")
	rfe2 := b.notice(aos, "Request for Evidence", "2026-02-02")
	b.event(ana, aos, rfe2, "rfe-due", "2026-04-20", "")
	b.notice(aos, "Notice of Intent to Deny", "2026-01-10")
	noid2 := b.notice(aos, "Notice of Intent to Deny", "2026-02-10")
	b.event(ana, aos, noid2, "noid-due", "2026-03-12", "")
	b.event(ana, aos, nil, "biometrics", "2026-02-03", "09:30")
	b.event(ana, aos, nil, "interview", "2026-05-12", "10:15")
	b.event(ana, aos, nil, "appointment", "2026-06-01", "")

	ben := b.person("Ben", vault.Residence{Since: "2025-01-20", Conditional: true, ViaMarriage: true})
	b.doc(ben, ids.GreenCard, "", "LIN0000000042", "2027-01-20")
	b.doc(ben, ids.I94, "", "123456789A1", "2026-08-01")
	i140 := b.filed(ben, "I-140", "2025-01-01")
	b.notice(i140, "Notice of Intent to Revoke", "2026-01-12")
	i130 := b.filed(ben, "I-130", "2024-01-01")
	b.notice(i130, "Denial Notice", "2026-01-08")

	cara := b.person("Cara", vault.Residence{Since: "2025-02-10", Conditional: true})
	b.doc(cara, ids.GreenCard, "", "EAC0000000043", "2027-02-10")
	b.filed(cara, "I-526E", "2022-05-01")
	n400 := b.filed(cara, "N-400", "2025-03-01")
	b.notice(n400, "Denial Notice", "2026-01-09")

	dan := b.person("Dan", vault.Residence{Conditional: true})
	b.doc(dan, ids.GreenCard, "", "SRC0123456789", "2026-03-01")
	b.filed(dan, "I-751", "2026-01-05")

	eve := b.person("Eve", vault.Residence{Conditional: true})
	b.doc(eve, ids.GreenCard, "", "SRC0123456789", "2026-03-10")
	b.filed(eve, "I-829", "2026-01-02")

	fay := b.person("Fay", vault.Residence{Since: "2016-05-31"})
	b.doc(fay, ids.GreenCard, "", "SRC0123456789", "2026-05-31")
	b.filed(fay, "I-90", "2026-01-05")
	b.filed(fay, "N-400", "2025-12-01")

	gus := b.person("Gus", vault.Residence{})
	b.doc(gus, ids.EADCard, "", "IOE0912345678", "2026-02-28")
	b.filed(gus, "I-765", "2025-10-01")

	hal := b.person("Hal", vault.Residence{Since: "2023-05-05", ViaMarriage: true})
	b.doc(hal, ids.EADCard, "", "IOE0912345678", "2026-04-30")
	b.filed(hal, "I-765", "2025-11-15")

	// The rules of the second table version.
	ivy := b.person("Ivy", vault.Residence{})
	b.notice(b.filed(ivy, "N-400", "2025-05-01"), "Request for Evidence", "2026-01-05")
	b.notice(b.filed(ivy, "I-130", "2024-01-01"), "Notice of Revocation", "2026-01-05")
	asylum := b.filed(ivy, "I-589", "2024-06-01")
	b.notice(asylum, "Annual Asylum Fee Notice", "2026-01-05")
	b.notice(asylum, "Immigration Judge Decision", "2026-01-05")

	jon := b.situation(b.person("Jon", vault.Residence{Since: "2025-02-10", Conditional: true}), vault.Situation{I751Waiver: true})
	b.doc(jon, ids.GreenCard, "", "SRC0123456789", "2027-02-10")

	kim := b.person("Kim", vault.Residence{})
	classed(b.doc(kim, ids.EADCard, "", "IOE0912345678", "2026-01-31"), "C26")
	classed(b.doc(kim, ids.I94, "", "123456789A1", "2026-06-30"), "H4")
	b.filed(kim, "I-765", "2025-10-29")

	lea := b.person("Lea", vault.Residence{})
	issued(classed(b.doc(lea, ids.EADCard, "", "IOE0912345678", "2026-03-31"), "C03B"), "2025-10-01")
	mia := b.person("Mia", vault.Residence{})
	issued(classed(b.doc(mia, ids.EADCard, "", "IOE0912345678", "2027-12-31"), "C03C"), "2026-01-01")
	classed(b.doc(b.person("Ned", vault.Residence{}), ids.EADCard, "", "IOE0912345678", "2026-06-30"), "C33")
	classed(b.doc(b.person("Oli", vault.Residence{}), ids.EADCard, "", "IOE0912345678", "2026-05-01"), "A12")

	pam := b.person("Pam", vault.Residence{Since: "2020-01-01"})
	b.doc(pam, ids.Other, "Humanitarian parole", "AP0000007", "2026-06-01")
	b.doc(pam, ids.Other, "Parole", "AP0000007", "2026-07-01")
	b.doc(pam, ids.Other, "Immigrant visa", "X0000001", "2026-04-01")
	issued(b.doc(pam, ids.Other, "Immigrant visa IR1", "X0000001", ""), "2026-01-02")
	b.doc(pam, ids.Other, "Re-entry permit", "X0000001", "2027-01-10")
	issued(b.doc(pam, ids.Other, "Re-entry permit (I-327)", "X0000001", ""), "2025-12-01")

	classed(b.doc(b.person("Quin", vault.Residence{}), ids.I94, "", "123456789A1", "2026-03-01"), "WT")
	classed(b.doc(b.person("Rae", vault.Residence{}), ids.I94, "", "123456789A1", "2026-03-15"), "K1")

	sam := b.person("Sam", vault.Residence{})
	classed(b.doc(sam, ids.I94, "", "123456789A1", vault.DurationOfStatus), "F1")
	classed(b.doc(sam, ids.SEVISID, "", "N0012345678", "2026-05-15"), "F1")
	tia := b.person("Tia", vault.Residence{})
	classed(b.doc(tia, ids.I94, "", "123456789A1", vault.DurationOfStatus), "J1")
	classed(b.doc(tia, ids.SEVISID, "", "N0012345678", "2026-05-15"), "J1")

	uma := b.situation(b.person("Uma", vault.Residence{}), vault.Situation{SeeksAsylum: true})
	issued(b.doc(uma, ids.I94, "", "123456789A1", "2025-12-01"), "2025-06-01")

	vic := b.person("Vic", vault.Residence{})
	classed(b.doc(vic, ids.I94, "", "123456789A1", "2026-01-31"), "H1B")
	b.filed(vic, "I-129", "2026-01-10")
	wes := b.situation(b.person("Wes", vault.Residence{}), vault.Situation{JobEnded: "2026-01-05"})
	classed(b.doc(wes, ids.I94, "", "123456789A1", "2027-01-01"), "L1")

	xan := b.situation(b.person("Xan", vault.Residence{}), vault.Situation{Moved: "2026-01-10"})
	xan.Born = "2012-01-20"
	b.doc(xan, ids.GreenCard, "", "SRC0123456789", "2031-01-01")
	// A resident by the green card alone: a Resident Since date would give
	// an N-400 date that the open trip moves every day.
	b.trip(xan, "2025-12-01", "")
	return b.ix
}

var richToday = day("2026-01-15")

func TestRichVaultReachesEveryRule(t *testing.T) {
	t.Parallel()
	ds := Compute(richVault(), richToday)
	for _, r := range Rules() {
		if len(ofRule(ds, r.ID)) == 0 {
			t.Errorf("rule %s: no deadline in the test vault; add a record it applies to", r.ID)
		}
	}
}

// situation sets what the person told about themselves.
func (b *vaultBuilder) situation(p *vault.Person, s vault.Situation) *vault.Person {
	p.Situation = s
	return p
}

// classed sets the class printed on a document.
func classed(id *vault.Identifier, class string) *vault.Identifier {
	id.Class = class
	return id
}

// issued sets a document's issue date.
func issued(id *vault.Identifier, date string) *vault.Identifier {
	id.Issued = date
	return id
}

func (b *vaultBuilder) trip(p *vault.Person, departed, returned string) *vault.Trip {
	t := &vault.Trip{Record: b.record("t"), PersonID: p.ID, Departed: departed, Returned: returned}
	b.ix.Trips = append(b.ix.Trips, t)
	return t
}

// TestOverdueStaysUntilHandled: a response due date months past is still
// reported, however old, until it is marked handled; then it goes.
func TestOverdueStaysUntilHandled(t *testing.T) {
	b := newVault()
	ana := b.person("Ana", vault.Residence{})
	k := b.filed(ana, "I-485", "2025-01-06")
	e := b.event(ana, k, nil, "rfe-due", "2025-03-10", "")
	today := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) // a year later
	var due *Deadline
	for _, d := range Compute(b.ix, today) {
		if d.Rule == "rfe-response-printed" {
			due = &d
		}
	}
	if due == nil || due.Urgency(today) != Overdue || !strings.Contains(due.ID, e.ID) {
		t.Fatalf("a missed response date a year old is not reported overdue: %+v", due)
	}
	if err := b.ix.MarkHandled(due.ID); err != nil {
		t.Fatal(err)
	}
	for _, d := range Compute(b.ix, today) {
		if d.ID == due.ID {
			t.Fatal("a date marked handled is still reported")
		}
	}
}
