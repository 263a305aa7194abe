package passgen

import (
	"bytes"
	"strings"
	"testing"

	"immivault/internal/secret"
)

func reveal(t *testing.T, s *secret.Secret) string {
	t.Helper()
	var out string
	s.Use(func(b []byte) error { out = string(b); return nil })
	return out
}

func TestWordList(t *testing.T) {
	list := words()
	if len(list) != 7776 {
		t.Fatalf("%d words, want EFF's 7776", len(list))
	}
	seen := map[string]bool{}
	for _, w := range list {
		if seen[string(w)] {
			t.Errorf("%q twice", w)
		}
		seen[string(w)] = true
	}
}

func TestWords(t *testing.T) {
	for _, n := range []int{MinWords, DefaultWords, MaxWords} {
		p, err := Words(n)
		if err != nil {
			t.Fatal(err)
		}
		pw := reveal(t, p.Secret)
		// Words may hold a dash themselves (t-shirt), so count at least n.
		if parts := strings.Split(pw, "-"); len(parts) < n {
			t.Errorf("%d words: %q", n, pw)
		}
		if p.Bits < float64(n)*12.9 || p.Bits > float64(n)*12.93 {
			t.Errorf("%d words: %.1f bits", n, p.Bits)
		}
		if n >= DefaultWords && p.Rating.Score != 4 {
			t.Errorf("%d words rated %d", n, p.Rating.Score)
		}
	}
	a, _ := Words(DefaultWords)
	b, _ := Words(DefaultWords)
	if a.Secret.Equal(b.Secret) {
		t.Error("two draws gave the same password")
	}
	for _, n := range []int{MinWords - 1, MaxWords + 1} {
		if _, err := Words(n); err == nil {
			t.Errorf("%d words: no error", n)
		}
	}
}

func TestChars(t *testing.T) {
	for _, n := range []int{MinChars, DefaultChars, MaxChars} {
		p, err := Chars(n)
		if err != nil {
			t.Fatal(err)
		}
		pw := reveal(t, p.Secret)
		if len(pw) != n || !hasEveryClass([]byte(pw)) {
			t.Errorf("%d characters: %q", n, pw)
		}
		if p.Rating.Score != 4 {
			t.Errorf("%d characters rated %d", n, p.Rating.Score)
		}
		if bytes.ContainsAny([]byte(pw), "\"'\\ ") {
			t.Errorf("%q has a quote, backslash or space", pw)
		}
	}
	for _, n := range []int{MinChars - 1, MaxChars + 1} {
		if _, err := Chars(n); err == nil {
			t.Errorf("%d characters: no error", n)
		}
	}
}
