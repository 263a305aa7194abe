package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"immivault/internal/passgen"
	"immivault/internal/secret"
	"immivault/internal/totp"
	"immivault/internal/vault"
)

// loginRef is what names a login on the command line: PERSON SERVICE,
// and --name for service other.
type loginRef struct {
	person  string
	service vault.Service
	name    string
}

// loginArgs adds --name to fs and parses args as PERSON SERVICE, and extra
// more positional arguments, which it returns after the loginRef.
func (c *cli) loginArgs(fs *flag.FlagSet, args []string, extra int) (loginRef, []string, error) {
	name := fs.String("name", "", "which login of service other, by its `NAME`")
	pos, err := c.parse(fs, args, 2+extra)
	if err != nil {
		return loginRef{}, nil, err
	}
	svc, err := vault.ParseService(pos[1])
	if err != nil {
		return loginRef{}, nil, err
	}
	if *name != "" && svc != vault.ServiceOther {
		return loginRef{}, nil, errors.New(`--name is only for logins of service other`)
	}
	return loginRef{person: pos[0], service: svc, name: strings.TrimSpace(*name)}, pos[2:], nil
}

// find finds the login ref names in ix, and its person.
// changeLogin saves what change makes of ref's login in the vault, then reports the person and
// the login as change left them.
func (c *cli) changeLogin(ref loginRef, change func(ix *vault.Index, p *vault.Person, l *vault.Login) (*vault.Login, error),
	report func(p *vault.Person, l *vault.Login)) error {
	return c.withVault(func(v *vault.Vault) error {
		var p *vault.Person
		var l *vault.Login
		if err := v.Update(func(ix *vault.Index) error {
			var err error
			if p, l, err = ref.find(ix); err != nil {
				return err
			}
			l, err = change(ix, p, l)
			return err
		}); err != nil {
			return err
		}
		report(p, l)
		return nil
	})
}

func (r loginRef) find(ix *vault.Index) (*vault.Person, *vault.Login, error) {
	p, err := ix.Person(r.person)
	if err != nil {
		return nil, nil, err
	}
	l, err := ix.Login(p.ID, r.service, r.name)
	var missing *vault.NotFoundError
	if errors.As(err, &missing) {
		what := r.service.Title()
		if r.name != "" {
			what = displayable(r.name)
		}
		return nil, nil, fmt.Errorf("%s has no %s login in this vault", displayable(p.Name), what)
	}
	return p, l, err
}

// passwordFlags are --generate, --words and --chars.
type passwordFlags struct {
	generate     *bool
	words, chars *int
}

func addPasswordFlags(fs *flag.FlagSet) passwordFlags {
	return passwordFlags{
		generate: fs.Bool("generate", false, "make up a password instead of reading one"),
		words:    fs.Int("words", 0, fmt.Sprintf("with --generate: `N` words (%d to %d; %d by default)", passgen.MinWords, passgen.MaxWords, passgen.DefaultWords)),
		chars:    fs.Int("chars", 0, fmt.Sprintf("with --generate: `N` random characters (%d to %d) instead of words", passgen.MinChars, passgen.MaxChars)),
	}
}

// password reads the password from standard input, or generates one
// with --generate. A generated one is described in about, for after the
// save.
func (c *cli) password(f passwordFlags) (pw *secret.Secret, about string, err error) {
	switch {
	case !*f.generate && (*f.words != 0 || *f.chars != 0):
		return nil, "", errors.New("--words and --chars go with --generate")
	case *f.words != 0 && *f.chars != 0:
		return nil, "", errors.New("--generate makes words or characters: give --words or --chars, not both")
	case *f.generate:
		var p *passgen.Password
		if *f.chars != 0 {
			p, err = passgen.Chars(*f.chars)
			about = fmt.Sprintf("%d characters", *f.chars)
		} else {
			n := *f.words
			if n == 0 {
				n = passgen.DefaultWords
			}
			p, err = passgen.Words(n)
			about = fmt.Sprintf("%d words", n)
		}
		if err != nil {
			return nil, "", err
		}
		return p.Secret, fmt.Sprintf("generated a password of %s: %.0f bits, strength %d of 4", about, p.Bits, p.Rating.Score), nil
	}
	pw, err = c.readValue("Password: ")
	if err != nil {
		return nil, "", err
	}
	if pw.IsEmpty() {
		return nil, "", errors.New("no password: type it at the prompt, pipe it in on standard input, or use --generate")
	}
	if pw.Len() > vault.MaxPassword {
		return nil, "", fmt.Errorf("the password is longer than %d bytes", vault.MaxPassword)
	}
	return pw, "", nil
}

