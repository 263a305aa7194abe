package strength

import (
	"bytes"
	"math"
	"testing"
)

func FuzzEstimate(f *testing.F) {
	for _, s := range []string{
		"", "password1", "P@ssw0rd", "correct horse battery staple", "maria1985", "13/11/1985",
		"abcabcabc", "qwertyuiop", "Contraseña1", "l1ttl3 |1|7", "\xc3\xc3\xb1\xff", "Zarquendi2024",
	} {
		f.Add([]byte(s), byte('x'))
	}
	f.Fuzz(func(t *testing.T, pass []byte, c byte) {
		if len(pass) > 4*maxAnalysed {
			return // the rest only counts characters, and TestEstimateLongInput checks that
		}
		saved := bytes.Clone(pass)
		r := Estimate(pass, "Zarquendi", "Familia Pérez")
		if !bytes.Equal(pass, saved) {
			t.Fatalf("Estimate changed its input")
		}
		checkResult(t, pass, r)

		// Appending a character that no pattern uses never lowers the
		// estimate, and appending any character lowers it at most by
		// about what a completed word saves.
		grown := append(bytes.Clone(pass), 0)
		if g := Estimate(grown, "Zarquendi", "Familia Pérez"); !hasControl(pass) && g.Log10 < r.Log10-1e-9 {
			t.Fatalf("Estimate(%q) = %f, but with a NUL after it only %f", pass, r.Log10, g.Log10)
		}
		grown[len(grown)-1] = c
		if g := Estimate(grown, "Zarquendi", "Familia Pérez"); g.Log10 < r.Log10-maxWordLen {
			t.Fatalf("Estimate(%q) = %f, but with %q after it only %f", pass, r.Log10, c, g.Log10)
		}
	})
}

func checkResult(t *testing.T, pass []byte, r Result) {
	t.Helper()
	switch {
	case math.IsNaN(r.Log10) || r.Log10 < 0:
		t.Fatalf("Estimate(%q).Log10 = %v", pass, r.Log10)
	case r.Score < 0 || r.Score > 4 || r.Score != score(r.Log10):
		t.Fatalf("Estimate(%q): score %d for log10 %f", pass, r.Score, r.Log10)
	case r.Weakness < None || r.Weakness > Date || (r.Weakness == None) != (r.Score == 4):
		t.Fatalf("Estimate(%q): weakness %v with score %d", pass, r.Weakness, r.Score)
	case math.Abs(math.Log10(r.Guesses)-min(r.Log10, math.Log10(math.MaxFloat64))) > 1e-9:
		t.Fatalf("Estimate(%q): %g guesses but log10 %f", pass, r.Guesses, r.Log10)
	}
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}
