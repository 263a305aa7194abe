package ui

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/atomicfile"
	"immivault/internal/recoverykit"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// recoveryKeyScreen shows a vault's new recovery key once (after creating
// the vault, recovering it or giving it a new key), offers to save it as
// text or PDF or to print it, and goes on only when the user says they
// kept it.
//
// The key is shown in a label, so while this screen is up it is also a Go
// string in the label and its rendering cache: a residual copy that lives
// until the garbage collector reuses the memory.
type recoveryKeyScreen struct {
	app   *App
	v     *vault.Vault
	key   *secret.Secret
	note  string // why there is a new key, or ""
	kept  *widget.Check
	next  *widget.Button
	saved *widget.Label
	// then runs on Continue; the default opens the vault's main screen.
	then func()
	// printer is the print dialog's choice of printer.
	printer *widget.Select
}

func newRecoveryKeyScreen(a *App, v *vault.Vault, key *secret.Secret) *recoveryKeyScreen {
	s := &recoveryKeyScreen{app: a, v: v, key: key, saved: widget.NewLabel("")}
	s.saved.Wrapping = fyne.TextWrapWord
	s.kept = widget.NewCheck(lang.L("I have saved or printed my recovery key and put it somewhere safe"), func(on bool) {
		setEnabled(s.next, on)
	})
	s.next = widget.NewButtonWithIcon(lang.L("Continue"), theme.NavigateNextIcon(), s.done)
	s.next.Importance = widget.HighImportance
	s.next.Disable()
	s.then = func() { a.opened(v) }
	return s
}

// withNewKey runs open, which creates or recovers the vault and so gives
// it a new recovery key, off the UI goroutine, then done on it with the
// vault and the key.
func withNewKey(open func() (*vault.Vault, *secret.Secret, error), done func(*vault.Vault, *secret.Secret, error)) {
	type opened struct {
		v   *vault.Vault
		key *secret.Secret
	}
	background(func() (opened, error) {
		v, key, err := open()
		return opened{v, key}, err
	}, func(o opened, err error) { done(o.v, o.key, err) })
}

func (s *recoveryKeyScreen) build() fyne.CanvasObject {
	intro := wrapped(lang.L("If you ever forget your passphrase, this recovery key is the only way back into your vault. Save it or print it now, and keep it apart from this computer: on paper in a safe place, or in another password manager. It is shown only this once."))
	warning := warningText(lang.L("Anyone who has this key can open your vault."))
	note := warningText(s.note)
	note.Hidden = s.note == ""

	var shown string
	s.key.Use(func(b []byte) error { shown = string(b); return nil })
	key := widget.NewLabel(shown)
	key.TextStyle = fyne.TextStyle{Monospace: true}
	key.Wrapping = fyne.TextWrapBreak
	key.Selectable = true

	save := widget.NewButtonWithIcon(lang.L("Save as text…"), theme.DocumentSaveIcon(), s.saveText)
	savePDF := widget.NewButtonWithIcon(lang.L("Save as PDF…"), theme.DocumentSaveIcon(), s.savePDF)
	print := widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), s.print)
	return page(heading(lang.L("Your recovery key")), note, intro, warning,
		widget.NewCard("", "", key),
		container.NewHBox(save, savePDF, print), s.saved, s.kept, container.NewHBox(s.next))
}

func (s *recoveryKeyScreen) kit() recoverykit.Kit {
	return recoverykit.Kit{Key: s.key, VaultDir: s.v.Dir(), Created: time.Now(), Text: kitText()}
}

// kitText is the recovery kit's wording in the app's language.
func kitText() recoverykit.Text {
	return recoverykit.Text{
		Title:        lang.L("immivault recovery kit"),
		Intro:        lang.L("This is the recovery key of your immivault vault. If you forget your passphrase, the recovery key is the only way back in: with it you can choose a new passphrase. Keep it somewhere safe, away from your computer, for example with your passports."),
		KeyHeading:   lang.L("Recovery key"),
		Whitespace:   lang.L("The spaces and line breaks only make the key easier to read: they are not part of it."),
		QRCaption:    lang.L("This code holds the same key, to scan instead of typing it."),
		Warning:      lang.L("Anyone who has this key can open the vault and read everything in it, without your passphrase. Do not share it, photograph it or store it online."),
		VaultLabel:   lang.L("Vault"),
		CreatedLabel: lang.L("Created"),
	}
}

func (s *recoveryKeyScreen) saveText() {
	s.app.askSaveFile("immivault-recovery-key.txt", func(w fyne.URIWriteCloser) {
		s.write(w, s.kit().WriteText)
	})
}

// savePDF writes the one-page recovery kit, to print from another program
// or keep.
func (s *recoveryKeyScreen) savePDF() {
	s.app.askSaveFile("immivault-recovery-key.pdf", func(w fyne.URIWriteCloser) {
		s.write(w, s.kit().WritePDF)
	})
}

