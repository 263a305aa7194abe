package fields

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// want is what a table test states about a notice: the JSON schema's fields, and the events.
type want struct {
	receipts, aNumbers             []string
	account, form, noticeType      string
	noticeDate, received, priority string
	events                         []string // "kind date time"
	corrected                      []string // names of fields read with an OCR correction
}

var extractCases = []struct {
	name   string
	source Source
	text   string
	want   want
}{
	{
		name:   "label rows with values below, as pdftotext lays out an I-797C",
		source: PDFText,
		text: `Department of Homeland Security
U.S. Citizenship and Immigration Services                       Form I-797C, Notice of Action

                              THE UNITED STATES OF AMERICA
Receipt Number                  Case Type
EAC2599900001                   I130 - PETITION FOR ALIEN RELATIVE
Received Date   Priority Date   Petitioner        A012 345 678
09/01/2025      09/01/2025      EXEMPLO, MARIA
Notice Date     Page            Beneficiary
09/05/2025      1 of 1          EXEMPLO, JOAO

     MARIA EXEMPLO                                  Notice Type: Receipt Notice
     10 MAPLE AVE                                   Amount received: $675.00 U.S.
     SPRINGFIELD IL 62704

The above petition has been received. This notice only shows that the petition was filed on
September 1, 2025.
Form I-797C 04/01/24
`,
		want: want{receipts: []string{"EAC2599900001"}, aNumbers: []string{"A012345678"}, form: "I-130",
			noticeType: "Receipt Notice", noticeDate: "2025-09-05", received: "2025-09-01", priority: "2025-09-01"},
	},
	{
		name:   "a blank priority date leaves a gap, not a shift: dates go by column",
		source: PDFText,
		text: ` RECEIPT NUMBER                                 CASE TYPE
 IOE0912345678                                   I765 - APPLICATION FOR EMPLOYMENT AUTHORIZATION
 PRIORITY DATE          RECEIVED DATE           APPLICANT
                         06/13/2024             MODELLO, OLENA
 NOTICE DATE            PAGE
 06/25/2024              1 of 1
`,
		want: want{receipts: []string{"IOE0912345678"}, form: "I-765", noticeType: "",
			noticeDate: "2024-06-25", received: "2024-06-13"},
	},
	{
		name:   "notice date in the first column, priority blank in the third",
		source: PDFText,
		text: `Receipt Number                                  Case Type
 LIN2416655075                                   I751 - PETITION TO REMOVE CONDITIONS ON RESIDENCE
Notice Date           Received Date          Priority Date          Page
 07/17/2024            05/20/2024                                    1 of 1
 Petitioner                    A095 069 902
 IMAGINE, DIEGO
                                                     Notice Type: APPROVAL NOTICE
On July 15, 2024, we approved your Form I-751.
`,
		want: want{receipts: []string{"LIN2416655075"}, aNumbers: []string{"A095069902"}, form: "I-751",
			noticeType: "Approval Notice", noticeDate: "2024-07-17", received: "2024-05-20"},
	},
	{
		name:   "two-column box: labels beside their values",
		source: PDFText,
		text: `Receipt Number               SRC2222688902               Petitioner     SAMPLER, MARIA
 Case Type                   I140 - IMMIGRANT PETITION FOR ALIEN WORKER
 Page                        1 of 1                         Received Date     08/12/2022
 Priority Date                                              Notice Date      01/29/2024
 USCIS A#                    A108 266 209                   Beneficiary      DEMOVA, MARIA

     MARIA SAMPLER                                   Notice Type: Approval Notice
     C/O SAMPLE LEGAL AID                            USCIS Online Account Number: 4590 8361 4596
`,
		want: want{receipts: []string{"SRC2222688902"}, aNumbers: []string{"A108266209"}, account: "459083614596",
			form: "I-140", noticeType: "Approval Notice", noticeDate: "2024-01-29", received: "2022-08-12"},
	},
	{
		name:   "Label: value blocks side by side, priority printed empty",
		source: PDFText,
		text: `Receipt Number:          WAC2319475681                                           Petitioner:               EXEMPLO, WEI
Notice Date:             07/10/2023                                              A#:                       A117 312 589
Priority Date:                                                                   Beneficiary:              MODELLO, LUIS
Received Date:           06/29/2023                                              Page:                     1 of 1
Case Type:               I129F - PETITION FOR ALIEN FIANCE(E)

                                                           RECEIPT NOTICE
This notice confirms that USCIS received your Form I-129F petition as shown above.
`,
		want: want{receipts: []string{"WAC2319475681"}, aNumbers: []string{"A117312589"}, form: "I-129F",
			noticeType: "Receipt Notice", noticeDate: "2023-07-10", received: "2023-06-29"},
	},
	{
		name:   "receipt notice: a date to have received the biometrics notice by is no response due date",
		source: PDFText,
		text: `Receipt Number                                  Case Type
 IOE0923456781                                   I765 - APPLICATION FOR EMPLOYMENT AUTHORIZATION
Notice Date           Received Date          Priority Date          Page
 03/04/2026            02/27/2026                                    1 of 1
     ANA IMAGINE                                    Notice Type: Receipt Notice
We will notify you separately about any other case you filed. If you have not received a
biometrics appointment notice by April 15, 2026, call the Contact Center. You must submit
any change of address within 10 days.
`,
		want: want{receipts: []string{"IOE0923456781"}, form: "I-765", noticeType: "Receipt Notice",
			noticeDate: "2026-03-04", received: "2026-02-27"},
	},
	{
		name:   "request for evidence: the due date is an event, the dates in the body are not header dates",
		source: PDFText,
		text: `Receipt Number                                  Case Type
 NBC2420633635                                   I485 - APPLICATION TO REGISTER PERMANENT RESIDENCE OR ADJUST STATUS
Notice Date           Received Date          Priority Date          Page
 12/30/2024            07/15/2024                                    1 of 1
     ANA IMAGINE                                    Notice Type: Request for Initial Evidence
We need more evidence before we can make a decision on your Form I-485, received on July 15, 2024.
You must submit the requested evidence so that we receive it no later than March 27,
2025. Evidence requested: a copy of the birth certificate.
`,
		want: want{receipts: []string{"NBC2420633635"}, form: "I-485", noticeType: "Request for Evidence",
			noticeDate: "2024-12-30", received: "2024-07-15", events: []string{"rfe-due 2025-03-27 "}},
	},
	{
		name:   "notice of intent to deny, due date beside its label",
		source: PDFText,
		text: `Receipt Number: MSC2190012345                 Notice Date: 05/25/2022
Received Date: 12/20/2021                     Priority Date: 12/20/2021
Case Type: I130 - PETITION FOR ALIEN RELATIVE
                                              Notice Type: NOTICE OF INTENT TO DENY
                                              Response Due Date: 06/27/2022
This is a notice of our intent to deny your Form I-130, which we received on December 20, 2021.
`,
		want: want{receipts: []string{"MSC2190012345"}, form: "I-130", noticeType: "Notice of Intent to Deny",
			noticeDate: "2022-05-25", received: "2021-12-20", priority: "2021-12-20", events: []string{"noid-due 2022-06-27 "}},
	},
	{
		name:   "ASC appointment box: date and time under their label",
		source: PDFText,
		text: `Receipt Number                    Case Type
 IOE0154371535                     I131 - APPLICATION FOR TRAVEL DOCUMENT
 Received Date     Priority Date   Notice Date     Page
 03/23/2020                        04/06/2020      1 of 1
                                                   Notice Type: ASC APPOINTMENT NOTICE
Please come to the Application Support Center below at the date and time specified.
 APPLICATION SUPPORT CENTER                        DATE AND TIME OF APPOINTMENT
 USCIS NEWARK                                      04/28/2020
 970 BROAD STREET                                  09:30 AM
 NEWARK NJ 07102
`,
		want: want{receipts: []string{"IOE0154371535"}, form: "I-131", noticeType: "Biometrics Appointment",
			noticeDate: "2020-04-06", received: "2020-03-23", events: []string{"biometrics 2020-04-28 09:30"}},
	},
	{
		name:   "interview scheduled in a sentence",
		source: PDFText,
		text: `Receipt Number                    Case Type
 IOE0912345670                     N400 - APPLICATION FOR NATURALIZATION
 Received Date     Priority Date   Notice Date     Page
 01/02/2025                        04/01/2025      1 of 1
                                       REQUEST FOR APPLICANT TO APPEAR FOR INTERVIEW
You are hereby notified to appear for an interview on your Form N-400 at the USCIS office below.
Your interview is scheduled for Tuesday, May 13, 2025 at 1:15 PM.
`,
		want: want{receipts: []string{"IOE0912345670"}, form: "N-400", noticeType: "Interview Notice",
			noticeDate: "2025-04-01", received: "2025-01-02", events: []string{"interview 2025-05-13 13:15"}},
	},
	{
		name:   "approval: the action date and the validity period are not header dates",
		source: PDFText,
		text: `Receipt Number                    Case Type
 EAC2105861258                     I765 - APPLICATION FOR EMPLOYMENT AUTHORIZATION
 Received Date     Priority Date   Notice Date     Page
 12/21/2020
      TOMAS TESTARO                             Notice Type: Approval Notice
                                                Valid from 01/06/2022 to 01/05/2024
On December 30, 2021, we approved your Form I-765.
`,
		want: want{receipts: []string{"EAC2105861258"}, form: "I-765", noticeType: "Approval Notice", received: "2020-12-21"},
	},
	{
		name:   "related receipts in the body are listed after the own, which is not repeated",
		source: PDFText,
		text: `Receipt Number                    Case Type
 MSC2590012345                     I485 - APPLICATION TO REGISTER PERMANENT RESIDENCE OR ADJUST STATUS
                                   Notice Type: Receipt Notice
We have also received your Form I-765, receipt number MSC-25-900-12346.
Related case: Form I-130 (IOE0912345678). Your A-Number is A-201-449-982.
Please include receipt number MSC2590012345 in any correspondence about this case.
Reference 123456789012
`,
		want: want{receipts: []string{"MSC2590012345", "MSC2590012346", "IOE0912345678"}, aNumbers: []string{"A201449982"},
			form: "I-485", noticeType: "Receipt Notice"},
	},
	{
		name:   "a heading names the type when there is no Notice Type line",
		source: PDFText,
		text: `Receipt Number: YSC2312345678
Case Type: I589 - APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL
                                  REQUEST FOR EVIDENCE
We received your application on March 3, 2023. Please respond by June 12, 2023.
`,
		want: want{receipts: []string{"YSC2312345678"}, form: "I-589", noticeType: "Request for Evidence",
			events: []string{"rfe-due 2023-06-12 "}},
	},
	{
		name:   "a receipt notice that mentions a biometrics appointment is still a receipt notice",
		source: PDFText,
		text: `Receipt Number: IOE0812345678      Notice Type: Receipt Notice
The above application has been received. If we need your biometrics, we will mail you a separate
biometrics appointment notice with the date, time and location of your appointment.
`,
		want: want{receipts: []string{"IOE0812345678"}, noticeType: "Receipt Notice"},
	},
	{
		name:   "tesseract plain text: columns lost, look-alikes in the numbers",
		source: OCR,
		text: `Department of Homeland Security                                     .
U.S. Citizenship and Immigration Services                    Form I-797C, Notice of Action
THE UNITED STATES OF AMERICA
RECEIPT NUMBER                                         CASE TYPE
10E0133646087                            1140 - IMMIGRANT PETITION FOR ALIEN WORKER
PRIORITY DATE            RECEIVED DATE          PETITIONER
| 12/16/2O21 |     EXEMPLO, MARIA
NOTICE DATE              PAGE
12/28/2021      1 of l
MARIA EXEMPLO                                                      Notice Type: Receipt Notice
This notice confirms that USCIS received your Form |-140 petition as shown above.
`,
		want: want{receipts: []string{"IOE0133646087"}, form: "I-140", noticeType: "Receipt Notice",
			noticeDate: "2021-12-28", received: "2021-12-16", corrected: []string{"receipt", "form", "received"}},
	},
	{
		name:   "tesseract: slashes read as 7, digits split, a merged row",
		source: OCR,
		text: `Receipt Number:  TOEO1990391 70                        Applicant:       FICTICIO, ANA
Received Date:   12708/2025  Priority Date: Notice Date: 12/19/2025
Case Type:       !1601A - APPLICATION FOR PROVISIONAL UNLAWFUL PRESENCE WAIVER
   ANA FICTICIO                                      Notice Type: REJECTION NOTICE
`,
		want: want{receipts: []string{"IOE0199039170"}, form: "I-601A", noticeType: "Rejection Notice",
			noticeDate: "2025-12-19", received: "2025-12-08", corrected: []string{"receipt", "form", "received"}},
	},
	{
		name:   "tesseract plain text: a garbled date keeps its place, specks inside numbers and words",
		source: OCR,
		text: `Receipt Number                                                 Case Type
Y¥SC2220012295                 I589 - APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL
Notice Date                           Received Date                      Priority Date                          Page
1723/2023     03/06/2023                   1, Of 1
Applicant             A198 684 .°015
ANA DEMOVA                          Notice Type: Receipt Not Ice
`,
		want: want{receipts: []string{"YSC2220012295"}, aNumbers: []string{"A198684015"}, form: "I-589",
			noticeType: "Receipt Notice", received: "2023-03-06"},
	},
	{
		name:   "OCR layout: brackets and a split month by the dates, a 7 for the Z of an asylum office",
		source: OCR,
		text: ` Receipt Number        7LA2109813961                            Applicant            MUESTRA, DIEGO
 Case Type            1589 - APPLICATION FOR ASYLUM AND FOR WITHHOLDING OF REMOVAL
 Page                  1 of 1                                  Priority Date
 Received Date         (03/24/2025                              Notice Date           i 1/27/2026
`,
		want: want{receipts: []string{"ZLA2109813961"}, form: "I-589", noticeDate: "2026-11-27", received: "2025-03-24",
			corrected: []string{"receipt", "form", "notice"}},
	},
	{
		name:   "OCR of a fax: slashes lost to spaces and dots under their labels, a speck after a label, a bracket for the I",
		source: OCR,
		text: ` RECEIPT NO.                          RECEIVED DATE           NOTICE DATE             PAGE
 SRC2525701332                        09 24 2025              08.17.2026              1 of 1

 CASE TYPE
 [-130 - PETITION FOR ALIEN RELATIVE

 BENEFICIARY                                                         PRIORITY DATE.
 PRZYKLAD, PRIYA                                                     09 24 2025
`,
		want: want{receipts: []string{"SRC2525701332"}, form: "I-130", noticeDate: "2026-08-17", received: "2025-09-24",
			priority: "2025-09-24", corrected: []string{"form", "received", "notice"}},
	},
	{
		name:   "OCR: the A# label read as At, the number under it in groups without its A; a time parted from its AM",
		source: OCR,
		text: `               Receipt #                            Receipt Date            Notice Date             Page
               IOE8196025334                        06/15/2023              10/23/2023              1 of 1
               Case Type
               I539 - APPLICATION TO EXTEND/CHANGE NONIMMIGRANT STATUS
               Applicant/Petitioner                                         Priority Date
               ORNEK, CHIDI
               At                                                Account Number
               034 202 857                                       314757564748
Notice Type: ASC Appointment Notice
 APPLICATION      SUPPORT    CENTER                                   Date and Time of Appointment
 USCIS    CLINTON                                                     04/25/2024
  676  DRAFT   DR                                                     10:30    AM
`,
		want: want{receipts: []string{"IOE8196025334"}, aNumbers: []string{"A034202857"}, account: "314757564748", form: "I-539",
			noticeType: "Biometrics Appointment", noticeDate: "2023-10-23", received: "2023-06-15",
			events: []string{"biometrics 2024-04-25 10:30"}},
	},
	{
		name:   "a consulate's day-first date on an interview line; a form beside its label in one cell",
		source: PDFText,
		text: `Form: I-129, Petition for A Nonimmigrant Worker
Receipt Number: EAC1912621938                  Page: 1 of 1
Received Date: 03/25/2019                   Beneficiary: VORBILD, ROSA
Notice Date: 12/06/2019
    Interview Date and Time: 21 July 2025, 8:30 AM
`,
		want: want{receipts: []string{"EAC1912621938"}, form: "I-129", noticeDate: "2019-12-06", received: "2019-03-25",
			events: []string{"interview 2025-07-21 08:30"}},
	},
	{
		name:   "OCR: a month misread by a letter in the header; an interview as Date: and Time: lines",
		source: OCR,
		text: ` Receipt Number      WAC1926024694                                      Page                1 of 1
 Date Received       Sep 30, 2019                                       Applicant           MUESTRA, PRIYA
 Notice Date         Noy 4, 2019
Notice Type: Interview Notice
You are hereby notified to appear for an interview appointment, as scheduled below.
    Date:      March 11,  2020
    Time:      11:30 AM
    Where:     USCIS Madison Field Office,    687 PLACEHOLDER RD,  FRANKLIN MA 02038
`,
		want: want{receipts: []string{"WAC1926024694"}, noticeType: "Interview Notice", noticeDate: "2019-11-04",
			received: "2019-09-30", events: []string{"interview 2020-03-11 11:30"}, corrected: []string{"notice"}},
	},
	{
		name:   "OCR: a dash read before a date beside its label; the blank priority date above it stays blank",
		source: OCR,
		text: `               Receipt Number  LIN2413850825                             Page             1 of 1
               Receipt Date    04/10/2024                                Beneficiary     BEISPIEL, CHIDI
               Priority Date                                                             A-275-651-493
               Notice Date      —10/07/2024                              Petitioner      BEISPIEL, AMIR
`,
		want: want{receipts: []string{"LIN2413850825"}, aNumbers: []string{"A275651493"}, noticeDate: "2024-10-07",
			received: "2024-04-10"},
	},
	{
		name:   "a letter: its Date: line, Date Filed, a title-case heading, the deadline of an intent to deny",
		source: PDFText,
		text: `         U.S. Department of Homeland Security                     Form I-797E, Notice of Action
                                   Date: 01/29/2027
                           Receipt Number: YSC2520538580
                               Date Filed: 07/14/2025
                                   Form: I-130, Petition for Alien Relative

                                   Notice of Intent to Deny
Dear WEI:
On 07/14/2025, you filed Form I-130. On Jun 8, 2026, we issued a Request for Evidence (RFE).
You may submit rebuttal evidence within 33 days of the date of this notice, that is, no later
than March 3, 2027.
`,
		want: want{receipts: []string{"YSC2520538580"}, form: "I-130", noticeType: "Notice of Intent to Deny",
			noticeDate: "2027-01-29", received: "2025-07-14", events: []string{"noid-due 2027-03-03 "}},
	},
	{
		name:   "labels down the left, values set flush right; an address in title case names no type",
		source: PDFText,
		text: `Approval notice

Receipt number                                                             IOE8158214253
Form                   I-821D, Consideration of Deferred Action for Childhood Arrivals
Received date                                                              April 6, 2020
Notice date                                                            November 18, 2020
Application Support Center
`,
		want: want{receipts: []string{"IOE8158214253"}, form: "I-821D", noticeType: "Approval Notice",
			noticeDate: "2020-11-18", received: "2020-04-06"},
	},
	{
		name:   "a rescheduled interview: the old date is no event, the new one is; a premium processing receipt's case",
		source: PDFText,
		text: ` RECEIPT NUMBER
 SRC2201872229                                                   RECEIVED DATE                10/26/2021
 FORM                                                            NOTICE DATE                  12/28/2021
 I907 - REQUEST FOR PREMIUM PROCESSING SERVICE
 PETITION
 I-129, Petition for A Nonimmigrant Worker

Notice Type: Interview Rescheduled
Your interview, which was scheduled for Feb 13, 2022 at 2:45 PM, has been rescheduled.
Your interview is now scheduled for Monday, May 2, 2022 at 1:00 PM. The request does not have
a receipt number of its own; the case with receipt number EAC2290000001 is another one.
`,
		want: want{receipts: []string{"SRC2201872229", "EAC2290000001"}, form: "I-129", noticeType: "Interview Notice",
			noticeDate: "2021-12-28", received: "2021-10-26", events: []string{"interview 2022-05-02 13:00"}},
	},
	{
		name:   "a letter dated alone above its reference block; the deadline after 'received by this office no later than'",
		source: PDFText,
		text: `                                      U.S. Department of Homeland Security
                                                                                              June 24, 2020
   FICTIONAL DATA LABS INC
RE:                     Form I-129, Petition for A Nonimmigrant Worker
Receipt Number:         SRC-19-153-65876
Date Filed:             May 1, 2019
                                      NOTICE OF INTENT TO REVOKE
On May 1, 2019, you filed the petition named above, and on October 17, 2019, USCIS approved it.
Your rebuttal must be received by this office no later than July 27, 2020.
`,
		want: want{receipts: []string{"SRC1915365876"}, form: "I-129", noticeType: "Notice of Intent to Revoke",
			noticeDate: "2020-06-24", received: "2019-05-01", events: []string{"noid-due 2020-07-27 "}},
	},
	{
		name:   "an ASC appointment in a Date / Time column; the reschedule request's date and a new appointment notice are no appointment",
		source: PDFText,
		text: ` RECEIPT NUMBER                  CASE TYPE
 LIN2015947203                   I131 - APPLICATION FOR TRAVEL DOCUMENT
 RECEIVED DATE    NOTICE DATE
 05/08/2020       06/16/2020
Notice Type: Fingerprint Notification
PLEASE APPEAR AT THE APPLICATION SUPPORT CENTER BELOW AT THE DATE AND TIME SPECIFIED.
 PLACE                                                           DATE / TIME
 USCIS FRANKLIN                                                  07/01/2020
 429 MOCKUP WAY                                                  1:30 PM
UPON RECEIPT OF YOUR REQUEST, YOU WILL BE PROVIDED A NEW APPOINTMENT NOTICE. YOUR REQUEST
MUST REACH THE ADDRESS ABOVE BY JUNE 24, 2020.
`,
		want: want{receipts: []string{"LIN2015947203"}, form: "I-131", noticeType: "Biometrics Appointment",
			noticeDate: "2020-06-16", received: "2020-05-08", events: []string{"biometrics 2020-07-01 13:30"}},
	},
	{
		name:   "an immigration court's hearing notice: the A-number after File No., the hearing an appointment, no USCIS fields",
		source: PDFText,
		text: `                           EXECUTIVE OFFICE FOR IMMIGRATION REVIEW
RE: SAMPELA, SOFIA                                                        File No.: A133-758-893
DATE: 10/24/2018
Please take notice that the above captioned case has been scheduled for a MASTER hearing before the
Immigration Judge on 08/05/2019 at 12:00 P.M. at the court.
`,
		want: want{aNumbers: []string{"A133758893"}, events: []string{"appointment 2019-08-05 12:00"}},
	},
}

