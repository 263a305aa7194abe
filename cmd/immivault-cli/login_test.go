package main

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/skip2/go-qrcode"
)

// genqr FILE SCALE TEXT writes a PNG like a screenshot of a site's 2-step
// setup page: a header bar, lines of text-like marks, and the QR code of
// TEXT at SCALE pixels a module, off to one side.
func cmdGenQR(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: genqr FILE SCALE TEXT")
	}
	scale, err := strconv.Atoi(args[1])
	ts.Check(err)
	q, err := qrcode.New(args[2], qrcode.Medium)
	ts.Check(err)
	code := q.Image(0)
	img := image.NewRGBA(image.Rect(0, 0, 1000, 700))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xf3, 0xf4, 0xf8, 0xff}), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, 1000, 50), image.NewUniform(color.RGBA{0x00, 0x3a, 0x70, 0xff}), image.Point{}, draw.Src)
	for y := 90; y < 650; y += 22 {
		for x := 30; x < 420; x += 7 {
			if (x*31+y*17)%5 < 3 {
				draw.Draw(img, image.Rect(x, y, x+5, y+11), image.Black, image.Point{}, draw.Src)
			}
		}
	}
	cb := code.Bounds()
	for y := range cb.Dy() * scale {
		for x := range cb.Dx() * scale {
			img.Set(520+x, 120+y, code.At(cb.Min.X+x/scale, cb.Min.Y+y/scale))
		}
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(png.Encode(f, img))
	ts.Check(f.Close())
}
