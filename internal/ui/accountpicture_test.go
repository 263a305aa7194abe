package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"testing"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
)

// TestAccountNumberPicture checks the picture the account number's help
// shows. With IMMIVAULT_ACCOUNT_PICTURE=1 it first draws it again: the top
// of the first generated receipt notice that prints the account number in
// its own box, with the box outlined in orange, written to
// accountnumber.png.
func TestAccountNumberPicture(t *testing.T) {
	if os.Getenv("IMMIVAULT_ACCOUNT_PICTURE") != "" {
		drawAccountPicture(t)
	}
	img, err := png.Decode(bytes.NewReader(accountNumberPicture))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 150 || b.Dx() > 1000 {
		t.Errorf("the picture is %v", b)
	}
	orange := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if img.At(x, y) == color.Color(highlight) {
				orange++
			}
		}
	}
	if orange < 500 {
		t.Errorf("the picture has %d orange pixels: nothing is outlined", orange)
	}
}

var highlight = color.RGBA{0xf0, 0x78, 0x00, 0xff}

// pictureDPI draws the page small enough for a dialog.
const pictureDPI = 100

func drawAccountPicture(t *testing.T) {
	ctx := context.Background()
	for seed := int64(1); seed < 500; seed++ {
		n := noticetest.Generate(seed)
		if n.Truth.AccountNumber == "" || n.Truth.NoticeType != "Receipt Notice" {
			continue
		}
		doc, err := notice.Read(ctx, n.PDF, "notice.pdf")
		if err != nil {
			t.Fatal(err)
		}
		page, err := doc.Render(ctx, 0, pictureDPI)
		doc.Close()
		if err != nil {
			t.Fatal(err)
		}
		box, ok := accountBox(page)
		if !ok {
			continue
		}
		top := max(box.Min.Y-300, 0)
		crop := image.Rect(0, top, page.Bounds().Dx(), min(box.Max.Y+30, page.Bounds().Dy()))
		out := image.NewRGBA(image.Rect(0, 0, crop.Dx(), crop.Dy()))
		draw.Draw(out, out.Bounds(), page, crop.Min, draw.Src)
		ring := box.Sub(crop.Min).Inset(-5)
		for w := range 4 {
			r := ring.Inset(-w)
			for x := r.Min.X; x < r.Max.X; x++ {
				out.Set(x, r.Min.Y, highlight)
				out.Set(x, r.Max.Y-1, highlight)
			}
			for y := r.Min.Y; y < r.Max.Y; y++ {
				out.Set(r.Min.X, y, highlight)
				out.Set(r.Max.X-1, y, highlight)
			}
		}
		var b bytes.Buffer
		if err := png.Encode(&b, out); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("accountnumber.png", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		accountNumberPicture = b.Bytes()
		t.Logf("drew notice %d; the box at %v", seed, box)
		return
	}
	t.Fatal("no generated notice prints the account number in its box")
}

// accountBox finds the box noticetest draws around the account number
// below the address: its left edge is at 330 pt, it reaches the right
// margin (576 pt) and is 24 pt high.
func accountBox(page image.Image) (image.Rectangle, bool) {
	scale := float64(pictureDPI) / 72
	x0, x1 := int(330*scale+0.5), int(576*scale+0.5)
	height := int(24*scale + 0.5)
	dark := func(x, y int) bool {
		for dx := -1; dx <= 1; dx++ {
			r, g, b, _ := page.At(x+dx, y).RGBA()
			if (299*r+587*g+114*b)/1000 < 0x9000 {
				return true
			}
		}
		return false
	}
	b := page.Bounds()
	for y := b.Min.Y; y < b.Max.Y-height; y++ {
		run := 0
		for dark(x0, y+run) && y+run < b.Max.Y {
			run++
		}
		if run < height-3 || run > height+3 {
			continue
		}
		top := 0
		for x := x0; x < x1; x++ {
			if dark(x, y) || dark(x, y+1) {
				top++
			}
		}
		if top > (x1-x0)*9/10 {
			return image.Rect(x0, y, x1, y+run), true
		}
	}
	return image.Rectangle{}, false
}
