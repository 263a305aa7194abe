package fields

// Summary is a notice in the stable JSON schema `immivault-cli notice inspect --json` prints
// (issue 3). The first ten keys are the schema: values are canonical, "" where unknown, and
// arrays are never null. The keys after them add detail without changing those.
type Summary struct {
	ReceiptNumbers []string `json:"receipt_numbers"` // the notice's own first, then the others
	ANumbers       []string `json:"a_numbers"`
	AccountNumber  string   `json:"account_number"`
	Form           string   `json:"form"`
	NoticeType     string   `json:"notice_type"`
	NoticeDate     string   `json:"notice_date"`
	ReceivedDate   string   `json:"received_date"`
	PriorityDate   string   `json:"priority_date"`
	TextSource     Source   `json:"text_source"`
	Warnings       []string `json:"warnings"`

	FormTitle string         `json:"form_title"`
	Events    []SummaryEvent `json:"events"`
	Fields    SummaryDetails `json:"fields"`
}

// SummaryEvent is an event in the JSON summary.
type SummaryEvent struct {
	Kind       string  `json:"kind"`
	Date       string  `json:"date"`
	Time       string  `json:"time"`
	Confidence float64 `json:"confidence"`
	Corrected  bool    `json:"corrected"`
}

// SummaryField is a field's value with how sure Extract is of it.
type SummaryField struct {
	Value      string  `json:"value"`
	Confidence float64 `json:"confidence"`
	Corrected  bool    `json:"corrected"`
}

// SummaryDetails repeats the schema's fields with their confidence, under the same keys.
// A field not found has an empty value and confidence 0.
type SummaryDetails struct {
	ReceiptNumbers []SummaryField `json:"receipt_numbers"`
	ANumbers       []SummaryField `json:"a_numbers"`
	AccountNumber  SummaryField   `json:"account_number"`
	Form           SummaryField   `json:"form"`
	NoticeType     SummaryField   `json:"notice_type"`
	NoticeDate     SummaryField   `json:"notice_date"`
	ReceivedDate   SummaryField   `json:"received_date"`
	PriorityDate   SummaryField   `json:"priority_date"`
}

// Summary returns the notice in the JSON schema, with the source its text came from.
func (n Notice) Summary(source Source) Summary {
	var receipts []Field
	if n.ReceiptNumber.Value != "" {
		receipts = append(receipts, n.ReceiptNumber)
	}
	receipts = append(receipts, n.OtherReceipts...)
	s := Summary{
		ReceiptNumbers: values(receipts),
		ANumbers:       values(n.ANumbers),
		AccountNumber:  n.AccountNumber.Value,
		Form:           n.Form.Value,
		NoticeType:     n.NoticeType.Value,
		NoticeDate:     n.NoticeDate.Value,
		ReceivedDate:   n.ReceivedDate.Value,
		PriorityDate:   n.PriorityDate.Value,
		TextSource:     source,
		Warnings:       append([]string{}, n.Warnings...),
		FormTitle:      n.FormTitle,
		Events:         []SummaryEvent{},
		Fields: SummaryDetails{
			ReceiptNumbers: details(receipts),
			ANumbers:       details(n.ANumbers),
			AccountNumber:  detail(n.AccountNumber),
			Form:           detail(n.Form),
			NoticeType:     detail(n.NoticeType),
			NoticeDate:     detail(n.NoticeDate),
			ReceivedDate:   detail(n.ReceivedDate),
			PriorityDate:   detail(n.PriorityDate),
		},
	}
	for _, e := range n.Events {
		s.Events = append(s.Events, SummaryEvent(e))
	}
	return s
}

func values(fs []Field) []string {
	vs := make([]string, len(fs))
	for i, f := range fs {
		vs[i] = f.Value
	}
	return vs
}

func details(fs []Field) []SummaryField {
	ds := make([]SummaryField, len(fs))
	for i, f := range fs {
		ds[i] = detail(f)
	}
	return ds
}

func detail(f Field) SummaryField { return SummaryField(f) }
