package noticeview

import (
	"context"
	"image"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
)

// The benchmarks measure what a person waits for, with the PDF engine warm (started at program
// start, as the app does):
//
//	BenchmarkPageVisible  a click on a notice until its first page is drawn in the viewer  <= 300 ms
//	BenchmarkThumbnail    one notice's first-page thumbnail for the notice grid             reported

// benchNotices are a downloaded notice (a one-page PDF with text), a two-page one, a 300 dpi
// scan saved as a scanner's PDF and as a JPEG, and a PNG.
func benchNotices(b testing.TB) []struct {
	name string
	data []byte
} {
	b.Helper()
	warmEngine(b)
	pdf := noticetest.Generate(2).PDF
	d, err := notice.Read(context.Background(), pdf, "", notice.WithoutOCR())
	if err != nil {
		b.Fatal(err)
	}
	page, err := d.Render(context.Background(), 0, 300)
	if err != nil {
		b.Fatal(err)
	}
	scan := noticetest.Scan(page, 2)
	return []struct {
		name string
		data []byte
	}{
		{"text-pdf", pdf},
		{"two-page-pdf", twoPagePDF(b)},
		{"scan-pdf-300dpi", noticetest.ImagePDF(scan)},
		{"scan-jpeg-300dpi", noticetest.EncodeJPEG(scan)},
		{"scan-png", scanPNG()},
	}
}

func BenchmarkPageVisible(b *testing.B) {
	for _, n := range benchNotices(b) {
		b.Run(n.name, func(b *testing.B) {
			test.NewTempApp(b)
			w := test.NewTempWindow(b, widget.NewLabel(""))
			w.Resize(fyne.NewSize(820, 900))
			for b.Loop() {
				v := New(w, n.name, n.data)
				v.mu.Lock()
				w.SetContent(v.Build())
				v.mu.Unlock()
				waitForImage(b, v)
				v.Close()
				v.work.Wait()
			}
		})
	}
}

// waitForImage waits for the first page to be in view, polling finely so as to add little to
// what is measured.
func waitForImage(b *testing.B, v *Viewer) {
	deadline := time.Now().Add(30 * time.Second)
	for {
		v.mu.Lock()
		shown, failed := v.sheet.Image != nil, v.problem.Visible()
		v.mu.Unlock()
		switch {
		case shown:
			return
		case failed:
			b.Fatal(v.problem.Text)
		case time.Now().After(deadline):
			b.Fatal("the page was not drawn")
		}
		time.Sleep(200 * time.Microsecond)
	}
}

func BenchmarkThumbnail(b *testing.B) {
	for _, n := range benchNotices(b) {
		b.Run(n.name, func(b *testing.B) {
			var img image.Image
			for b.Loop() {
				var err error
				if img, err = Thumbnail(context.Background(), n.name, n.data, 160); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(img.Bounds().Dx()), "px-wide")
		})
	}
}
