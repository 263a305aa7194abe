package fields

import "slices"

// Source says where a notice's text came from. The words are those of notice.TextSource.
type Source string

const (
	PDFText Source = "pdf-text" // the text layer of a PDF, laid out in rows and columns
	OCR     Source = "ocr"      // tesseract's reading of an image or an image-only PDF page
	NoText  Source = "none"     // nothing could be read: the person types the fields
)

// Field is one value read from a notice.
type Field struct {
	Value      string  // canonical form: "EAC2512345678", "A012345678", "2025-03-14", "I-485", "Receipt Notice"
	Confidence float64 // 0 to 1: lower for OCR, for corrected values and for values found by weaker rules
	Corrected  bool    // an OCR misreading was corrected (O for 0, 1 for I...): the person should confirm it
}

// Event is a dated thing a notice asks of the person: an appointment or a deadline.
type Event struct {
	Kind       string // "biometrics", "interview", "appointment", "rfe-due" or "noid-due"
	Date       string // YYYY-MM-DD
	Time       string // HH:MM, 24-hour, or "" for a deadline or an appointment printed without one
	Confidence float64
	Corrected  bool
}

// Notice is what Extract read from a notice. A Field with an empty Value was not found.
type Notice struct {
	ReceiptNumber Field   // the notice's own: the header's "Receipt Number"
	OtherReceipts []Field // related cases' receipt numbers mentioned in the body
	ANumbers      []Field
	AccountNumber Field // only when printed with its "USCIS Online Account Number" label
	Form          Field // from the case type: "I-485"
	FormTitle     string
	NoticeType    Field
	NoticeDate    Field
	ReceivedDate  Field
	PriorityDate  Field
	Events        []Event
	Warnings      []string // for people; they never contain an identifier
}

// Confidence of a value found by the best rule, by source: what the reader itself can get wrong.
var baseConfidence = map[Source]float64{PDFText: 0.98, OCR: 0.85}

// Extract reads a notice's fields from its text: the text layer of a PDF laid out in rows and
// columns (PDFium's layout reconstruction, pdftotext -layout), the notice package's layout of
// tesseract's word boxes, or tesseract's plain text. Only the first MaxTextLen bytes are read.
// Extract never fails: what it cannot find is left empty, and what looks wrong is kept and
// explained in Warnings.
func Extract(text string, source Source) Notice {
	p := newPage(text, source)
	x := &extraction{page: p, labels: p.findLabels(source == OCR), base: baseConfidence[source], claimed: make([]bool, len(p.head)), ocr: source == OCR}
	if x.base == 0 {
		x.base = 0.5
	}
	var n Notice
	n.ReceiptNumber, n.OtherReceipts, n.ANumbers, n.AccountNumber = x.identifiers()
	// A letter with no receipt number of its own is not a USCIS case notice (the NVC's and
	// consulates' letters cite USCIS forms and say "interview" too): its form and type are
	// only taken from a label that says so, never from the body.
	uscis := n.ReceiptNumber.Value != ""
	n.Form, n.FormTitle = x.premiumCase(x.form(uscis))
	n.NoticeType = x.noticeType(uscis)
	n.ReceivedDate, n.PriorityDate, n.NoticeDate = x.headerDates()
	if n.NoticeDate.Value == "" && uscis {
		n.NoticeDate = x.letterDate()
	}
	n.Events = x.events(n.NoticeType.Value)
	x.plausibleDates(&n)
	n.Warnings = x.warnings(&n)
	return n
}

// extraction is the state of one Extract call.
type extraction struct {
	*page
	labels [][]label // per line
	base   float64
	// claimed marks the bytes of the head that a field has taken, so that one date is never
	// two fields.
	claimed []bool
	ocr     bool // the text is OCR's, whose digits may be look-alikes (plausibleDates)
}

// field makes a Field of a value found by a rule of the given weight.
func (x *extraction) field(value string, weight float64, corrected bool) Field {
	return Field{Value: value, Confidence: x.confidence(weight, corrected), Corrected: corrected}
}

// correctedFactor lowers the confidence of a value an OCR correction was applied to.
const correctedFactor = 0.8

// confidence is the source's confidence, lowered by the rule's weight and for a correction,
// rounded to two places.
func (x *extraction) confidence(weight float64, corrected bool) float64 {
	c := x.base * weight
	if corrected {
		c *= correctedFactor
	}
	return round2(c)
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

func (x *extraction) claim(start, end int) {
	for i := start; i < end && i < len(x.claimed); i++ {
		x.claimed[i] = true
	}
}

func (x *extraction) isClaimed(start, end int) bool {
	return slices.Contains(x.claimed[min(start, len(x.claimed)):min(end, len(x.claimed))], true)
}
