package ui

import (
	"bytes"
	"image"
	"image/png"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/totp"
	"immivault/internal/vault"
)

// qrDropTarget is the login dialog that takes dropped images while it is
// the topmost dialog.
type qrDropTarget struct {
	dialog dialog.Dialog
	read   func(uris []fyne.URI)
}

// takes reports whether the target's dialog is open and on top.
func (t qrDropTarget) takes(open []dialog.Dialog) bool {
	return t.dialog != nil && len(open) > 0 && open[len(open)-1] == t.dialog
}

// qrImageTypes are the image files a QR code is read from.
var qrImageTypes = []string{".png", ".jpg", ".jpeg", ".gif"}

// chooseQRImage asks for a screenshot or photo of the site's QR code.
func (s *loginDialog) chooseQRImage() {
	s.app.idle.touch()
	s.app.askOpenFile(qrImageTypes, func(f fyne.URIReadCloser) { s.readQR(f, f.URI().Name()) })
}

// readQRFiles reads the first dropped file as an image with a QR code.
func (s *loginDialog) readQRFiles(uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	r, err := storage.Reader(uris[0])
	if err != nil {
		s.reads.SetText(twoStepError(err))
		return
	}
	s.readQR(r, uris[0].Name())
}

// readQR finds the QR code in the image off the UI goroutine and puts the
// 2-step secret it holds into the field, never as a Go string here (the QR
// library's own copy is said in internal/totp).
func (s *loginDialog) readQR(r io.ReadCloser, name string) {
	s.reads.Importance = widget.MediumImportance
	s.reads.SetText(lang.L("Looking for a QR code in {{.Name}}…", map[string]any{"Name": name}))
	background(func() (*totp.Key, error) {
		defer r.Close()
		return totp.DecodeQR(r)
	}, func(k *totp.Key, err error) {
		if err == nil {
			uri, uerr := k.URISecret()
			if uerr == nil {
				s.noTOTP.SetChecked(false)
				s.twoStep.Set(uri)
				return
			}
			err = uerr
		}
		s.reads.Importance = widget.DangerImportance
		s.reads.SetText(twoStepError(err))
	})
}

// showTOTPQR shows the login's 2-step secret as a QR code, for an
// authenticator app on a phone to scan, after saying what that risks.
func (a *App) showTOTPQR(l *vault.Login) {
	a.idle.touch()
	warning := wrapped(lang.L("Anyone who sees this QR code, or a photo or screenshot of it, can make the 2-step codes of this account. Show it only to scan it with your authenticator app, where nobody can see your screen, and close it right after."))
	warning.Importance = widget.WarningImportance
	a.showDialog(dialog.NewCustomConfirm(lang.L("Show the 2-step secret as a QR code?"), lang.L("Show QR code"), lang.L("Cancel"),
		warning, func(ok bool) {
			if ok {
				a.showQRNow(l)
			}
		}, a.win))
}

func (a *App) showQRNow(l *vault.Login) {
	k, err := l.Key()
	if err != nil || k == nil {
		a.showError(err)
		return
	}
	data, err := k.QRPNG(320)
	if err != nil {
		a.showError(err)
		return
	}
	img, err := png.Decode(bytes.NewReader(data))
	clear(data)
	if err != nil {
		a.showError(err)
		return
	}
	pic := canvas.NewImageFromImage(img)
	pic.FillMode = canvas.ImageFillContain
	pic.SetMinSize(fyne.NewSquareSize(320))
	note := emptyNote(lang.L("Scan it with the authenticator app on your phone, then close this."))
	d := dialog.NewCustom(loginTitle(l), lang.L("Close"), container.NewVBox(pic, note), a.win)
	d.SetOnClosed(func() {
		wipePixels(img)
		pic.Image = nil
	})
	a.showDialog(d)
}

// wipePixels clears a decoded QR picture's pixels, of the kinds the PNG
// decoder makes of one.
func wipePixels(img image.Image) {
	switch im := img.(type) {
	case *image.Paletted:
		clear(im.Pix)
	case *image.Gray:
		clear(im.Pix)
	case *image.RGBA:
		clear(im.Pix)
	case *image.NRGBA:
		clear(im.Pix)
	}
}
