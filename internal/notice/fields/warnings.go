package fields

import (
	"strings"

	"immivault/internal/ids"
)

// warnings says what a person should check before saving what Extract read. Dates that break
// the order notices keep (priority, then received, then notice) are kept and warned about: a
// misread digit is likelier than a wrong notice, but either way the person decides.
func (x *extraction) warnings(n *Notice) []string {
	return noticeWarnings(strings.TrimSpace(x.text) == "", n)
}

func noticeWarnings(noText bool, n *Notice) []string {
	ws := []string{}
	if noText {
		return append(ws, "no text could be read from this file: type the fields from the notice")
	}
	if n.ReceiptNumber.Value == "" {
		ws = append(ws, "no receipt number was found: type it from the notice's Receipt Number box")
	} else {
		for _, w := range ids.Explain(ids.ReceiptNumber, []byte(n.ReceiptNumber.Value)).Warnings {
			ws = append(ws, "receipt number: "+w)
		}
	}
	r, p, nd := n.ReceivedDate.Value, n.PriorityDate.Value, n.NoticeDate.Value
	if r != "" && nd != "" && r > nd {
		ws = append(ws, "the received date is after the notice date: check both against the notice")
	}
	if p != "" && r != "" && p > r {
		ws = append(ws, "the priority date is after the received date: check both against the notice")
	}
	if anyCorrected(n) {
		ws = append(ws, "some characters were read as look-alikes and corrected (O as 0, I as 1): confirm the marked fields")
	}
	return ws
}

func anyCorrected(n *Notice) bool {
	fs := []Field{n.ReceiptNumber, n.AccountNumber, n.Form, n.NoticeType, n.NoticeDate, n.ReceivedDate, n.PriorityDate}
	fs = append(append(fs, n.OtherReceipts...), n.ANumbers...)
	for _, f := range fs {
		if f.Corrected {
			return true
		}
	}
	for _, e := range n.Events {
		if e.Corrected {
			return true
		}
	}
	return false
}
