package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"sync"

	"immivault/internal/filing"
	"immivault/internal/notice/corpus"
	"immivault/internal/notice/noticetest"
)

type config struct {
	text, scans    int
	kinds, layouts string
	workers        int
	seed           int64
	misses         bool
}

// job is one notice to read: a layout's notice by seed, as a text PDF (kind "") or a scan.
type job struct {
	layout string
	seed   int64
	kind   string
}

// result is one notice's score, kept as the fields it got right.
type result struct {
	job
	misses []string
	err    error
}

// fields are the columns: the eight of the inspect JSON, then events.
var fields = append(slices.Clone(noticetest.SchemaFields), "events")

// tally is one row: how many notices, and how many had each field right.
type tally struct {
	n, all8, all9 int
	right         map[string]int
}

func (t *tally) add(misses []string) {
	if t.right == nil {
		t.right = map[string]int{}
	}
	t.n++
	wrong := map[string]bool{}
	for _, m := range misses {
		name, _, _ := cutColon(m)
		wrong[name] = true
	}
	for _, f := range fields {
		if !wrong[f] {
			t.right[f]++
		}
	}
	if !slices.ContainsFunc(noticetest.SchemaFields, func(f string) bool { return wrong[f] }) {
		t.all8++
	}
	if len(wrong) == 0 {
		t.all9++
	}
}

// merge adds another row's counts to t.
func (t *tally) merge(o *tally) {
	if t.right == nil {
		t.right = map[string]int{}
	}
	t.n, t.all8, t.all9 = t.n+o.n, t.all8+o.all8, t.all9+o.all9
	for f, n := range o.right {
		t.right[f] += n
	}
}

