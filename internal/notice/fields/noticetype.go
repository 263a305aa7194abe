package fields

import (
	"regexp"
	"strings"
)

// Rule weights for the notice type.
const (
	typeLineWeight = 1.0  // the "Notice Type:" line
	titleWeight    = 0.95 // a heading that is only the type: "REQUEST FOR EVIDENCE"
	bodyTypeWeight = 0.8  // a phrase in the text: "has been approved"
	rawTypeWeight  = 0.6  // a "Notice Type:" value that none of the known types matches
)

// maxTypeValueLen is the longest heading or "Notice Type:" value taken for a type: longer is a
// sentence. The N-400's "REQUEST FOR APPLICANT TO APPEAR FOR NATURALIZATION INITIAL INTERVIEW"
// is 68.
const maxTypeValueLen = 80

// noticeTypes are the types a notice can have, each with what says so. Order matters when the type
// is read from running text: the first type whose phrase occurs wins, and receipt comes last
// because requests for evidence and the like say they "received" the case
// (docs/identifiers.md#notice-types). Appointment and interview notices come after decisions for
// the same reason: a receipt or a denial may mention an appointment.
var noticeTypes = []struct{ name, phrase string }{
	{"Request for Evidence", `Request for (?:Initial |Additional )?Evidence|\bRFE\b`},
	{"Notice of Intent to Deny", `(?:Notice of )?Intent to Deny|\bNOID\b`},
	{"Notice of Intent to Revoke", `(?:Notice of )?Intent to Revoke|\bNOIR\b`},
	{"Denial Notice", `Denial Notice|has been denied|we denied`},
	{"Rejection Notice", `Rejection Notice|has been rejected|we rejected`},
	{"Approval Notice", `Approval Notice|has been approved|we approved|Welcome Notice|Conditions Approved`},
	{"Transfer Notice", `Transfer Notice|we transferred|has been transferred`},
	{"Reopen Notice", `Re-?open(?:ed)? Notice|has been re-?opened|we re-?opened`},
	{"Biometrics Appointment", `(?:ASC|Biometrics?) Appointment|Application Support Center|Fingerprint (?:Notification|Appointment|Notice)`},
	{"Interview Notice", `Interview Notice|Interview Rescheduled|Appear for (?:an |your |the )?(?:Naturalization )?(?:Initial )?Interview`},
	{"Account Access Notice", `Account Access Notice`},
	{"Transportation Letter", `Transportation Letter`},
	{"Receipt Notice", `Receipt Notice|has been received`},
}

// typePhrases matches the phrase of every type, case-insensitively and with any run of spaces
// between words; the group that took part says which type. One pass finds them all.
var typePhrases = func() *regexp.Regexp {
	alts := make([]string, len(noticeTypes))
	for i, t := range noticeTypes {
		alts[i] = "(" + strings.ReplaceAll(t.phrase, " ", `\s+`) + ")"
	}
	return regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
}()

// noticeType reads the notice type: from the "Notice Type:" line where the notice prints one,
// else from a heading that names the type, else from the phrases of the text in the order
// above.
func (x *extraction) noticeType(fromBody bool) Field {
	for _, ls := range x.labels {
		for _, lb := range ls {
			if lb.kind != noticeTypeLabel {
				continue
			}
			ln := x.lines[lb.line]
			rest := strings.TrimLeft(ln.text[lb.end:], " :")
			value := rest
			if c, ok := ln.cellAt(len(ln.text) - len(rest)); ok {
				value = ln.text[len(ln.text)-len(rest) : c.end]
			}
			if value == "" {
				continue
			}
			if isDecision(value) {
				if name, ok := decisionOf(x.head); ok {
					return x.field(name, typeLineWeight, false)
				}
			}
			// The value is its cell, or more of the row where a layout spaced its words apart.
			for _, v := range []string{value, rest} {
				if name, ok := typeOf(v); ok {
					return x.field(name, typeLineWeight, false)
				}
				if name, ok := typeOfRunTogether(v); ok {
					return x.field(name, typeLineWeight, true)
				}
			}
			if len(value) <= maxTypeValueLen {
				return x.field(titleCase(value), rawTypeWeight, false)
			}
		}
	}
	if !fromBody {
		return Field{}
	}
	for _, ln := range x.lines[:x.headLines] {
		for _, c := range ln.cells {
			if cell := ln.text[c.start:c.end]; isHeading(cell) || len(ln.cells) == 1 && isTitle(cell) {
				if name, ok := typeOf(cell); ok {
					return x.field(name, titleWeight, false)
				}
				if isDecision(cell) {
					if name, ok := decisionOf(x.head); ok {
						return x.field(name, titleWeight, false)
					}
				}
			}
		}
	}
	if name, ok := typeOf(x.head); ok {
		return x.field(name, bodyTypeWeight, false)
	}
	return Field{}
}

