//go:build ignore

// gen_lists builds the ranked word lists in data/ from their sources:
//
//	go mod download -json github.com/trustelem/zxcvbn@v1.0.1   # its data/ directory
//	npm pack @zxcvbn-ts/language-es-es@4.1.2                    # its package/src directory
//	go run gen_lists.go -zxcvbn DIR/data -es DIR/package/src
//
// It applies zxcvbn's own filters (build_frequency_lists.py): each list is
// cut to a size, a word is kept only in the list where it ranks best, and a
// short word ranked worse than 10^len is dropped because guessing it by
// brute force would be cheaper. Each output file has one lower-case word a
// line, best rank first, so a word's rank is its line number.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"
)

type source struct {
	out   string // file in data/
	from  string // "zxcvbn" or "es"
	name  string // file in the source directory
	limit int    // 0 keeps every word
}

// Order breaks ties: a word that ranks the same in two lists goes to the
// earlier one.
var sources = []source{
	{"passwords.txt", "zxcvbn", "passwords.txt", 30000},
	{"english_wikipedia.txt", "zxcvbn", "english_wikipedia.txt", 30000},
	{"us_tv_and_film.txt", "zxcvbn", "us_tv_and_film.txt", 30000},
	{"surnames.txt", "zxcvbn", "surnames.txt", 10000},
	{"male_names.txt", "zxcvbn", "male_names.txt", 0},
	{"female_names.txt", "zxcvbn", "female_names.txt", 0},
	{"spanish_wikipedia.txt", "es", "wikipedia.json", 30000},
	{"spanish_first_names.txt", "es", "firstnames.json", 0},
	{"spanish_surnames.txt", "es", "lastnames.json", 0},
}

func main() {
	zxcvbnDir := flag.String("zxcvbn", "", "data directory of github.com/trustelem/zxcvbn")
	esDir := flag.String("es", "", "src directory of @zxcvbn-ts/language-es-es")
	flag.Parse()
	if *zxcvbnDir == "" || *esDir == "" {
		flag.Usage()
		os.Exit(2)
	}
	lists := make([][]string, len(sources))
	for k, s := range sources {
		var err error
		if s.from == "zxcvbn" {
			lists[k], err = readFrequencyFile(filepath.Join(*zxcvbnDir, s.name))
		} else {
			lists[k], err = readJSONList(filepath.Join(*esDir, s.name))
		}
		if err != nil {
			log.Fatal(err)
		}
	}

	type best struct{ list, rank int }
	owner := map[string]best{}
	for k, words := range lists {
		for i, w := range words {
			if b, ok := owner[w]; !ok || i+1 < b.rank {
				owner[w] = best{k, i + 1}
			}
		}
	}
	for k, s := range sources {
		var buf bytes.Buffer
		n := 0
		for i, w := range lists[k] {
			rank := i + 1
			if owner[w] != (best{k, rank}) || float64(rank) >= math.Pow(10, float64(len(w))) {
				continue
			}
			if s.limit > 0 && n == s.limit {
				break
			}
			buf.WriteString(w)
			buf.WriteByte('\n')
			n++
		}
		if err := os.WriteFile(filepath.Join("data", s.out), buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-26s %6d words %8d bytes\n", s.out, n, buf.Len())
	}
}

// readFrequencyFile reads zxcvbn's "word count" lines, most frequent first.
func readFrequencyFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var words []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		words = appendWord(words, seen, fields[0])
	}
	return words, sc.Err()
}

// readJSONList reads a zxcvbn-ts list: a JSON array of words, most frequent first.
func readJSONList(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []string
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var words []string
	seen := map[string]bool{}
	for _, w := range raw {
		words = appendWord(words, seen, w)
	}
	return words, nil
}

// appendWord keeps the first occurrence of each lower-cased word and drops
// words that cannot be one line of a list.
func appendWord(words []string, seen map[string]bool, w string) []string {
	w = strings.ToLower(strings.TrimSpace(w))
	if w == "" || strings.ContainsAny(w, " \t\r\n") || seen[w] {
		return words
	}
	seen[w] = true
	return append(words, w)
}
