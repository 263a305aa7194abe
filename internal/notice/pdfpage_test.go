package notice

import (
	"testing"

	"github.com/klippa-app/go-pdfium/enums"
)

func TestUprightTransform(t *testing.T) {
	t.Parallel()
	// A 100×200 page (before rotation) and a box at its top left in PDF space (y up).
	l, top, r, b := 10.0, 190.0, 20.0, 180.0
	for _, c := range []struct {
		rot            enums.FPDF_PAGE_ROTATION
		x0, y0, x1, y1 float64
	}{
		{enums.FPDF_PAGE_ROTATION_NONE, 10, 10, 20, 20},
		{enums.FPDF_PAGE_ROTATION_90_CW, 180, 10, 190, 20},  // the top left goes top right
		{enums.FPDF_PAGE_ROTATION_180_CW, 80, 180, 90, 190}, // bottom right
		{enums.FPDF_PAGE_ROTATION_270_CW, 10, 80, 20, 90},   // bottom left
	} {
		x0, y0, x1, y1 := uprightTransform(100, 200, c.rot)(l, top, r, b)
		if x0 != c.x0 || y0 != c.y0 || x1 != c.x1 || y1 != c.y1 {
			t.Errorf("rotation %v: (%v,%v)-(%v,%v), want (%v,%v)-(%v,%v)", c.rot, x0, y0, x1, y1, c.x0, c.y0, c.x1, c.y1)
		}
	}
}