func TestExtract(t *testing.T) {
	t.Parallel()
	for _, c := range extractCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			n := Extract(c.text, c.source)
			s := n.Summary(c.source)
			w := c.want
			check := func(field string, got, want any) {
				t.Helper()
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s = %v, want %v", field, got, want)
				}
			}
			check("receipt_numbers", s.ReceiptNumbers, orEmpty(w.receipts))
			check("a_numbers", s.ANumbers, orEmpty(w.aNumbers))
			check("account_number", s.AccountNumber, w.account)
			check("form", s.Form, w.form)
			check("notice_type", s.NoticeType, w.noticeType)
			check("notice_date", s.NoticeDate, w.noticeDate)
			check("received_date", s.ReceivedDate, w.received)
			check("priority_date", s.PriorityDate, w.priority)
			var events []string
			for _, e := range n.Events {
				events = append(events, e.Kind+" "+e.Date+" "+e.Time)
			}
			check("events", events, w.events)
			corrected := map[string]bool{"receipt": n.ReceiptNumber.Corrected, "form": n.Form.Corrected,
				"received": n.ReceivedDate.Corrected, "notice": n.NoticeDate.Corrected}
			for name, got := range corrected {
				if want := strings.Contains(fmt.Sprint(w.corrected), name); got != want {
					t.Errorf("%s corrected = %v, want %v", name, got, want)
				}
			}
		})
	}
}

