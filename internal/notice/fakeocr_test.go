package notice

import (
	"context"
	"image"
	"testing"
)

// ocrCall is what the OCR engine was given for one page: the prepared page's size and
// resolution.
type ocrCall struct{ w, h, dpi int }

// fakeOCR puts fn in place of the OCR engine for the rest of the test (nil reads nothing: no
// words) and returns the calls it was given. Tests using it cannot be parallel.
func fakeOCR(t *testing.T, fn func(page *image.Gray, dpi int) (string, error)) *[]ocrCall {
	t.Helper()
	var calls []ocrCall
	old := recognize
	recognize = func(ctx context.Context, page *image.Gray, dpi int) (string, error) {
		calls = append(calls, ocrCall{page.Rect.Dx(), page.Rect.Dy(), dpi})
		if fn == nil {
			return "", nil
		}
		return fn(page, dpi)
	}
	t.Cleanup(func() { recognize = old })
	return &calls
}
