package fields

// Fill completes a reading of a scan with a second reading of the same pages made another
// way (notice.Document.SecondReading: a fax's pages read again without their strokes
// thickened, which reads some thin slashes and digits the first reading lost, and loses
// others). Each field the first reading left empty is taken from the second, marked corrected
// for the person to confirm; a field the first read is kept, even where the second reads it
// otherwise, so that a second reading never changes what one reading found.
func Fill(first, second Notice) Notice {
	n := first
	filled := false
	fill := func(f *Field, g Field) {
		if f.Value == "" && g.Value != "" {
			*f = g
			f.Corrected = true
			f.Confidence = round2(g.Confidence * correctedFactor)
			filled = true
		}
	}
	fill(&n.ReceiptNumber, second.ReceiptNumber)
	fill(&n.AccountNumber, second.AccountNumber)
	if n.Form.Value == "" && second.Form.Value != "" {
		n.FormTitle = second.FormTitle
	}
	fill(&n.Form, second.Form)
	fill(&n.NoticeType, second.NoticeType)
	fill(&n.NoticeDate, second.NoticeDate)
	fill(&n.ReceivedDate, second.ReceivedDate)
	fill(&n.PriorityDate, second.PriorityDate)
	fillList := func(fs *[]Field, gs []Field) {
		if len(*fs) == 0 && len(gs) > 0 {
			for _, g := range gs {
				var f Field
				fill(&f, g)
				*fs = append(*fs, f)
			}
		}
	}
	fillList(&n.ANumbers, second.ANumbers)
	if len(n.OtherReceipts) == 0 {
		var others []Field
		for _, o := range second.OtherReceipts {
			if o.Value != n.ReceiptNumber.Value {
				others = append(others, o)
			}
		}
		fillList(&n.OtherReceipts, others)
	}
	// An appointment whose time the first reading lost takes the second's, for the same day.
	if len(n.Events) == len(second.Events) {
		n.Events = append([]Event(nil), n.Events...)
		for i, e := range second.Events {
			if f := &n.Events[i]; f.Time == "" && e.Time != "" && f.Kind == e.Kind && f.Date == e.Date {
				f.Time, f.Corrected, f.Confidence = e.Time, true, round2(f.Confidence*correctedFactor)
				filled = true
			}
		}
	}
	if len(n.Events) == 0 && len(second.Events) > 0 {
		for _, e := range second.Events {
			e.Corrected, e.Confidence = true, round2(e.Confidence*correctedFactor)
			n.Events = append(n.Events, e)
		}
		filled = true
	}
	if !filled {
		return first
	}
	n.Warnings = noticeWarnings(false, &n)
	return n
}

// Incomplete says that a reading lacks something every USCIS notice prints (its receipt
// number, form, notice and received dates) or an appointment's time: worth reading again a
// scan that was read poorly. A letter that is no USCIS notice is always incomplete.
func (n Notice) Incomplete() bool {
	if n.ReceiptNumber.Value == "" || n.Form.Value == "" || n.NoticeDate.Value == "" || n.ReceivedDate.Value == "" {
		return true
	}
	for _, e := range n.Events {
		if e.Time == "" && (e.Kind == "biometrics" || e.Kind == "interview") {
			return true
		}
	}
	return false
}
