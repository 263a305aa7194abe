package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"golang.org/x/term"

	"immivault/internal/secret"
)

// cli is one run of the command: where it reads and writes, and what the
// global flags and the locked-memory preflight said.
type cli struct {
	stdin          *os.File // a terminal or not decides how secrets are asked for
	stdout, stderr io.Writer
	memory         secret.Report
	vaultFlag      string
	cmd            *command // the command being run
}

// command is one line of `immivault-cli help`.
type command struct {
	name    string // "person add"
	args    string // what follows the name in a usage line
	summary string
	run     func(c *cli, args []string) error
}

// commands are the commands, in the order help lists them. Each one's
// code is in the file named after its first word: person.go holds person
// add, person ls and person set.
var commands = []*command{
	{"init", "", "create a new vault and show its recovery key, once", (*cli).initVault},
	{"status", "", "show the vault's location, revision, record counts and health", (*cli).status},
	{"person add", "NAME [--born YYYY-MM-DD] [--relation R]", "add a family member", (*cli).personAdd},
	{"person ls", "", "list the people in the vault", (*cli).personList},
	{"person set", "NAME [--resident-since YYYY-MM-DD] [--conditional[=false]] [--via-marriage[=false]] [--married YYYY-MM-DD] [--spouse-citizen-since YYYY-MM-DD] [--in-state-since YYYY-MM-DD] [--i751-waiver[=false]] [--principal NAME] [--moved YYYY-MM-DD] [--job-ended YYYY-MM-DD] [--seeks-asylum[=false]]", "set a person's permanent residence details and situation, for the deadlines", (*cli).personSet},
	{"trip add", "PERSON --departed YYYY-MM-DD [--returned YYYY-MM-DD] [--to COUNTRY] [--purpose TEXT]", "record a trip outside the US (no --returned while still away)", (*cli).tripAdd},
	{"trip ls", "PERSON [--n400 [--on YYYY-MM-DD]]", "list a person's trips; --n400 prints the N-400's list of the last 5 years", (*cli).tripList},
	{"trip set", "PERSON TRIP [--departed YYYY-MM-DD] [--returned YYYY-MM-DD] [--to COUNTRY] [--purpose TEXT]", "change a trip, named by its id or the day it began: where it went, its dates", (*cli).tripSet},
	{"trip rm", "PERSON TRIP", "remove a trip, named by its id or the day it began", (*cli).tripRemove},
	{"trip import", "PERSON FILE... [--yes]", "read CBP's I-94 travel history (PDF or screenshot; one file per passport), pair its departures and arrivals into trips, and add them", (*cli).tripImport},
	{"naturalization", "PERSON [--json] [--lang en|es]", "the earliest day to file the N-400, and why: residence, marriage, trips, physical presence", (*cli).naturalization},
	{"id set", "PERSON KIND [--country C] [--label L] [--issued YYYY-MM-DD] [--expires YYYY-MM-DD|D/S] [--class C] [--parole advance|humanitarian] [--dates-only]", "set an identifier; the value is read from standard input", (*cli).idSet},
	{"id show", "PERSON KIND [--country C | --label L]", "print an identifier's value (reveals it)", (*cli).idShow},
	{"login add", "PERSON SERVICE [--name NAME] [--username U] [--url URL] [--note TEXT] [--generate [--words N | --chars N]]", "add a portal login; the password is read from standard input, or made up with --generate", (*cli).loginAdd},
	{"login set", "PERSON SERVICE [--name NAME] [--username U] [--url URL] [--note TEXT] [--password | --generate [--words N | --chars N]]", "change a login's details or password", (*cli).loginSet},
	{"login ls", "[PERSON] [--reveal]", "list the logins, without their secrets unless --reveal", (*cli).loginList},
	{"login show", "PERSON SERVICE [--name NAME] [--password]", "show a login; --password prints the password alone (reveals it)", (*cli).loginShow},
	{"login set-totp", "PERSON SERVICE [--name NAME] [--qr IMAGE]", "set a login's 2-step secret: an otpauth:// address or base32 secret from standard input, or the QR code in IMAGE", (*cli).loginSetTOTP},
	{"login totp", "PERSON SERVICE [--name NAME]", "print the current 2-step code and the seconds it has left", (*cli).loginTOTP},
	{"login backup-codes", "PERSON SERVICE [--name NAME] [--use CODE]", "store a login's backup codes, one a line from standard input; --use marks one used", (*cli).loginBackupCodes},
	{"login question", "PERSON SERVICE QUESTION [--name NAME] [--remove]", "set the answer to a security question, from standard input", (*cli).loginQuestion},
	{"login rm", "PERSON SERVICE [--name NAME]", "remove a login", (*cli).loginRemove},
	{"case add", "PERSON RECEIPT [--form F] [--received D] [--priority D] [--notice-date D] [--status S]", "add a case, or update its details", (*cli).caseAdd},
	{"attach", "PERSON FILE [--case RECEIPT]", "store a notice file, encrypted; prints its notice ID", (*cli).attach},
	{"get", "NOTICE-ID -o FILE [--force]", "decrypt a stored notice into FILE", (*cli).get},
	{"notice inspect", "FILE [--json]", "show what can be read off a notice file, without a vault", (*cli).noticeInspect},
	{"notice add", "PERSON FILE [--yes]", "read a notice, propose its case, numbers and dates, and file it", (*cli).noticeAdd},
	{"notice show", "NOTICE-ID -o FILE [--page N] [--dpi D] [--force]", "render a page of a stored notice to a PNG file", (*cli).noticeShow},
	{"ls", "[--json] [--reveal]", "list people, identifiers (masked unless --reveal), cases and notices", (*cli).list},
	{"deadlines", "[--json | --ics FILE [--force]] [--person NAME] [--lang en|es] [--include-numbers]", "list the coming deadlines, soonest first, or write them to a calendar file", (*cli).deadlines},
	{"key", "[--name NAME] [--qr]", "print my contact card, for family members to add", (*cli).key},
	{"family add", "NAME [CARD-FILE]", "add a family member's contact card, from the file or standard input", (*cli).familyAdd},
	{"family ls", "", "list the family members, their fingerprints and whether they are verified", (*cli).familyList},
	{"family verify", "NAME [FINGERPRINT] [--yes]", "record that you compared a family member's fingerprint with them", (*cli).familyVerify},
	{"family rename", "NAME NEW-NAME", "change the name a family member is listed under", (*cli).familyRename},
	{"family rm", "NAME", "take a family member off the family list", (*cli).familyRemove},
	{"export", "-o FILE [--to CONTACT]... [--passphrase] [--person NAME]... [--case RECEIPT]... [--armor] [--name NAME] [--force]", "write a signed, encrypted bundle of records and notices for family members", (*cli).export},
	{"import", "FILE [--dry-run] [--yes] [--trust-sender FINGERPRINT] [--passphrase]", "show who sent a bundle and what it would change, then import it", (*cli).importBundle},
	{"passwd", "", "change the passphrase and the vault key; shows a new recovery key", (*cli).passwd},
	{"recover", "", "set a new passphrase with the recovery key; shows a new recovery key", (*cli).recoverVault},
	{"verify", "", "decrypt and check every file of the vault", (*cli).verify},
	{"backup", "--to FOLDER", "write a backup of the vault into FOLDER, read it back, and thin out the older ones there", (*cli).backupVault},
	{"restore", "FILE [--recovery-key-file KEY-FILE]", "make the vault (--vault, or the usual place) from a backup; with the recovery key, choose a new passphrase", (*cli).restoreVault},
	{"gc", "[--history]", "remove stored files that no record refers to any more; --history also removes the earlier versions of the index, which still hold removed values", (*cli).collectGarbage},
	{"version", "", "print the version", (*cli).version},
}

