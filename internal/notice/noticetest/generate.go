package noticetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Generate makes the notice of one seed. The same seed always gives the same truth and the same
// PDF bytes.
func Generate(seed int64) Notice {
	r := rand.New(rand.NewPCG(uint64(seed), 0x1797))
	l := compose(r)
	return Notice{Truth: l.truth, PDF: draw(l, r)}
}

// Corpus makes n notices from consecutive seeds starting at seed.
func Corpus(n int, seed int64) []Notice {
	ns := make([]Notice, n)
	for i := range ns {
		ns[i] = Generate(seed + int64(i))
	}
	return ns
}

// letter is everything one notice prints, decided before anything is drawn.
type letter struct {
	truth    Truth
	kind     int
	form     form
	variant  string // "I-797C"
	upper    bool   // labels in capitals
	receipt  string // as printed in the header
	caseType string // "I485 - APPLICATION FOR ..."

	partyName, beneficiary string
	aNumber                string // printed after the party's name, "" for none

	received, priority, notice string // MM/DD/YYYY, "" for blank

	address []string
	// noticeType is what the "Notice Type:" line prints; when it is "" the notice prints title
	// as a heading instead.
	noticeType, title string
	right             []string // lines beside the address: amount received, section, validity
	account           string   // a labelled USCIS online account number, printed above the body
	body              []string // paragraphs
	appointment       *appointment
	office            []string // the USCIS office block in the footer
	edition           string   // "Form I-797C 04/01/24"
}

// appointment is an appointment printed as a box, label above value, as on ASC notices.
type appointment struct {
	place      []string
	label      string
	date, time string
}

func compose(r *rand.Rand) *letter {
	l := &letter{kind: weighted(r, kindWeights), upper: r.IntN(4) == 0}
	l.form = pickForm(r, l.kind)
	l.variant = variants[l.kind]
	if l.kind == approval && (l.form.name == "I-129" || l.form.name == "I-539") {
		l.variant = "I-797A"
	}
	l.truth.Form = l.form.name
	l.truth.NoticeType = noticeTypes[l.kind]

	received := weekday(time.Date(2019, 10, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(2450)))
	l.truth.ReceiptNumber = receiptNumber(r, pick(r, l.form.prefixes), received)
	l.receipt = printReceipt(r, l.truth.ReceiptNumber, true)
	l.caseType = l.form.code + " - " + l.form.title

	notice := l.dates(r, received)
	l.people(r)
	l.noticeTypeLines(r)
	l.writeBody(r, received, notice)
	l.extras(r)
	l.office = pick(r, offices)
	l.edition = pick(r, []string{"Form " + l.variant + " 04/01/24", "Form " + l.variant + " (Rev. 01/01/24)",
		"Form " + l.variant + " 09/17/24", "Form " + l.variant + " 07/15/19 N"})
	return l
}

// pickForm chooses a form that can get a notice of kind.
func pickForm(r *rand.Rand, kind int) form {
	for {
		f := pick(r, forms)
		if kind == biometrics && !f.biometric || kind == interview && !f.interview {
			continue
		}
		return f
	}
}

// dates fixes the header dates and returns the notice date.
func (l *letter) dates(r *rand.Rand, received time.Time) time.Time {
	after := map[int][2]int{
		receipt: {1, 21}, rejection: {3, 30}, transfer: {30, 300}, approval: {45, 700},
		rfe: {30, 400}, noid: {60, 500}, biometrics: {10, 60}, interview: {90, 600}, denial: {90, 700},
	}[l.kind]
	notice := weekday(received.AddDate(0, 0, after[0]+r.IntN(after[1]-after[0])))
	var priority time.Time
	switch {
	case l.form.priority && l.form.petition:
		priority = received
		if r.IntN(5) == 0 {
			priority = received.AddDate(0, 0, -30-r.IntN(2000)) // kept from an earlier petition
		}
	case l.form.priority && r.IntN(5) < 2:
		priority = received.AddDate(0, 0, -100-r.IntN(3000)) // the underlying petition's
	case r.IntN(10) == 0:
		priority = received
	}
	l.received, l.notice = usDate(received), usDate(notice)
	l.truth.ReceivedDate, l.truth.NoticeDate = isoDate(received), isoDate(notice)
	if !priority.IsZero() {
		l.priority, l.truth.PriorityDate = usDate(priority), isoDate(priority)
	}
	return notice
}