// caseText returns the text of the table case whose name starts with prefix.
func caseText(t *testing.T, prefix string) string {
	t.Helper()
	for _, c := range extractCases {
		if strings.HasPrefix(c.name, prefix) {
			return c.text
		}
	}
	t.Fatalf("no case %q", prefix)
	return ""
}

func orEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// TestLettersOfOtherAgencies: a letter with no receipt number of its own (the NVC's, a
// consulate's) cites USCIS forms and speaks of interviews and approvals; none of that is its
// form or notice type. The I-94 a notice mentions is never the case's form.
func TestLettersOfOtherAgencies(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"NATIONAL VISA CENTER\n\nWelcome Letter\n\nSubmit the Form I-864, Affidavit of Support, for the petition that has been approved.\n",
		"U.S. EMBASSY\n\nINTERVIEW NOTICE\n\nBring your Form I-864 to your interview.\n",
	} {
		n := Extract(text, PDFText)
		if n.Form.Value != "" || n.NoticeType.Value != "" {
			t.Errorf("%q: form %q, type %q; want neither", text, n.Form.Value, n.NoticeType.Value)
		}
	}
	n := Extract("Receipt Number WAC2512345678\n\nWe approved your petition. No Form I-94 is attached.\n", PDFText)
	if n.Form.Value != "" {
		t.Errorf("form %q from an I-94 the body mentions", n.Form.Value)
	}
}

