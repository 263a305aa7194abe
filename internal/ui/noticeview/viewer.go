// Package noticeview shows a notice (a PDF, or a JPEG or PNG scan) inside the app: its pages
// one at a time with zoom, and small first-page thumbnails for the notice grid.
//
// # Secrets
//
// A notice is decrypted into memory by the vault and stays there: the viewer reads and draws it
// from the byte slice it is given, never from a file, and [Viewer.Close] drops that slice, the
// Document and the page images, so that locking the vault leaves nothing of the notice reachable
// from the viewer. The one way to write the notice unencrypted is [Viewer.ExportCopy], which
// warns before it asks where. [Viewer.Print] writes no file: it pipes a PDF of the drawn pages,
// made in memory, to lp or lpr, whose spool keeps it until the printer has it (not offered on
// Windows, see docs/adr/0019-file-picker-and-notice-printing.md).
//
// # Threading
//
// Reading and drawing take tens to hundreds of milliseconds, so they run on goroutines of their
// own and hand their results back through fyne.Do; the methods of a Viewer are called from the
// UI, as buttons and shortcuts do. A newer request (another page, another zoom) cancels the
// drawing still under way for an older one.
package noticeview

import (
	"context"
	"image"
	"image/draw"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/notice"
	_ "immivault/internal/ui/translations"
	"immivault/internal/ui/tworow"
)

// A Viewer shows one notice's pages, drawn from memory. Build it into a window with Build, and
// Close it when the viewer goes away or the vault locks.
type Viewer struct {
	win  fyne.Window
	name string

	// chooseFile asks where to save the decrypted copy, suggesting name, and calls save with
	// the file, or with nil if the person cancels. It is the file save dialog; tests replace it.
	chooseFile func(name string, save func(fyne.URIWriteCloser, error))

	content   *fyne.Container
	toolbar   *fyne.Container
	sheet     *canvas.Image // the page
	scroll    *container.Scroll
	pageLabel *widget.Label
	zoomLabel *widget.Label
	problem   *widget.Label // why the notice or the page cannot be shown
	busy      *widget.Activity
	prev      *widget.Button
	next      *widget.Button
	zoomOut   *widget.Button
	zoomIn    *widget.Button
	fit       *widget.Button
	export    *widget.Button
	printB    *widget.Button

	// work counts the goroutines reading, drawing and saving, for tests to wait on.
	work sync.WaitGroup

	// viewport is the width the page can take, set by layout. It has a lock of its own because
	// layout may run while mu is held.
	viewport struct {
		sync.Mutex
		width  float32
		refit  *time.Timer // a pending fit to a new width
		drawn  bool        // a page has been shown; until then, fit to a new width at once
		closed bool
	}

	mu      sync.Mutex
	closed  bool
	ctx     context.Context // cancelled by Close
	stop    context.CancelFunc
	data    []byte
	doc     *notice.Document // nil until read, and after Close
	pages   int
	current int // the page shown, from 0
	zoom    float64
	fitting bool               // the zoom follows the viewport's width
	sizes   map[int]pageSize   // page sizes learned from drawing them
	size    pageSize           // the size of the last page drawn, assumed for pages not yet drawn
	shown   drawing            // what sheet holds
	pending drawing            // what is being drawn
	gen     int                // counts drawing requests; a result for an older one is dropped
	cancel  context.CancelFunc // cancels the drawing under way
}

// drawing is a page at a resolution; the zero value is none.
type drawing struct {
	page, dpi int
}

// pageSize is a page's size in inches. The reader takes an image to be a 300 dpi scan.
type pageSize struct{ w, h float64 }

// letter is the size of a US notice, assumed until a page has been drawn.
var letter = pageSize{8.5, 11}

const (
	// unitsPerInch is how many Fyne units an inch of paper takes at 100%.
	unitsPerInch = 96
	// maxDPI bounds the resolution a page is drawn at: more is not sharper on any screen, only
	// slower. Zooming further enlarges the 300 dpi drawing.
	maxDPI = 300
	// refitDelay lets a window resize settle before the page is drawn again at the new width.
	refitDelay = 120 * time.Millisecond
	// fitTolerance is how much narrower than the view a page fitted to its width may be drawn
	// before it is drawn again.
	fitTolerance = 0.03
)

// zoomSteps are the zooms ZoomIn and ZoomOut go through, 1 being 100%.
var zoomSteps = []float64{0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4}

