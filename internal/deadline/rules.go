package deadline

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"text/template"
	"time"

	"immivault/internal/vault"
)

//go:embed rules.json
var rulesJSON []byte

// maxTableSize bounds what the loader reads: the table is ours, but a
// truncated or runaway edit should fail loudly, not slowly.
const maxTableSize = 1 << 20

// Rule is one row of the rules table (rules.json). Only the numbers, the
// dates, the sources and the texts are data; which records a basis reads
// is code, so that a new kind of date needs a new basis here first.
type Rule struct {
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Basis says which records the rule reads and which of their dates it
	// counts from (the anchor): "event" (an event's date), "notice" (the
	// notice date printed on a notice), "document" (an identifier's
	// expiry date, or its issue date as Anchor says), "resident-since" (a
	// person's Resident Since date), "born" (their date of birth), "moved"
	// (the day they last moved), "job-ended" (the last day of the job
	// their status rests on) or "abroad" (the day a trip that has not
	// ended began).
	// "naturalization-5-year" and "naturalization-3-year" date the rule
	// the earliest N-400 filing day under that rule, as
	// internal/naturalization works it out (naturalization.go).
	Basis       string   `json:"basis"`
	EventKinds  []string `json:"event_kinds,omitempty"`  // basis "event": the event kinds it applies to
	NoticeTypes []string `json:"notice_types,omitempty"` // basis "notice": the notice types it applies to
	// Forms and NotForms filter on the form of the notice or event's case
	// ("I-485"); a notice whose form is unknown passes NotForms only.
	Forms    []string `json:"forms,omitempty"`
	NotForms []string `json:"not_forms,omitempty"`
	// PrintedBy lists the event kinds whose printed date replaces this
	// rule's computed one for the same notice (basis "notice").
	PrintedBy []string `json:"printed_by,omitempty"`
	// Documents are the documents a "document" rule reads: "green-card",
	// "ead-card", "passport", "i94", "advance-parole", "visa".
	Documents []string `json:"documents,omitempty"`
	// Anchor is the document's date a "document" rule counts from:
	// "expires" (the default), "issued", or "issued-without-expiry" (the
	// issue date of a document whose expiry date is not known, when the
	// regulation says how long it lasts).
	Anchor string `json:"anchor,omitempty"`
	// Classes and NotClasses filter on the class printed on the document
	// ("C09", "F1"; basis "document"): a document without one passes
	// NotClasses only.
	Classes    []string         `json:"classes,omitempty"`
	NotClasses []string         `json:"not_classes,omitempty"`
	Person     PersonCondition  `json:"person,omitzero"`
	Filing     *FilingCondition `json:"filing,omitempty"`
	// UntilI94 ends the date at the person's I-94 Admit Until, when that
	// comes first (of their I-94s of Person.I94Classes, if given).
	UntilI94 bool `json:"until_i94,omitempty"`

	Offset   Offset `json:"offset,omitzero"`     // added to the anchor
	MailDays int    `json:"mail_days,omitempty"` // added after Offset, for a notice served by mail
	LeadDays []int  `json:"lead_days"`

	// The rule applies only when the date named by JudgedOn falls within
	// EffectiveFrom–EffectiveTo (YYYY-MM-DD, both included, either may be
	// empty). JudgedOn is "anchor" (the default), "filed" (the received
	// date of the filing found by Filing), "date" (the computed date) or
	// "today".
	EffectiveFrom string `json:"effective_from,omitempty"`
	EffectiveTo   string `json:"effective_to,omitempty"`
	JudgedOn      string `json:"judged_on,omitempty"`

	SourceURL   string `json:"source_url"`
	Reliability string `json:"reliability"`           // "official", "secondary" or "unverified"
	VerifiedOn  string `json:"verified_on,omitempty"` // YYYY-MM-DD; empty only when unverified
	Note        string `json:"note,omitempty"`        // for maintainers: why the numbers are what they are

	// Title and Action are text/template texts; see textData for the
	// placeholders.
	Title  Text `json:"title"`
	Action Text `json:"action"`

	title, action [2]*template.Template // parsed EN, ES
}

// Offset is a span of years, months and days; negative counts back.
type Offset struct {
	Years  int `json:"years,omitempty"`
	Months int `json:"months,omitempty"`
	Days   int `json:"days,omitempty"`
}

