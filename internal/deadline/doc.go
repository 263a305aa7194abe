// Package deadline finds the dates that matter to each person in a vault —
// responses due, appointments, filing windows, documents expiring — and
// says in English and Spanish what to do about each and by when.
//
// # Rules are data
//
// Immigration deadlines change by regulation and by policy, several times
// since 2023. The numbers, effective dates, sources and texts therefore live
// in rules.json, embedded at build and checked when first used (see
// docs/deadlines.md for the table and how to change it, and
// docs/adr/0009-deadline-rules.md for why). The code knows only where each
// kind of rule finds its anchor date in the vault (its basis): an event, a
// notice's notice date, a document's expiry, a person's Resident Since.
//
// # Printed beats computed
//
// A date printed on a notice or document, or typed from one, is reported
// as it is ([Deadline.Computed] false). A computed date is only an upper
// bound from the regulation, and is marked Computed so that it can be
// labelled "computed — check your notice". When a notice's response due
// date is known (an rfe-due or noid-due event), the rule that would compute
// one from the notice date does not run for that notice.
//
// # Effective ranges
//
// A rule applies only when one date — the anchor, the filing date of the
// related case, the computed date, or today, as the rule says — falls within
// its effective range. So a work permit renewal received on 2025-10-29 still
// gets the 540-day automatic extension, and one received on 2025-10-30 does
// not.
//
// # What is read
//
// Besides cases, notices, events, documents and Resident Since, the rules
// read what the family typed about a person (vault.Situation: an I-751
// waiver, the principal an investor's family comes through, the last move,
// the end of a job, seeking asylum), their trips not yet ended, and what a
// document says beyond its dates (vault.DocumentFacts: the class printed on
// it, the kind of a parole document). Parole documents, visas and re-entry
// permits have no identifier kind: an "other" identifier is told apart by
// its parole mark, else by its label. An I-94 valid for the duration of
// status (D/S) has no date: the program end date on the I-20 or DS-2019
// (the SEVIS ID's expiry) stands for it. Identifier values are never read:
// titles and actions name the person, the form and the document, never a
// number.
//
// # Weekends and holidays
//
// A due date that falls on a weekend or a federal holiday stays on its
// day, and its action names the business day before to aim for.
package deadline
