package ui

import (
	"bytes"
	"strings"
	"unicode"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

// searchIndex finds q in the family: names, identifier values (compared in
// storage form, shown masked), receipt numbers, forms, notice types and
// logins (by service and username). Each hit leads to its person.
func searchIndex(ix *vault.Index, q string) []listRow {
	words := strings.ToLower(strings.TrimSpace(q))
	compact := compactQuery(q)
	// An abbreviation people use finds what it stands for as well.
	also := abbreviations[strings.Trim(words, ".")]
	wider := func(fields ...string) bool {
		for _, w := range also {
			if matches(w, nil, fields...) {
				return true
			}
		}
		return false
	}
	var out []listRow
	name := map[string]string{}
	for _, p := range ix.People {
		name[p.ID] = p.Name
		if strings.Contains(strings.ToLower(p.Name), words) {
			out = append(out, listRow{personID: p.ID, title: p.Name, detail: relationText(p.Relation)})
		}
	}
	if len(compact) >= 3 {
		release := secret.Hold()
		hit := false
		match := func(b []byte) error { hit = containsUpper(b, compact); return nil }
		for _, id := range ix.Identifiers {
			hit = false
			id.Value.Use(match)
			if hit || len(also) > 0 && wider(identifierTitle(id), string(id.Kind)) {
				out = append(out, listRow{personID: id.PersonID, title: identifierTitle(id) + " " + maskOf(id), detail: name[id.PersonID]})
			}
		}
		release()
	}
	if len(compact) < 3 && len(also) > 0 {
		// The value search above needs three letters; "AP" or "GC" find
		// the numbers of their kind here.
		for _, id := range ix.Identifiers {
			if wider(identifierTitle(id), string(id.Kind)) {
				out = append(out, listRow{personID: id.PersonID, title: identifierTitle(id) + " " + maskOf(id), detail: name[id.PersonID]})
			}
		}
	}
	for _, c := range ix.Cases {
		if matches(words, compact, c.ReceiptNumber, c.Form, c.FormTitle, c.Status) || len(also) > 0 && wider(c.FormTitle, c.Status) {
			out = append(out, listRow{personID: c.PersonID, title: caseTitle(c), detail: name[c.PersonID]})
		}
	}
	for _, n := range ix.Notices {
		if matches(words, compact, n.Type, n.FileName) || len(also) > 0 && wider(n.Type, n.Fields["notice_type"]) {
			out = append(out, listRow{personID: n.PersonID, title: noticeTitle(n), detail: name[n.PersonID] + " · " + n.FileName})
		}
	}
	return append(out, searchLogins(ix, words, name)...)
}

// abbreviations are what people type for what the vault spells out, in
// English and Spanish: each finds its words in notice types, case titles
// and statuses, and the kinds and labels of numbers.
var abbreviations = map[string][]string{
	"rfe":  {"request for evidence", "solicitud de evidencia"},
	"noid": {"intent to deny"},
	"noir": {"intent to revoke"},
	"ead":  {"employment authorization", "work permit", "permiso de trabajo", "ead-card"},
	"ap":   {"advance parole", "permiso adelantado", "parole"},
	"gc":   {"green card", "permanent resident card", "tarjeta de residente", "green-card"},
	"ssn":  {"social security"},
	"asc":  {"biometrics", "biométric"},
	"aos":  {"adjust status", "i-485"},
	"i94":  {"i-94"},
}

// searchLogins finds logins by service (its key, its English title or the
// one the app shows), name, web address and username: never by a secret.
func searchLogins(ix *vault.Index, words string, name map[string]string) []listRow {
	found := map[string]bool{}
	for _, l := range ix.FindLogins(words) {
		found[l.ID] = true
	}
	var out []listRow
	for _, l := range ix.Logins {
		if !found[l.ID] && (words == "" || !strings.Contains(strings.ToLower(serviceTitle(l.Service)), words)) {
			continue
		}
		title := loginTitle(l)
		if l.Username != "" {
			title += " · " + l.Username
		}
		out = append(out, listRow{personID: l.PersonID, title: title, detail: name[l.PersonID]})
	}
	return out
}

// containsUpper reports whether b, its ASCII letters read as upper case,
// contains upper, which is upper case. It compares in place: b is an
// identifier value in the locked buffer Secret.Use lends, and no copy of it
// may reach ordinary memory, as bytes.ToUpper's would on every keystroke.
func containsUpper(b, upper []byte) bool {
	for i := 0; i+len(upper) <= len(b); i++ {
		j := 0
		for j < len(upper) && asciiUpper(b[i+j]) == upper[j] {
			j++
		}
		if j == len(upper) {
			return true
		}
	}
	return false
}

func asciiUpper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// compactQuery is the query as identifiers are stored: upper case, letters
// and digits only ("eac-25-123" finds EAC25123...).
func compactQuery(q string) []byte {
	var b []byte
	for _, r := range strings.ToUpper(q) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b = append(b, byte(r))
		}
	}
	return b
}

func matches(words string, compact []byte, fields ...string) bool {
	for _, f := range fields {
		if f == "" {
			continue
		}
		if strings.Contains(strings.ToLower(f), words) || (len(compact) >= 3 && bytes.Contains(compactQuery(f), compact)) {
			return true
		}
	}
	return false
}