// TestAppointmentTimeInItsOwnColumn: the time under an "Appointment Time" label beside the
// date's goes with the date.
func TestAppointmentTimeInItsOwnColumn(t *testing.T) {
	t.Parallel()
	text := "Receipt Number IOE8028853865\nNotice Type: Interview Notice\n" +
		"    Appointment Date                    Appointment Time\n" +
		"    07/12/2024                          02:00 PM\n"
	n := Extract(text, PDFText)
	if len(n.Events) != 1 || n.Events[0].Date != "2024-07-12" || n.Events[0].Time != "14:00" {
		t.Errorf("events %+v; want the interview on 2024-07-12 at 14:00", n.Events)
	}
}

// TestConfidence checks that confidence falls with the source and the rule, as the field
// documentation says, and stays within 0 and 1.
func TestConfidence(t *testing.T) {
	t.Parallel()
	text := extractCases[0].text
	pdf, ocr := Extract(text, PDFText), Extract(text, OCR)
	if !(pdf.ReceiptNumber.Confidence > ocr.ReceiptNumber.Confidence) {
		t.Errorf("receipt confidence: pdf-text %v, ocr %v; want OCR lower", pdf.ReceiptNumber.Confidence, ocr.ReceiptNumber.Confidence)
	}
	garbled := Extract(caseText(t, "tesseract plain text: columns lost"), OCR)
	if !(garbled.ReceiptNumber.Confidence < ocr.ReceiptNumber.Confidence) {
		t.Errorf("a corrected receipt has confidence %v, a clean one %v; want it lower",
			garbled.ReceiptNumber.Confidence, ocr.ReceiptNumber.Confidence)
	}
	body := Extract("Receipt Number EAC2512345678\n\nWe have also received your Form I-765.\n", PDFText)
	if body.Form.Value != "I-765" || !(body.Form.Confidence < pdf.Form.Confidence) {
		t.Errorf("form from a body mention = %+v; want I-765 with less confidence than %v", body.Form, pdf.Form.Confidence)
	}
	for _, f := range []Field{pdf.ReceiptNumber, pdf.Form, pdf.NoticeDate, ocr.NoticeType, garbled.ReceivedDate} {
		if f.Confidence <= 0 || f.Confidence > 1 {
			t.Errorf("%+v: confidence out of (0, 1]", f)
		}
	}
}

