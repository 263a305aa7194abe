// The ranked word lists in data/ come from two MIT-licensed projects; the
// notices are in data/NOTICE.md and gen_lists.go rebuilds the files:
//
//   - zxcvbn 4.4.2 data as shipped by github.com/trustelem/zxcvbn v1.0.1,
//     Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc. and
//     Copyright (c) 2018 Vincent Vanackere and Trustelem (MIT): passwords,
//     English Wikipedia, US television and film, US census surnames and
//     first names.
//   - @zxcvbn-ts/language-es-es 4.1.2, Copyright (c) 2012-2016 Dan Wheeler
//     and Dropbox, Inc. and Copyright (c) 2021 @zxcvbn-ts (MIT): Spanish
//     Wikipedia, Spanish first names and surnames.

package strength

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/binary"
	"slices"
	"sync"
)

// list names a ranked list; Estimate reports a match by the list it came from.
type list uint8

const (
	passwords list = iota
	englishWikipedia
	tvAndFilm
	surnames
	maleNames
	femaleNames
	spanishWikipedia
	spanishFirstNames
	spanishSurnames
	userInputs
)

func (l list) weakness() Weakness {
	switch l {
	case passwords:
		return CommonPassword
	case surnames, maleNames, femaleNames, spanishFirstNames, spanishSurnames:
		return Name
	case userInputs:
		return UserInput
	}
	return DictionaryWord
}

var (
	//go:embed data/passwords.txt
	passwordsTxt []byte
	//go:embed data/english_wikipedia.txt
	englishWikipediaTxt []byte
	//go:embed data/us_tv_and_film.txt
	tvAndFilmTxt []byte
	//go:embed data/surnames.txt
	surnamesTxt []byte
	//go:embed data/male_names.txt
	maleNamesTxt []byte
	//go:embed data/female_names.txt
	femaleNamesTxt []byte
	//go:embed data/spanish_wikipedia.txt
	spanishWikipediaTxt []byte
	//go:embed data/spanish_first_names.txt
	spanishFirstNamesTxt []byte
	//go:embed data/spanish_surnames.txt
	spanishSurnamesTxt []byte
)

// builtinLists holds each list's words, one a line, best rank first.
var builtinLists = [...][]byte{
	passwords:         passwordsTxt,
	englishWikipedia:  englishWikipediaTxt,
	tvAndFilm:         tvAndFilmTxt,
	surnames:          surnamesTxt,
	maleNames:         maleNamesTxt,
	femaleNames:       femaleNamesTxt,
	spanishWikipedia:  spanishWikipediaTxt,
	spanishFirstNames: spanishFirstNamesTxt,
	spanishSurnames:   spanishSurnamesTxt,
}

// maxWordLen is the longest word a dictionary holds. No listed word comes
// near it; a longer user input counts by its words alone.
const maxWordLen = 32

// dictionary is a set of ranked words sorted byte-wise, so that the words
// starting with any prefix form one run of entries that a binary search
// finds. Matching walks the passphrase through these runs one byte at a
// time: the passphrase is only ever compared, never turned into a key.
type dictionary struct {
	words   []byte  // every word's bytes, back to back
	entries []entry // sorted by word, one per distinct word
	first   [257]int32
}

type keyedEntry struct {
	prefix uint64 // the word's first 8 bytes, big-endian, zero-padded
	entry
}

type entry struct {
	off  uint32
	rank uint32
	n    uint8
	list list
}

func (d *dictionary) word(e entry) []byte { return d.words[e.off : e.off+uint32(e.n)] }

// add appends a word without sorting; build sorts.
func (d *dictionary) add(w []byte, l list, rank int) {
	if len(w) == 0 || len(w) > maxWordLen {
		return
	}
	d.entries = append(d.entries, entry{off: uint32(len(d.words)), rank: uint32(rank), n: uint8(len(w)), list: l})
	d.words = append(d.words, w...)
}

