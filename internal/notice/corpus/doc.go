// Package corpus draws USCIS notices for measuring the notice reader on layouts it was not
// written against: sixteen named layouts of the Form I-797 family (approval, I-797A with its
// I-94, I-797B, the I-797C receipt, appointment, interview, transfer and rejection notices,
// I-797D with a card, the I-797E request for evidence, the I-797F transportation letter) in the
// pre-2020 boxed grid and the newer designs, and two Department of State letters that must not
// be read as USCIS notices. Scans then photographs, faxes and screenshots them.
//
// It is written apart from noticetest's own generator, from the public description of the
// notices in docs/identifiers.md and what real notices look like, so that a reader tuned on one
// is tested on the other. It shares only noticetest's Truth, its scoring and its scanner.
// docs/notice-corpus.md describes each layout and what it varies.
//
// Generate(layout, seed) is deterministic; nothing it makes is stored.
package corpus
