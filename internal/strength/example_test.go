package strength_test

import (
	"fmt"

	"immivault/internal/strength"
)

func ExampleEstimate() {
	for _, pass := range []string{
		"maria1985",
		"Zarquendi2024",
		"correct horse battery staple",
	} {
		r := strength.Estimate([]byte(pass), "Zarquendi")
		fmt.Printf("%-30q score %d, %v, about 10^%.0f guesses\n", pass, r.Score, r.Weakness, r.Log10)
	}
	// Output:
	// "maria1985"                    score 1, Name, about 10^4 guesses
	// "Zarquendi2024"                score 1, UserInput, about 10^4 guesses
	// "correct horse battery staple" score 4, None, about 10^14 guesses
}

func ExampleResult_CrackTime() {
	r := strength.Estimate([]byte("Tr0ub4dor&3"))
	// A passphrase-protected vault costs the attacker one scrypt
	// derivation a guess: thousands a second, not billions.
	days := r.CrackTime(10_000).Hours() / 24
	fmt.Printf("score %d, %.0f days at 10,000 guesses a second\n", r.Score, days)
	// Output: score 4, 116 days at 10,000 guesses a second
}
