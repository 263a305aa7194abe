package strength

import (
	"bytes"
	"testing"
)

// lookup finds w in d.
func lookup(d *dictionary, w []byte) (entry, bool) {
	lo, hi := 0, len(d.entries)
	for depth, c := range w {
		if lo, hi = d.narrow(lo, hi, depth, c); lo == hi {
			return entry{}, false
		}
	}
	e := d.entries[lo]
	return e, int(e.n) == len(w)
}

func TestBuiltinLists(t *testing.T) {
	t.Parallel()
	d := builtin()
	if len(d.entries) < 100000 {
		t.Fatalf("%d words loaded, want the full lists", len(d.entries))
	}
	for k := 1; k < len(d.entries); k++ {
		if bytes.Compare(d.word(d.entries[k-1]), d.word(d.entries[k])) >= 0 {
			t.Fatalf("entries %d and %d out of order: %q, %q", k-1, k, d.word(d.entries[k-1]), d.word(d.entries[k]))
		}
	}
	var seen [userInputs]bool
	for _, e := range d.entries {
		w := d.word(e)
		lw := bytes.Clone(w)
		lower(lw, w)
		if !bytes.Equal(w, lw) || e.rank == 0 || int(e.n) > maxWordLen {
			t.Fatalf("bad entry %q: %+v", w, e)
		}
		seen[e.list] = true
	}
	for l, ok := range seen {
		if !ok {
			t.Errorf("list %d has no words", l)
		}
	}
	for _, tc := range []struct {
		word string
		list list
		rank uint32
	}{
		{"password", passwords, 2},
		{"the", englishWikipedia, 1},
		{"maria", femaleNames, 7},
		{"jose", spanishFirstNames, 3},
		{"corazón", spanishWikipedia, 1231},
		{"corazon", spanishWikipedia, 1231}, // folded, at its accented form's rank
		{"muñoz", spanishSurnames, 16},
		{"munoz", spanishSurnames, 16},
	} {
		e, ok := lookup(d, []byte(tc.word))
		if !ok || e.list != tc.list || e.rank != tc.rank {
			t.Errorf("lookup(%q) = %+v, %v; want list %d rank %d", tc.word, e, ok, tc.list, tc.rank)
		}
	}
	if _, ok := lookup(d, []byte("zzqxjv")); ok {
		t.Error("lookup found a word that is in no list")
	}
}

func TestUserDictionary(t *testing.T) {
	t.Parallel()
	if userDictionary(nil) != nil || userDictionary([]string{"", " - "}) == nil {
		t.Error("userDictionary: want nil for no inputs, a dictionary for any input")
	}
	d := userDictionary([]string{"García López", "Rex"})
	for w, rank := range map[string]uint32{"garcía lópez": 1, "garcía": 2, "garcia": 2, "lópez": 3, "lopez": 3, "rex": 4, "garcia lopez": 1} {
		if e, ok := lookup(d, []byte(w)); !ok || e.rank != rank || e.list != userInputs {
			t.Errorf("lookup(%q) = %+v, %v; want rank %d", w, e, ok, rank)
		}
	}
}

func TestLower(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"ABCxyz09":   "abcxyz09",
		"ÁÉÍÓÚÑÜ":    "áéíóúñü",
		"×÷ß":        "×÷ß",
		"Ω€":         "Ω€",
		"\xc3":       "\xc3",
		"\xc3A\xc3Á": "\xc3a\xc3á",
	} {
		got := make([]byte, len(in))
		lower(got, []byte(in))
		if string(got) != want {
			t.Errorf("lower(%q) = %q, want %q", in, got, want)
		}
	}
}

// zxcvbn's constants for its graphs, which newKeyboard must reproduce.
func TestKeyboards(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		kb        *keyboard
		keys      float64
		degree    float64
		shiftable bool
	}{
		{keyboards[0], 94, 4.595744680851064, true},
		{keyboards[1], 94, 4.595744680851064, true},
		{keyboards[2], 15, 5.066666666666666, false},
	} {
		if tc.kb.startingPositions != tc.keys || tc.kb.averageDegree-tc.degree > 1e-12 ||
			tc.degree-tc.kb.averageDegree > 1e-12 || tc.kb.shiftable != tc.shiftable {
			t.Errorf("keyboard: %v keys, degree %v, shiftable %v; want %v, %v, %v",
				tc.kb.startingPositions, tc.kb.averageDegree, tc.kb.shiftable, tc.keys, tc.degree, tc.shiftable)
		}
	}
	// g's neighbours on qwerty, clockwise from the left.
	want := [6]string{"fF", "tT", "yY", "hH", "bB", "vV"}
	for d, w := range want {
		if n := keyboards[0].neighbours['g'][d]; string(n[:]) != w {
			t.Errorf("qwerty g, direction %d: %q, want %q", d, n[:], w)
		}
	}
}
