package main

import (
	"errors"
	"flag"
	"os"
	"strconv"
	"time"
)

// Test hooks: knobs that only test builds have. A release build leaves
// these nil, and nothing in it calls installTestHooks, so the linker drops
// the code below (TestReleaseBuildHasNoTestHooks checks the binary). Builds
// with -tags testhooks (testhooks_on.go), for running the scripts against a
// built binary, and the package's own tests (testhooks_test.go) install them.
var (
	// workFactorHook is scrypt's work factor for new passphrases, 0 for
	// the vault's default.
	workFactorHook func() (int, error)
	// todayHook adds the deadlines command's hidden --today flag; the
	// function it returns is the day asked for, or the zero time.
	todayHook func(fs *flag.FlagSet) func() (time.Time, error)
	// totpNowHook adds login totp's hidden --now flag; the function it
	// returns is the moment asked for, or the zero time.
	totpNowHook func(fs *flag.FlagSet) func() (time.Time, error)
)

func installTestHooks() {
	workFactorHook = envWorkFactor
	todayHook = todayFlag
	totpNowHook = nowFlag
}

// envWorkFactor reads IMMIVAULT_SCRYPT_LOGN: a vault made with 10 opens in
// milliseconds, which the tests need and an attacker would love.
func envWorkFactor() (int, error) {
	s := os.Getenv("IMMIVAULT_SCRYPT_LOGN")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 10 || n > 22 {
		return 0, errors.New("IMMIVAULT_SCRYPT_LOGN must be a whole number from 10 to 22 (it is for tests: leave it unset)")
	}
	return n, nil
}

// todayFlag is --today YYYY-MM-DD: the deadlines as if today were that day.
func todayFlag(fs *flag.FlagSet) func() (time.Time, error) {
	s := fs.String("today", "", "")
	return func() (time.Time, error) {
		if *s == "" {
			return time.Time{}, nil
		}
		t, err := time.Parse(time.DateOnly, *s)
		if err != nil {
			return time.Time{}, errors.New("--today must be a date as YYYY-MM-DD, e.g. 2025-03-14")
		}
		return t, nil
	}
}

// nowFlag is --now UNIX-SECONDS: the 2-step code as at that moment.
func nowFlag(fs *flag.FlagSet) func() (time.Time, error) {
	s := fs.String("now", "", "")
	return func() (time.Time, error) {
		if *s == "" {
			return time.Time{}, nil
		}
		n, err := strconv.ParseInt(*s, 10, 64)
		if err != nil || n < 0 {
			return time.Time{}, errors.New("--now must be a time in seconds since 1970")
		}
		return time.Unix(n, 0), nil
	}
}
