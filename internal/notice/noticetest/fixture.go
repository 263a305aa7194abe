package noticetest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FixtureTruth is the JSON stored beside a fixture (NNN.json): the seed of the generated notice
// a reader read, how its scan was encoded, and what the notice says.
type FixtureTruth struct {
	Seed  int64  `json:"seed"`
	Scan  string `json:"scan,omitempty"` // how the OCR input was encoded: "png" or "jpeg"
	Truth Truth  `json:"truth"`
}

// A Fixture is what a reader made of one generated notice, stored with its truth.
type Fixture struct {
	Name string // the kind and number: "ocr/001"
	FixtureTruth
	Output []byte // the reader's output
}

// LoadFixtures reads the fixtures in dir/kind (internal/notice/fields/testdata/ocr): each
// NNN.json with the reader's output in NNN.ext beside it (ext "txt" or "tsv"). It fails t if
// there are none.
func LoadFixtures(t testing.TB, dir, kind, ext string) []Fixture {
	t.Helper()
	truths, err := filepath.Glob(filepath.Join(dir, kind, "*.json"))
	if err != nil || len(truths) == 0 {
		t.Fatalf("no fixtures in %s (%v)", filepath.Join(dir, kind), err)
	}
	var fs []Fixture
	for _, path := range truths {
		base := strings.TrimSuffix(path, ".json")
		f := Fixture{Name: kind + "/" + filepath.Base(base)}
		js, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(js, &f.FixtureTruth)
		}
		if err == nil {
			f.Output, err = os.ReadFile(base + "." + ext)
		}
		if err != nil {
			t.Fatalf("fixture %s: %v", f.Name, err)
		}
		fs = append(fs, f)
	}
	return fs
}
