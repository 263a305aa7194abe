//go:build unix

package noticeview

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakePrinter puts a program named name on PATH that records its arguments and what it reads
// on standard input in a folder of its own, and returns that folder. The PATH holds nothing
// else, and TMPDIR is a folder the test checks stays empty.
func fakePrinter(t *testing.T, name string) (spool, tmp string) {
	t.Helper()
	bin, spool, tmp := t.TempDir(), t.TempDir(), t.TempDir()
	cat, err := exec.LookPath("cat")
	if err != nil {
		t.Skip("no cat to record the job with")
	}
	if name != "" {
		script := "#!/bin/sh\necho \"$@\" > '" + spool + "/args'\nexec '" + cat + "' > '" + spool + "/job'\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	t.Setenv("TMPDIR", tmp)
	return spool, tmp
}

// TestPrintPipesPagesToLP: Print, once confirmed, draws every page into a PDF and hands it to
// lp on standard input: lp gets a PDF of both pages, drawn (the notice's own text is not in
// it), and no file is written but what lp itself writes.
func TestPrintPipesPagesToLP(t *testing.T) {
	for _, name := range []string{"lp", "lpr"} {
		t.Run(name, func(t *testing.T) {
			spool, tmp := fakePrinter(t, name)
			data := twoPagePDF(t)
			v, w := open(t, "receipt.pdf", data, fyne.NewSize(800, 900))
			waitForPage(t, v)
			v.mu.Lock()
			enabled := !v.printB.Disabled()
			v.mu.Unlock()
			if !enabled {
				t.Fatal("Print is disabled on an open notice")
			}
			v.Print()
			if !strings.Contains(overlayText(w), "keeps a copy of the pages until the printer has taken them") {
				t.Errorf("the question before printing says %q", overlayText(w))
			}
			test.Tap(button(t, w, "Print"))
			v.work.Wait()
			if got := overlayText(w); !strings.Contains(got, "Sent to the printer.") {
				t.Errorf("after printing the window says %q", got)
			}
			job, err := os.ReadFile(filepath.Join(spool, "job"))
			if err != nil {
				t.Fatalf("%s received nothing: %v", name, err)
			}
			if !bytes.HasPrefix(job, []byte("%PDF-")) {
				t.Errorf("%s received %.20q, not a PDF", name, job)
			}
			if pages := bytes.Count(job, []byte("/Type /Page\n")) + bytes.Count(job, []byte("/Type /Page ")); pages != 2 {
				t.Errorf("the PDF sent has %d pages, want 2", pages)
			}
			if bytes.Contains(job, []byte("Notice of Action")) || bytes.Equal(job, data) {
				t.Error("the notice's own file went to the printer, not the pages drawn from it")
			}
			args, _ := os.ReadFile(filepath.Join(spool, "args"))
			if !strings.Contains(string(args), "immivault notice") || strings.Contains(string(args), "receipt") {
				t.Errorf("%s ran with %q: the job's title should be generic", name, args)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("printing left %v in the temporary folder", left)
			}
		})
	}
}

// TestPrintWithoutPrinter: with no lp or lpr, Print says so in one line and prints nothing.
func TestPrintWithoutPrinter(t *testing.T) {
	fakePrinter(t, "")
	v, w := open(t, "receipt.pdf", twoPagePDF(t), fyne.NewSize(800, 900))
	waitForPage(t, v)
	v.Print()
	got := overlayText(w)
	if !strings.Contains(got, "No printing system was found (lp or lpr), so this notice cannot be printed from here.\n") {
		t.Errorf("Print without a printing system says %q", got)
	}
}
