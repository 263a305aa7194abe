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

func ExampleOCRLayout() {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"5\t1\t1\t1\t1\t1\t300\t500\t160\t30\t96\tReceived\n" +
		"5\t1\t1\t1\t1\t2\t480\t500\t80\t30\t96\tDate\n" +
		"5\t1\t1\t1\t1\t3\t900\t500\t160\t30\t95\tPriority\n" +
		"5\t1\t1\t1\t1\t4\t1080\t500\t80\t30\t95\tDate\n" +
		"5\t1\t1\t1\t2\t1\t900\t560\t200\t30\t91\t03/14/2025\n"
	text, _ := fields.OCRLayout(strings.NewReader(tsv))
	fmt.Print(text)
	n := fields.Extract(text, fields.OCR)
	fmt.Printf("received %q, priority %q\n", n.ReceivedDate.Value, n.PriorityDate.Value)
	// Output:
	// Received Date                 Priority Date
	//                               03/14/2025
	// received "", priority "2025-03-14"
}
