package strength

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"
)

func TestEstimate(t *testing.T) {
	t.Parallel()
	family := []string{"Zarquendi", "Familia Pérez"}
	tests := []struct {
		pass     string
		user     []string
		min, max int // score range
		weakness Weakness
	}{
		{"", nil, 0, 0, TooShort},
		{"x", nil, 0, 0, TooShort},
		{"password1", nil, 0, 1, CommonPassword},
		{"P@ssw0rd", nil, 0, 1, CommonPassword},
		{"qwerty123", nil, 0, 1, CommonPassword},
		{"maria1985", nil, 0, 1, Name},
		{"abcabcabc", nil, 0, 1, Repeat},
		{"11111111", nil, 0, 1, CommonPassword},
		{"drowssap", nil, 0, 1, CommonPassword},
		{"iloveyou2", nil, 0, 1, CommonPassword},
		{"Rosebud", nil, 0, 1, CommonPassword},
		{"aaaaaaaaaaaaaaaaaaaaaa", nil, 0, 1, Repeat},
		{"passwordpassword", nil, 0, 1, Repeat},
		{"lmnopqrstu", nil, 0, 1, Sequence},
		{"9876543210", nil, 0, 1, Sequence},
		{"hjkl;'", nil, 0, 1, KeyboardPattern},
		{"qwertyuiop[]", nil, 0, 1, KeyboardPattern},
		{"13/11/1985", nil, 0, 1, Date},
		{"19851113", nil, 0, 1, Date},
		{"Jessica2010!", nil, 1, 2, Name},
		{"x7k!q9ab", nil, 2, 3, TooShort},

		// Spanish words and names, with and without their accents.
		{"corazón", nil, 0, 1, DictionaryWord},
		{"corazon", nil, 0, 1, DictionaryWord},
		{"Contraseña1", nil, 1, 2, DictionaryWord},
		{"muñoz1975", nil, 0, 1, Name},
		{"munoz1975", nil, 0, 1, Name},
		{"Guadalupe1990", nil, 0, 1, Name},
		{"te quiero mucho", nil, 2, 3, DictionaryWord},

		// The caller's words, as typed and in l33t.
		{"Zarquendi2024", family, 0, 1, UserInput},
		{"Z4rqu3nd1!", family, 0, 1, UserInput},
		{"familiaperez", family, 0, 1, UserInput},
		{"Zarquendi2024", nil, 4, 4, None}, // strong only to someone who does not know the family

		// Strong: random characters, and several words.
		{"kX9#mQ2$vL7p", nil, 4, 4, None},
		{"rWibMFACxAUGZmxhVncy", nil, 4, 4, None},
		{"correct horse battery staple", nil, 4, 4, None},
		{"correct-horse-battery-staple", nil, 4, 4, None},
		{"mariposa azul cielo tranquilo", nil, 4, 4, None},
		{"caballo-bateria-grapa-correcto", nil, 4, 4, None},
	}
	for _, tc := range tests {
		t.Run(tc.pass, func(t *testing.T) {
			t.Parallel()
			r := Estimate([]byte(tc.pass), tc.user...)
			if r.Score < tc.min || r.Score > tc.max || r.Weakness != tc.weakness {
				t.Errorf("Estimate(%q) = score %d, %v (log10 %.2f); want score %d to %d, %v",
					tc.pass, r.Score, r.Weakness, r.Log10, tc.min, tc.max, tc.weakness)
			}
		})
	}
}

// zxcvbn 4.4.2's estimates, as github.com/trustelem/zxcvbn v1.0.1 gives
// them, for passphrases its lists and ours treat alike: the search and the
// guess counting are the same.
func TestEstimateAgreesWithZxcvbn(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pass  string
		log10 float64
	}{
		{"zxcvbn", 1.76},
		{"qwER43@!", 7.96},
		{"Tr0ub4dour&3", 7.28},
		{"Tr0ub4dor&3", 11.00},
		{"p@$$word", 0.95},
		{"zxcvbnm,./", 3.59},
		{"love88", 4.22},
		{"tianya", 5.31},
		{"li4478", 6.00},
		{"a6a4Aa8a", 8.00},
		{"pässwörd", 8.00},
		{"ryanhunter2000", 8.00},
		{"rianhunter2000", 8.40},
		{"asdfghju7654rewq", 8.97},
		{"AOEUIDHG&*()LS_", 9.11},
		{"defghi6789", 4.41},
		{"ROSEBUD", 2.73},
		{"r0s3bud99", 5.07},
		{"eheuczkqyq", 10.00},
		{"1qaz2wsx3edc", 3.00},
		{"mnbvcxz", 1.90},
		{"abcdefghijklmnop", 1.81},
		{"lmnopqrs", 2.32},
		{"xyzxyzxyzxyz", 2.50},
		{"passwordpassword", 0.85},
		{"1985-11-13", 4.78},
		{"131185", 4.18},
		{"jessica2010", 4.18},
		{"Jessica2010!", 7.02},
		{"maria1985", 4.18},
		{"qwerty123", 2.34},
		{"abcabcabc", 1.60},
		{"11111111", 1.81},
		{"a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9", 71.00},
	} {
		if got := Estimate([]byte(tc.pass)).Log10; math.Abs(got-tc.log10) > 0.015 {
			t.Errorf("Estimate(%q).Log10 = %.3f, zxcvbn gives %.2f", tc.pass, got, tc.log10)
		}
	}
}