// errHelpShown ends a run that printed help: it is not a failure.
var errHelpShown = errors.New("help shown")

func (c *cli) dispatch(args []string) error {
	global := flag.NewFlagSet("immivault-cli", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&c.vaultFlag, "vault", "", "the vault `DIR`")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c.usage()
		}
		return flagError("", err)
	}
	args = global.Args()
	if len(args) == 0 {
		return errors.New("no command given; run `immivault-cli help` for the list")
	}
	if args[0] == "help" {
		if len(args) == 1 {
			return c.usage()
		}
		return c.dispatch(append(args[1:], "-h"))
	}
	cmd, rest, err := findCommand(args)
	if err != nil {
		return err
	}
	c.cmd = cmd
	return cmd.run(c, rest)
}

// findCommand finds the command that args start with: one word, or a group
// and a verb ("person add").
func findCommand(args []string) (*command, []string, error) {
	var verbs []string
	for _, cmd := range commands {
		group, verb, grouped := strings.Cut(cmd.name, " ")
		switch {
		case !grouped && cmd.name == args[0]:
			return cmd, args[1:], nil
		case grouped && group == args[0]:
			if len(args) > 1 && args[1] == verb {
				return cmd, args[2:], nil
			}
			verbs = append(verbs, verb)
		}
	}
	if verbs == nil {
		return nil, nil, fmt.Errorf("unknown command %q; run `immivault-cli help` for the list", args[0])
	}
	if len(args) == 1 {
		return nil, nil, fmt.Errorf("%s needs one of: %s", args[0], strings.Join(verbs, ", "))
	}
	return nil, nil, fmt.Errorf("unknown command %q; %s has: %s", args[0]+" "+args[1], args[0], strings.Join(verbs, ", "))
}

