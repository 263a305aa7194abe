package noticeview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/go-pdf/fpdf"
)

// printDPI is the resolution pages are drawn at for the printer: sharp enough for text and
// receipt numbers, a few MB a page.
const printDPI = 200

// printTimeout bounds how long the print system may take to accept the job.
const printTimeout = 2 * time.Minute

// Print sends the notice to the default printer without writing it to a file: every page is
// drawn, as the viewer draws it, into a PDF made in memory, which goes to lp (CUPS) or lpr on
// standard input. The print system keeps the job in its own spool until the printer has taken
// it, which the question before printing says. The notice's own file never goes to the print
// system: its pages are drawn by the viewer's sandboxed reader, not the printer's filters.
//
// Windows has no print command that reads standard input; its ways to print a PDF open a
// file, so there Print says it is not offered (docs/adr/0019-file-picker-and-notice-printing.md).
func (v *Viewer) Print() {
	v.mu.Lock()
	closed, doc := v.closed, v.doc
	v.mu.Unlock()
	if closed || doc == nil {
		return
	}
	cmd, err := v.printCommand()
	if err != nil {
		dialog.ShowInformation(lang.L("Print"), err.Error(), v.win)
		return
	}
	ask := dialog.NewConfirm(lang.L("Print this notice?"),
		lang.L("It goes to the default printer. The printing system keeps a copy of the pages until the printer has taken them."),
		func(ok bool) {
			if ok {
				v.sendToPrinter(cmd)
			}
		}, v.win)
	ask.SetConfirmText(lang.L("Print"))
	ask.SetDismissText(lang.L("Cancel"))
	ask.SetConfirmImportance(widget.HighImportance)
	ask.Show()
}

// printCommand is the print system's command that takes a job on standard input, or why
// there is none, in one line.
func (v *Viewer) printCommand() ([]string, error) {
	if runtime.GOOS == "windows" {
		return nil, errors.New(lang.L("Printing is not offered on Windows: it would need a decrypted copy in a file. Export a copy, print it, then delete it."))
	}
	if lp, err := exec.LookPath("lp"); err == nil {
		return []string{lp, "-t", "immivault notice"}, nil
	}
	if lpr, err := exec.LookPath("lpr"); err == nil {
		return []string{lpr, "-T", "immivault notice"}, nil
	}
	return nil, errors.New(lang.L("No printing system was found (lp or lpr), so this notice cannot be printed from here."))
}

// sendToPrinter draws the pages and hands them to cmd off the UI goroutine.
func (v *Viewer) sendToPrinter(cmd []string) {
	v.mu.Lock()
	doc, pages, ctx := v.doc, v.pages, v.ctx
	v.mu.Unlock()
	if doc == nil {
		return
	}
	v.busy.Show()
	v.busy.Start()
	v.work.Go(func() {
		err := printPages(ctx, doc, pages, cmd)
		fyne.Do(func() {
			v.mu.Lock()
			closed := v.closed
			if !closed && v.pending == (drawing{}) {
				v.idle()
			}
			v.mu.Unlock()
			switch {
			case closed:
			case err != nil:
				dialog.ShowError(errors.New(lang.L("Printing failed: {{.Error}}", map[string]any{"Error": oneLine(err.Error())})), v.win)
			default:
				dialog.ShowInformation(lang.L("Print"), lang.L("Sent to the printer."), v.win)
			}
		})
	})
}

// pageDrawer draws a page; a *notice.Document is one.
type pageDrawer interface {
	Render(ctx context.Context, page, dpi int) (image.Image, error)
}

// printPages draws every page into a PDF in memory and pipes it to cmd. The drawings, the
// JPEG buffer and the PDF are wiped before it returns; the copy of each JPEG that fpdf keeps
// inside is not reachable to wipe, and is left to the garbage collector.
func printPages(ctx context.Context, doc pageDrawer, pages int, cmd []string) error {
	var pdf bytes.Buffer
	defer func() { clear(pdf.Bytes()[:pdf.Cap()]) }()
	if err := pagesPDF(ctx, doc, pages, &pdf); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, printTimeout)
	defer cancel()
	c := exec.CommandContext(ctx, cmd[0], cmd[1:]...)
	c.Stdin = bytes.NewReader(pdf.Bytes())
	if out, err := c.CombinedOutput(); err != nil {
		if msg := strings.TrimSpace(string(out)); msg != "" {
			return errors.New(msg)
		}
		return err
	}
	return nil
}

// pagesPDF writes a PDF of the pages, each drawn at printDPI and placed on a sheet of its
// own size, into out.
func pagesPDF(ctx context.Context, doc pageDrawer, pages int, out *bytes.Buffer) error {
	pdf := fpdf.New("P", "in", "Letter", "")
	pdf.SetCompression(false) // the pages are JPEG already
	var img bytes.Buffer
	defer func() { clear(img.Bytes()[:img.Cap()]) }()
	for page := range pages {
		drawn, err := doc.Render(ctx, page, printDPI)
		if err != nil {
			return err
		}
		b := drawn.Bounds()
		w, h := float64(b.Dx())/printDPI, float64(b.Dy())/printDPI
		img.Reset()
		err = jpeg.Encode(&img, drawn, &jpeg.Options{Quality: 90})
		if rgba, ok := drawn.(*image.RGBA); ok {
			clear(rgba.Pix)
		}
		if err != nil {
			return err
		}
		name := fmt.Sprintf("page%d", page)
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPG"}, bytes.NewReader(img.Bytes()))
		orientation := "P"
		if w > h {
			orientation = "L"
		}
		pdf.AddPageFormat(orientation, fpdf.SizeType{Wd: min(w, h), Ht: max(w, h)})
		pdf.ImageOptions(name, 0, 0, w, h, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
	}
	return pdf.Output(out)
}

// oneLine keeps the first line of a message.
func oneLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
