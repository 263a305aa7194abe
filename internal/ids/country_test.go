package ids

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func TestNormalizeCountry(t *testing.T) {
	t.Parallel()
	valid := map[string]string{
		"USA": "USA", "usa": "USA", " MEX ": "MEX", "MX": "MEX", "mx": "MEX", "de": "DEU",
		"GBR": "GBR", "ＩＮＤ": "IND", "SS": "SSD", "CUW": "CUW",
		// Names in English and Spanish, as people write them.
		"Mexico": "MEX", "México": "MEX", "MEXICO": "MEX", "mexico ": "MEX", "Estados Unidos Mexicanos": "MEX",
		"United States": "USA", "Estados Unidos": "USA", "EE. UU.": "USA", "UK": "GBR", "Reino Unido": "GBR",
		"Guatemala": "GTM", "El Salvador": "SLV", "Honduras": "HND", "Perú": "PER", "Haiti": "HTI", "Haití": "HTI",
		"India": "IND", "China": "CHN", "Philippines": "PHL", "Filipinas": "PHL", "Vietnam": "VNM", "Viet Nam": "VNM",
		"Dominican Republic": "DOM", "República Dominicana": "DOM", "Cuba": "CUB", "Colombia": "COL",
		"South Korea": "KOR", "Corea del Sur": "KOR", "Korea, Republic of": "KOR", "Brasil": "BRA", "Brazil": "BRA",
		"Alemania": "DEU", "Germany": "DEU", "Venezuela": "VEN", "Bolivia": "BOL", "Russia": "RUS",
	}
	for in, want := range valid {
		if got, err := NormalizeCountry(in); err != nil || got != want {
			t.Errorf("NormalizeCountry(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "U", "US A", "XKX", "XK", "D", "EU", "USAA", "Mexicoo", "America", "Korea", strings.Repeat("USA", 100)} {
		got, err := NormalizeCountry(in)
		if err == nil {
			t.Errorf("NormalizeCountry(%q) = %q, want an error", in, got)
			continue
		}
		if !strings.Contains(err.Error(), "its name (Mexico, México) or its code") {
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

// TestCountryNamesAgainstCLDR reads back every country's name as CLDR
// (golang.org/x/text's display tables, an independent source) gives it in
// English and in Spanish: nearly all must be understood, and none taken for
// another country.
func TestCountryNamesAgainstCLDR(t *testing.T) {
	t.Parallel()
	for _, lang := range []struct {
		name  string
		namer display.Namer
	}{{"English", display.English.Regions()}, {"Spanish", display.Spanish.Regions()}} {
		understood := 0
		var missed []string
		for _, c := range countries {
			r, err := language.ParseRegion(c.alpha2)
			if err != nil {
				continue
			}
			name := lang.namer.Name(r)
			got, err := NormalizeCountry(name)
			switch {
			case err != nil:
				missed = append(missed, name)
			case got != c.alpha3:
				t.Errorf("%s name %q of %s read as %s", lang.name, name, c.alpha3, got)
			default:
				understood++
			}
		}
		if understood < len(countries)*92/100 {
			t.Errorf("%s: %d of %d CLDR names understood; missed %q", lang.name, understood, len(countries), missed)
		}
		t.Logf("%s: %d of %d CLDR names understood; missed %q", lang.name, understood, len(countries), missed)
	}
}
