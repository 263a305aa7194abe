package ids

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestNormalizeCountry(t *testing.T) {
	t.Parallel()
	valid := map[string]string{
		"USA": "USA", "usa": "USA", " MEX ": "MEX", "MX": "MEX", "mx": "MEX", "de": "DEU",
		"GBR": "GBR", "ＩＮＤ": "IND", "SS": "SSD", "CUW": "CUW",
	}
	for in, want := range valid {
		if got, err := NormalizeCountry(in); err != nil || got != want {
			t.Errorf("NormalizeCountry(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "U", "US A", "UK", "XKX", "XK", "D", "EU", "USAA", "Mexico", "ÜSA", strings.Repeat("USA", 100)} {
		got, err := NormalizeCountry(in)
		if err == nil {
			t.Errorf("NormalizeCountry(%q) = %q, want an error", in, got)
			continue
		}
		if !strings.Contains(err.Error(), "ISO 3166-1") {
			t.Errorf("NormalizeCountry(%q) error %q does not say what is expected", in, err)
		}
	}
}

// TestCountryTable checks the embedded table against the region data of golang.org/x/text,
// an independent copy of ISO 3166-1.
func TestCountryTable(t *testing.T) {
	t.Parallel()
	if len(countries) != 249 {
		t.Errorf("table has %d countries; ISO 3166-1 has 249", len(countries))
	}
	seen := map[string]bool{}
	for i, c := range countries {
		if len(c.alpha2) != 2 || len(c.alpha3) != 3 || strings.ToUpper(c.alpha3) != c.alpha3 {
			t.Errorf("malformed row %+v", c)
		}
		if seen[c.alpha2] || seen[c.alpha3] {
			t.Errorf("repeated code in %+v", c)
		}
		seen[c.alpha2], seen[c.alpha3] = true, true
		if i > 0 && countries[i-1].alpha3 >= c.alpha3 {
			t.Errorf("%s is out of order", c.alpha3)
		}
		r, err := language.ParseRegion(c.alpha2)
		if err != nil {
			t.Errorf("x/text does not know %s: %v", c.alpha2, err)
			continue
		}
		if got := r.ISO3(); got != c.alpha3 {
			t.Errorf("%s: table says %s, x/text says %s", c.alpha2, c.alpha3, got)
		}
	}
}