// New starts reading the notice data, named name (for the export dialog and error messages),
// for viewing in win, whose dialogs it uses. The viewer keeps data, without copying it, until
// Close: do not change it before.
func New(win fyne.Window, name string, data []byte) *Viewer {
	v := &Viewer{
		win:     win,
		name:    name,
		data:    data,
		zoom:    1,
		fitting: true,
		sizes:   map[int]pageSize{},
		size:    letter,
	}
	v.ctx, v.stop = context.WithCancel(context.Background())
	v.chooseFile = v.showSaveDialog
	v.build()

	ctx := v.ctx
	v.work.Go(func() {
		d, err := notice.Read(ctx, data, name, notice.WithoutOCR())
		if ctx.Err() != nil {
			if d != nil {
				d.Close()
			}
			return
		}
		fyne.Do(func() { v.opened(d, err) })
	})
	return v
}

// Build returns the viewer's content: a toolbar over the page.
func (v *Viewer) Build() fyne.CanvasObject { return v.content }

func (v *Viewer) build() {
	v.sheet = canvas.NewImageFromImage(nil)
	v.sheet.FillMode = canvas.ImageFillStretch
	// The page is drawn at the screen's resolution, so Fyne has nothing to scale but for the
	// moment between a zoom and its drawing; "smooth" would scale it on the UI goroutine.
	v.sheet.ScaleMode = canvas.ImageScaleFastest
	v.scroll = container.NewScroll(container.NewCenter(v.sheet))

	v.pageLabel = widget.NewLabel("")
	v.zoomLabel = widget.NewLabel("")
	v.problem = widget.NewLabel("")
	v.problem.Importance = widget.DangerImportance
	v.problem.Wrapping = fyne.TextWrapWord
	v.problem.Hide()
	v.busy = widget.NewActivity()
	v.busy.Start()

	v.prev = &widget.Button{Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: v.PrevPage}
	v.next = &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: v.NextPage}
	v.zoomOut = &widget.Button{Icon: theme.ZoomOutIcon(), Importance: widget.LowImportance, OnTapped: v.ZoomOut}
	v.zoomIn = &widget.Button{Icon: theme.ZoomInIcon(), Importance: widget.LowImportance, OnTapped: v.ZoomIn}
	v.fit = &widget.Button{Text: lang.L("Fit width"), Icon: theme.ZoomFitIcon(), Importance: widget.LowImportance, OnTapped: v.FitWidth}
	v.export = widget.NewButtonWithIcon(lang.L("Export decrypted copy…"), theme.DocumentSaveIcon(), v.ExportCopy)
	v.printB = widget.NewButtonWithIcon(lang.L("Print…"), theme.DocumentPrintIcon(), v.Print)
	for _, b := range []*widget.Button{v.prev, v.next, v.zoomOut, v.zoomIn, v.fit, v.printB} {
		b.ExtendBaseWidget(b)
		b.Disable()
	}

	// Page and zoom on the left, Print and Export on the right: on two rows in a narrow
	// window.
	v.toolbar = tworow.New(v.win.Canvas(),
		container.NewHBox(v.prev, v.pageLabel, v.next, widget.NewSeparator(), v.zoomOut, v.zoomLabel, v.zoomIn, v.fit),
		container.NewHBox(v.busy, v.printB, v.export),
	)
	page := container.New(viewportLayout{v}, v.scroll)
	v.content = container.NewBorder(container.NewVBox(v.toolbar, v.problem), nil, nil, nil, page)
}

// opened takes the Document that reading gave, or shows why there is none.
func (v *Viewer) opened(doc *notice.Document, err error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed {
		if doc != nil {
			doc.Close()
		}
		return
	}
	if err != nil {
		v.idle()
		v.showProblem(err)
		return
	}
	v.doc, v.pages = doc, doc.Pages()
	v.show()
}

// NextPage shows the next page, if there is one.
func (v *Viewer) NextPage() { v.turnTo(func(p int) int { return p + 1 }) }

// PrevPage shows the previous page, if there is one.
func (v *Viewer) PrevPage() { v.turnTo(func(p int) int { return p - 1 }) }

func (v *Viewer) turnTo(to func(current int) int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	p := to(v.current)
	if v.closed || v.doc == nil || p < 0 || p >= v.pages || p == v.current {
		return
	}
	v.current = p
	v.sheet.Image = nil
	v.shown = drawing{}
	v.scroll.ScrollToTop()
	v.show()
}

// ZoomIn enlarges the page one step, up to 400%.
func (v *Viewer) ZoomIn() {
	v.zoomTo(func(z float64) float64 {
		for _, s := range zoomSteps {
			if s > z*1.01 {
				return s
			}
		}
		return z
	})
}

// ZoomOut shrinks the page one step, down to 25%.
func (v *Viewer) ZoomOut() {
	v.zoomTo(func(z float64) float64 {
		for i := len(zoomSteps) - 1; i >= 0; i-- {
			if zoomSteps[i] < z*0.99 {
				return zoomSteps[i]
			}
		}
		return z
	})
}

