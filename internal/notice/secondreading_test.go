package notice

import (
	"image"
	"image/color"
	"testing"
)

// dark counts the pixels of a page darker than mid-grey.
func dark(p *image.Gray) int {
	n := 0
	for y := range p.Rect.Dy() {
		for _, v := range p.Pix[y*p.Stride : y*p.Stride+p.Rect.Dx()] {
			if v < 128 {
				n++
			}
		}
	}
	return n
}

// strokes draws a page of thin black strokes, in black and white or in grey.
func strokes(grey bool, w, h int) *image.Gray {
	page := image.NewGray(image.Rect(0, 0, w, h))
	for i := range page.Pix {
		page.Pix[i] = 255
	}
	ink := color.Gray{0}
	if grey {
		ink = color.Gray{90}
		page.Pix[0] = 200 // and a little grey paper, as a grey scan has
		for i := 1; i < len(page.Pix); i += 3 {
			page.Pix[i] = 230
		}
	}
	for y := 200; y < 2000; y += 40 {
		for x := 200; x < 1500; x += 9 {
			for k := range 20 {
				page.SetGray(x, y+k, ink)
			}
		}
	}
	return page
}

// TestFaxIsReadTwice: a black-and-white page is read with its strokes thickened, which is the
// Text, and as it came, which is the SecondReading; a grey page is read once.
func TestFaxIsReadTwice(t *testing.T) {
	var darkness []int
	calls := fakeOCR(t, func(page *image.Gray, dpi int) (string, error) {
		darkness = append(darkness, dark(page))
		return []string{"thickened", "as it came"}[len(darkness)-1], nil
	})
	for _, file := range []struct {
		name string
		data []byte
	}{{"fax.png", encodePNG(t, strokes(false, 1700, 2200))}, {"fax.pdf", pngPDF(t, strokes(false, 2550, 3300))}} {
		*calls, darkness = nil, nil
		d, err := Read(t.Context(), file.data, file.name, WithSecondReading(func(string) bool { return true }))
		if err != nil {
			t.Fatal(err)
		}
		if len(*calls) != 2 || d.Text() != "thickened" || d.SecondReading() != "as it came" {
			t.Fatalf("%s: %d readings, text %q, second %q", file.name, len(*calls), d.Text(), d.SecondReading())
		}
		if darkness[0] <= darkness[1] {
			t.Errorf("%s: the first reading's page has %d dark pixels, the second's %d: not thickened first", file.name, darkness[0], darkness[1])
		}
		if len(d.Words(0)) != 0 {
			t.Errorf("%s: words kept from the fake engine's text", file.name)
		}
		d.Close()
	}

	// Read again only where the reader says the first reading lacks something.
	*calls, darkness = nil, nil
	var asked []string
	d, err := Read(t.Context(), encodePNG(t, strokes(false, 1700, 2200)), "fax.png",
		WithSecondReading(func(text string) bool { asked = append(asked, text); return false }))
	if err != nil {
		t.Fatal(err)
	}
	if len(*calls) != 1 || d.SecondReading() != "" || len(asked) != 1 || asked[0] != "thickened" {
		t.Errorf("a complete first reading: %d readings, second %q, need asked %q", len(*calls), d.SecondReading(), asked)
	}
	d.Close()

	*calls, darkness = nil, nil
	d, err = Read(t.Context(), encodePNG(t, strokes(true, 1700, 2200)), "grey.png", WithSecondReading(func(string) bool { return true }))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if len(*calls) != 1 || d.Text() != "thickened" || d.SecondReading() != "" {
		t.Errorf("grey page: %d readings, text %q, second %q", len(*calls), d.Text(), d.SecondReading())
	}
}