func (c *cli) loginAdd(args []string) error {
	fs := c.flags()
	username := fs.String("username", "", "the user name or email address `U` the site knows")
	url := fs.String("url", "", "the site's web address `URL` (https://...)")
	note := fs.String("note", "", "a note `TEXT`")
	pwFlags := addPasswordFlags(fs)
	ref, _, err := c.loginArgs(fs, args, 0)
	if err != nil {
		return err
	}
	if ref.service == vault.ServiceOther && ref.name == "" {
		return errors.New(`a login of service other needs a name: add --name, e.g. --name "County court"`)
	}
	pw, about, err := c.password(pwFlags)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		var p *vault.Person
		var l *vault.Login
		if err := v.Update(func(ix *vault.Index) error {
			var err error
			if p, err = ix.Person(ref.person); err != nil {
				return err
			}
			l, err = ix.AddLogin(p.ID, ref.service, ref.name, vault.LoginFields{URL: *url, Username: *username, Note: *note}, pw)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "added the %s login for %s\n", displayable(l.Title()), displayable(p.Name))
		if about != "" {
			fmt.Fprintln(c.stdout, about)
			fmt.Fprintf(c.stdout, "see it with: immivault-cli login show %s %s%s --password\n", shellWord(p.Name), l.Service, nameFlag(l))
		}
		return nil
	})
}

// nameFlag is " --name NAME" for a login of service other.
func nameFlag(l *vault.Login) string {
	if l.Service == vault.ServiceOther {
		return " --name " + shellWord(l.Name)
	}
	return ""
}

func (c *cli) loginSet(args []string) error {
	fs := c.flags()
	fs.String("username", "", "the user name or email address `U` (--username= clears it)")
	fs.String("url", "", "the site's web address `URL` (--url= clears it)")
	fs.String("note", "", "a note `TEXT` (--note= clears it)")
	newPassword := fs.Bool("password", false, "read a new password from standard input")
	pwFlags := addPasswordFlags(fs)
	ref, _, err := c.loginArgs(fs, args, 0)
	if err != nil {
		return err
	}
	var url, username, note *string
	fs.Visit(func(f *flag.Flag) {
		v := f.Value.String()
		switch f.Name {
		case "url":
			url = &v
		case "username":
			username = &v
		case "note":
			note = &v
		}
	})
	var pw *secret.Secret
	var about string
	switch {
	case *newPassword && *pwFlags.generate:
		return errors.New("--password reads a password and --generate makes one: give one of them")
	case *newPassword || *pwFlags.generate || *pwFlags.words != 0 || *pwFlags.chars != 0:
		if pw, about, err = c.password(pwFlags); err != nil {
			return err
		}
	case url == nil && username == nil && note == nil:
		return errors.New("nothing to change: give --username, --url, --note, --password or --generate")
	}
	return c.changeLogin(ref, func(ix *vault.Index, _ *vault.Person, l *vault.Login) (*vault.Login, error) {
		l, err := ix.EditLogin(l.ID, url, username, note)
		if err != nil || pw == nil {
			return l, err
		}
		return ix.SetLoginPassword(l.ID, pw)
	}, func(p *vault.Person, l *vault.Login) {
		fmt.Fprintf(c.stdout, "updated the %s login for %s\n", displayable(l.Title()), displayable(p.Name))
		if about != "" {
			fmt.Fprintln(c.stdout, about)
		}
	})
}

