package strength

// maxSequenceStep is the largest step between characters that still reads
// as a sequence: 13579 and aeimq are sequences, adgjm (step 3) too.
const maxSequenceStep = 5

// sequenceMatches appends runs whose characters step by the same amount,
// as abcd, 9876 or 13579, as zxcvbn's sequence_match finds them.
func sequenceMatches(ms []match, t text) []match {
	s := t.raw
	if len(s) < 2 {
		return ms
	}
	add := func(i, j, delta int) {
		if j-i > 1 || delta == 1 || delta == -1 {
			if d := abs(delta); 0 < d && d <= maxSequenceStep {
				ms = append(ms, match{i: i, j: j + 1, pattern: sequence, ascending: delta > 0})
			}
		}
	}
	i, last := 0, int(s[1])-int(s[0])
	for k := 2; k < len(s); k++ {
		delta := int(s[k]) - int(s[k-1])
		if delta == last {
			continue
		}
		add(i, k-1, last)
		i, last = k-1, delta
	}
	add(i, len(s)-1, last)
	return ms
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
