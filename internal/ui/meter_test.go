package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"
)

// TestMeterNeverCallsGuessableStrong: a passphrase an attacker with a copy
// of the vault would find within years is not strong, whatever its score;
// the bar says so in its colour, and the meter names its attacker.
func TestMeterNeverCallsGuessableStrong(t *testing.T) {
	newTestApp(t, Options{}) // a Fyne app, for the theme's colours
	for _, c := range []struct {
		pass   string
		strong bool
	}{
		{"password1Maria2019", false},
		{"password", false},
		{"Tr0ub4dor&3", false},
		{"tortilla ventana cohete 1987 lavanda", true},
		{"correct horse battery staple lamp", true},
	} {
		m := newStrengthMeter(nil)
		m.rate([]byte(c.pass))
		if m.strong != c.strong {
			t.Errorf("%q: strong %v (score %d, %q)", c.pass, m.strong, m.score, m.verdict.Text)
		}
		if strings.HasPrefix(m.verdict.Text, "Strong") != c.strong {
			t.Errorf("%q: the verdict says %q", c.pass, m.verdict.Text)
		}
		want := theme.Color(theme.ColorNameError)
		if c.strong {
			want = theme.Color(theme.ColorNameSuccess)
		} else if m.score >= minScore {
			want = theme.Color(theme.ColorNameWarning)
		}
		if m.bar.fill.FillColor != want || m.bar.frac <= 0 {
			t.Errorf("%q: bar %v at %.2f", c.pass, m.bar.fill.FillColor, m.bar.frac)
		}
		if !strings.Contains(m.attacker.Text, "10,000 processor cores") {
			t.Errorf("the meter does not say whom it rates against: %q", m.attacker.Text)
		}
	}
	m := newStrengthMeter(nil)
	m.rate(nil)
	if m.bar.frac != 0 || m.strong {
		t.Error("an empty passphrase fills the bar")
	}
}