// people names the filer, and the beneficiary of a petition, and gives one of them an A-number.
func (l *letter) people(r *rand.Rand) {
	name := func() string { return pick(r, surnames) + ", " + pick(r, givenNames) }
	l.partyName = name()
	if l.form.petition {
		l.beneficiary = name()
	}
	// Naturalization and replacement-card applicants are residents and always have one.
	if r.IntN(3) > 0 || l.form.name == "N-400" || l.form.name == "I-90" || l.form.name == "I-751" {
		a := aNumber(r)
		l.truth.ANumbers = append(l.truth.ANumbers, a)
		l.aNumber = printANumber(r, a, true)
	}
	first, last, _ := strings.Cut(l.partyName, ", ")
	l.address = []string{last + " " + first}
	if r.IntN(3) == 0 {
		l.address = append(l.address, pick(r, attorneys))
	}
	l.address = append(l.address, fmt.Sprintf("%d %s", 10+r.IntN(9000), pick(r, streets)))
	if r.IntN(3) == 0 {
		l.address = append(l.address, fmt.Sprintf("APT %d", 1+r.IntN(40)))
	}
	l.address = append(l.address, pick(r, cities))
}

// noticeTypeLines writes the "Notice Type:" line or, on one notice in eight, a heading instead.
func (l *letter) noticeTypeLines(r *rand.Rand) {
	if r.IntN(8) > 0 {
		l.noticeType = pick(r, noticeTypeLines[l.kind])
		return
	}
	l.title = strings.ToUpper(map[int]string{
		receipt: "Receipt Notice", approval: "Approval Notice", rfe: "Request for Evidence",
		biometrics: "Biometrics Appointment Notice", interview: "Request for Applicant to Appear for Interview",
		transfer: "Transfer Notice", rejection: "Rejection Notice", noid: "Notice of Intent to Deny",
		denial: "Denial Notice",
	}[l.kind])
}

// extras adds what only some notices print: amount and section lines, a labelled account
// number, a related case's receipt number, an A-number in the body, the own receipt repeated.
func (l *letter) extras(r *rand.Rand) {
	if l.kind == receipt && r.IntN(3) > 0 {
		l.right = append(l.right, "Amount received: $"+l.form.fee+" U.S.")
	}
	if l.kind == receipt || l.kind == approval {
		if s, ok := sections[l.form.name]; ok && r.IntN(2) == 0 {
			l.right = append(l.right, "Section: "+s)
		}
	}
	if r.IntN(4) == 0 {
		l.truth.AccountNumber = digits(r, 12)
		l.account = printAccount(r, l.truth.AccountNumber)
	}
	if r.IntN(10) < 3 {
		n := 1 + r.IntN(2)
		var said []string
		for range n {
			other := pickForm(r, receipt)
			rn := receiptNumber(r, pick(r, other.prefixes[:1]), time.Date(2019+r.IntN(7), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC))
			if r.IntN(3) == 0 && strings.HasPrefix(l.truth.ReceiptNumber, rn[:3]) {
				rn = nextReceipt(l.truth.ReceiptNumber) // filed together: consecutive numbers
			}
			if rn == l.truth.ReceiptNumber || slices.Contains(l.truth.OtherReceipts, rn) {
				continue
			}
			l.truth.OtherReceipts = append(l.truth.OtherReceipts, rn)
			said = append(said, fmt.Sprintf(pick(r, relatedCase), other.name, printReceipt(r, rn, false)))
		}
		l.body = append(l.body, strings.Join(said, " "))
	}
	if r.IntN(5) == 0 {
		a := aNumber(r)
		if len(l.truth.ANumbers) > 0 && r.IntN(2) == 0 {
			a = l.truth.ANumbers[0]
		}
		if !slices.Contains(l.truth.ANumbers, a) {
			l.truth.ANumbers = append(l.truth.ANumbers, a)
		}
		l.body = append(l.body, fmt.Sprintf(pick(r, aNumberInBody), printANumber(r, a, false)))
	}
	if r.IntN(5) == 0 {
		l.body = append(l.body, fmt.Sprintf("Please include receipt number %s in any correspondence about this case.",
			printReceipt(r, l.truth.ReceiptNumber, false)))
	}
}

var sections = map[string]string{
	"I-130": "201(b) Spouse - IR-1/CR-1", "I-485": "Adjustment as direct beneficiary of immigrant petition",
	"I-765": "(c)(9) Pending adjustment of status", "I-140": "203(b)(2) Member of professions w/adv deg",
	"I-129": "Classification: H-1B", "I-539": "Extension of stay: B-2",
}

var relatedCase = []string{
	"We have also received your Form %s, receipt number %s.",
	"This case is related to Form %s, receipt number %s, which remains pending.",
	"Related case: Form %s (%s).",
	"Your Form %s, Receipt Number %s, will be decided separately.",
}

var aNumberInBody = []string{
	"A-Number: %s",
	"Your A-Number is %s. Please write it on any correspondence.",
	"Beneficiary's A# %s",
	"USCIS# %s",
	"Alien Registration Number: %s",
}

func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
