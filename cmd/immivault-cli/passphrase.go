package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"golang.org/x/term"

	"immivault/internal/secret"
)

// maxSecretInput bounds a passphrase, recovery key or identifier value read
// from a file or a pipe; none comes near it.
const maxSecretInput = 4 << 10

// passphraseSource says where one passphrase comes from: a file named by an
// environment variable, else the variable itself, else the terminal.
type passphraseSource struct {
	what            string // for the error when there is none
	fileVar, envVar string
	prompt, repeat  string // repeat asks a new passphrase a second time
}

var (
	currentPassphrase = passphraseSource{
		what:    "passphrase",
		fileVar: "IMMIVAULT_PASSPHRASE_FILE", envVar: "IMMIVAULT_PASSPHRASE",
		prompt: "Passphrase: ",
	}
	// firstPassphrase is the passphrase init gives a new vault; later
	// commands read it from the same place.
	firstPassphrase = passphraseSource{
		what:    "passphrase",
		fileVar: "IMMIVAULT_PASSPHRASE_FILE", envVar: "IMMIVAULT_PASSPHRASE",
		prompt: "Choose a passphrase: ", repeat: "Type it again: ",
	}
	newPassphrase = passphraseSource{
		what:    "new passphrase",
		fileVar: "IMMIVAULT_NEW_PASSPHRASE_FILE", envVar: "IMMIVAULT_NEW_PASSPHRASE",
		prompt: "New passphrase: ", repeat: "Type the new passphrase again: ",
	}
)

// A bundle's passphrase comes from its own file variable or the terminal:
// it is another secret than the vault's, for another person.
var (
	bundlePassphrase = passphraseSource{
		what: "bundle passphrase", fileVar: "IMMIVAULT_BUNDLE_PASSPHRASE_FILE",
		prompt: "Bundle passphrase: ",
	}
	newBundlePassphrase = passphraseSource{
		what: "bundle passphrase", fileVar: "IMMIVAULT_BUNDLE_PASSPHRASE_FILE",
		prompt: "Choose a passphrase for the bundle: ", repeat: "Type it again: ",
	}
)

// secretVariables are the environment variables that hold a secret itself,
// not the name of a file.
var secretVariables = []string{"IMMIVAULT_PASSPHRASE", "IMMIVAULT_NEW_PASSPHRASE"}

// secretEnv holds the secret variables taken out of the environment.
var secretEnv = struct {
	sync.Mutex
	values map[string]string
}{values: map[string]string{}}

// The secret variables leave the environment as the process starts, so
// that no program the CLI runs inherits them.
func init() { takeSecretVariables() }

// takeSecretVariables moves each secret variable that is set out of the
// environment into secretEnv. The string is the one Go made of the
// process's initial environment block; that block keeps the bytes until
// exit whatever we do (docs/adr/0013-app-and-cli-hardening.md).
func takeSecretVariables() {
	secretEnv.Lock()
	defer secretEnv.Unlock()
	for _, name := range secretVariables {
		if v, ok := os.LookupEnv(name); ok {
			secretEnv.values[name] = v
			os.Unsetenv(name)
		}
	}
}

// secretVariable is the value the secret variable name had.
func secretVariable(name string) string {
	takeSecretVariables()
	secretEnv.Lock()
	defer secretEnv.Unlock()
	return secretEnv.values[name]
}

// readPassphrase reads a passphrase from src. A new one (src.repeat set) is
// typed twice on a terminal; a file or variable is trusted to be right.
//
// The environment variable is a Go string: it stays in the process's
// memory, unwiped, until exit. The file and the prompt do not have that copy.
func (c *cli) readPassphrase(src passphraseSource) (*secret.Secret, error) {
	var pass *secret.Secret
	var err error
	switch {
	case os.Getenv(src.fileVar) != "":
		pass, err = readSecretFile(src.fileVar)
	case src.envVar != "" && secretVariable(src.envVar) != "":
		pass = secret.New([]byte(secretVariable(src.envVar)))
	case !term.IsTerminal(int(c.stdin.Fd())):
		return nil, fmt.Errorf("no %s: set %s or run in a terminal", src.what, src.fileVar)
	default:
		pass, err = c.prompt(src.prompt)
		if err == nil && src.repeat != "" && !pass.IsEmpty() {
			var again *secret.Secret
			if again, err = c.prompt(src.repeat); err == nil && !pass.Equal(again) {
				err = errors.New("the two passphrases differ; nothing was changed")
			}
		}
	}
	if err != nil {
		return nil, err
	}
	if pass.IsEmpty() {
		return nil, errors.New("the passphrase is empty")
	}
	return pass, nil
}

// readSecretFile reads the file that the environment variable envVar names.
func readSecretFile(envVar string) (*secret.Secret, error) {
	return readSecretPath(os.Getenv(envVar), "the file in "+envVar)
}

// readSecretPath reads a secret from the file at path, which errors call
// what.
func readSecretPath(path, what string) (*secret.Secret, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", what, err)
	}
	defer f.Close()
	s, err := readLimited(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return s, nil
}

// readValue reads a secret value from standard input: with a no-echo
// prompt on a terminal, else whatever is piped in.
func (c *cli) readValue(prompt string) (*secret.Secret, error) {
	if term.IsTerminal(int(c.stdin.Fd())) {
		return c.prompt(prompt)
	}
	s, err := readLimited(c.stdin)
	if err != nil {
		return nil, fmt.Errorf("standard input: %w", err)
	}
	return s, nil
}

// readLimited reads all of r, at most maxSecretInput bytes, into one buffer
// that it wipes, and drops one trailing line ending.
func readLimited(r io.Reader) (*secret.Secret, error) {
	buf := make([]byte, maxSecretInput+1)
	defer clear(buf)
	n, err := io.ReadFull(r, buf)
	switch {
	case err == nil:
		return nil, fmt.Errorf("longer than %d KiB", maxSecretInput>>10)
	case err != io.EOF && err != io.ErrUnexpectedEOF:
		return nil, err
	}
	b := buf[:n]
	if len(b) > 0 && b[len(b)-1] == '\n' {
		b = b[:len(b)-1]
		if len(b) > 0 && b[len(b)-1] == '\r' {
			b = b[:len(b)-1]
		}
	}
	return secret.New(b), nil
}

// promptState is the terminal's state while a prompt has turned echo off,
// for the signal handler to restore.
var promptState atomic.Pointer[term.State]

// prompt asks on the terminal without echo. x/term reads into a slice that
// grows as it goes, so a few partial copies may stay in freed memory until
// it is reused; the whole value goes into a Secret at once.
func (c *cli) prompt(prompt string) (*secret.Secret, error) {
	fd := int(c.stdin.Fd())
	if state, err := term.GetState(fd); err == nil {
		promptState.Store(state)
		defer promptState.Store(nil)
	}
	fmt.Fprint(c.stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(c.stderr)
	s := secret.New(b)
	if err != nil {
		return nil, fmt.Errorf("cannot read from the terminal: %w", err)
	}
	return s, nil
}

func restoreTerminal() {
	if state := promptState.Load(); state != nil {
		term.Restore(int(os.Stdin.Fd()), state)
		fmt.Fprintln(os.Stderr)
	}
}