// build sorts the entries and keeps, of each word listed more than once,
// its best rank. It runs once, on the first Estimate, so it sorts by radix
// on the words' first 8 bytes, and compares bytes only among words that
// share those: several times faster than a comparison sort of 140,000
// words.
func (d *dictionary) build() {
	ks := make([]keyedEntry, len(d.entries))
	for k, e := range d.entries {
		var b [8]byte
		copy(b[:], d.word(e))
		ks[k] = keyedEntry{binary.BigEndian.Uint64(b[:]), e}
	}
	tmp := make([]keyedEntry, len(ks))
	for shift := 0; shift < 64; shift += 8 {
		var count [257]int
		for _, k := range ks {
			count[byte(k.prefix>>shift)+1]++
		}
		for b := 1; b <= 256; b++ {
			count[b] += count[b-1]
		}
		for _, k := range ks {
			b := byte(k.prefix >> shift)
			tmp[count[b]] = k
			count[b]++
		}
		ks, tmp = tmp, ks
	}
	d.entries = d.entries[:0]
	for run := ks; len(run) > 0; {
		same := 1
		for same < len(run) && run[same].prefix == run[0].prefix {
			same++
		}
		if same > 1 {
			slices.SortFunc(run[:same], func(a, b keyedEntry) int {
				if c := bytes.Compare(d.word(a.entry), d.word(b.entry)); c != 0 {
					return c
				}
				if a.rank != b.rank {
					return cmp.Compare(a.rank, b.rank)
				}
				return cmp.Compare(a.list, b.list)
			})
		}
		for k, e := range run[:same] {
			if k == 0 || !bytes.Equal(d.word(e.entry), d.word(run[k-1].entry)) {
				d.entries = append(d.entries, e.entry)
			}
		}
		run = run[same:]
	}
	var c int
	for k, e := range d.entries {
		for b := int(d.words[e.off]); c <= b; c++ {
			d.first[c] = int32(k)
		}
	}
	for ; c <= 256; c++ {
		d.first[c] = int32(len(d.entries))
	}
}

// narrow returns the run within entries[lo:hi] whose byte at depth is c.
// All of entries[lo:hi] share their first depth bytes; a word of exactly
// depth bytes sorts before the longer ones.
func (d *dictionary) narrow(lo, hi, depth int, c byte) (int, int) {
	if depth == 0 {
		return int(d.first[c]), int(d.first[int(c)+1])
	}
	at := func(k int) int {
		e := d.entries[k]
		if int(e.n) <= depth {
			return -1
		}
		return int(d.words[int(e.off)+depth])
	}
	a, b := lo, hi
	for a < b {
		m := int(uint(a+b) >> 1)
		if at(m) < int(c) {
			a = m + 1
		} else {
			b = m
		}
	}
	lo = a
	for b = hi; a < b; {
		m := int(uint(a+b) >> 1)
		if at(m) <= int(c) {
			a = m + 1
		} else {
			b = m
		}
	}
	return lo, a
}

// builtin returns the lists, loaded on first use.
var builtin = sync.OnceValue(loadBuiltin)

func loadBuiltin() *dictionary {
	d := &dictionary{}
	size, count := 0, 0
	for _, txt := range builtinLists {
		size += len(txt)
		count += bytes.Count(txt, []byte{'\n'})
	}
	// A few words in 16 also come without their accents.
	d.words = make([]byte, 0, size+size/16)
	d.entries = make([]entry, 0, count+count/16)
	var folded []byte
	for l, txt := range builtinLists {
		rank := 0
		for len(txt) > 0 {
			w, rest, _ := bytes.Cut(txt, []byte{'\n'})
			txt = rest
			rank++
			d.add(w, list(l), rank)
			// Many people type Spanish without accents: "corazon" ranks as "corazón".
			var ok bool
			if folded, ok = foldAccents(folded[:0], w); ok {
				d.add(folded, list(l), rank)
			}
		}
	}
	d.build()
	return d
}

// userDictionary ranks the caller's words in the order given, as zxcvbn does,
// and also each word within them: "García López" gives "garcía lópez",
// "garcía" and "lópez".
func userDictionary(inputs []string) *dictionary {
	if len(inputs) == 0 {
		return nil
	}
	d := &dictionary{}
	rank := 0
	var buf, folded []byte
	add := func(w []byte) {
		rank++
		d.add(w, userInputs, rank)
		var ok bool
		if folded, ok = foldAccents(folded[:0], w); ok {
			d.add(folded, userInputs, rank)
		}
	}
	for _, in := range inputs {
		buf = append(buf[:0], in...)
		lower(buf, buf)
		add(buf)
		for w := range bytes.FieldsFuncSeq(buf, isWordBreak) {
			if len(w) < len(buf) {
				add(w)
			}
		}
	}
	if len(d.entries) == 0 {
		return nil
	}
	d.build()
	return d
}

func isWordBreak(r rune) bool {
	return r < 0x80 && !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
}