func (c *cli) loginList(args []string) error {
	fs := c.flags()
	reveal := fs.Bool("reveal", false, "show the passwords, 2-step secrets, backup codes and answers")
	pos, err := c.parseRange(fs, args, 0, 1)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		ix := v.Index()
		people := ix.People
		if len(pos) == 1 {
			p, err := ix.Person(pos[0])
			if err != nil {
				return err
			}
			people = []*vault.Person{p}
		}
		release := secret.Hold()
		defer release()
		listed := false
		for _, p := range people {
			logins := ix.LoginsOf(p.ID)
			if len(logins) == 0 {
				continue
			}
			listed = true
			fmt.Fprintf(c.stdout, "%s\n", displayable(p.Name))
			for _, l := range logins {
				if err := c.printLogin(l, "    ", *reveal); err != nil {
					return err
				}
			}
		}
		if !listed {
			fmt.Fprintln(c.stdout, "No logins in this vault yet: add one with `immivault-cli login add PERSON SERVICE`.")
		}
		return nil
	})
}

// printLogin writes a login's fields, and with reveal its secrets.
func (c *cli) printLogin(l *vault.Login, indent string, reveal bool) error {
	fmt.Fprintf(c.stdout, "%s%s (%s)\n", indent, displayable(l.Title()), l.Service)
	in := indent + "    "
	if l.Username != "" {
		fmt.Fprintf(c.stdout, "%susername   %s\n", in, displayable(l.Username))
	}
	if l.URL != "" {
		fmt.Fprintf(c.stdout, "%sweb        %s\n", in, displayable(l.URL))
	}
	w := &secretLines{c: c, in: in}
	switch {
	case l.Password.IsEmpty():
	case reveal:
		w.secret("password   ", l.Password, "")
	default:
		fmt.Fprintf(c.stdout, "%spassword   stored\n", in)
	}
	if !l.TOTP.IsEmpty() {
		k, err := l.Key()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s2-step     %s, %d digits, every %d s\n", in, k.Algorithm, k.Digits, k.Period)
		if reveal {
			w.secret("2-step     ", l.TOTP, "")
		}
	}
	if n := len(l.BackupCodes); n > 0 {
		fmt.Fprintf(c.stdout, "%sbackup     %d of %d codes unused\n", in, l.UnusedBackupCodes(), n)
		if reveal {
			for _, b := range l.BackupCodes {
				suffix := ""
				if b.Used {
					suffix = " (used)"
				}
				w.secret("  code     ", b.Code, suffix)
			}
		}
	}
	for _, q := range l.Questions {
		fmt.Fprintf(c.stdout, "%squestion   %s\n", in, displayable(q.Question))
		if reveal {
			w.secret("  answer   ", q.Answer, "")
		}
	}
	if l.Note != "" {
		fmt.Fprintf(c.stdout, "%snote       %s\n", in, displayable(strings.ReplaceAll(l.Note, "\n", " / ")))
	}
	return w.err
}

// secretLines writes labelled secret values straight from their Use, so
// that no Go string of them is made; the first error sticks.
type secretLines struct {
	c   *cli
	in  string
	err error
}

func (w *secretLines) secret(label string, s *secret.Secret, suffix string) {
	if w.err != nil {
		return
	}
	w.err = s.Use(func(b []byte) error {
		if _, err := fmt.Fprint(w.c.stdout, w.in+label); err != nil {
			return err
		}
		if err := writeDisplayable(w.c.stdout, b); err != nil {
			return err
		}
		_, err := fmt.Fprintln(w.c.stdout, suffix)
		return err
	})
}

