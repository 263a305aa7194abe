// Package fields reads what a USCIS notice says from its text: the notice's own receipt number
// and the related ones it mentions, A-numbers, a labelled USCIS online account number, the form,
// the notice type, the notice, received and priority dates, and the appointments and deadlines
// it sets. It knows Form I-797 notices (receipts, approvals, requests for evidence, biometrics
// and interview appointments, transfers, rejections, denials) and the letters USCIS sends in
// their format (docs/identifiers.md#form-i-797-notices).
//
// # Text
//
// Extract reads text laid out in rows and columns, as PDFium's layout reconstruction and
// pdftotext -layout give a text PDF. Notices print labels in one row and their values in the
// row below, in the same columns, or a label and its value side by side, so columns matter.
//
// For a scan, tesseract's plain text keeps the rows but not the columns. The notice package
// rebuilds them from tesseract's TSV output, the position of every word, the way it lays out a
// text PDF, and gives Extract that. The scan fixtures of this package were made with
//
//	tesseract stdin stdout --psm 6 -c preserve_interword_spaces=1 -c thresholding_method=2 tsv
//
// on 300 DPI scans: page segmentation mode 6 reads the page as one block, so that a label row
// and a value row each stay one line; Sauvola thresholding (method 2) reads grey, noisy JPEG
// scans that tesseract's default threshold turns into nothing. (The notice package runs
// tesseract with --psm 6 and its default threshold.) Plain text is still read, with the dates
// of a header row placed by their order where the columns are lost.
//
// # Header dates and other dates
//
// Header dates are MM/DD/YYYY and each is assigned to the label it sits under or beside, never
// by counting: a blank priority date leaves a gap, not a shift. Dates in the body ("Month D,
// YYYY" or numeric) are never header dates; they become events only after an anchor phrase or
// label ("respond by", "Response Due Date", "Date and Time of Appointment", "your interview is
// scheduled for"), and the rest ("On March 3, 2025, we approved", a transfer date, a validity
// period, the form edition in the footer) are left alone.
//
// # OCR
//
// Numbers are read with ids.Find, which corrects look-alikes by position (O for 0, I for 1...).
// Beyond it, this package repairs what tesseract does to notices: receipt prefixes whose
// letters it misreads where a known office prefix vouches for the reading ("10E" is IOE, "BAC"
// is EAC), digits split by a space, a table border read as a character, A-numbers after a
// garbled label, a slash read as 7. Every such value is marked Corrected, and its confidence is
// lower, so that the person confirms it.
//
// # Limits
//
// Extract reads at most MaxTextLen bytes; the header, type, form and events are read from the
// first 64 KiB (a dozen pages), identifiers from all of it. Its work is linear in the text.
// Values are canonical (ids storage form, ISO dates, "I-485"); warnings never contain an
// identifier, so they can be logged.
package fields
