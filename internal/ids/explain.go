package ids

import (
	"fmt"
	"strconv"
	"time"
)

// now is the clock used to find the current fiscal year; tests pin it.
var now = time.Now

// Explanation is what a stored value says about itself, for the person who owns it.
type Explanation struct {
	Summary    string   // one line, e.g. "Receipt number from the Vermont Service Center, fiscal year 2025 (Oct 2024–Sep 2025)"
	Office     string   // receipts: the service center or asylum office, "" if unknown
	FiscalYear int      // receipts: the USCIS fiscal year of intake, 0 when the digits do not encode one
	Warnings   []string // things worth a second look; the value is still accepted
}

// office is what a receipt prefix tells.
type office struct {
	name string // "" for an asylum office whose prefix is known but whose city is not confirmed
	// noFiscalYear is set where the digits after the prefix are not year/workday/sequence:
	// ELIS numbers (IOE) do not follow that pattern.
	noFiscalYear bool
	asylum       bool
}

// receiptOffices maps the receipt prefixes listed in docs/identifiers.md#office-prefixes to their
// offices.
var receiptOffices = map[string]office{
	"EAC": {name: "Vermont Service Center"},
	"VSC": {name: "Vermont Service Center"},
	"WAC": {name: "California Service Center"},
	"CSC": {name: "California Service Center"},
	"LIN": {name: "Nebraska Service Center"},
	"NSC": {name: "Nebraska Service Center"},
	"SRC": {name: "Texas Service Center"},
	"TSC": {name: "Texas Service Center"},
	"MSC": {name: "National Benefits Center"},
	"NBC": {name: "National Benefits Center"},
	"YSC": {name: "Potomac Service Center"},
	"IOE": {name: "USCIS Electronic Immigration System (ELIS)", noFiscalYear: true},
	"ZAR": {name: "Arlington Asylum Office", asylum: true},
	"ZCH": {name: "Chicago Asylum Office", asylum: true},
	"ZHN": {name: "Houston Asylum Office", asylum: true},
	"ZLA": {name: "Los Angeles Asylum Office", asylum: true},
	"ZMI": {name: "Miami Asylum Office", asylum: true},
	"ZNK": {name: "Newark Asylum Office", asylum: true},
	"ZNY": {name: "New York Asylum Office", asylum: true},
	"ZSF": {name: "San Francisco Asylum Office", asylum: true},
	"ZBO": {asylum: true},
	"ZOL": {asylum: true},
	"ZSE": {asylum: true},
}

// knownReceiptPrefix reports whether p is a prefix that Case Status Online uses, which is
// enough for Find to call an unlabelled number a receipt.
func knownReceiptPrefix(p string) bool {
	o, ok := receiptOffices[p]
	return ok && !o.asylum
}

// eadCategories names the categories docs/identifiers.md#ead-categories lists.
var eadCategories = map[string]string{
	"A03": "refugee",
	"A05": "asylee",
	"A10": "granted withholding of removal",
	"C08": "asylum application pending",
	"C09": "adjustment of status application pending",
	"C10": "NACARA applicant",
}

// Explain says what a stored value tells about itself: for receipts the office and, where the
// digits encode it, the fiscal year and intake workday; for SSNs whether the number is an ITIN
// or a published sample. Oddities become warnings, never errors.
func Explain(k Kind, norm []byte) Explanation {
	n, err := Normalize(k, norm)
	if err != nil {
		return Explanation{Summary: k.Title(), Warnings: []string{err.Error()}}
	}
	s := string(n)
	clear(n)
	if s != string(norm) {
		return Explanation{Summary: k.Title(), Warnings: []string{"this value is not in storage form; normalize it first"}}
	}
	switch k {
	case ReceiptNumber:
		return explainReceipt(s)
	case GreenCard:
		if s == "AAA0000000000" {
			return Explanation{Summary: "Green card number placeholder for a card issued before December 1997, which has no card number"}
		}
		return Explanation{Summary: "Green card (Permanent Resident Card) number"}
	case EADCard:
		return Explanation{Summary: "EAD card (Employment Authorization Document) number"}
	case EADCategory:
		return explainEADCategory(s)
	case SSN:
		return explainSSN(s)
	case I94:
		if isUpper(s[9]) {
			return Explanation{Summary: "I-94 record number, in the format used since May 2019"}
		}
		return Explanation{Summary: "I-94 record number"}
	case SEVISID:
		return Explanation{Summary: "SEVIS ID from a Form I-20 or DS-2019; it stays the same after a school transfer"}
	case NVCCase:
		return Explanation{Summary: "NVC case number; its letters are the code of the consular post (" + s[:3] + ")"}
	}
	return Explanation{Summary: k.Title()}
}

