package strength

import (
	"strings"
	"testing"
)

func BenchmarkEstimate(b *testing.B) {
	builtin()
	for _, bc := range []struct{ name, pass string }{
		{"20", "Maria.Garcia-1985!xq"},
		{"30", "correct horse battery staple!!"},
		{"60", "el perro de mi abuela come manzanas verdes cada 13/11/1985!!"},
		{"256-words", strings.Repeat("passwordqwerty12", 16)},
		{"256-random", strings.Repeat("kX9#mQ2$vL7pTr0ub4dor&3zW", 11)[:256]},
		{"256-ones", strings.Repeat("1", 256)},
		{"256-leet", strings.Repeat("1|7", 86)[:256]},
		{"4096", strings.Repeat("a1b2", 1024)},
	} {
		pass := []byte(bc.pass)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Estimate(pass)
			}
		})
	}
}

// BenchmarkLoadLists measures what the first Estimate pays once.
func BenchmarkLoadLists(b *testing.B) {
	for b.Loop() {
		loadBuiltin()
	}
}
