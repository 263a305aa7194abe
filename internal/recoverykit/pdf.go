package recoverykit

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"
	"github.com/skip2/go-qrcode"
)

// The key is printed in groups of groupSize characters, groupsPerLine to a
// line: four lines for an age recovery key.
const (
	groupSize     = 4
	groupsPerLine = 5
	keyLineLen    = groupsPerLine*groupSize + groupsPerLine - 1
)

// The page, in millimetres. It is US Letter, and everything stays within
// A4's width too, so that it prints whole on either paper.
const (
	margin     = 20.0
	keyFontPt  = 15.0
	keyLineH   = 7.5
	keyPad     = 4.0
	qrSide     = 55.0 // with the quiet zone; about 1.1 mm a module for an age key
	gutter     = 10.0
	bodyFontPt = 11.0
	bodyLineH  = 5.5
	noteFontPt = 9.0
	noteLineH  = 4.5
	ptPerMM    = 72 / 25.4
	courierEm  = 0.6 // width of every Courier character, in ems
)

// WritePDF writes the kit as a one-page PDF to print. It writes nothing if
// the key is unusable or the text does not fit on one page.
func (k Kit) WritePDF(w io.Writer) error {
	var lines []string
	var qr [][]bool
	err := k.Key.Use(func(key []byte) error {
		if err := checkKey(key); err != nil {
			return err
		}
		// Both take Go strings and keep copies that cannot be wiped; see
		// the package doc.
		code, err := qrcode.New(string(key), qrcode.Highest)
		if err != nil {
			return fmt.Errorf("failed to make the recovery key's QR code: %w", err)
		}
		qr = code.Bitmap()
		lines = keyLines(key)
		return nil
	})
	if err != nil {
		return err
	}
	defer func() {
		for _, row := range qr {
			clear(row)
		}
	}()

	pdf := fpdf.New("P", "mm", "Letter", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("") // UTF-8 to Windows-1252
	pdf.SetTitle(k.Text.Title, true)
	pdf.SetCreator("immivault", false)
	pdf.SetCreationDate(k.Created)
	pdf.SetModificationDate(k.Created)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	pdf.AddPage()
	pageW, _ := pdf.GetPageSize()
	textW := pageW - 2*margin

	pdf.SetFont("Helvetica", "B", 22)
	pdf.MultiCell(textW, 10, tr(k.Text.Title), "", "L", false)
	pdf.Ln(4)
	pdf.SetFont("Helvetica", "", bodyFontPt)
	pdf.MultiCell(textW, bodyLineH, tr(k.Text.Intro), "", "L", false)
	pdf.Ln(6)
	pdf.SetFont("Helvetica", "B", 13)
	pdf.MultiCell(textW, 7, tr(k.Text.KeyHeading), "", "L", false)
	pdf.Ln(2)

	top := pdf.GetY()
	qrX := pageW - margin - qrSide
	leftW := qrX - gutter - margin
	left := drawKey(pdf, lines, top)
	pdf.SetXY(margin, left+2)
	pdf.SetFont("Helvetica", "I", noteFontPt)
	pdf.MultiCell(leftW, noteLineH, tr(k.Text.Whitespace), "", "L", false)
	left = pdf.GetY()

	drawQR(pdf, qr, qrX, top, qrSide)
	pdf.SetXY(qrX, top+qrSide)
	pdf.SetFont("Helvetica", "", noteFontPt)
	pdf.MultiCell(qrSide, noteLineH, tr(k.Text.QRCaption), "", "C", false)
	pdf.SetY(max(left, pdf.GetY()) + 8)

	labelled(pdf, tr(k.Text.VaultLabel), tr(k.VaultDir))
	labelled(pdf, tr(k.Text.CreatedLabel), k.date())
	pdf.Ln(8)
	warning(pdf, tr(k.Text.Warning), textW)

	if err := pdf.Error(); err != nil {
		return fmt.Errorf("failed to make the recovery kit's PDF: %w", err)
	}
	if pdf.PageCount() != 1 {
		return errors.New("the recovery kit's text is too long for one page")
	}
	// The finished file is in fpdf's buffer, which cannot be wiped.
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("failed to write the recovery kit's PDF: %w", err)
	}
	return nil
}