func TestWarnings(t *testing.T) {
	t.Parallel()
	n := Extract(`Receipt Number: EAC2512345678
Received Date: 03/20/2025     Notice Date: 03/14/2025     Priority Date: 04/01/2025
`, PDFText)
	if n.ReceivedDate.Value != "2025-03-20" || n.NoticeDate.Value != "2025-03-14" || n.PriorityDate.Value != "2025-04-01" {
		t.Fatalf("dates out of order must be kept: %+v %+v %+v", n.ReceivedDate, n.NoticeDate, n.PriorityDate)
	}
	got := strings.Join(n.Warnings, "\n")
	for _, w := range []string{"received date is after the notice date", "priority date is after the received date"} {
		if !strings.Contains(got, w) {
			t.Errorf("warnings %q lack %q", n.Warnings, w)
		}
	}
	if strings.Contains(got, "EAC2512345678") {
		t.Errorf("a warning contains the receipt number: %q", n.Warnings)
	}
	empty := Extract("", NoText)
	if len(empty.Warnings) != 1 || !strings.Contains(empty.Warnings[0], "no text") {
		t.Errorf("empty text: warnings %q", empty.Warnings)
	}
}

// TestSummaryJSON checks the stable schema: its keys, in order, empty strings for what is
// unknown and arrays that are never null.
func TestSummaryJSON(t *testing.T) {
	t.Parallel()
	js, err := json.Marshal(Extract("", NoText).Summary(NoText))
	if err != nil {
		t.Fatal(err)
	}
	const prefix = `{"receipt_numbers":[],"a_numbers":[],"account_number":"","form":"","notice_type":"",` +
		`"notice_date":"","received_date":"","priority_date":"","text_source":"none","warnings":["no text could be read`
	if !strings.HasPrefix(string(js), prefix) {
		t.Errorf("summary JSON\n%s\ndoes not start with\n%s", js, prefix)
	}
	if strings.Contains(string(js), "null") {
		t.Errorf("summary JSON has a null: %s", js)
	}
	full, err := json.Marshal(Extract(extractCases[0].text, PDFText).Summary(PDFText))
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{`"receipt_numbers":["EAC2599900001"]`, `"a_numbers":["A012345678"]`, `"form":"I-130"`,
		`"form_title":"Petition for Alien Relative"`, `"notice_date":"2025-09-05"`, `"text_source":"pdf-text"`,
		`"fields":{"receipt_numbers":[{"value":"EAC2599900001","confidence":0.98,"corrected":false}]`} {
		if !strings.Contains(string(full), part) {
			t.Errorf("summary JSON lacks %s:\n%s", part, full)
		}
	}
}

