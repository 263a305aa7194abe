package ui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/ui/noticeview"
	"immivault/internal/vault"
)

// readNotice decrypts a notice into memory and checks it against the hash
// recorded when it was filed. Notices are never written out decrypted.
func readNotice(v *vault.Vault, n *vault.Notice) ([]byte, error) {
	r, err := v.OpenBlob(n)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var buf bytes.Buffer
	buf.Grow(int(n.Size))
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(&buf, h), r); err != nil {
		return nil, err
	}
	if hex.EncodeToString(h.Sum(nil)) != n.SHA256 {
		return nil, errors.New(lang.L("{{.File}} is damaged: it is not the file that was filed", map[string]any{"File": n.FileName}))
	}
	return buf.Bytes(), nil
}

// openNotice shows a notice in a window of its own. The window closes when
// the vault locks.
func (a *App) openNotice(n *vault.Notice) {
	a.idle.touch()
	v := a.vault
	background(func() ([]byte, error) {
		return readNotice(v, n)
	}, func(data []byte, err error) {
		if err != nil {
			a.showError(err)
			return
		}
		if a.vault != v {
			return // locked meanwhile
		}
		w := a.fyne.NewWindow(noticeTitle(n) + " · " + n.FileName)
		viewer := noticeview.New(w, n.FileName, data)
		a.viewers[w] = viewer.Close
		w.SetOnClosed(func() {
			viewer.Close()
			delete(a.viewers, w)
		})
		w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
			a.idle.touch()
			if ev.Name == fyne.KeyEscape {
				w.Close()
				return
			}
			viewer.TypedKey(ev)
		})
		w.Canvas().SetOnTypedRune(func(r rune) { a.idle.touch(); viewer.TypedRune(r) })
		w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { w.Close() })
		closeB := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), w.Close)
		w.SetContent(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeB), nil, nil, viewer.Build()))
		w.Resize(noticeview.WindowSize(a.win.Canvas().Size()))
		w.Show()
	})
}