// writeDisplayable writes a secret value with its control characters (a
// newline in an answer) as U+FFFD, as displayable does, byte by byte
// from the locked buffer.
func writeDisplayable(w interface{ Write([]byte) (int, error) }, b []byte) error {
	start := 0
	for i, c := range b {
		if c < 0x20 || c == 0x7f {
			if _, err := w.Write(b[start:i]); err != nil {
				return err
			}
			if _, err := w.Write([]byte("\uFFFD")); err != nil {
				return err
			}
			start = i + 1
		}
	}
	_, err := w.Write(b[start:])
	return err
}

func (c *cli) loginShow(args []string) error {
	fs := c.flags()
	password := fs.Bool("password", false, "print the password alone (reveals it)")
	ref, _, err := c.loginArgs(fs, args, 0)
	if err != nil {
		return err
	}
	return c.withVault(func(v *vault.Vault) error {
		p, l, err := ref.find(v.Index())
		if err != nil {
			return err
		}
		if !*password {
			fmt.Fprintln(c.stdout, displayable(p.Name))
			return c.printLogin(l, "", false)
		}
		if l.Password.IsEmpty() {
			return fmt.Errorf("the %s login of %s has no password", displayable(l.Title()), displayable(p.Name))
		}
		return l.Password.Use(func(b []byte) error {
			if _, err := c.stdout.Write(b); err != nil {
				return err
			}
			_, err := c.stdout.Write([]byte("\n"))
			return err
		})
	})
}

func (c *cli) loginSetTOTP(args []string) error {
	fs := c.flags()
	qr := fs.String("qr", "", "read the QR code in the image file `IMAGE` (a screenshot of the site's page) instead of standard input")
	ref, _, err := c.loginArgs(fs, args, 0)
	if err != nil {
		return err
	}
	var k *totp.Key
	if *qr != "" {
		f, err := os.Open(*qr)
		if err != nil {
			return err
		}
		k, err = totp.DecodeQR(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", displayable(*qr), err)
		}
	} else {
		s, err := c.readValue("otpauth:// address or secret: ")
		if err != nil {
			return err
		}
		if k, err = totp.ParseSecret(s); err != nil {
			return err
		}
	}
	return c.changeLogin(ref, func(ix *vault.Index, _ *vault.Person, l *vault.Login) (*vault.Login, error) {
		return ix.SetLoginTOTP(l.ID, k)
	}, func(p *vault.Person, l *vault.Login) {
		fmt.Fprintf(c.stdout, "set the 2-step secret of the %s login for %s: %s, %d digits, every %d s\n",
			displayable(l.Title()), displayable(p.Name), k.Algorithm, k.Digits, k.Period)
	})
}

func (c *cli) loginTOTP(args []string) error {
	fs := c.flags()
	var at func() (time.Time, error)
	if totpNowHook != nil {
		at = totpNowHook(fs)
	}
	ref, _, err := c.loginArgs(fs, args, 0)
	if err != nil {
		return err
	}
	now := time.Now()
	if at != nil {
		t, err := at()
		if err != nil {
			return err
		}
		if !t.IsZero() {
			now = t
		}
	}
	return c.withVault(func(v *vault.Vault) error {
		p, l, err := ref.find(v.Index())
		if err != nil {
			return err
		}
		k, err := l.Key()
		if err != nil {
			return err
		}
		if k == nil {
			return fmt.Errorf("the %s login of %s has no 2-step secret: set it with `immivault-cli login set-totp`", displayable(l.Title()), displayable(p.Name))
		}
		code, err := k.Code(now)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s  (%d s left)\n", code, k.SecondsLeft(now))
		return nil
	})
}

