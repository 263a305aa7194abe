// Package passgen makes passwords for the portals a family signs in to:
// words from EFF's large list (data/NOTICE.md), which people can read out
// and type, or random characters, for sites that limit length or want
// symbols. Each is drawn with crypto/rand, built in a buffer that is
// wiped, goes straight into a secret.Secret, and is rated by the strength
// meter (internal/strength) inside Use.
package passgen

import (
	"bufio"
	"bytes"
	"crypto/rand"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"math/big"
	"sync"

	"github.com/awnumar/memguard"

	"immivault/internal/secret"
	"immivault/internal/strength"
)

//go:embed data/eff_large_wordlist.txt
var wordList []byte

var words = sync.OnceValue(func() [][]byte {
	var out [][]byte
	s := bufio.NewScanner(bytes.NewReader(wordList))
	for s.Scan() {
		if w := bytes.TrimSpace(s.Bytes()); len(w) > 0 {
			out = append(out, bytes.Clone(w))
		}
	}
	return out
})

// Bounds on what is asked for: below the minimums a password is too
// guessable to offer, above the maximums no site takes it.
const (
	MinWords, MaxWords, DefaultWords = 4, 20, 6
	MinChars, MaxChars, DefaultChars = 12, 128, 20
)

// Separator joins the words.
const Separator = '-'

// Character classes a character password draws from: every one appears
// at least once, since many sites insist. The symbols are those sites
// accept most widely; quotes, backslash and space are left out.
var classes = [...]string{
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	"abcdefghijklmnopqrstuvwxyz",
	"0123456789",
	"!#$%&*+-=?@^_",
}

// Password is a generated password and what it is worth.
type Password struct {
	Secret *secret.Secret
	// Bits is the entropy of the draw: what an attacker who knows how it
	// was made must search.
	Bits float64
	// Rating is the strength meter's estimate, which knows nothing of how
	// it was made.
	Rating strength.Result
}

// Words draws n words (MinWords to MaxWords) and joins them with Separator.
func Words(n int) (*Password, error) {
	if n < MinWords || n > MaxWords {
		return nil, fmt.Errorf("a password of words has %d to %d words", MinWords, MaxWords)
	}
	list := words()
	size := 0
	for _, w := range list {
		size = max(size, len(w))
	}
	buf := make([]byte, 0, n*(size+1))
	defer func() { memguard.WipeBytes(buf[:cap(buf)]) }()
	for i := range n {
		k, err := randInt(len(list))
		if err != nil {
			return nil, err
		}
		if i > 0 {
			buf = append(buf, Separator)
		}
		buf = append(buf, list[k]...)
	}
	return finish(buf, float64(n)*math.Log2(float64(len(list))))
}

// Chars draws n characters (MinChars to MaxChars) with at least one of
// each class: upper and lower case letters, digits and symbols.
func Chars(n int) (*Password, error) {
	if n < MinChars || n > MaxChars {
		return nil, fmt.Errorf("a password of characters has %d to %d characters", MinChars, MaxChars)
	}
	var alphabet []byte
	for _, c := range classes {
		alphabet = append(alphabet, c...)
	}
	buf := make([]byte, n)
	defer memguard.WipeBytes(buf)
	// Drawing again until every class is there keeps every such password
	// equally likely; with 12 characters or more a redraw is rare.
	for {
		for i := range buf {
			k, err := randInt(len(alphabet))
			if err != nil {
				return nil, err
			}
			buf[i] = alphabet[k]
		}
		if hasEveryClass(buf) {
			break
		}
	}
	// Slightly fewer bits than n·log2(75) for the redraws, which the
	// estimate ignores: it errs by far less than a bit.
	return finish(buf, float64(n)*math.Log2(float64(len(alphabet))))
}

func hasEveryClass(b []byte) bool {
	for _, c := range classes {
		if !bytes.ContainsAny(b, c) {
			return false
		}
	}
	return true
}

// finish seals the password, wiping buf's copy, and rates it.
func finish(buf []byte, bits float64) (*Password, error) {
	p := &Password{Bits: bits, Secret: secret.New(bytes.Clone(buf))}
	err := p.Secret.Use(func(b []byte) error {
		p.Rating = strength.Estimate(b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func randInt(n int) (int, error) {
	k, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		return 0, errors.New("the system's random number generator failed")
	}
	return int(k.Int64()), nil
}