func cutColon(s string) (string, string, bool) {
	for i := range len(s) {
		if s[i] == ':' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

type report struct {
	layouts                 []string
	rows                    map[[2]string]*tally // by layout and variant ("text" or "scan")
	kinds                   map[string]*tally    // scans by kind, over all layouts
	text, scan              tally
	notices, texts, scanned int
}

// plan lists the notices to read: n text PDFs per layout, and scans of other seeds with the
// kinds taken in turn (a one-page-only kind gives way to the next for a longer notice).
func plan(c config) ([]job, []string, error) {
	layouts := split(c.layouts)
	if layouts == nil {
		layouts = corpus.Names()
	}
	var kinds []corpus.ScanKind
	for _, k := range corpus.ScanKinds() {
		if ks := split(c.kinds); ks == nil || slices.Contains(ks, k.Name) {
			kinds = append(kinds, k)
		}
	}
	var jobs []job
	for li, l := range layouts {
		for i := range c.text {
			jobs = append(jobs, job{l, c.seed + int64(i), ""})
		}
		if len(kinds) == 0 {
			continue
		}
		for i := range c.scans {
			seed := c.seed + 1000 + int64(i)
			n, err := corpus.Generate(l, seed)
			if err != nil {
				return nil, nil, err
			}
			k := (i + li) % len(kinds)
			for range kinds {
				if !kinds[k].SinglePage || n.Pages == 1 {
					break
				}
				k = (k + 1) % len(kinds)
			}
			jobs = append(jobs, job{l, seed, kinds[k].Name})
		}
	}
	return jobs, layouts, nil
}

func run(ctx context.Context, j job) result {
	res := result{job: j}
	n, err := corpus.Generate(j.layout, j.seed)
	if err != nil {
		res.err = err
		return res
	}
	data, name := n.PDF, j.layout+".pdf"
	if j.kind != "" {
		if data, name, err = corpus.Scan(ctx, n, j.kind, j.seed); err != nil {
			res.err = err
			return res
		}
	}
	r, err := filing.ReadNotice(ctx, bytes.NewReader(data), name)
	if err != nil {
		res.err = err
		return res
	}
	res.misses = noticetest.Misses(r.Summary(), n.Truth)
	return res
}

// measure reads every planned notice, c.workers at a time, and tallies the results; with
// c.misses it lists each miss on log.
func measure(ctx context.Context, c config, log io.Writer) (*report, error) {
	jobs, layouts, err := plan(c)
	if err != nil {
		return nil, err
	}
	results := make([]result, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(c.workers, 1) {
		wg.Go(func() {
			for i := range next {
				results[i] = run(ctx, jobs[i])
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	rep := &report{layouts: layouts, rows: map[[2]string]*tally{}, kinds: map[string]*tally{}}
	row := func(k [2]string) *tally {
		if rep.rows[k] == nil {
			rep.rows[k] = &tally{}
		}
		return rep.rows[k]
	}
	for _, res := range results {
		if res.err != nil {
			return nil, fmt.Errorf("%s seed %d %s: %w", res.layout, res.seed, res.kind, res.err)
		}
		rep.notices++
		if res.kind == "" {
			rep.texts++
			row([2]string{res.layout, "text"}).add(res.misses)
			rep.text.add(res.misses)
		} else {
			rep.scanned++
			row([2]string{res.layout, "scan"}).add(res.misses)
			rep.scan.add(res.misses)
			if rep.kinds[res.kind] == nil {
				rep.kinds[res.kind] = &tally{}
			}
			rep.kinds[res.kind].add(res.misses)
		}
		if c.misses && len(res.misses) > 0 {
			variant := res.kind
			if variant == "" {
				variant = "text"
			}
			fmt.Fprintf(log, "%s seed %d %s: %v\n", res.layout, res.seed, variant, res.misses)
		}
	}
	return rep, nil
}

var short = map[string]string{
	"receipt_numbers": "rcpt", "a_numbers": "A#", "account_number": "acct", "form": "form",
	"notice_type": "type", "notice_date": "notice", "received_date": "recvd", "priority_date": "prio",
	"events": "events",
}

// print writes the tables in Markdown: per layout and variant, totals, and scans by kind.
// Cells are the percentage of notices with the field right.
func (rep *report) print(w io.Writer) {
	head := func(first string) {
		fmt.Fprintf(w, "| %s | n |", first)
		for _, f := range fields {
			fmt.Fprintf(w, " %s |", short[f])
		}
		fmt.Fprintln(w, " all 8 | all 9 |")
		fmt.Fprint(w, "| --- | ---: |")
		for range fields {
			fmt.Fprint(w, " ---: |")
		}
		fmt.Fprintln(w, " ---: | ---: |")
	}
	line := func(name string, t *tally) {
		fmt.Fprintf(w, "| %s | %d |", name, t.n)
		for _, f := range fields {
			fmt.Fprintf(w, " %s |", pct(t.right[f], t.n))
		}
		fmt.Fprintf(w, " %s | %s |\n", pct(t.all8, t.n), pct(t.all9, t.n))
	}
	head("layout / variant")
	// Each layout's row is its score as held out only where corpus.HeldOut says the rules were
	// not developed on it; the totals part the two.
	var heldOut, developed [2]tally
	for _, l := range rep.layouts {
		name := l
		if corpus.HeldOut(l) {
			name += " (held out)"
		}
		for k, v := range []string{"text", "scan"} {
			t := rep.rows[[2]string{l, v}]
			if t == nil {
				continue
			}
			line(name+" / "+v, t)
			sum := &developed[k]
			if corpus.HeldOut(l) {
				sum = &heldOut[k]
			}
			sum.merge(t)
		}
	}
	for k, v := range []string{"text", "scans"} {
		if heldOut[k].n > 0 {
			line("**held-out layouts, "+v+"**", &heldOut[k])
		}
		if developed[k].n > 0 && heldOut[k].n > 0 {
			line("**layouts developed on, "+v+"**", &developed[k])
		}
	}
	if rep.text.n > 0 {
		line("**all text**", &rep.text)
	}
	if rep.scan.n > 0 {
		line("**all scans**", &rep.scan)
	}
	if len(rep.kinds) == 0 {
		return
	}
	fmt.Fprintln(w)
	head("scan kind")
	for _, k := range corpus.ScanKinds() {
		if t := rep.kinds[k.Name]; t != nil {
			line(k.Name, t)
		}
	}
}

func pct(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", 100*float64(n)/float64(of))
}