// TestANumberReadTwoWays: a notice prints the applicant's A-number in its header and again in
// its body, and OCR misreads one digit of one copy. That is one A-number to confirm, not two.
func TestANumberReadTwoWays(t *testing.T) {
	t.Parallel()
	n := Extract(`Received Date       Priority Date       Applicant                   A291 111 608
A-Number: A291 111 008
Beneficiary's A# A123 456 789
`, OCR)
	if len(n.ANumbers) != 2 || n.ANumbers[0].Value != "A291111608" || !n.ANumbers[0].Corrected ||
		n.ANumbers[1].Value != "A123456789" || n.ANumbers[1].Corrected {
		t.Errorf("A-numbers %+v; want A291111608 marked for confirmation, and A123456789", n.ANumbers)
	}
}

// TestDecisionRecountingARequest checks that a decision is typed by what it decides: its own
// title or type line ("DECISION") outranks the request for evidence or notice of intent to deny
// its text recounts, and so does the denial it states where no title names the type.
func TestDecisionRecountingARequest(t *testing.T) {
	t.Parallel()
	body := "On March 3, 2025, we sent you a request for additional evidence. The evidence you submitted did not establish eligibility.\n"
	for _, c := range []struct{ name, text, want string }{
		{"type line", "Receipt Number IOE8028853865\nNotice Type: Decision\n" + body + "Your application has been denied.\n", "Denial Notice"},
		{"heading", "Receipt Number IOE8028853865\n                 DECISION\n" + body + "Your petition has been approved.\n", "Approval Notice"},
		{"no title", "Receipt Number IOE8028853865\n" + body + "Your application has been denied.\n", "Denial Notice"},
		{"a request stays a request", "Receipt Number IOE8028853865\nREQUEST FOR EVIDENCE\nIf you do not respond, your case may be denied.\n", "Request for Evidence"},
		{"a request in the text, nothing decided", "Receipt Number IOE8028853865\nWe need more evidence. This request for evidence must be answered.\n", "Request for Evidence"},
	} {
		if got := Extract(c.text, PDFText).NoticeType.Value; got != c.want {
			t.Errorf("%s: notice type %q, want %q", c.name, got, c.want)
		}
	}
}

