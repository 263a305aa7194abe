package noticeview

import (
	"context"
	"errors"
	"image"
	"testing"
	"time"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
)

func TestThumbnail(t *testing.T) {
	warmEngine(t)
	for _, tc := range []struct {
		name    string
		data    []byte
		maxSide int
	}{
		{"notice.pdf", noticetest.Generate(3).PDF, 200},
		{"two-pages.pdf", twoPagePDF(t), 96},
		{"a3.pdf", textPDF(t, "A3", "A larger page than a letter", nil), 200},
		{"scan.png", scanPNG(), 160},
		{"scan.jpeg", noticetest.EncodeJPEG(noticetest.Scan(image.NewGray(image.Rect(0, 0, 1700, 2200)), 1)), 256},
		{"small.png", noticetest.EncodePNG(image.NewGray(image.Rect(0, 0, 40, 30))), 160},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img, err := Thumbnail(context.Background(), tc.name, tc.data, tc.maxSide)
			if err != nil {
				t.Fatal(err)
			}
			size := img.Bounds().Size()
			if size.X > tc.maxSide || size.Y > tc.maxSide {
				t.Errorf("thumbnail is %v, larger than %d", size, tc.maxSide)
			}
			// Not needlessly small either, except an image smaller than that to begin with.
			if max(size.X, size.Y) < tc.maxSide*9/10 && tc.name != "small.png" {
				t.Errorf("thumbnail is %v, for at most %d", size, tc.maxSide)
			}
		})
	}
}

func TestThumbnailErrors(t *testing.T) {
	warmEngine(t)
	if _, err := Thumbnail(context.Background(), "x.pdf", []byte("no notice"), 100); !errors.Is(err, notice.ErrNotNotice) {
		t.Errorf("Thumbnail of a text file: %v, want %v", err, notice.ErrNotNotice)
	}
	if _, err := Thumbnail(context.Background(), "x.pdf", twoPagePDF(t), 0); err == nil {
		t.Error("Thumbnail of size 0 succeeded")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	if _, err := Thumbnail(ctx, "x.pdf", twoPagePDF(t), 100); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Thumbnail with an expired context: %v", err)
	}
}
