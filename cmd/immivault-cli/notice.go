package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"immivault/internal/atomicfile"
	"immivault/internal/filing"
	"immivault/internal/ids"
	"immivault/internal/notice"
	"immivault/internal/notice/fields"
	"immivault/internal/vault"
)

// readNotice reads a notice file and what can be extracted from it. It
// needs no vault: inspect uses it alone.
func readNotice(path string) (*filing.Reading, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return filing.ReadNotice(context.Background(), f, filepath.Base(path))
}

func (c *cli) noticeInspect(args []string) error {
	flags := c.flags()
	asJSON := flags.Bool("json", false, "print the stable JSON schema of docs/cli.md")
	pos, err := c.parse(flags, args, 1)
	if err != nil {
		return err
	}
	r, err := readNotice(pos[0])
	if err != nil {
		return err
	}
	sum := r.Summary()
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	writeExtracted(c.stdout, r.Notice, r.Source, sum.Warnings)
	return nil
}

// writeExtracted prints what was read off a notice for a person to check.
// Numbers read through an OCR correction are marked for confirmation.
func writeExtracted(w io.Writer, n fields.Notice, src fields.Source, warnings []string) {
	line := func(label string, f fields.Field, show string) {
		if f.Value == "" {
			return
		}
		mark := ""
		if f.Corrected {
			mark = "   (OCR corrected: check it)"
		} else if f.Confidence < 0.6 {
			mark = "   (unsure: check it)"
		}
		fmt.Fprintf(w, "  %-16s %s%s\n", label, show, mark)
	}
	fmt.Fprintf(w, "read from: %s\n", src)
	line("notice type", n.NoticeType, n.NoticeType.Value)
	line("receipt number", n.ReceiptNumber, displayFormat(ids.ReceiptNumber, n.ReceiptNumber.Value))
	for _, o := range n.OtherReceipts {
		line("also mentions", o, displayFormat(ids.ReceiptNumber, o.Value))
	}
	form := n.Form.Value
	if n.FormTitle != "" {
		form += " " + n.FormTitle
	}
	line("form", n.Form, form)
	for _, a := range n.ANumbers {
		line("A-number", a, ids.Mask(ids.ANumber, []byte(a.Value)))
	}
	line("account number", n.AccountNumber, ids.Mask(ids.AccountNumber, []byte(n.AccountNumber.Value)))
	line("notice date", n.NoticeDate, n.NoticeDate.Value)
	line("received", n.ReceivedDate, n.ReceivedDate.Value)
	line("priority date", n.PriorityDate, n.PriorityDate.Value)
	for _, e := range n.Events {
		fmt.Fprintf(w, "  %-16s %s\n", e.Kind, strings.TrimSpace(e.Date+" "+e.Time))
	}
	for _, warn := range warnings {
		fmt.Fprintln(w, "warning: "+oneLine(warn))
	}
}

func displayFormat(k ids.Kind, v string) string { return string(ids.Format(k, []byte(v))) }

func (c *cli) noticeAdd(args []string) error {
	flags := c.flags()
	yes := flags.Bool("yes", false, "file it without asking")
	pos, err := c.parse(flags, args, 2)
	if err != nil {
		return err
	}
	r, err := readNotice(pos[1])
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		p, err := filing.Propose(v.Index(), pos[0], filepath.Base(pos[1]), r.Data, r.Notice)
		if err != nil {
			return err
		}
		p.Warnings = append(r.Warnings, p.Warnings...)
		writeExtracted(c.stdout, r.Notice, r.Source, nil)
		writeProposal(c.stdout, p)
		if ok, err := c.goAhead(*yes, "File it? [y/N] ",
			"not filed: add --yes to file without a terminal to confirm on", "not filed"); !ok {
			return err
		}
		filed, err := filing.Apply(v, p, r.Data)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "filed as notice %s\n", filed.ID)
		return nil
	})
}

func writeProposal(w io.Writer, p *filing.Proposal) {
	fmt.Fprintf(w, "filing %s for %s:\n", displayable(p.FileName), displayable(p.PersonName))
	switch {
	case p.ReceiptNumber == "":
	case p.CaseID == "":
		fmt.Fprintf(w, "  new case %s\n", displayFormat(ids.ReceiptNumber, p.ReceiptNumber))
	default:
		fmt.Fprintf(w, "  case %s\n", displayFormat(ids.ReceiptNumber, p.ReceiptNumber))
	}
	for _, ch := range p.CaseChanges {
		fmt.Fprintf(w, "    set %s\n", ch)
	}
	for _, id := range p.Identifiers {
		mark := ""
		if id.Corrected {
			mark = " (OCR corrected: check it)"
		}
		fmt.Fprintf(w, "  add %s %s%s\n", id.Kind.Title(), id.Masked, mark)
	}
	for _, e := range p.Events {
		fmt.Fprintf(w, "  add event %s on %s\n", e.Kind, strings.TrimSpace(e.Date+" "+e.Time))
	}
	for _, warn := range p.Warnings {
		fmt.Fprintln(w, "warning: "+oneLine(warn))
	}
}

func (c *cli) noticeShow(args []string) error {
	flags := c.flags()
	page := flags.Int("page", 1, "the page `N` to render, from 1")
	dpi := flags.Int("dpi", 150, "resolution in dots per inch")
	out := flags.String("o", "", "write the page as PNG to `FILE`")
	force := flags.Bool("force", false, "replace FILE if it exists")
	pos, err := c.parse(flags, args, 1)
	if err != nil {
		return err
	}
	if *dpi < 36 || *dpi > 600 {
		return errors.New("--dpi must be between 36 and 600")
	}
	if err := c.checkOutput(*out, *force); err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		n, r, err := openNotice(v, pos[0])
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		buf.Grow(int(n.Size))
		_, err = io.Copy(&buf, r)
		r.Close()
		if err != nil {
			return err
		}
		doc, err := notice.Read(context.Background(), buf.Bytes(), n.FileName)
		if err != nil {
			return err
		}
		defer doc.Close()
		if *page < 1 || *page > doc.Pages() {
			return fmt.Errorf("notice %s has %d page(s)", n.ID, doc.Pages())
		}
		img, err := doc.Render(context.Background(), *page-1, *dpi)
		if err != nil {
			return err
		}
		if err := atomicfile.Write(*out, 0o600, func(w io.Writer) error { return png.Encode(w, img) }); err != nil {
			return err
		}
		b := img.Bounds()
		fmt.Fprintf(c.stdout, "wrote page %d of %d to %s (%d×%d)\n", *page, doc.Pages(), *out, b.Dx(), b.Dy())
		return nil
	})
}
