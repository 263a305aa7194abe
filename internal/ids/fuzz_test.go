package ids

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		i797c,
		"Receipt Number: WAC-25-123-45678\nA-Number: A 098-765-432\n",
		"Card # SRC0123456789 I-551\nUSCIS# 012-345-678\n",
		"| 1OE0912345678 | EAC25O1234567\nApplicant A0l2 345 678\n",
		"Receipt Number\tCase Type\r\nEAC*2512345678\tI485\r\n",
		"National Visa Center\nCase Number: GUZ2024123456\n",
		"Bénéficiaire — Receipt Number – EAC–25–123–45678",
		"SSN: 123-45-6789 Passport No. X1234567 SEVIS N0012345678",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkMatches(t, text, Find(text))
	})
}

// FuzzNormalize takes the kind from the first byte of the input and the value from the rest.
func FuzzNormalize(f *testing.F) {
	kinds := Kinds()
	for i, k := range kinds {
		f.Add(append([]byte{byte(i)}, k.Example()...))
		f.Add(append([]byte{byte(i)}, " a-012–345 678 *#:./ "...))
	}
	f.Add([]byte{8, '(', 'c', ')', '(', '3', ')', '(', 'b', ')'})
	f.Add([]byte{12, 0xef, 0xac, 0x81, ' ', 0xe2, 0x80, 0xae})
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 {
			return
		}
		k, raw := kinds[int(in[0])%len(kinds)], in[1:]
		saved := bytes.Clone(raw)
		n, err := Normalize(k, raw)
		if !bytes.Equal(raw, saved) {
			t.Fatalf("Normalize(%s) changed its input", k)
		}
		if err != nil {
			if !isSentence(k, err) {
				t.Fatalf("Normalize(%s, %q): error %q is not a fixed sentence", k, raw, err)
			}
			return
		}
		if k != Other && !utf8.Valid(n) {
			t.Fatalf("Normalize(%s, %q) = %q, not ASCII", k, raw, n)
		}
		again, err := Normalize(k, n)
		if err != nil || !bytes.Equal(again, n) {
			t.Fatalf("Normalize(%s, %q) = %q, but Normalize of that = %q, %v", k, raw, n, again, err)
		}
		shown := Format(k, n)
		back, err := Normalize(k, shown)
		if err != nil || !bytes.Equal(back, n) {
			t.Fatalf("Normalize(%s, Format(%q) = %q) = %q, %v", k, n, shown, back, err)
		}
		m := Mask(k, n)
		if k != EADCategory && !strings.Contains(m, dot) {
			t.Fatalf("Mask(%s, %q) = %q hides nothing", k, n, m)
		}
		e := Explain(k, n)
		if e.Summary == "" {
			t.Fatalf("Explain(%s, %q) has no summary", k, n)
		}
	})
}

func FuzzNormalizeCountry(f *testing.F) {
	for _, s := range []string{"USA", "mx", " deu ", "ＩＮＤ", "XKX", "", "ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := NormalizeCountry(s)
		if err != nil {
			if err != errCountry {
				t.Fatalf("NormalizeCountry(%q): unexpected error %v", s, err)
			}
			return
		}
		if byAlpha3[code] == nil {
			t.Fatalf("NormalizeCountry(%q) = %q, which is not in the table", s, code)
		}
		if again, err := NormalizeCountry(code); err != nil || again != code {
			t.Fatalf("NormalizeCountry(%q) = %q, %v; want it unchanged", code, again, err)
		}
	})
}
