package fields_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"immivault/internal/notice/fields"
)

func ExampleExtract() {
	text := `Receipt Number                  Case Type
EAC2599900001                   I130 - PETITION FOR ALIEN RELATIVE
Received Date   Priority Date   Petitioner        A012 345 678
09/01/2025                      EXEMPLO, MARIA
Notice Date     Page            Beneficiary
09/05/2025      1 of 1          EXEMPLO, JOAO
                                Notice Type: Receipt Notice
`
	n := fields.Extract(text, fields.PDFText)
	fmt.Println(n.ReceiptNumber.Value, n.Form.Value, n.FormTitle)
	fmt.Println(n.NoticeType.Value, "received", n.ReceivedDate.Value, "notice", n.NoticeDate.Value)
	fmt.Printf("priority %q, A-number %s\n", n.PriorityDate.Value, n.ANumbers[0].Value)
	// Output:
	// EAC2599900001 I-130 Petition for Alien Relative
	// Receipt Notice received 2025-09-01 notice 2025-09-05
	// priority "", A-number A012345678
}

func ExampleNotice_Summary() {
	n := fields.Extract("Receipt Number: IOE0912345678\nNotice Type: Approval Notice\n", fields.PDFText)
	js, _ := json.MarshalIndent(n.Summary(fields.PDFText), "", "  ")
	fmt.Println(strings.Join(strings.Split(string(js), "\n")[:13], "\n"))
	// Output:
	// {
	//   "receipt_numbers": [
	//     "IOE0912345678"
	//   ],
	//   "a_numbers": [],
	//   "account_number": "",
	//   "form": "",
	//   "notice_type": "Approval Notice",
	//   "notice_date": "",
	//   "received_date": "",
	//   "priority_date": "",
	//   "text_source": "pdf-text",
	//   "warnings": [],
}