func (c *cli) usage() error {
	fmt.Fprint(c.stdout, `immivault-cli keeps a family's USCIS numbers, cases and notices in an encrypted vault.

usage: immivault-cli [--vault DIR] COMMAND [ARGS]

commands:
`)
	width := 0
	for _, cmd := range commands {
		width = max(width, len(strings.TrimSpace(cmd.name+" "+positionalArgs(cmd.args))))
	}
	line := func(use, summary string) { fmt.Fprintf(c.stdout, "  %-*s %s\n", width, use, summary) }
	for _, cmd := range commands {
		line(strings.TrimSpace(cmd.name+" "+positionalArgs(cmd.args)), cmd.summary)
	}
	line("help [COMMAND]", "show this list, or a command's flags")
	fmt.Fprint(c.stdout, `
The vault is --vault DIR, else $IMMIVAULT_VAULT, else immivault/vault in the
user's configuration folder. Passphrases come from $IMMIVAULT_PASSPHRASE_FILE,
$IMMIVAULT_PASSPHRASE or a prompt; identifier values from standard input, never
from the command line. Exit status: 0 on success, 1 on any error.
`)
	return errHelpShown
}

// positionalArgs drops the optional flags from a usage line, for the
// command list; `help COMMAND` shows them.
func positionalArgs(args string) string {
	if i := strings.Index(args, "[-"); i >= 0 {
		args = args[:i]
	}
	return strings.TrimSpace(args)
}

// flags starts the flag set of the running command. Every command also
// takes --vault, so that it can follow the command name.
func (c *cli) flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.vaultFlag, "vault", c.vaultFlag, "the vault `DIR`")
	return fs
}

// parse parses the running command's arguments and returns the positional
// ones, of which there must be n. Flags may come before, between or after
// them (`person add Maria --born 1990-01-02`); "--" ends the flags.
func (c *cli) parse(fs *flag.FlagSet, args []string, n int) ([]string, error) {
	return c.parseRange(fs, args, n, n)
}

// parseRange is parse for a command whose last most-fewest positional
// arguments may be left out.
func (c *cli) parseRange(fs *flag.FlagSet, args []string, fewest, most int) ([]string, error) {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(c.stdout, "usage: immivault-cli %s\n\n%s.\n\nflags:\n", strings.TrimSpace(c.cmd.name+" "+c.cmd.args), c.cmd.summary)
			// A flag without usage text is for tests: help leaves it out.
			shown := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
			shown.SetOutput(c.stdout)
			fs.VisitAll(func(f *flag.Flag) {
				if f.Usage != "" {
					shown.Var(f.Value, f.Name, f.Usage)
					shown.Lookup(f.Name).DefValue = f.DefValue
				}
			})
			shown.PrintDefaults()
			return nil, errHelpShown
		}
		return nil, flagError(c.cmd.name, err)
	}
	if err := c.readDates(fs); err != nil {
		return nil, err
	}
	if len(positional) < fewest || len(positional) > most {
		return nil, fmt.Errorf("usage: immivault-cli %s", strings.TrimSpace(c.cmd.name+" "+c.cmd.args))
	}
	return positional, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// flagError rewords the flag package's errors for people.
func flagError(cmd string, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		msg = "unknown flag " + name
	}
	help := "immivault-cli help"
	if cmd != "" {
		msg = cmd + ": " + msg
		help += " " + cmd
	}
	return fmt.Errorf("%s (see `%s`)", msg, help)
}

// goAhead says whether to go on: at once with --yes (yes), else as the
// person answers question on the terminal. Without a terminal it fails
// with noTerminal, which says to add --yes; a no prints declined.
func (c *cli) goAhead(yes bool, question, noTerminal, declined string) (bool, error) {
	if yes {
		return true, nil
	}
	if !term.IsTerminal(int(c.stdin.Fd())) {
		return false, errors.New(noTerminal)
	}
	ok, err := c.confirm(question)
	if err == nil && !ok {
		fmt.Fprintln(c.stdout, declined)
	}
	return ok, err
}

// confirm asks a yes/no question on the terminal, which the caller has
// checked is one.
func (c *cli) confirm(question string) (bool, error) {
	fmt.Fprint(c.stderr, question)
	answer, err := bufio.NewReader(c.stdin).ReadString('\n')
	if err != nil && answer == "" {
		return false, err
	}
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes", nil
}

// checkOutput refuses a missing -o, or one that names an existing file
// without --force, before anyone is asked for a passphrase.
func (c *cli) checkOutput(out string, force bool) error {
	if out == "" {
		return fmt.Errorf("say where to write: -o FILE (usage: immivault-cli %s %s)", c.cmd.name, c.cmd.args)
	}
	if _, err := os.Lstat(out); err == nil && !force {
		return fmt.Errorf("%s already exists; add --force to replace it", out)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
