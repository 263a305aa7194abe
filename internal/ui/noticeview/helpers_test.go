package noticeview

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/go-pdf/fpdf"

	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
)

// twoPagePDF is a notice of two letter-size pages, the second turned to landscape, each with a
// text layer.
func twoPagePDF(tb testing.TB) []byte {
	tb.Helper()
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetCreationDate(time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 12)
	pdf.Text(54, 60, "Form I-797C, Notice of Action")
	pdf.SetFont("Helvetica", "", 10)
	pdf.Text(54, 100, "Receipt Number")
	pdf.Text(54, 114, "EAC2512345678")
	pdf.Rect(50, 88, 200, 32, "D")
	for y := 160.0; y < 700; y += 14 {
		pdf.Text(54, y, "This notice is to advise you of action taken on this case.")
	}
	pdf.AddPageFormat("L", fpdf.SizeType{Wd: 612, Ht: 792})
	pdf.Text(54, 60, "Page two, in landscape")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// textPDF is a PDF of one page of the size ("Letter", "A3") with a line of
// text; setup, if not nil, changes the document first (a password, say).
func textPDF(tb testing.TB, size, text string, setup func(*fpdf.Fpdf)) []byte {
	tb.Helper()
	pdf := fpdf.New("P", "pt", size, "")
	if setup != nil {
		setup(pdf)
	}
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Text(72, 72, text)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// scanPNG is a page-shaped picture as a PNG, what a phone scanning app saves.
func scanPNG() []byte {
	img := image.NewGray(image.Rect(0, 0, 850, 1100))
	for i := range img.Pix {
		img.Pix[i] = 0xf4
	}
	for y := 100; y < 1000; y += 40 {
		for x := 80; x < 770; x++ {
			img.SetGray(x, y, color.Gray{0x30})
		}
	}
	return noticetest.EncodePNG(noticetest.Scan(img, 7))
}

// warm starts the PDF engine and reads a notice once, so that what is measured or waited for
// afterwards is the viewer's work, not the engine's first start.
var warm = sync.OnceValue(func() error {
	notice.Warm()
	d, err := notice.Read(context.Background(), noticetest.Generate(1).PDF, "", notice.WithoutOCR())
	if err == nil {
		_, err = d.Render(context.Background(), 0, 72)
		d.Close()
	}
	return err
})

func warmEngine(tb testing.TB) {
	tb.Helper()
	if err := warm(); err != nil {
		tb.Fatal(err)
	}
}

// open shows a viewer of data in a test window of the given size. Test code touching the
// window holds the viewer's lock, which stands in for the UI goroutine: the test driver runs
// fyne.Do callbacks on the goroutine that calls it.
func open(t *testing.T, name string, data []byte, size fyne.Size) (*Viewer, fyne.Window) {
	t.Helper()
	warmEngine(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(size)
	v := New(w, name, data)
	v.mu.Lock()
	w.SetContent(v.Build())
	v.mu.Unlock()
	t.Cleanup(func() {
		v.Close()
		v.work.Wait()
	})
	return v, w
}

// waitFor polls cond, with the viewer's lock held, until it holds or a deadline passes.
func waitFor(tb testing.TB, v *Viewer, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		v.mu.Lock()
		ok := cond()
		v.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// settled reports, with the lock held, whether the page is drawn and nothing is being drawn.
func (v *Viewer) settled() bool {
	return v.sheet.Image != nil && v.pending == (drawing{}) && v.shown.page == v.current
}

// waitForPage waits until the page is drawn and returns what the toolbar and page show.
func waitForPage(tb testing.TB, v *Viewer) view {
	tb.Helper()
	waitFor(tb, v, "the page to be drawn", v.settled)
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.view()
}

// view is what the viewer shows, for assertions.
type view struct {
	page, zoom, problem string
	problemShown        bool
	pixels              image.Point // of the page drawn
	size                fyne.Size   // the page's size on screen
}

func (v *Viewer) view() view {
	s := view{
		page:         v.pageLabel.Text,
		zoom:         v.zoomLabel.Text,
		problem:      v.problem.Text,
		problemShown: v.problem.Visible(),
		size:         v.sheet.MinSize(),
	}
	if v.sheet.Image != nil {
		s.pixels = v.sheet.Image.Bounds().Size()
	}
	return s
}

// button finds the button labelled text in the window's topmost overlay, a dialog.
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is showing; looked for a %q button", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("the dialog has no %q button", text)
	return nil
}

// overlayText is all the text of labels in the window's topmost overlay.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b bytes.Buffer
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *widget.RichText:
			b.WriteString(o.String() + "\n")
		}
	}
	return b.String()
}
