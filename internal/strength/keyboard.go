package strength

import "strings"

// keyboard is a layout's adjacency graph, built as zxcvbn's
// build_keyboard_adjacency_graphs.py builds it: for each character, the
// keys around its key in a fixed clockwise order, so that a run along one
// direction is told apart from a run that turns.
type keyboard struct {
	// neighbours[c][d] is the key in direction d from c's key: its
	// character and its shifted character, or zeros where there is none.
	neighbours        [128][8][2]byte
	has               [128]bool
	directions        int
	shiftable         bool
	startingPositions float64
	averageDegree     float64
}

const qwertyLayout = `
` + "`~" + ` 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+
    qQ wW eE rR tT yY uU iI oO pP [{ ]} \|
     aA sS dD fF gG hH jJ kK lL ;: '"
      zZ xX cC vV bB nN mM ,< .> /?
`

const dvorakLayout = `
` + "`~" + ` 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) [{ ]}
    '" ,< .> pP yY fF gG cC rR lL /? =+ \|
     aA oO eE uU iI dD hH tT nN sS -_
      ;: qQ jJ kK xX bB mM wW vV zZ
`

const keypadLayout = `
  / * -
7 8 9 +
4 5 6
1 2 3
  0 .
`

var keyboards = []*keyboard{
	newKeyboard(qwertyLayout, true),
	newKeyboard(dvorakLayout, true),
	newKeyboard(keypadLayout, false),
}

func newKeyboard(layout string, slanted bool) *keyboard {
	type point struct{ x, y int }
	tokenSize := len(strings.Fields(layout)[0])
	keys := map[point]string{}
	for y, line := range strings.Split(layout, "\n") {
		slant := 0
		if slanted {
			slant = y - 1
		}
		for _, token := range strings.Fields(line) {
			keys[point{(strings.Index(line, token) - slant) / (tokenSize + 1), y}] = token
		}
	}
	around := func(x, y int) []point {
		if slanted {
			return []point{{x - 1, y}, {x, y - 1}, {x + 1, y - 1}, {x + 1, y}, {x, y + 1}, {x - 1, y + 1}}
		}
		return []point{{x - 1, y}, {x - 1, y - 1}, {x, y - 1}, {x + 1, y - 1}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x - 1, y + 1}}
	}
	kb := &keyboard{shiftable: tokenSize == 2}
	chars, degree := 0, 0
	for p, token := range keys {
		for _, c := range []byte(token) {
			kb.has[c] = true
			chars++
			ps := around(p.x, p.y)
			kb.directions = len(ps)
			for d, q := range ps {
				if n, ok := keys[q]; ok {
					copy(kb.neighbours[c][d][:], n)
					degree++
				}
			}
		}
	}
	kb.startingPositions = float64(chars)
	kb.averageDegree = float64(degree) / float64(chars)
	return kb
}

// shiftedKeys are the characters typed with shift on qwerty and dvorak.
const shiftedKeys = `~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?`

// keyboardMatches appends runs of three or more adjacent keys (zxcvbn's
// spatial_match), counting turns and shifted characters.
func keyboardMatches(ms []match, t text) []match {
	s := t.raw
	for _, kb := range keyboards {
		for i := 0; i < len(s)-1; {
			j, last, turns, shifted := i+1, -1, 0, 0
			if kb.shiftable && strings.IndexByte(shiftedKeys, s[i]) >= 0 {
				shifted = 1
			}
			for {
				found := false
				if prev := s[j-1]; j < len(s) && prev < 128 && kb.has[prev] {
					cur := s[j]
					for d := range kb.directions {
						n := kb.neighbours[prev][d]
						if cur == 0 || (n[0] != cur && n[1] != cur) {
							continue
						}
						found = true
						if n[1] == cur {
							shifted++
						}
						if last != d {
							turns++
							last = d
						}
						break
					}
				}
				if found {
					j++
					continue
				}
				if j-i > 2 {
					ms = append(ms, match{i: i, j: j, pattern: keyboardRun, keyboard: kb, turns: turns, shifted: shifted})
				}
				i = j
				break
			}
		}
	}
	return ms
}
