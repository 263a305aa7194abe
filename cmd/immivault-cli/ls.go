package main

import (
	"fmt"
	"io"
	"strings"

	"immivault/internal/ids"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

func (c *cli) list(args []string) error {
	fs := c.flags()
	asJSON := fs.Bool("json", false, "write JSON (the schema is in docs/cli.md)")
	reveal := fs.Bool("reveal", false, "show identifier values in full instead of masked")
	return c.withVaultArgs(fs, args, 0, func(v *vault.Vault, _ []string) error {
		// One Hold for the whole listing: each value's Use then skips opening
		// the sealing key.
		defer secret.Hold()()
		if *asJSON {
			return writeListJSON(c.stdout, v, *reveal)
		}
		return writeList(c.stdout, v.Index(), *reveal)
	})
}

// The JSON of `ls --json`. docs/cli.md documents it as a stable contract:
// fields are only ever added, and every field is always present. A
// person's and an identifier's members are written in the order below,
// with the lists and the value in between (writeListJSON).
type (
	personJSON struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Born        string `json:"born"`
		Relation    string `json:"relation"`
		Since       string `json:"resident_since"`
		Conditional bool   `json:"conditional"`
		ViaMarriage bool   `json:"via_marriage"`
		// then identifiers, cases, notices, events
	}
	identifierJSON struct {
		ID      string `json:"id"`
		Kind    string `json:"kind"`
		Label   string `json:"label"`
		Country string `json:"country"`
		// then value, then validityJSON
	}
	validityJSON struct {
		Issued  string `json:"issued"`
		Expires string `json:"expires"`
	}
	caseJSON struct {
		ID            string `json:"id"`
		ReceiptNumber string `json:"receipt_number"`
		Form          string `json:"form"`
		FormTitle     string `json:"form_title"`
		Status        string `json:"status"`
		Received      string `json:"received"`
		Priority      string `json:"priority"`
		NoticeDate    string `json:"notice_date"`
	}
	noticeJSON struct {
		ID       string `json:"id"`
		CaseID   string `json:"case_id"`
		FileName string `json:"file_name"`
		Type     string `json:"type"`
		Size     int64  `json:"size"`
		SHA256   string `json:"sha256"`
	}
	eventJSON struct {
		ID       string `json:"id"`
		CaseID   string `json:"case_id"`
		NoticeID string `json:"notice_id"`
		Kind     string `json:"kind"`
		Date     string `json:"date"`
		Time     string `json:"time"`
		Note     string `json:"note"`
	}
)

