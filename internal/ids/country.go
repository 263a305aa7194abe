package ids

import (
	"errors"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// country is one row of ISO 3166-1.
type country struct {
	alpha2, alpha3 string
}

var (
	byAlpha2 = make(map[string]*country, len(countries))
	byAlpha3 = make(map[string]*country, len(countries))
)

func init() {
	for i := range countries {
		c := &countries[i]
		byAlpha2[c.alpha2] = c
		byAlpha3[c.alpha3] = c
	}
}

var errCountry = errors.New("country codes are the 3 or 2 letters of ISO 3166-1, e.g. USA, MEX or MX")

// NormalizeCountry returns the ISO 3166-1 alpha-3 code, upper case, for an alpha-3 code ("usa")
// or an alpha-2 code ("MX"). Most passports print the issuing country as alpha-3 in their
// machine-readable zone, so that is the stored form. Codes outside ISO 3166-1 (user-assigned
// ones, or the D that German passports print) are refused: the person picks the country instead.
func NormalizeCountry(s string) (string, error) {
	if len(s) > 64 {
		return "", errCountry
	}
	code := strings.ToUpper(strings.TrimSpace(norm.NFKC.String(s)))
	var c *country
	switch len(code) {
	case 2:
		c = byAlpha2[code]
	case 3:
		c = byAlpha3[code]
	}
	if c == nil {
		return "", errCountry
	}
	return c.alpha3, nil
}
