package noticetest

// Truth is what a generated notice says, in the form the notice extractor reports it:
// identifiers in storage form, dates as YYYY-MM-DD, "" where the notice prints nothing.
type Truth struct {
	ReceiptNumber string   // the notice's own, from its header
	OtherReceipts []string // related cases' receipt numbers in the body, in order, without the own
	ANumbers      []string // "A" + 9 digits, in order of first appearance
	AccountNumber string   // 12 digits, only when printed with its label
	Form          string   // "I-485"
	NoticeType    string   // "Receipt Notice", "Approval Notice", "Request for Evidence", ...
	NoticeDate    string
	ReceivedDate  string
	PriorityDate  string
	Events        []Event
}

// Event is a dated thing the notice asks of the person: an appointment or a response deadline.
type Event struct {
	Kind string // "biometrics", "interview", "rfe-due", "noid-due"
	Date string // YYYY-MM-DD
	Time string // HH:MM, 24-hour, or ""
}

// Notice is one generated notice: what it says and a one-page text PDF that says it.
type Notice struct {
	Truth Truth
	PDF   []byte
}