// TestFormNotFromEvidenceOrAppeal checks that where the header gives no form, the text's
// mention of evidence (an affidavit of support, a medical exam) or of the appeal form is not
// taken for the case's form, and the case's own form named in the text still is.
func TestFormNotFromEvidenceOrAppeal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ text, want string }{
		{"Receipt Number IOE8028853865\nPlease submit Form I-864, Affidavit of Support, and Form I-693.\n", ""},
		{"Receipt Number IOE8028853865\nYou may appeal on Form I-290B, Notice of Appeal or Motion.\n", ""},
		{"Receipt Number IOE8028853865\nOn May 2, 2024, you filed Form I-485. You may appeal on Form I-290B.\n", "I-485"},
		{"Receipt Number IOE8028853865\nCase Type   I290B\n", "I-290B"},
	} {
		if got := Extract(c.text, PDFText).Form.Value; got != c.want {
			t.Errorf("%q: form %q, want %q", c.text, got, c.want)
		}
	}
}

// TestANumberUnderGarbledLabel checks that an A-number printed whole in the cell under a
// header cell OCR read for "A#" (As, At, A8) is read, marked corrected, and that the same
// cell under a word that is no such label is not.
func TestANumberUnderGarbledLabel(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ label, want string }{{"As", "A230891162"}, {"A8", "A230891162"}, {"At", "A230891162"}, {"Ask", ""},
		{"uscisSA#", "A230891162"}, {"uscis aA#", "A230891162"}, {"Alias", ""}, {"ALIAS", ""}} {
		text := "Receipt Number EAC2404607724\n Applicant\n   CONTOH, ROSA\n\n " + c.label + "\n   A-230-891-162\n"
		n := Extract(text, OCR)
		got := ""
		if len(n.ANumbers) > 0 {
			got = n.ANumbers[0].Value
			// A label that still ends in A# may be found as one, and the number as printed.
			if !n.ANumbers[0].Corrected && !strings.HasSuffix(c.label, "A#") {
				t.Errorf("%s: not marked corrected", c.label)
			}
		}
		if got != c.want {
			t.Errorf("under %q: %q, want %q", c.label, got, c.want)
		}
	}
}
