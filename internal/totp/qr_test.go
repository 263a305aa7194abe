package totp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/skip2/go-qrcode"
)

const qrURI = "otpauth://totp/USCIS:maria%40example.com?secret=" + rfcBase32 + "&issuer=USCIS&algorithm=SHA256&digits=8&period=30"

// screenshot draws a page of other things (bands of colour, text-like
// noise) with the QR code pasted into it at qrAt, scaled by scale.
func screenshot(t *testing.T, uri string, w, h, qrAt, scale int) image.Image {
	t.Helper()
	q, err := qrcode.New(uri, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	code := q.Image(0)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xf3, 0xf4, 0xf8, 0xff}), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, w, 60), image.NewUniform(color.RGBA{0x00, 0x3a, 0x70, 0xff}), image.Point{}, draw.Src)
	r := rand.New(rand.NewPCG(1, 2))
	for line := 100; line < h-20; line += 24 { // lines of "text" beside the code
		for x := 20; x < w/2-40; x += 3 {
			if r.IntN(3) == 0 {
				draw.Draw(img, image.Rect(x, line, x+2, line+12), image.Black, image.Point{}, draw.Src)
			}
		}
	}
	cb := code.Bounds()
	for y := range cb.Dy() * scale {
		for x := range cb.Dx() * scale {
			img.Set(qrAt+x, qrAt+y, code.At(cb.Min.X+x/scale, cb.Min.Y+y/scale))
		}
	}
	return img
}

func encodePNG(t *testing.T, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDecodeQRFromAScreenshot(t *testing.T) {
	for _, tc := range []struct {
		name  string
		scale int
		jpeg  bool
	}{{"1x", 1, false}, {"3x", 3, false}, {"2x jpeg", 2, true}} {
		t.Run(tc.name, func(t *testing.T) {
			img := screenshot(t, qrURI, 1280, 900, 700, tc.scale)
			data := encodePNG(t, img)
			if tc.jpeg {
				var b bytes.Buffer
				jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
				data = b.Bytes()
			}
			k, err := DecodeQR(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if k.Label != "USCIS:maria@example.com" || k.Issuer != "USCIS" || k.Algorithm != SHA256 || k.Digits != 8 {
				t.Errorf("read %+v", *k)
			}
			want, _ := Parse([]byte(rfcBase32))
			if !k.Secret.Equal(want.Secret) {
				t.Error("the secret read is not the one drawn")
			}
		})
	}
}

func TestQRPNGRoundTrip(t *testing.T) {
	k, err := Parse([]byte(qrURI))
	if err != nil {
		t.Fatal(err)
	}
	data, err := k.QRPNG(256)
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width != 256 {
		t.Fatalf("not a 256-pixel PNG: %v %+v", err, cfg)
	}
	back, err := DecodeQR(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !back.Secret.Equal(k.Secret) || back.Label != k.Label || back.Algorithm != k.Algorithm {
		t.Errorf("the QR code reads back as %+v", *back)
	}
}

func TestDecodeQRRefuses(t *testing.T) {
	blank := encodePNG(t, image.NewGray(image.Rect(0, 0, 300, 300)))
	// A header that claims 100000×100000 pixels, which must be refused
	// before anything is decoded.
	huge := encodePNG(t, image.NewGray(image.Rect(0, 0, 1, 1)))
	huge = bytes.Clone(huge)
	// IHDR's width and height are at bytes 16..23, its CRC after them.
	copy(huge[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(huge[29:33], crc32.ChecksumIEEE(huge[12:29]))
	notQR := encodePNG(t, screenshot(t, qrURI, 400, 300, 1000, 1)) // the code is off the page
	for name, tc := range map[string]struct {
		data []byte
		want error
	}{
		"blank":     {blank, ErrNoQR},
		"no code":   {notQR, ErrNoQR},
		"huge":      {huge, ErrImageTooLarge},
		"not image": {[]byte("%PDF-1.4 not an image"), ErrImage},
		"oversize":  {make([]byte, MaxImageSize+1), ErrImageTooLarge},
	} {
		if _, err := DecodeQR(bytes.NewReader(tc.data)); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", name, err, tc.want)
		}
	}
	// A QR code that is not a 2-step secret is refused by Parse.
	_, err := DecodeQR(bytes.NewReader(encodePNG(t, screenshot(t, "https://example.com/", 800, 600, 300, 2))))
	if err == nil || !strings.Contains(err.Error(), "not an otpauth") {
		t.Errorf("a QR code of a web address: %v", err)
	}
}
