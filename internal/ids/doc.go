// Package ids is the catalog of the identifiers USCIS and the State Department track a person by:
// what each looks like, how it is stored, how it is shown, and how it is found in notice text.
//
// # Storage form
//
// [Normalize] turns what a person typed or pasted into one canonical byte string per kind
// (upper case, NFKC, separators dropped, A-numbers padded to 9 digits), so that two spellings of
// the same number compare equal in the vault. [Format] gives the grouped display form and
// Normalize accepts it back: Normalize(k, Format(k, n)) == n for every stored n.
//
// # Secrecy
//
// Identifier values are secrets. Errors returned here never contain the value they reject, so they
// can be shown and logged. Normalize works on byte slices, returns a fresh slice the caller owns
// (and should wipe), and clears its own scratch buffers. [Mask] keeps at most the last 3 or 4
// characters and, for receipts and cards, the 3-letter office prefix, which says where a case is
// but not whose it is.
//
// # Finding numbers in notices
//
// Receipt numbers, green card and EAD card numbers, NVC case numbers and FOIA control numbers all
// share the shape of 3 letters and 10 digits. [Find] therefore classifies by the label printed next
// to or above a number, then by a known receipt prefix, and never by shape alone: a number it
// cannot place comes back with an empty [Kind] for the person to choose.
package ids