// A passphrase of common words costs about the product of their ranks and
// the orders they could come in, separators or not.
func TestEstimateWords(t *testing.T) {
	t.Parallel()
	d := builtin()
	ranks := 0.0
	words := []string{"correct", "horse", "battery", "staple"}
	for _, w := range words {
		e, ok := lookup(d, []byte(w))
		if !ok {
			t.Fatalf("%q is not in the lists", w)
		}
		ranks += math.Log10(float64(e.rank))
	}
	want := ranks + math.Log10(4*3*2) // 4! orders
	for _, sep := range []string{"", " ", "-", "."} {
		pass := strings.Join(words, sep)
		if got := Estimate([]byte(pass)).Log10; math.Abs(got-want) > 0.01 {
			t.Errorf("Estimate(%q).Log10 = %.2f, want %.2f: log10 of 4! times the ranks", pass, got, want)
		}
	}
}

func TestEstimateLongInput(t *testing.T) {
	t.Parallel()
	// Past maxAnalysed bytes, each character counts as 10 guesses.
	base := []byte(strings.Repeat("correct horse battery staple ", 20))
	head := Estimate(base[:maxAnalysed]).Log10
	for _, extra := range []string{"a", "ñ", "ab", strings.Repeat("x", 5000)} {
		pass := append(bytes.Clone(base[:maxAnalysed]), extra...)
		want := head + float64(len([]rune(extra)))
		if got := Estimate(pass).Log10; math.Abs(got-want) > 1e-9 {
			t.Errorf("%d bytes plus %d characters: Log10 = %f, want %f", maxAnalysed, len([]rune(extra)), got, want)
		}
	}
	r := Estimate(bytes.Repeat([]byte{'a'}, 1<<20))
	if r.Score != 4 || math.IsInf(r.Log10, 0) || r.Guesses != math.MaxFloat64 {
		t.Errorf("1 MiB of a: %+v", r)
	}
	// A cut inside a character moves back to its start.
	cut := append(bytes.Repeat([]byte{'z'}, maxAnalysed-1), "ñ"...)
	if got, want := Estimate(cut).Log10, Estimate(cut[:maxAnalysed-1]).Log10+1; math.Abs(got-want) > 1e-9 {
		t.Errorf("ñ across the cut: Log10 = %f, want %f", got, want)
	}
}

func TestEstimateLeavesInputAlone(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"P@ssw0rd", "Contraseña1", "correct horse battery staple", strings.Repeat("Ab1!", 100)} {
		pass := []byte(p)
		user := []string{"Zarquendi", "Familia Pérez"}
		Estimate(pass, user...)
		if string(pass) != p || user[0] != "Zarquendi" || user[1] != "Familia Pérez" {
			t.Errorf("Estimate changed its input %q", p)
		}
	}
}

func TestScratchIsWiped(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"Contraseña1", "abcabcabcabc", strings.Repeat("Zub1z4rreta!", 30)} {
		var s scratch
		estimate([]byte(p), userDictionary([]string{"Zubizarreta"}), &s)
		n := min(len(p), maxAnalysed)
		if len(s.buf) != 2*n || len(s.chars) != n+1 {
			t.Fatalf("%q: scratch of %d bytes and %d counts, want %d and %d: the test no longer sees the buffers",
				p, len(s.buf), len(s.chars), 2*n, n+1)
		}
		if bytes.ContainsFunc(s.buf, func(r rune) bool { return r != 0 }) {
			t.Errorf("%q: the lower-cased and reversed copies were not wiped", p)
		}
		for _, c := range s.chars {
			if c != 0 {
				t.Errorf("%q: the character offsets were not wiped", p)
				break
			}
		}
	}
}

func TestScore(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		guesses float64
		score   int
	}{
		{1, 0}, {1004, 0}, {1006, 1}, {1e6 + 4, 1}, {1e6 + 6, 2}, {1e8 + 6, 3}, {1e10 + 4, 3}, {1e10 + 6, 4}, {1e300, 4},
	} {
		if got := score(math.Log10(tc.guesses)); got != tc.score {
			t.Errorf("score(log10(%g)) = %d, want %d", tc.guesses, got, tc.score)
		}
	}
}

func TestCrackTime(t *testing.T) {
	t.Parallel()
	r := Result{Log10: 10}
	if got, want := r.CrackTime(1e4), 1e6*time.Second; got < want-time.Millisecond || got > want+time.Millisecond {
		t.Errorf("10^10 guesses at 10^4 a second: %v, want %v", got, want)
	}
	if got := (Result{Log10: 40}).CrackTime(1); got != math.MaxInt64 {
		t.Errorf("10^40 guesses at 1 a second: %v, want the longest duration", got)
	}
	if got := (Result{Log10: math.Inf(1)}).CrackTime(1e12); got != math.MaxInt64 {
		t.Errorf("infinite guesses: %v, want the longest duration", got)
	}
	for _, rate := range []float64{0, -1, math.NaN()} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("CrackTime(%v) did not panic", rate)
				}
			}()
			r.CrackTime(rate)
		}()
	}
}

func TestWeaknessString(t *testing.T) {
	t.Parallel()
	for w := None; w <= Date; w++ {
		if s := w.String(); s == "" || strings.Contains(s, "?") {
			t.Errorf("Weakness(%d) has no name", int(w))
		}
	}
	if s := Weakness(99).String(); s != "Weakness(?)" {
		t.Errorf("Weakness(99).String() = %q", s)
	}
}
