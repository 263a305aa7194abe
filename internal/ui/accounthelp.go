package ui

import (
	"bytes"
	_ "embed"
	"image/png"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

// accountNumberPicture is the top of a generated receipt notice with the
// USCIS online account number's box outlined: where to look on paper.
// TestAccountNumberPicture draws it again when asked to.
//
//go:embed accountnumber.png
var accountNumberPicture []byte

// accountHelpButton is the "Where is my account number?" link, for every
// place that asks for or shows the USCIS online account number.
func (a *App) accountHelpButton() *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Where is my account number?"), theme.HelpIcon(), a.showAccountNumberHelp)
	b.Importance = widget.LowImportance
	return b
}

// showAccountNumberHelp says what the USCIS online account number is,
// where it is printed, and how it differs from a receipt number.
func (a *App) showAccountNumberHelp() {
	a.idle.touch()
	text := wrapped(lang.L("The USCIS online account number has 12 digits, such as 0012 3456 7890. It is not a receipt number, which has 3 letters and 10 digits (EAC2512345678).") + "\n\n" +
		lang.L("You find it:") + "\n" +
		"• " + lang.L("on the receipt notice (Form I-797C) of a form you filed online, under \"USCIS Online Account Number\";") + "\n" +
		"• " + lang.L("on the Account Access Notice that USCIS mails after you file on paper, so that you can follow the case online;") + "\n" +
		"• " + lang.L("in your account's profile, once you sign in at myaccount.uscis.gov."))
	content := container.NewVBox(text)
	if img, err := png.Decode(bytes.NewReader(accountNumberPicture)); err == nil {
		pic := canvas.NewImageFromImage(img)
		pic.FillMode = canvas.ImageFillContain
		b := img.Bounds()
		pic.SetMinSize(fyne.NewSize(float32(b.Dx())*0.8, float32(b.Dy())*0.8))
		caption := wrapped(lang.L("Where it sits on a receipt notice (a made-up one): in the box outlined in orange."))
		caption.SizeName = theme.SizeNameCaptionText
		content.Add(pic)
		content.Add(caption)
	}
	d := dialog.NewCustom(lang.L("Where is my account number?"), lang.L("OK"), container.NewVScroll(content), a.win)
	d.Resize(fyne.NewSize(640, 640))
	a.showDialog(d)
}

// missingAccountNumber is the hint for a person who has cases but no
// USCIS online account number yet, or nothing.
func (pg *personPage) missingAccountNumber(ix *vault.Index, numbers []*vault.Identifier) fyne.CanvasObject {
	for _, id := range numbers {
		if id.Kind == ids.AccountNumber {
			return container.NewVBox()
		}
	}
	hasCase := false
	for _, c := range ix.Cases {
		hasCase = hasCase || c.PersonID == pg.person.ID
	}
	if !hasCase {
		return container.NewVBox()
	}
	note := emptyNote(lang.L("No USCIS online account number yet: with it you can follow these cases online."))
	return container.NewBorder(nil, nil, nil, pg.app.accountHelpButton(), note)
}

// misplacedText tells the person which number they typed, when it belongs
// in another field (ids.Misplaced), or is "".
func misplacedText(field ids.Kind, typed []byte) string {
	other, ok := ids.Misplaced(field, typed)
	if !ok {
		return ""
	}
	switch other {
	case ids.ReceiptNumber:
		return lang.L("This is a receipt number (3 letters and 10 digits), not the USCIS online account number (12 digits). Add it as a receipt number, or look for the 12 digits.")
	case ids.AccountNumber:
		return lang.L("This is a USCIS online account number (12 digits), not a receipt number (3 letters and 10 digits). Add it as the account number.")
	}
	return ""
}