func explainReceipt(s string) Explanation {
	prefix := s[:3]
	o, known := receiptOffices[prefix]
	e := Explanation{Office: o.name}
	switch {
	case !known:
		e.Summary = "Receipt number from an unrecognized office (" + prefix + ")"
		e.Warnings = append(e.Warnings, "unrecognized office: "+prefix+" is not a prefix of a service center or asylum office")
		return e
	case o.name == "":
		e.Summary = "Receipt number from an asylum office (" + prefix + ")"
	default:
		e.Summary = "Receipt number from the " + o.name
	}
	if o.noFiscalYear {
		return e
	}
	current := fiscalYear(now())
	fy := receiptFiscalYear(s[3:5], current)
	workday, sequence := s[5:8], s[8:]
	e.FiscalYear = fy
	// The workday digits stay out of the summary: with the mask's prefix
	// and last four they would show all but one digit.
	e.Summary += fmt.Sprintf(", fiscal year %d (Oct %d–Sep %d)", fy, fy-1, fy)
	if fy > current+1 {
		e.Warnings = append(e.Warnings, fmt.Sprintf("fiscal year %d has not started yet", fy))
	}
	if wd, _ := strconv.Atoi(workday); wd == 0 || wd > 300 {
		e.Warnings = append(e.Warnings, "its intake-workday digits are outside the 1–300 workdays of a fiscal year")
	}
	if sequence == "00000" {
		e.Warnings = append(e.Warnings, "sequence number 00000 is not used")
	}
	return e
}

// fiscalYear is the US federal fiscal year of t, which starts on October 1.
func fiscalYear(t time.Time) int {
	if t.Month() >= time.October {
		return t.Year() + 1
	}
	return t.Year()
}

// receiptFiscalYear reads the two year digits of a receipt. Receipts have used this layout since
// the 1990s, so 90–99 that would otherwise lie beyond next year are the 1990s; anything else is
// this century, and Explain warns when that is in the future.
func receiptFiscalYear(yy string, current int) int {
	n, _ := strconv.Atoi(yy)
	if 2000+n > current+1 && n >= 90 {
		return 1900 + n
	}
	return 2000 + n
}

// explainEADCategory spells C09 the way the regulation (8 CFR 274a.12) and most forms do, (c)(9).
func explainEADCategory(s string) Explanation {
	n, _ := strconv.Atoi(s[1:3])
	name := fmt.Sprintf("(%c)(%d)", s[0]+'a'-'A', n)
	if len(s) == 4 {
		name += "(" + s[3:] + ")"
	}
	summary := "EAD category " + name
	if what, ok := eadCategories[s]; ok {
		summary += ": " + what
	}
	return Explanation{Summary: summary}
}

func explainSSN(s string) Explanation {
	e := Explanation{Summary: "Social Security number"}
	switch {
	case s[0] == '9':
		e.Summary = "Individual Taxpayer Identification Number (ITIN)"
		e.Warnings = append(e.Warnings, "numbers starting with 9 are ITINs issued by the IRS, not Social Security numbers")
	case s == "078051120" || s == "219099999":
		e.Warnings = append(e.Warnings, "this number was printed on sample cards and belongs to no one")
	}
	return e
}