func (v *Viewer) zoomTo(step func(zoom float64) float64) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed || v.doc == nil {
		return
	}
	v.fitting = false
	v.zoom = step(v.zoom)
	v.show()
}

// FitWidth zooms the page to the width of the view, and keeps it so as the window is resized.
func (v *Viewer) FitWidth() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed || v.doc == nil {
		return
	}
	v.fitting = true
	v.show()
}

// TypedKey turns pages with Page Up, Page Down, Left, Right, Home and End. It has the signature
// of fyne.Canvas.SetOnTypedKey, for the window showing the viewer.
func (v *Viewer) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyPageDown, fyne.KeyRight:
		v.NextPage()
	case fyne.KeyPageUp, fyne.KeyLeft:
		v.PrevPage()
	case fyne.KeyHome:
		v.turnTo(func(int) int { return 0 })
	case fyne.KeyEnd:
		v.turnTo(func(int) int { return v.pages - 1 })
	}
}

// TypedRune zooms with + (or =, + without shift) and -. It has the signature of
// fyne.Canvas.SetOnTypedRune, for the window showing the viewer.
func (v *Viewer) TypedRune(r rune) {
	switch r {
	case '+', '=':
		v.ZoomIn()
	case '-':
		v.ZoomOut()
	}
}

// show brings the toolbar and the page to the current page and zoom. It sizes the page at
// once, the graphics card stretching what is drawn, and draws it anew unless what is drawn has
// the resolution wanted. Called with mu held.
func (v *Viewer) show() {
	size, ok := v.sizes[v.current]
	if !ok {
		size = v.size
	}
	if v.fitting {
		v.zoom = fitZoom(v.viewportWidth(), size)
	}

	v.pageLabel.SetText(lang.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": v.current + 1, "Pages": v.pages}))
	v.zoomLabel.SetText(lang.L("{{.Percent}}%", map[string]any{"Percent": int(math.Round(v.zoom * 100))}))
	enable(v.prev, v.current > 0)
	enable(v.next, v.current < v.pages-1)
	enable(v.zoomOut, v.zoom > zoomSteps[0]*1.01)
	enable(v.zoomIn, v.zoom < zoomSteps[len(zoomSteps)-1]*0.99)
	enable(v.fit, !v.fitting)
	enable(v.printB, v.doc != nil)
	v.toolbar.Refresh() // the labels' widths change

	pixels := v.pixelsPerUnit()
	ideal := unitsPerInch * v.zoom * pixels // the resolution at which a pixel drawn is a pixel shown
	want := drawing{v.current, renderDPI(ideal, size)}
	onScreen := fyne.NewSize(float32(size.w*unitsPerInch*v.zoom), float32(size.h*unitsPerInch*v.zoom))
	if v.keep(want, pixels) {
		if want.dpi == int(ideal) {
			// Shown a pixel for a pixel: Fyne scales an image whose size differs from its
			// place on screen on the UI goroutine, which for a page takes a visible moment.
			b := v.sheet.Image.Bounds()
			onScreen = fyne.NewSize(float32(float64(b.Dx())/pixels), float32(float64(b.Dy())/pixels))
		}
	} else if v.pending != want {
		v.draw(want)
	}
	v.sheet.SetMinSize(onScreen)
	v.sheet.Refresh()
	v.scroll.Refresh()
}

// keep reports whether what is drawn will do for want: the same page at the same resolution,
// or, when fitting the width, at one that fills most of the width without exceeding it (the
// width a drawing comes out at is rounded, and chasing that would draw the page repeatedly).
// Called with mu held.
func (v *Viewer) keep(want drawing, pixels float64) bool {
	switch {
	case v.sheet.Image == nil || v.shown.page != want.page:
		return false
	case v.shown.dpi == want.dpi:
		return true
	case !v.fitting:
		return false
	}
	drawn := float64(v.sheet.Image.Bounds().Dx())
	avail := float64(v.viewportWidth()-2*theme.Padding()) * pixels
	return drawn <= avail && drawn >= avail*(1-fitTolerance)
}

// draw starts drawing a page, cancelling the drawing under way. Called with mu held.
func (v *Viewer) draw(d drawing) {
	if v.cancel != nil {
		v.cancel()
	}
	ctx, cancel := context.WithCancel(v.ctx)
	v.cancel = cancel
	v.gen++
	gen, doc := v.gen, v.doc
	v.pending = d
	v.busy.Show()
	v.busy.Start()
	v.work.Go(func() {
		defer cancel()
		img, err := doc.Render(ctx, d.page, d.dpi)
		if err == nil {
			img = asRGBA(img)
		}
		if ctx.Err() != nil {
			return
		}
		fyne.Do(func() { v.drawn(gen, d, img, err) })
	})
}

// drawn puts a drawn page in view, unless a newer request has come since.
func (v *Viewer) drawn(gen int, d drawing, img image.Image, err error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed || gen != v.gen {
		return
	}
	v.pending = drawing{}
	v.idle()
	if err != nil {
		v.sheet.Image = nil
		v.shown = drawing{}
		v.sheet.Refresh()
		v.showProblem(err)
		return
	}
	v.hideProblem()
	b := img.Bounds()
	size := pageSize{float64(b.Dx()) / float64(d.dpi), float64(b.Dy()) / float64(d.dpi)}
	v.sizes[d.page], v.size = size, size
	v.sheet.Image = img
	v.shown = d
	v.viewport.Lock()
	v.viewport.drawn = true
	v.viewport.Unlock()
	// The page may not be the size assumed: show sizes it, and draws it again if fitting it
	// to the width needs another resolution.
	v.show()
}

func (v *Viewer) idle() {
	v.busy.Stop()
	v.busy.Hide()
}

// Close stops reading and drawing, and lets go of the notice: its bytes, its Document and the
// page drawn. The viewer shows nothing afterwards. Close returns at once; the work it stops
// ends within moments, without touching the viewer.
func (v *Viewer) Close() {
	v.viewport.Lock()
	v.viewport.closed = true
	if v.viewport.refit != nil {
		v.viewport.refit.Stop()
	}
	v.viewport.Unlock()

	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed {
		return
	}
	v.closed = true
	v.stop()
	if v.doc != nil {
		v.doc.Close()
	}
	v.doc, v.data = nil, nil
	v.sizes = nil
	v.sheet.Image = nil
	v.shown, v.pending = drawing{}, drawing{}
	v.sheet.Refresh()
	v.idle()
	for _, b := range []*widget.Button{v.prev, v.next, v.zoomOut, v.zoomIn, v.fit, v.export, v.printB} {
		b.Disable()
	}
}

// fitZoom is the zoom at which a page of size fills width; 100% before the view has a width.
func fitZoom(width float32, size pageSize) float64 {
	avail := float64(width - 2*theme.Padding())
	if avail <= 0 {
		return 1
	}
	return min(max(avail/(size.w*unitsPerInch), zoomSteps[0]), zoomSteps[len(zoomSteps)-1])
}

// renderDPI is the resolution to draw a page of size at, for ideal, the resolution that puts a
// pixel of the drawing on each pixel of the screen: rounded down, so that a page fitted to the
// width never comes out wider, and within maxDPI and the reader's limit on the pixels of a page.
func renderDPI(ideal float64, size pageSize) int {
	limit := math.Sqrt(notice.MaxRenderPixels / (size.w * size.h) * 0.98)
	return max(1, int(min(ideal, maxDPI, limit)))
}

// pixelsPerUnit is how many of the screen's pixels a Fyne unit takes: the canvas's scale, and
// on macOS the Retina factor.
func (v *Viewer) pixelsPerUnit() float64 {
	const far = 1000
	x, _ := v.win.Canvas().PixelCoordinateForPosition(fyne.NewPos(far, 0))
	if x <= 0 {
		return 1
	}
	return float64(x) / far
}

// asRGBA returns img as an *image.RGBA, the one kind Fyne gives the graphics card without
// converting it on the UI goroutine. PDF pages come as one; scans at their own resolution not.
func asRGBA(img image.Image) image.Image {
	if _, ok := img.(*image.RGBA); ok {
		return img
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Rect, img, img.Bounds().Min, draw.Src)
	return rgba
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// viewportLayout gives the page's scroll container all the room, and tells the viewer the width
// so that fitting follows it.
type viewportLayout struct{ v *Viewer }

func (l viewportLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

func (l viewportLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
	l.v.viewportResized(size.Width)
}

// viewportResized fits the page to a new width once the window stops changing size, or at once
// while the notice is opening and the window takes its first size.
func (v *Viewer) viewportResized(width float32) {
	v.viewport.Lock()
	defer v.viewport.Unlock()
	if v.viewport.closed || width == v.viewport.width {
		return
	}
	delay := refitDelay
	if !v.viewport.drawn {
		delay = 0
	}
	v.viewport.width = width
	if v.viewport.refit != nil {
		v.viewport.refit.Stop()
	}
	v.viewport.refit = time.AfterFunc(delay, func() { fyne.Do(v.refit) })
}

func (v *Viewer) viewportWidth() float32 {
	v.viewport.Lock()
	defer v.viewport.Unlock()
	return v.viewport.width
}

func (v *Viewer) refit() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed || v.doc == nil || !v.fitting {
		return
	}
	v.show()
}
