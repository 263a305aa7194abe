// Package strength estimates how many guesses an attacker needs to find a
// passphrase, for the strength meter shown while a vault's passphrase is
// chosen.
//
// It follows zxcvbn (Wheeler, "zxcvbn: Low-Budget Password Strength
// Estimation", USENIX Security 2016) in miniature. Matchers find the parts
// a guesser tries first: words from ranked lists of common passwords,
// English and Spanish words and US and Spanish names, as typed, capitalised,
// reversed or in l33t speak (p@ssw0rd); words the caller supplies; repeats
// (abcabc); sequences (abcd, 9876); runs of adjacent keys on QWERTY, Dvorak
// and a keypad; dates and years. A search then finds the cheapest way to
// cover the whole passphrase with such parts and random characters, which
// cost 10 guesses each, and that cost is the estimate. A passphrase of
// common words joined by one separator, "correct horse battery staple",
// costs about the product of the words' ranks times the number of ways to
// order them.
//
// # Limits
//
// It is an estimate, and it knows only its lists and patterns: a word that
// is common somewhere it has not looked (another language, a pet's name, a
// line of a song) counts as random characters and so as stronger than it
// is. Only the first 256 bytes are searched for patterns; the rest count as
// random. Capitals are recognised in ASCII and Latin-1 (Ñ, É) only, and
// keyboard runs on US layouts only.
//
// # Secrecy
//
// The passphrase is read as a byte slice and never becomes a Go string
// (which could not be wiped): the lists are searched by comparing bytes,
// not by map keys. Estimate's working copies are wiped before it returns,
// and its result holds numbers only.
package strength
