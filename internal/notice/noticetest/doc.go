// Package noticetest draws realistic synthetic USCIS notices (Form I-797 receipt, approval,
// request-for-evidence, appointment, transfer, rejection and denial letters) with the truth of
// what each one says, so that tests can measure how well notice reading works without any real
// person's papers.
//
// # What varies
//
// Generate picks, from its seed alone, the form (I-130, I-485, I-765, N-400 and a dozen more),
// the notice type, the receipt office prefix, the dates (the priority date is often blank), the
// header layout (label rows with values below in four column arrangements, two-column boxes
// with labels beside their values, or "Label: value" blocks), fonts and sizes, and a slight
// jitter of every position. Bodies carry the dates a reader must not mistake for header dates
// (appointments, response deadlines, "On <date>, we approved"), and some notices mention a
// related case's receipt number, an A-number or a labelled USCIS online account number.
//
// All numbers are fictional but have the shapes docs/identifiers.md describes.
//
// # Scans
//
// The package cannot rasterise a PDF (that is the notice reader's job). Given a page image,
// Scan makes it look scanned (a slight rotation, a grey background, blur and noise), and
// EncodeJPEG, EncodePNG and ImagePDF package it the way people send scans.
//
// # Scoring
//
// Misses compares what a reader made of a notice (the JSON of `immivault-cli notice inspect
// --json`) with its truth, and Score tallies that over many notices, field by field, for the
// accuracy tests. LoadFixtures reads the stored readings of generated notices those tests use
// without the readers themselves.
package noticetest