// write saves the file the person chose, readable by them alone. Fyne's
// writer has created the file already, with the usual 0644, and empty: it
// is closed unused and the file replaced at once by one written 0600.
func (s *recoveryKeyScreen) write(w fyne.URIWriteCloser, write func(io.Writer) error) bool {
	u := w.URI()
	w.Close()
	if u.Scheme() != "file" {
		s.app.showError(errors.New(lang.L("Choose a file on this computer.")))
		return false
	}
	if err := writePrivate(u.Path(), write); err != nil {
		s.app.showError(err)
		return false
	}
	s.saved.SetText(lang.L("Saved to {{.Path}}", map[string]any{"Path": u.Path()}))
	return true
}

// writePrivate replaces path, atomically, with a file that only its owner
// may read (0600 on Unix) holding what write writes.
func writePrivate(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, 0o600, write)
}

// print sends the recovery kit to a printer the person picks, without
// writing it to a file (see printPDF).
func (s *recoveryKeyScreen) print() {
	background(func() ([]string, error) { return listPrinters(), nil }, func(printers []string, _ error) {
		if s.key == nil || s.app.screen != screen(s) {
			return // the screen went on, or the app locked, meanwhile
		}
		def := lang.L("The default printer")
		s.printer = widget.NewSelect(append([]string{def}, printers...), nil)
		s.printer.SetSelected(def)
		d := dialog.NewCustomConfirm(lang.L("Print the recovery kit"), lang.L("Print"), lang.L("Cancel"),
			widget.NewForm(widget.NewFormItem(lang.L("Printer"), s.printer)), func(ok bool) {
				if !ok {
					return
				}
				dest := ""
				if s.printer.SelectedIndex() > 0 {
					dest = s.printer.Selected
				}
				s.sendToPrinter(dest)
			}, s.app.win)
		d.Resize(fyne.NewSize(460, 180))
		s.app.showDialog(d)
	})
}

// sendToPrinter makes the PDF in memory and hands it to the print system
// off the UI goroutine.
func (s *recoveryKeyScreen) sendToPrinter(dest string) {
	s.saved.SetText(lang.L("Printing…"))
	kit := s.kit()
	background(func() (struct{}, error) {
		// The kit is about 10 KB: grown once, the buffer is never copied,
		// and the one copy is wiped.
		var pdf bytes.Buffer
		pdf.Grow(64 << 10)
		defer func() { clear(pdf.Bytes()[:pdf.Cap()]) }()
		if err := kit.WritePDF(&pdf); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, printPDF(pdf.Bytes(), dest)
	}, func(_ struct{}, err error) {
		if err != nil {
			s.saved.SetText("")
			s.app.showError(errors.New(lang.L("Printing failed: {{.Error}}", map[string]any{"Error": oneLine(err.Error())})))
			return
		}
		s.saved.SetText(lang.L("Sent to the printer. Check that the page came out whole."))
	})
}

// printTimeout bounds how long the print system may take to accept a job.
const printTimeout = 2 * time.Minute

// printPDF hands pdf to the print system: lp (CUPS) or lpr on standard
// input, so no file is written. Windows has no way to print a PDF from
// memory, and a copy of the recovery key in a temporary file is what this
// screen exists to avoid: there the person saves the kit as PDF and prints
// that (docs/adr/0013-app-and-cli-hardening.md).
func printPDF(pdf []byte, dest string) error {
	if runtime.GOOS == "windows" {
		return errors.New(lang.L("Windows cannot print the kit without a copy of it in a temporary file; save it as PDF and print that, then delete it"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), printTimeout)
	defer cancel()
	var cmd *exec.Cmd
	if lp, err := exec.LookPath("lp"); err == nil {
		args := []string{"-t", "immivault recovery kit"}
		if dest != "" {
			args = append(args, "-d", dest)
		}
		cmd = exec.CommandContext(ctx, lp, args...)
	} else if lpr, err := exec.LookPath("lpr"); err == nil {
		args := []string{"-T", "immivault recovery kit"}
		if dest != "" {
			args = append(args, "-P", dest)
		}
		cmd = exec.CommandContext(ctx, lpr, args...)
	} else {
		return errors.New(lang.L("no printing system was found (lp or lpr); save the kit as PDF and print it from another program"))
	}
	cmd.Stdin = bytes.NewReader(pdf)
	if out, err := cmd.CombinedOutput(); err != nil {
		if msg := strings.TrimSpace(string(out)); msg != "" {
			return errors.New(msg)
		}
		return err
	}
	return nil
}

// listPrinters is the print system's destinations (lpstat -e, CUPS); none
// where there is no lpstat.
func listPrinters() []string {
	if runtime.GOOS == "windows" {
		return nil
	}
	lpstat, err := exec.LookPath("lpstat")
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, lpstat, "-e").Output()
	if err != nil {
		return nil
	}
	var printers []string
	lines := bufio.NewScanner(bytes.NewReader(out))
	for lines.Scan() {
		if name := strings.TrimSpace(lines.Text()); name != "" && !strings.ContainsAny(name, " \t") {
			printers = append(printers, name)
		}
	}
	return printers
}

// done forgets the key and goes on: to the vault's main screen, or back
// to it after a new key.
func (s *recoveryKeyScreen) done() {
	if !s.kept.Checked {
		return
	}
	s.key = nil
	s.then()
}