// decisionTitle is a type line or heading that names no type but says the notice decides the
// case: "DECISION", "Notice of Decision". What was decided is in the text.
var decisionTitle = regexp.MustCompile(`(?i)^\s*(?:notice\s+of\s+)?decision\s*$`)

func isDecision(s string) bool { return decisionTitle.MatchString(s) }

// decisions are the types of a notice that decides a case, in the order their phrases are
// taken from its text: a denial that recounts an earlier approval of another case is a denial.
var decisions = []string{"Denial Notice", "Rejection Notice", "Approval Notice"}

// decisionOf is the decision the text of a decision notice states, whatever earlier steps of
// the case (a request for evidence, a notice of intent to deny) it recounts.
func decisionOf(s string) (string, bool) {
	found := typesIn(s)
	for _, name := range decisions {
		if found[name] {
			return name, true
		}
	}
	return "", false
}

// typesIn is the set of types whose phrases occur in s.
func typesIn(s string) map[string]bool {
	found := map[string]bool{}
	for _, m := range typePhrases.FindAllStringSubmatchIndex(s, -1) {
		for g := 1; g <= len(noticeTypes); g++ {
			if m[2*g] >= 0 {
				found[noticeTypes[g-1].name] = true
				break
			}
		}
	}
	return found
}

// typeOf returns the first type, in the order of noticeTypes, whose phrase occurs in s, but
// that a denial outranks the requests that come before one: a denial recounts the request for
// evidence or the notice of intent to deny that preceded it ("On …, we sent you a request for
// additional evidence"), while a request says what may happen, never that the case "has been
// denied".
func typeOf(s string) (string, bool) {
	found := typesIn(s)
	if found["Denial Notice"] &&
		(found["Request for Evidence"] || found["Notice of Intent to Deny"] || found["Notice of Intent to Revoke"]) {
		return "Denial Notice", true
	}
	for _, t := range noticeTypes {
		if found[t.name] {
			return t.name, true
		}
	}
	return "", false
}

// typePhrasesRunTogether are the phrases without their spaces, to read a value whose words
// OCR split or joined ("Receipt Not Ice").
var typePhrasesRunTogether = func() *regexp.Regexp {
	alts := make([]string, len(noticeTypes))
	for i, t := range noticeTypes {
		alts[i] = "(" + strings.ReplaceAll(t.phrase, " ", "") + ")"
	}
	return regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
}()

// typeOfRunTogether is typeOf for a short value read with its spaces taken out.
func typeOfRunTogether(s string) (string, bool) {
	m := typePhrasesRunTogether.FindStringSubmatchIndex(strings.ReplaceAll(s, " ", ""))
	for g := 1; m != nil && g <= len(noticeTypes); g++ {
		if m[2*g] >= 0 {
			return noticeTypes[g-1].name, true
		}
	}
	return "", false
}

// isHeading reports whether a cell reads like a heading rather than a sentence: a few words,
// mostly capitals, no full stop.
func isHeading(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > maxTypeValueLen || strings.HasSuffix(s, ".") {
		return false
	}
	upper, letters := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			upper++
			letters++
		case 'a' <= c && c <= 'z':
			letters++
		}
	}
	return letters > 0 && upper*10 >= letters*8
}

// isTitle reports whether a cell alone on its row is a heading not in capitals, "Notice of
// Intent to Deny", "Approval notice": a few words starting with a capital, no full stop, and
// most of it the phrase of a type. An address line ("Application Support Center") names a
// place, not a type.
func isTitle(s string) bool {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || strings.HasSuffix(s, ".") || !('A' <= s[0] && s[0] <= 'Z') {
		return false
	}
	m := typePhrases.FindStringIndex(s)
	if m == nil || (m[1]-m[0])*10 < len(s)*6 {
		return false
	}
	name, _ := typeOf(s)
	return name != "Biometrics Appointment" || strings.Contains(strings.ToLower(s), "appointment")
}

// titleCase writes a notice type printed in capitals as the other types are written.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i == 0 || (w != "of" && w != "for" && w != "to" && w != "and") {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