// PersonCondition restricts a rule to some people; empty fields do not.
type PersonCondition struct {
	Conditional *bool `json:"conditional,omitempty"`
	ViaMarriage *bool `json:"via_marriage,omitempty"`
	// HasCase and NoCase need (or forbid) a case of the person's, or of
	// the principal their residence comes through, with one of these
	// forms, e.g. an investor petition for I-829.
	HasCase []string `json:"has_case,omitempty"`
	NoCase  []string `json:"no_case,omitempty"`
	// I751Waiver: files the I-751 asking for a waiver of the joint filing.
	I751Waiver *bool `json:"i751_waiver,omitempty"`
	// Resident: a permanent resident (a Resident Since date or a green
	// card in the vault).
	Resident    *bool `json:"resident,omitempty"`
	SeeksAsylum *bool `json:"seeks_asylum,omitempty"`
	// DurationOfStatus: has an I-94 marked D/S.
	DurationOfStatus *bool `json:"duration_of_status,omitempty"`
	// I94Classes needs an I-94 of the person's with one of these classes
	// of admission.
	I94Classes []string `json:"i94_classes,omitempty"`
	// GreenCardOutlives needs a green card of the person's that does not
	// expire before the anchor plus this span (one with no expiry date
	// counts): a card that runs out first makes the rule moot.
	GreenCardOutlives *Offset `json:"green_card_outlives,omitempty"`
}

// FilingCondition looks for the follow-up filing of a document: the
// person's latest case with one of Forms received on or after the anchor
// plus From (an earlier case is an earlier filing, not this one's).
type FilingCondition struct {
	Forms []string `json:"forms"`
	From  Offset   `json:"from,omitzero"`
	// Is is "none" (no such case), "filed" (there is one) or "timely"
	// (there is one, received on or before the anchor).
	Is string `json:"is"`
	// WithPrincipal counts the filings of the principal the person's
	// residence comes through as the person's: an investor's I-829
	// includes the spouse and children.
	WithPrincipal bool `json:"with_principal,omitempty"`
}

// table is the parsed rules file.
type table struct {
	Version int    `json:"version"`
	Updated string `json:"updated"`
	Rules   []Rule `json:"rules"`
}

var embedded = sync.OnceValue(func() *table {
	t, err := parseTable(rulesJSON)
	if err != nil {
		panic("deadline: the embedded rules.json is broken: " + err.Error())
	}
	return t
})

// Rules returns the rules table in its order. The slice is a copy.
func Rules() []Rule { return slices.Clone(embedded().Rules) }

// TableVersion is the rules table's version and the date it was updated.
func TableVersion() (version int, updated string) {
	t := embedded()
	return t.Version, t.Updated
}

var (
	bases         = []string{"event", "notice", "document", "resident-since", "born", "moved", "job-ended", "abroad", "naturalization-5-year", "naturalization-3-year"}
	anchors       = []string{"", "expires", "issued", "issued-without-expiry"}
	kinds         = []Kind{Due, WindowOpens, WindowCloses, Appointment, Expires}
	reliabilities = []string{"official", "secondary", "unverified"}
	judgedOn      = []string{"", "anchor", "filed", "date", "today"}
	filingStates  = []string{"none", "filed", "timely"}
)

