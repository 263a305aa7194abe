package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
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
// fields are only ever added, and every field is always present.
type (
	listJSON struct {
		Vault    string       `json:"vault"`
		Revision uint64       `json:"revision"`
		Revealed bool         `json:"revealed"`
		People   []personJSON `json:"people"`
	}
	personJSON struct {
		ID          string           `json:"id"`
		Name        string           `json:"name"`
		Born        string           `json:"born"`
		Relation    string           `json:"relation"`
		Since       string           `json:"resident_since"`
		Conditional bool             `json:"conditional"`
		ViaMarriage bool             `json:"via_marriage"`
		Identifiers []identifierJSON `json:"identifiers"`
		Cases       []caseJSON       `json:"cases"`
		Notices     []noticeJSON     `json:"notices"`
		Events      []eventJSON      `json:"events"`
	}
	identifierJSON struct {
		ID      string `json:"id"`
		Kind    string `json:"kind"`
		Label   string `json:"label"`
		Country string `json:"country"`
		Value   string `json:"value"` // masked, or a placeholder for the revealed value
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

// writeListJSON writes the vault as JSON. Revealed values never pass
// through encoding/json: the document is encoded with a placeholder for
// each, unguessable thanks to a random nonce, and each placeholder is
// replaced on the way out by the value, written from inside Secret.Use.
func writeListJSON(w io.Writer, v *vault.Vault, reveal bool) error {
	ix := v.Index()
	var nonce [8]byte
	rand.Read(nonce[:])
	mark := "\x00reveal-" + hex.EncodeToString(nonce[:]) + "-"
	var revealed []*secret.Secret
	doc := listJSON{Vault: v.Dir(), Revision: ix.Revision, Revealed: reveal, People: []personJSON{}}
	for _, p := range ix.People {
		pj := personJSON{ID: p.ID, Name: p.Name, Born: p.Born, Relation: p.Relation,
			Since: p.Since, Conditional: p.Conditional, ViaMarriage: p.ViaMarriage,
			Identifiers: []identifierJSON{}, Cases: []caseJSON{}, Notices: []noticeJSON{}, Events: []eventJSON{}}
		for _, id := range ix.IdentifiersOf(p.ID) {
			var value string
			if reveal {
				value = mark + strconv.Itoa(len(revealed))
				revealed = append(revealed, id.Value)
			} else if err := id.Value.Use(func(b []byte) error {
				value = ids.Mask(id.Kind, b)
				return nil
			}); err != nil {
				return err
			}
			pj.Identifiers = append(pj.Identifiers, identifierJSON{ID: id.ID, Kind: string(id.Kind),
				Label: id.Label, Country: id.Country, Value: value, Issued: id.Issued, Expires: id.Expires})
		}
		for _, cs := range ix.Cases {
			if cs.PersonID == p.ID {
				pj.Cases = append(pj.Cases, caseJSON{ID: cs.ID, ReceiptNumber: cs.ReceiptNumber,
					Form: cs.Form, FormTitle: cs.FormTitle, Status: cs.Status, Received: cs.Received,
					Priority: cs.Priority, NoticeDate: cs.NoticeDate})
			}
		}
		for _, n := range ix.Notices {
			if n.PersonID == p.ID {
				pj.Notices = append(pj.Notices, noticeJSON{ID: n.ID, CaseID: n.CaseID,
					FileName: n.FileName, Type: n.Type, Size: n.Size, SHA256: n.SHA256})
			}
		}
		for _, e := range ix.Events {
			if e.PersonID == p.ID {
				pj.Events = append(pj.Events, eventJSON{ID: e.ID, CaseID: e.CaseID, NoticeID: e.NoticeID,
					Kind: e.Kind, Date: e.Date, Time: e.Time, Note: e.Note})
			}
		}
		doc.People = append(doc.People, pj)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	out := buf.Bytes()
	// encoding/json writes the NUL that starts each placeholder as \u0000.
	quotedMark := []byte(`"\u0000` + mark[1:])
	for {
		i := bytes.Index(out, quotedMark)
		if i < 0 {
			_, err := w.Write(out)
			return err
		}
		rest := out[i+len(quotedMark):]
		end := bytes.IndexByte(rest, '"')
		n, err := strconv.Atoi(string(rest[:end]))
		if err != nil || n >= len(revealed) {
			return fmt.Errorf("ls: bad placeholder in the JSON output")
		}
		if _, err := w.Write(out[:i]); err != nil {
			return err
		}
		if err := revealed[n].WriteJSON(w); err != nil {
			return err
		}
		out = rest[end+1:]
	}
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
		header := false
		for _, cs := range ix.Cases {
			if cs.PersonID != p.ID {
				continue
			}
			if !header {
				fmt.Fprintln(w, "  cases:")
				header = true
			}
			fmt.Fprintf(w, "    %s%s\n", cs.ReceiptNumber, caseDetails(cs))
		}
		header = false
		for _, n := range ix.Notices {
			if n.PersonID != p.ID {
				continue
			}
			if !header {
				fmt.Fprintln(w, "  notices:")
				header = true
			}
			fmt.Fprintf(w, "    %s  %s  %s", n.ID, displayable(n.FileName), byteSize(n.Size))
			if n.CaseID != "" {
				fmt.Fprintf(w, "  case %s", receipts[n.CaseID])
			}
			fmt.Fprintln(w)
		}
		header = false
		for _, e := range ix.Events {
			if e.PersonID != p.ID {
				continue
			}
			if !header {
				fmt.Fprintln(w, "  dates:")
				header = true
			}
			fmt.Fprintf(w, "    %s  %s", strings.TrimSpace(e.Date+" "+e.Time), displayable(e.Kind))
			if e.CaseID != "" {
				fmt.Fprintf(w, "  case %s", receipts[e.CaseID])
			}
			fmt.Fprintln(w)
		}
	}
	return nil
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
