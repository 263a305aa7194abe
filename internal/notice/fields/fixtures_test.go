package fields

import (
	"fmt"
	"testing"

	"immivault/internal/notice/noticetest"
)

// TestFixturesMatchGenerator checks that the committed fixtures are still what the generator
// makes of their seeds. When it fails, the generator changed: remake the fixtures (see
// TestWriteFixtures) so that accuracy is measured on what the generator now draws.
func TestFixturesMatchGenerator(t *testing.T) {
	t.Parallel()
	for _, kind := range []string{"text", "ocr"} {
		for _, f := range loadFixtures(t, kind) {
			want := noticetest.Generate(f.Seed).Truth
			if fmt.Sprintf("%+v", orNil(want)) != fmt.Sprintf("%+v", orNil(f.Truth)) {
				t.Errorf("%s: truth %+v, but seed %d now generates %+v: remake the fixtures", f.Name, f.Truth, f.Seed, want)
			}
		}
	}
}

// orNil makes empty slices nil, as they are after a JSON round trip.
func orNil(tr noticetest.Truth) noticetest.Truth {
	if len(tr.OtherReceipts) == 0 {
		tr.OtherReceipts = nil
	}
	if len(tr.ANumbers) == 0 {
		tr.ANumbers = nil
	}
	if len(tr.Events) == 0 {
		tr.Events = nil
	}
	return tr
}
