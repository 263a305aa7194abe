package ui

import (
	"io"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/recoverykit"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// recoveryKeyScreen shows a new vault's recovery key once, offers to save it
// as text or print it, and goes on only when the user says they kept it.
//
// The key is shown in a label, so while this screen is up it is also a Go
// string in the label and its rendering cache: a residual copy that lives
// until the garbage collector reuses the memory.
type recoveryKeyScreen struct {
	app   *App
	v     *vault.Vault
	key   *secret.Secret
	kept  *widget.Check
	next  *widget.Button
	saved *widget.Label
	// chooseFile asks where to save; tests replace it.
	chooseFile func(name string, save func(fyne.URIWriteCloser))
}

func newRecoveryKeyScreen(a *App, v *vault.Vault, key *secret.Secret) *recoveryKeyScreen {
	s := &recoveryKeyScreen{app: a, v: v, key: key, saved: widget.NewLabel("")}
	s.kept = widget.NewCheck(lang.L("I have saved or printed my recovery key and put it somewhere safe"), func(on bool) {
		if on {
			s.next.Enable()
		} else {
			s.next.Disable()
		}
	})
	s.next = widget.NewButtonWithIcon(lang.L("Continue"), theme.NavigateNextIcon(), s.done)
	s.next.Importance = widget.HighImportance
	s.next.Disable()
	s.chooseFile = s.askFile
	return s
}

func (s *recoveryKeyScreen) build() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("If you ever forget your passphrase, this recovery key is the only way back into your vault. Save it or print it now, and keep it apart from this computer: on paper in a safe place, or in another password manager. It is shown only this once."))
	intro.Wrapping = fyne.TextWrapWord
	warning := widget.NewLabel(lang.L("Anyone who has this key can open your vault."))
	warning.Importance = widget.WarningImportance
	warning.Wrapping = fyne.TextWrapWord

	var shown string
	s.key.Use(func(b []byte) error { shown = string(b); return nil })
	key := widget.NewLabel(shown)
	key.TextStyle = fyne.TextStyle{Monospace: true}
	key.Wrapping = fyne.TextWrapBreak
	key.Selectable = true

	save := widget.NewButtonWithIcon(lang.L("Save as text…"), theme.DocumentSaveIcon(), s.saveText)
	print := widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), s.savePDF)
	return page(heading(lang.L("Your recovery key")), intro, warning,
		widget.NewCard("", "", key),
		container.NewHBox(save, print), s.saved, s.kept, container.NewHBox(s.next))
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
	s.chooseFile("immivault-recovery-key.txt", func(w fyne.URIWriteCloser) {
		s.write(w, s.kit().WriteText)
	})
}

// savePDF writes the one-page recovery kit and opens it, so that the
// system's PDF viewer can print it.
func (s *recoveryKeyScreen) savePDF() {
	s.chooseFile("immivault-recovery-key.pdf", func(w fyne.URIWriteCloser) {
		if s.write(w, s.kit().WritePDF) {
			s.app.fyne.OpenURL(urlOf(w.URI()))
		}
	})
}

func (s *recoveryKeyScreen) write(w fyne.URIWriteCloser, write func(io.Writer) error) bool {
	err := write(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.app.showError(err)
		return false
	}
	s.saved.SetText(lang.L("Saved to {{.Path}}", map[string]any{"Path": w.URI().Path()}))
	return true
}

func (s *recoveryKeyScreen) askFile(name string, save func(fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.app.showError(err)
			return
		}
		if w != nil {
			save(w)
		}
	}, s.app.win)
	d.SetFileName(name)
	d.Show()
}

// done forgets the key and opens the vault's main screen.
func (s *recoveryKeyScreen) done() {
	if !s.kept.Checked {
		return
	}
	s.key = nil
	s.app.opened(s.v)
}

func urlOf(u fyne.URI) *url.URL {
	return &url.URL{Scheme: "file", Path: u.Path()}
}
