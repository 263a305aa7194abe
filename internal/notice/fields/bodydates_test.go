package fields

import (
	"testing"

	"immivault/internal/notice/noticetest"
)

// TestBodyDatesAreNeverHeaderDates gives Extract a header whose date boxes are all blank above
// a body full of dates of every kind, in both forms: none of them may become a header date.
func TestBodyDatesAreNeverHeaderDates(t *testing.T) {
	t.Parallel()
	const text = `Receipt Number                    Case Type
 EAC2512345678                     I485 - APPLICATION TO REGISTER PERMANENT RESIDENCE OR ADJUST STATUS
 Received Date     Priority Date   Notice Date     Page

      MARIA EXEMPLO                             Notice Type: Approval Notice
                                                Valid from 03/05/2025 to 03/04/2027
                                                Response Due Date: 06/12/2025
On March 3, 2025, we approved your Form I-485. We received it on 01/02/2024.
We transferred your case on February 3, 2025. Your appointment is scheduled for April 2, 2025 at 10:00 AM.
Please respond by June 12, 2025. The filing was received by 12/31/2024.
 APPLICATION SUPPORT CENTER                        DATE AND TIME OF APPOINTMENT
 USCIS NEWARK                                      04/02/2025
Form I-797C 04/01/24                    (Rev. 01/01/2024)
`
	for _, source := range []Source{PDFText, OCR} {
		n := Extract(text, source)
		for name, f := range map[string]Field{"received": n.ReceivedDate, "priority": n.PriorityDate, "notice": n.NoticeDate} {
			if f.Value != "" {
				t.Errorf("%s: %s date = %s, want none: the header prints none", source, name, f.Value)
			}
		}
	}
}

// TestFixtureHeaderDatesComeFromTheHeader checks every fixture for the worse kind of miss: a
// header date that is wrong rather than missing must at least not be a date from elsewhere
// on the notice. Every header date read is one the header prints. (internal/notice's
// TestOCRFixtureAccuracy checks the same of the scans laid out the app's way.)
func TestFixtureHeaderDatesComeFromTheHeader(t *testing.T) {
	t.Parallel()
	for kind, source := range map[string]Source{"text": PDFText, "ocr": OCR} {
		for _, f := range loadFixtures(t, kind) {
			for _, d := range noticetest.ForeignHeaderDates(Extract(string(f.Output), source).Summary(source), f.Truth) {
				t.Errorf("%s: %s is not a header date of the notice", f.Name, d)
			}
		}
	}
}
