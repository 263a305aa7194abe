package ids

// Format returns the display form of a stored value in a new slice: A-numbers as A-012-345-678
// and SSNs as 123-45-6789. Receipt numbers stay as USCIS prints them on notices and shows them in
// Case Status Online, EAC2512345678, which is what a person compares and types. Other kinds,
// and values that are not in storage form, come back unchanged.
func Format(k Kind, norm []byte) []byte {
	if !isStored(k, norm) {
		return append([]byte(nil), norm...)
	}
	switch k {
	case ANumber:
		return group(norm, 1, 3, 3, 3)
	case SSN:
		return group(norm, 3, 2, 4)
	}
	return append([]byte(nil), norm...)
}

// group joins consecutive runs of s of the given lengths with '-'; the lengths add up to len(s).
func group(s []byte, lengths ...int) []byte {
	out := make([]byte, 0, len(s)+len(lengths)-1)
	for i, n := range lengths {
		if i > 0 {
			out = append(out, '-')
		}
		out = append(out, s[:n]...)
		s = s[n:]
	}
	return out
}

// isStored reports whether norm is a value of kind k in storage form, that is, Normalize would
// return it unchanged.
func isStored(k Kind, norm []byte) bool {
	n, err := Normalize(k, norm)
	if err != nil {
		return false
	}
	defer clear(n)
	return string(n) == string(norm)
}