// parseTable reads and checks a rules file. Every error names the rule.
func parseTable(data []byte) (*table, error) {
	if len(data) > maxTableSize {
		return nil, fmt.Errorf("the rules file is larger than %d bytes", maxTableSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var t table
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("the rules file is not valid: %w", err)
	}
	if dec.More() {
		return nil, errors.New("the rules file has more than one JSON value")
	}
	if t.Version < 1 {
		return nil, errors.New(`the rules file needs a "version" of 1 or more`)
	}
	if !isDate(t.Updated) {
		return nil, errors.New(`the rules file needs an "updated" date as YYYY-MM-DD`)
	}
	if len(t.Rules) == 0 {
		return nil, errors.New("the rules file has no rules")
	}
	seen := map[string]bool{}
	for i := range t.Rules {
		r := &t.Rules[i]
		if err := r.check(); err != nil {
			if r.ID == "" {
				return nil, fmt.Errorf("rule %d: %w", i+1, err)
			}
			return nil, fmt.Errorf("rule %q: %w", r.ID, err)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("rule %q appears twice", r.ID)
		}
		seen[r.ID] = true
	}
	return &t, nil
}

func (r *Rule) check() error {
	switch {
	case r.ID == "" || strings.ContainsAny(r.ID, " /"):
		return errors.New(`needs an "id" without spaces or slashes`)
	case !slices.Contains(kinds, r.Kind):
		return fmt.Errorf("unknown kind %q", r.Kind)
	case !slices.Contains(bases, r.Basis):
		return fmt.Errorf("unknown basis %q", r.Basis)
	case r.Basis == "event" && len(r.EventKinds) == 0:
		return errors.New(`an "event" rule needs "event_kinds"`)
	case r.Basis == "notice" && len(r.NoticeTypes) == 0:
		return errors.New(`a "notice" rule needs "notice_types"`)
	case r.Basis == "document" && len(r.Documents) == 0:
		return errors.New(`a "document" rule needs "documents"`)
	case r.Basis != "event" && len(r.EventKinds) > 0,
		r.Basis != "notice" && (len(r.NoticeTypes) > 0 || len(r.PrintedBy) > 0),
		r.Basis != "document" && (len(r.Documents) > 0 || r.Anchor != "" || len(r.Classes) > 0 || len(r.NotClasses) > 0):
		return errors.New("has fields that do not belong to its basis")
	case !slices.Contains(anchors, r.Anchor):
		return fmt.Errorf("unknown anchor %q", r.Anchor)
	case r.MailDays < 0:
		return errors.New(`"mail_days" cannot be negative`)
	case len(r.LeadDays) == 0:
		return errors.New(`needs "lead_days"`)
	case !slices.Contains(reliabilities, r.Reliability):
		return fmt.Errorf("unknown reliability %q", r.Reliability)
	case !strings.HasPrefix(r.SourceURL, "https://") && !strings.HasPrefix(r.SourceURL, "http://"):
		return errors.New(`needs a "source_url"`)
	case r.VerifiedOn == "" && r.Reliability != "unverified":
		return errors.New(`needs "verified_on", or reliability "unverified"`)
	case r.VerifiedOn != "" && !isDate(r.VerifiedOn):
		return errors.New(`"verified_on" must be a date as YYYY-MM-DD`)
	case r.EffectiveFrom != "" && !isDate(r.EffectiveFrom), r.EffectiveTo != "" && !isDate(r.EffectiveTo):
		return errors.New(`effective dates must be dates as YYYY-MM-DD`)
	case r.EffectiveFrom != "" && r.EffectiveTo != "" && r.EffectiveTo < r.EffectiveFrom:
		return errors.New(`"effective_to" is before "effective_from"`)
	case !slices.Contains(judgedOn, r.JudgedOn):
		return fmt.Errorf("unknown judged_on %q", r.JudgedOn)
	case r.JudgedOn == "filed" && (r.Filing == nil || r.Filing.Is == "none"):
		return errors.New(`judged on "filed" needs a "filing" that is filed or timely`)
	}
	for _, d := range r.Documents {
		if !slices.Contains(documentNames, d) {
			return fmt.Errorf("unknown document %q", d)
		}
	}
	for _, c := range slices.Concat(r.Classes, r.NotClasses, r.Person.I94Classes) {
		if n, err := vault.NormalizeClass("", c); err != nil || n != c {
			return fmt.Errorf("class %q is not written as the rules compare it, e.g. C09, F1, H1B", c)
		}
	}
	for i, d := range r.LeadDays {
		if d < 0 || (i > 0 && d >= r.LeadDays[i-1]) {
			return errors.New(`"lead_days" must be 0 or more, largest first`)
		}
	}
	forms := slices.Concat(r.Forms, r.NotForms, r.Person.HasCase, r.Person.NoCase)
	if f := r.Filing; f != nil {
		if len(f.Forms) == 0 || !slices.Contains(filingStates, f.Is) {
			return errors.New(`a "filing" needs "forms" and "is" of none, filed or timely`)
		}
		forms = append(forms, f.Forms...)
	}
	for _, f := range forms {
		if normForm(f) != f {
			return fmt.Errorf("form %q is not written as USCIS prints it, e.g. I-485", f)
		}
	}
	return r.parseTexts()
}

// parseTexts parses the four texts and renders each against sample data
// with every placeholder set and with the optional ones empty, so that a
// misspelt placeholder or an empty text is refused when the table loads,
// not when a reminder is due.
func (r *Rule) parseTexts() error {
	texts := []struct {
		what string
		src  Text
		dst  *[2]*template.Template
	}{{"title", r.Title, &r.title}, {"action", r.Action, &r.action}}
	for _, tx := range texts {
		for lang, src := range []string{tx.src.EN, tx.src.ES} {
			name := tx.what + "." + langNames[lang]
			if strings.TrimSpace(src) == "" {
				return fmt.Errorf("%s is empty", name)
			}
			tmpl, err := template.New(name).Option("missingkey=error").Parse(src)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			for _, sample := range []textData{fullSample, emptySample} {
				var b strings.Builder
				if err := tmpl.Execute(&b, sample); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				if out := b.String(); strings.TrimSpace(out) == "" || strings.Contains(out, "{{") || strings.Contains(out, "<no value>") {
					return fmt.Errorf("%s renders as %q", name, out)
				}
			}
			tx.dst[lang] = tmpl
		}
	}
	return nil
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