func (c *cli) loginBackupCodes(args []string) error {
	fs := c.flags()
	use := fs.String("use", "", "mark the backup code `CODE` used, instead of reading new codes (a used code is worth nothing, so it may go on the command line)")
	ref, _, err := c.loginArgs(fs, args, 0)
	if err != nil {
		return err
	}
	if *use != "" {
		code := secret.New(vault.NormalizeBackupCode([]byte(*use)))
		var again bool
		return c.changeLogin(ref, func(ix *vault.Index, p *vault.Person, l *vault.Login) (*vault.Login, error) {
			used, repeat, err := ix.UseBackupCode(l.ID, code)
			if errors.Is(err, vault.ErrNoSuchBackupCode) {
				return nil, fmt.Errorf("the %s login of %s has no such backup code", displayable(l.Title()), displayable(p.Name))
			}
			again = repeat
			return used, err
		}, func(_ *vault.Person, l *vault.Login) {
			if again {
				fmt.Fprintf(c.stdout, "that backup code was already marked used; %d left\n", l.UnusedBackupCodes())
			} else {
				fmt.Fprintf(c.stdout, "marked the backup code used; %d left\n", l.UnusedBackupCodes())
			}
		})
	}
	in, err := c.readValue("Backup codes (one a line): ")
	if err != nil {
		return err
	}
	var codes []*secret.Secret
	if err := in.Use(func(b []byte) error {
		for line := range bytes.Lines(b) {
			scratch := bytes.Clone(line)
			code := vault.NormalizeBackupCode(scratch)
			if len(code) == 0 {
				clear(scratch)
				continue
			}
			if len(code) > vault.MaxBackupCode || !printableCode(code) {
				clear(scratch)
				return fmt.Errorf("line %d is not a backup code: letters and digits, at most %d", len(codes)+1, vault.MaxBackupCode)
			}
			codes = append(codes, secret.New(code)) // New wipes code, which is scratch
		}
		return nil
	}); err != nil {
		return err
	}
	if len(codes) == 0 {
		return errors.New("no backup codes: give them on standard input, one a line")
	}
	if len(codes) > vault.MaxBackupCodes {
		return fmt.Errorf("more than %d backup codes", vault.MaxBackupCodes)
	}
	return c.changeLogin(ref, func(ix *vault.Index, _ *vault.Person, l *vault.Login) (*vault.Login, error) {
		return ix.SetBackupCodes(l.ID, codes)
	}, func(p *vault.Person, l *vault.Login) {
		fmt.Fprintf(c.stdout, "stored %d backup codes for the %s login of %s\n", len(l.BackupCodes), displayable(l.Title()), displayable(p.Name))
	})
}

func printableCode(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

func (c *cli) loginQuestion(args []string) error {
	fs := c.flags()
	remove := fs.Bool("remove", false, "remove the question instead of reading its answer")
	ref, rest, err := c.loginArgs(fs, args, 1)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(rest[0])
	if err := vault.CheckText("the question", question, vault.MaxShortText, true); err != nil {
		return err
	}
	var answer *secret.Secret
	if !*remove {
		if answer, err = c.readValue("Answer: "); err != nil {
			return err
		}
		if answer.IsEmpty() {
			return errors.New("no answer: type it at the prompt or pipe it in on standard input (--remove removes the question)")
		}
	}
	return c.changeLogin(ref, func(ix *vault.Index, _ *vault.Person, l *vault.Login) (*vault.Login, error) {
		return ix.SetSecurityQuestion(l.ID, question, answer)
	}, func(p *vault.Person, l *vault.Login) {
		verb := "set the answer to"
		if *remove {
			verb = "removed"
		}
		fmt.Fprintf(c.stdout, "%s %q for the %s login of %s\n", verb, displayable(question), displayable(l.Title()), displayable(p.Name))
	})
}

func (c *cli) loginRemove(args []string) error {
	ref, _, err := c.loginArgs(c.flags(), args, 0)
	if err != nil {
		return err
	}
	return c.changeLogin(ref, func(ix *vault.Index, _ *vault.Person, l *vault.Login) (*vault.Login, error) {
		return l, ix.RemoveLogin(l.ID)
	}, func(p *vault.Person, l *vault.Login) {
		fmt.Fprintf(c.stdout, "removed the %s login of %s; `immivault-cli gc --history` also removes it from the earlier versions of the index\n", displayable(l.Title()), displayable(p.Name))
	})
}