// writeListJSON writes the vault as JSON, indented. Revealed values are
// written from inside Secret.Use, never through encoding/json.
func writeListJSON(w io.Writer, v *vault.Vault, reveal bool) error {
	ix := v.Index()
	j := secret.NewJSONWriter(w, "  ")
	j.Object("")
	j.Value("vault", v.Dir())
	j.Value("revision", ix.Revision)
	j.Value("revealed", reveal)
	j.Array("people")
	for _, p := range ix.People {
		j.Object("")
		j.Members(personJSON{ID: p.ID, Name: p.Name, Born: p.Born, Relation: p.Relation,
			Since: p.Since, Conditional: p.Conditional, ViaMarriage: p.ViaMarriage})
		j.Array("identifiers")
		for _, id := range ix.IdentifiersOf(p.ID) {
			j.Object("")
			j.Members(identifierJSON{ID: id.ID, Kind: string(id.Kind), Label: id.Label, Country: id.Country})
			if reveal {
				j.Secret("value", id.Value)
			} else if err := id.Value.Use(func(b []byte) error {
				j.Value("value", ids.Mask(id.Kind, b))
				return nil
			}); err != nil {
				return err
			}
			j.Members(validityJSON{Issued: id.Issued, Expires: id.Expires})
			j.End()
		}
		j.End()
		cases, notices, events := []caseJSON{}, []noticeJSON{}, []eventJSON{}
		for _, cs := range ix.Cases {
			if cs.PersonID == p.ID {
				cases = append(cases, caseJSON{ID: cs.ID, ReceiptNumber: cs.ReceiptNumber,
					Form: cs.Form, FormTitle: cs.FormTitle, Status: cs.Status, Received: cs.Received,
					Priority: cs.Priority, NoticeDate: cs.NoticeDate})
			}
		}
		for _, n := range ix.Notices {
			if n.PersonID == p.ID {
				notices = append(notices, noticeJSON{ID: n.ID, CaseID: n.CaseID,
					FileName: n.FileName, Type: n.Type, Size: n.Size, SHA256: n.SHA256})
			}
		}
		for _, e := range ix.Events {
			if e.PersonID == p.ID {
				events = append(events, eventJSON{ID: e.ID, CaseID: e.CaseID, NoticeID: e.NoticeID,
					Kind: e.Kind, Date: e.Date, Time: e.Time, Note: e.Note})
			}
		}
		j.Value("cases", cases)
		j.Value("notices", notices)
		j.Value("events", events)
		j.End()
	}
	j.End()
	j.End()
	if err := j.Err(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// writeList writes the vault for people to read.
func writeList(w io.Writer, ix *vault.Index, reveal bool) error {
	if len(ix.People) == 0 {
		_, err := fmt.Fprintln(w, "No one in this vault yet: add someone with `immivault-cli person add NAME`.")
		return err
	}
	receipts := map[string]string{}
	for _, cs := range ix.Cases {
		receipts[cs.ID] = cs.ReceiptNumber
	}
	for i, p := range ix.People {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s%s  [%s]\n", displayable(p.Name), personDetails(p), p.ID)
		if identifiers := ix.IdentifiersOf(p.ID); len(identifiers) > 0 {
			fmt.Fprintln(w, "  identifiers:")
			for _, id := range identifiers {
				if err := writeIdentifier(w, id, reveal); err != nil {
					return err
				}
			}
		}
		heading := headingOnce(w, "  cases:")
		for _, cs := range ix.Cases {
			if cs.PersonID == p.ID {
				heading()
				fmt.Fprintf(w, "    %s%s\n", cs.ReceiptNumber, caseDetails(cs))
			}
		}
		heading = headingOnce(w, "  notices:")
		for _, n := range ix.Notices {
			if n.PersonID == p.ID {
				heading()
				fmt.Fprintf(w, "    %s  %s  %s%s\n", n.ID, displayable(n.FileName), byteSize(n.Size), inCase(receipts, n.CaseID))
			}
		}
		heading = headingOnce(w, "  dates:")
		for _, e := range ix.Events {
			if e.PersonID == p.ID {
				heading()
				fmt.Fprintf(w, "    %s  %s%s\n", strings.TrimSpace(e.Date+" "+e.Time), displayable(e.Kind), inCase(receipts, e.CaseID))
			}
		}
	}
	return nil
}

// headingOnce gives a function that writes title the first time it is
// called: a list's heading, written only if the list has something.
func headingOnce(w io.Writer, title string) func() {
	written := false
	return func() {
		if !written {
			fmt.Fprintln(w, title)
			written = true
		}
	}
}

// inCase is "  case RECEIPT" after a record of a case, "" after others.
func inCase(receipts map[string]string, caseID string) string {
	if caseID == "" {
		return ""
	}
	return "  case " + receipts[caseID]
}

// writeIdentifier writes one line: the identifier's title, then its mask,
// or its value written straight from the Secret.
func writeIdentifier(w io.Writer, id *vault.Identifier, reveal bool) error {
	fmt.Fprintf(w, "    %-36s ", identifierTitle(id))
	err := id.Value.Use(func(b []byte) error {
		if reveal {
			_, err := w.Write(b)
			return err
		}
		_, err := io.WriteString(w, ids.Mask(id.Kind, b))
		return err
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, validityDetails(id.Validity))
	return err
}

// validityDetails is what `ls` says after a document's value.
func validityDetails(v vault.Validity) string {
	var d []string
	if v.Issued != "" {
		d = append(d, "issued "+v.Issued)
	}
	if v.Expires != "" {
		d = append(d, "valid until "+v.Expires)
	}
	if d == nil {
		return ""
	}
	return "  (" + strings.Join(d, ", ") + ")"
}

// caseDetails is what `ls` says after a case's receipt number.
func caseDetails(cs *vault.Case) string {
	var d []string
	if cs.Form != "" {
		d = append(d, strings.TrimSpace(cs.Form+" "+cs.FormTitle))
	}
	for _, f := range []struct{ what, v string }{
		{"received", cs.Received}, {"priority date", cs.Priority}, {"notice date", cs.NoticeDate},
	} {
		if f.v != "" {
			d = append(d, f.what+" "+f.v)
		}
	}
	if cs.Status != "" {
		d = append(d, "status: "+displayable(cs.Status))
	}
	if d == nil {
		return ""
	}
	return "  " + strings.Join(d, "; ")
}
