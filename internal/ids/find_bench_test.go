package ids

import (
	"strings"
	"testing"
)

func BenchmarkFindNotice(b *testing.B) {
	b.SetBytes(int64(len(i797c)))
	for b.Loop() {
		Find(i797c)
	}
}

// BenchmarkFindMax is Find on MaxFindLen bytes of notices, the most it reads.
func BenchmarkFindMax(b *testing.B) {
	text := strings.Repeat(i797c, MaxFindLen/len(i797c))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}

// BenchmarkFindLongLine is Find on MaxFindLen bytes without a line break, the slowest layout.
func BenchmarkFindLongLine(b *testing.B) {
	text := strings.Repeat("Receipt received for case ", MaxFindLen/26)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}