// keyLines splits the key into the lines printed on the page: the part up
// to the Bech32 separator (the last '1', as in "AGE-SECRET-KEY-PQ-1") on a
// line of its own, then groups of groupSize characters separated by spaces.
func keyLines(key []byte) []string {
	var lines []string
	if i := bytes.LastIndexByte(key, '1'); i >= 0 && i < keyLineLen {
		lines = append(lines, string(key[:i+1]))
		key = key[i+1:]
	}
	line := make([]byte, 0, keyLineLen)
	defer clear(line[:cap(line)])
	for len(key) > 0 {
		line = line[:0]
		for g := 0; g < groupsPerLine && len(key) > 0; g++ {
			if g > 0 {
				line = append(line, ' ')
			}
			n := min(groupSize, len(key))
			line = append(line, key[:n]...)
			key = key[n:]
		}
		lines = append(lines, string(line))
	}
	return lines
}

// drawKey prints the key's lines in a frame whose top is at y, and returns
// the frame's bottom.
func drawKey(pdf *fpdf.Fpdf, lines []string, y float64) float64 {
	w := keyLineLen*courierEm*keyFontPt/ptPerMM + 2*keyPad
	h := float64(len(lines))*keyLineH + 2*keyPad
	pdf.SetLineWidth(0.3)
	pdf.RoundedRect(margin, y, w, h, 2, "1234", "D")
	pdf.SetFont("Courier", "B", keyFontPt)
	for i, line := range lines {
		baseline := y + keyPad + float64(i)*keyLineH + 0.72*keyLineH
		pdf.Text(margin+keyPad, baseline, line)
	}
	return y + h
}

// drawQR draws the QR code's dark modules as one filled path, so that
// neighbouring modules show no seams when the page is rendered. bits
// includes the quiet zone; side is the whole square's size.
func drawQR(pdf *fpdf.Fpdf, bits [][]bool, x, y, side float64) {
	m := side / float64(len(bits))
	for r, row := range bits {
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			x0, y0 := x+float64(start)*m, y+float64(r)*m
			x1, y1 := x+float64(c)*m, y0+m
			pdf.MoveTo(x0, y0)
			pdf.LineTo(x1, y0)
			pdf.LineTo(x1, y1)
			pdf.LineTo(x0, y1)
			pdf.ClosePath()
		}
	}
	pdf.SetFillColor(0, 0, 0)
	pdf.DrawPath("F")
}

// labelled prints "label: value" at the left margin, the value wrapping
// under itself. Both are already in Windows-1252.
func labelled(pdf *fpdf.Fpdf, label, value string) {
	label += ": "
	pdf.SetFont("Helvetica", "B", bodyFontPt)
	lw := pdf.GetStringWidth(label) + 2*pdf.GetCellMargin()
	pdf.CellFormat(lw, bodyLineH+1, label, "", 0, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", bodyFontPt)
	pdf.SetLeftMargin(margin + lw)
	pdf.MultiCell(0, bodyLineH+1, value, "", "L", false)
	pdf.SetLeftMargin(margin)
	pdf.SetX(margin)
}

// warning prints text, in Windows-1252, in bold inside a heavy frame the
// width of the page's text.
func warning(pdf *fpdf.Fpdf, text string, w float64) {
	const pad = 4.0
	pdf.SetFont("Helvetica", "B", 12)
	lines := pdf.SplitLines([]byte(text), w-2*pad)
	y := pdf.GetY()
	h := float64(len(lines))*6 + 2*pad
	pdf.SetLineWidth(0.8)
	pdf.Rect(margin, y, w, h, "D")
	pdf.SetXY(margin+pad, y+pad)
	pdf.MultiCell(w-2*pad, 6, text, "", "L", false)
	pdf.SetY(y + h)
}
