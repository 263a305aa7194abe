package vault

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"immivault/internal/secret"
	"immivault/internal/totp"
)

// Service is the portal a login is for, as a key the index stores.
type Service string

const (
	ServiceUSCIS    Service = "uscis"    // the USCIS online account (myaccount.uscis.gov)
	ServiceCEAC     Service = "ceac"     // the State Department's CEAC: DS-160, NVC immigrant visa cases
	ServiceI94      Service = "i94"      // CBP's I-94 website
	ServiceSEVP     Service = "sevp"     // the SEVP portal (students on OPT)
	ServiceFOIA     Service = "foia"     // FOIA requests (USCIS FIRST, and others)
	ServiceAttorney Service = "attorney" // the attorney's client portal
	ServiceOther    Service = "other"    // anything else, with a name
)

// Services are the services, in the order lists show them.
var Services = []Service{ServiceUSCIS, ServiceCEAC, ServiceI94, ServiceSEVP, ServiceFOIA, ServiceAttorney, ServiceOther}

var serviceTitles = map[Service]string{
	ServiceUSCIS:    "USCIS online account",
	ServiceCEAC:     "State Department CEAC / DS-160 / NVC",
	ServiceI94:      "CBP I-94 website",
	ServiceSEVP:     "SEVP portal",
	ServiceFOIA:     "FOIA",
	ServiceAttorney: "Attorney's portal",
	ServiceOther:    "Other",
}

// serviceAliases are the other words ParseService takes for a service.
var serviceAliases = map[string]Service{
	"myaccount": ServiceUSCIS, "uscis-account": ServiceUSCIS,
	"ds-160": ServiceCEAC, "ds160": ServiceCEAC, "nvc": ServiceCEAC, "state": ServiceCEAC,
	"i-94": ServiceI94, "cbp": ServiceI94,
	"lawyer": ServiceAttorney,
}

// Title is the service's name in English, for the CLI; the app has its own words.
func (s Service) Title() string {
	if t, ok := serviceTitles[s]; ok {
		return t
	}
	return string(s)
}

// ParseService reads a service's key, in any letter case, or one of a few
// other words for it (ds-160, nvc, i-94, lawyer).
func ParseService(s string) (Service, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if _, ok := serviceTitles[Service(k)]; ok {
		return Service(k), nil
	}
	if svc, ok := serviceAliases[k]; ok {
		return svc, nil
	}
	keys := make([]string, len(Services))
	for i, svc := range Services {
		keys[i] = string(svc)
	}
	return "", fmt.Errorf("unknown service %.40q: one of %s", s, strings.Join(keys, ", "))
}

// Bounds on a login's secrets and lists, far above what sites use.
const (
	MaxURL         = 2000
	MaxPassword    = 1024 // bytes
	MaxBackupCodes = 100
	MaxBackupCode  = 100 // bytes
	MaxQuestions   = 20
	MaxAnswer      = 1000 // bytes
)

// Login is what it takes to get into one portal for one person. Its
// password, 2-step secret, backup codes and answers are Secrets in memory
// and plaintext only inside the encrypted index (written by hand, as
// identifier values are). A bundle carries a login only when the person
// making it chose that login (internal/bundle, ExportOptions.Logins).
type Login struct {
	Record
	PersonID string  `json:"person_id"`
	Service  Service `json:"service"`
	Name     string  `json:"name,omitempty"` // for service "other"
	URL      string  `json:"url,omitempty"`
	Username string  `json:"username,omitempty"` // a user name or an email address
	Note     string  `json:"note,omitempty"`

	Password *secret.Secret `json:"-"`
	// TOTP is the 2-step secret as an otpauth://totp URI, which carries
	// its algorithm, digits and period (internal/totp); empty when none.
	TOTP        *secret.Secret     `json:"-"`
	BackupCodes []BackupCode       `json:"-"`
	Questions   []SecurityQuestion `json:"-"`
}

// BackupCode is one of the single-use codes a site gives for when the
// phone is lost, in storage form (NormalizeBackupCode).
type BackupCode struct {
	Code *secret.Secret
	Used bool
}

// SecurityQuestion is a site's question, in the clear, and its answer.
type SecurityQuestion struct {
	Question string
	Answer   *secret.Secret
}

// Title names the login's service: "USCIS online account", or an other
// login's name.
func (l *Login) Title() string {
	if l.Service == ServiceOther && l.Name != "" {
		return l.Name
	}
	return l.Service.Title()
}

// Key is the 2-step key, or nil without one.
func (l *Login) Key() (*totp.Key, error) {
	if l.TOTP.IsEmpty() {
		return nil, nil
	}
	return totp.ParseSecret(l.TOTP)
}

// UnusedBackupCodes counts the codes not yet marked used.
func (l *Login) UnusedBackupCodes() int {
	n := 0
	for _, c := range l.BackupCodes {
		if !c.Used {
			n++
		}
	}
	return n
}

// LoginsOf lists a person's logins in the order they were added.
func (ix *Index) LoginsOf(personID string) []*Login {
	var out []*Login
	for _, l := range ix.Logins {
		if l.PersonID == personID {
			out = append(out, l)
		}
	}
	return out
}

// Login finds a person's login for a service; for "other" the name tells
// several apart ("" matches any, when there is only one).
func (ix *Index) Login(personID string, service Service, name string) (*Login, error) {
	var found *Login
	for _, l := range ix.LoginsOf(personID) {
		if l.Service != service || (name != "" && !strings.EqualFold(l.Name, name)) {
			continue
		}
		if found != nil {
			return nil, fmt.Errorf("there are several %s logins: say which with --name", service)
		}
		found = l
	}
	if found == nil {
		return nil, &NotFoundError{What: string(service) + " login", Name: name}
	}
	return found, nil
}

// LoginFields are a login's plain fields, as AddLogin and EditLogin take them.
type LoginFields struct {
	URL, Username, Note string
}

// AddLogin adds a person's login for a service; "other" needs a name.
// A person has one login per service (per name, for "other").
// password may be nil or empty.
func (ix *Index) AddLogin(personID string, service Service, name string, f LoginFields, password *secret.Secret) (*Login, error) {
	if _, err := ix.personByID(personID); err != nil {
		return nil, err
	}
	if _, err := ParseService(string(service)); err != nil {
		return nil, err
	}
	name = strings.TrimSpace(name)
	switch {
	case service == ServiceOther && (name == "" || len(name) > MaxShortText):
		return nil, fmt.Errorf(`an "other" login needs a name of 1 to %d characters`, MaxShortText)
	case service != ServiceOther && name != "":
		return nil, errors.New(`only an "other" login has a name`)
	}
	for _, l := range ix.LoginsOf(personID) {
		if l.Service == service && strings.EqualFold(l.Name, name) {
			return nil, fmt.Errorf("there is already a %s login for this person", l.Title())
		}
	}
	l := &Login{Record: newRecord(now()), PersonID: personID, Service: service, Name: name,
		URL: strings.TrimSpace(f.URL), Username: strings.TrimSpace(f.Username), Note: f.Note, Password: password}
	if err := l.Validate(); err != nil {
		return nil, unRecord(err, l.ID)
	}
	ix.Logins = append(ix.Logins, l)
	return l, nil
}

// unRecord drops the "login <id>: " that Validate puts before an error,
// for errors about what a person just typed.
func unRecord(err error, id string) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "login "+id+": "); ok {
		return errors.New(rest)
	}
	return err
}

func (ix *Index) loginByID(id string) (*Login, error) { return byID(ix.Logins, "login", id) }

// changeLogin applies change to a copy of the login with the ID id, and
// keeps it only if the result passes Validate.
func (ix *Index) changeLogin(id string, change func(l *Login) error) (*Login, error) {
	l, err := ix.loginByID(id)
	if err != nil {
		return nil, err
	}
	c := *l
	c.BackupCodes = slices.Clone(l.BackupCodes)
	c.Questions = slices.Clone(l.Questions)
	if err := change(&c); err != nil {
		return nil, err
	}
	c.touch(now())
	if err := c.Validate(); err != nil {
		return nil, unRecord(err, c.ID)
	}
	*l = c
	return l, nil
}

// EditLogin sets a login's web address, username and note; nil leaves one
// as it is.
func (ix *Index) EditLogin(id string, url, username, note *string) (*Login, error) {
	return ix.changeLogin(id, func(l *Login) error {
		if url != nil {
			l.URL = strings.TrimSpace(*url)
		}
		if username != nil {
			l.Username = strings.TrimSpace(*username)
		}
		if note != nil {
			l.Note = *note
		}
		return nil
	})
}

// SetLoginPassword replaces a login's password.
func (ix *Index) SetLoginPassword(id string, password *secret.Secret) (*Login, error) {
	return ix.changeLogin(id, func(l *Login) error { l.Password = password; return nil })
}

// SetLoginTOTP sets a login's 2-step key (nil removes it). It is stored
// as its otpauth URI.
func (ix *Index) SetLoginTOTP(id string, k *totp.Key) (*Login, error) {
	var uri *secret.Secret
	if k != nil {
		var err error
		if uri, err = k.URISecret(); err != nil {
			return nil, err
		}
	}
	return ix.changeLogin(id, func(l *Login) error { l.TOTP = uri; return nil })
}

// SetBackupCodes replaces a login's backup codes with codes, each in
// storage form (NormalizeBackupCode), none used. A repeated code is kept once.
func (ix *Index) SetBackupCodes(id string, codes []*secret.Secret) (*Login, error) {
	return ix.changeLogin(id, func(l *Login) error {
		l.BackupCodes = nil
		for _, c := range codes {
			if !slices.ContainsFunc(l.BackupCodes, func(b BackupCode) bool { return b.Code.Equal(c) }) {
				l.BackupCodes = append(l.BackupCodes, BackupCode{Code: c})
			}
		}
		return nil
	})
}

// ErrNoSuchBackupCode is UseBackupCode's error for a code the login does
// not have.
var ErrNoSuchBackupCode = errors.New("no such backup code for this login")

// UseBackupCode marks the login's backup code code (in storage form)
// used. It says so if the code was already used.
func (ix *Index) UseBackupCode(id string, code *secret.Secret) (l *Login, alreadyUsed bool, err error) {
	l, err = ix.changeLogin(id, func(l *Login) error {
		for i := range l.BackupCodes {
			if l.BackupCodes[i].Code.Equal(code) {
				alreadyUsed = l.BackupCodes[i].Used
				l.BackupCodes[i].Used = true
				return nil
			}
		}
		return ErrNoSuchBackupCode
	})
	return l, alreadyUsed, err
}

// SetSecurityQuestion sets the answer to one of a login's security
// questions, adding the question if it is new (the same text in any
// letter case is the same question); a nil or empty answer removes it.
func (ix *Index) SetSecurityQuestion(id, question string, answer *secret.Secret) (*Login, error) {
	question = strings.TrimSpace(question)
	return ix.changeLogin(id, func(l *Login) error {
		i := slices.IndexFunc(l.Questions, func(q SecurityQuestion) bool { return strings.EqualFold(q.Question, question) })
		switch {
		case answer.IsEmpty() && i < 0:
			return fmt.Errorf("there is no security question %.60q to remove", question)
		case answer.IsEmpty():
			l.Questions = slices.Delete(l.Questions, i, i+1)
		case i < 0:
			l.Questions = append(l.Questions, SecurityQuestion{Question: question, Answer: answer})
		default:
			l.Questions[i].Answer = answer
		}
		return nil
	})
}

// RemoveLogin deletes one login by record ID.
func (ix *Index) RemoveLogin(id string) error {
	for i, l := range ix.Logins {
		if l.ID == id {
			ix.Logins = slices.Delete(ix.Logins, i, i+1)
			return nil
		}
	}
	return &NotFoundError{What: "login", Name: id}
}

// FindLogins finds the logins whose service (key or title), name, web
// address or username contains q, without regard to case: what a search
// box shows for "uscis" or "maria@". It never looks at a login's secrets.
func (ix *Index) FindLogins(q string) []*Login {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	var out []*Login
	for _, l := range ix.Logins {
		for _, f := range []string{string(l.Service), l.Service.Title(), l.Name, l.Username, l.URL} {
			if f != "" && strings.Contains(strings.ToLower(f), q) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// NormalizeBackupCode is a backup code in storage form: without spaces
// and dashes, letters in upper case, so that "abcd-1234" and "ABCD 1234"
// are one code. It works in place and returns the shortened slice.
func NormalizeBackupCode(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		switch {
		case c == ' ' || c == '-' || c == '\t' || c == '\r' || c == '\n':
		case 'a' <= c && c <= 'z':
			out = append(out, c-('a'-'A'))
		default:
			out = append(out, c)
		}
	}
	clear(b[len(out):])
	return out
}

// Validate checks the login's own fields: a service this immivault knows,
// a name for "other" and only for it, a web address (http or https), its
// texts, and its secrets: a password and answers of bounded length, a
// 2-step secret that parses, backup codes in storage form.
func (l *Login) Validate() error {
	var service, addr, secrets error
	switch _, err := ParseService(string(l.Service)); {
	case err != nil || strings.ToLower(string(l.Service)) != string(l.Service) || serviceTitles[l.Service] == "":
		service = fmt.Errorf("a service this immivault does not know: %.40q", l.Service)
	case l.Service == ServiceOther && CheckText("name", l.Name, MaxShortText, true) != nil:
		service = fmt.Errorf(`an "other" login without a name of 1 to %d bytes`, MaxShortText)
	case l.Service != ServiceOther && l.Name != "":
		service = errors.New("a name its service does not take")
	}
	if l.URL != "" {
		u, err := url.Parse(l.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			addr = errors.New("a web address that is not http:// or https://")
		}
	}
	switch {
	case l.Password.Len() > MaxPassword:
		secrets = fmt.Errorf("a password longer than %d bytes", MaxPassword)
	case len(l.BackupCodes) > MaxBackupCodes:
		secrets = fmt.Errorf("more than %d backup codes", MaxBackupCodes)
	case len(l.Questions) > MaxQuestions:
		secrets = fmt.Errorf("more than %d security questions", MaxQuestions)
	}
	if secrets == nil && !l.TOTP.IsEmpty() {
		if _, err := totp.ParseSecret(l.TOTP); err != nil {
			secrets = fmt.Errorf("a 2-step secret that does not read: %w", err)
		}
	}
	for _, c := range l.BackupCodes {
		if secrets != nil {
			break
		}
		secrets = c.Code.Use(func(b []byte) error {
			if len(b) == 0 || len(b) > MaxBackupCode || !printableASCII(b) || !isNormalCode(b) {
				return fmt.Errorf("a backup code that is not 1 to %d letters and digits", MaxBackupCode)
			}
			return nil
		})
	}
	for _, q := range l.Questions {
		if secrets != nil {
			break
		}
		secrets = CheckText("a security question", q.Question, MaxShortText, true)
		if secrets == nil && (q.Answer.IsEmpty() || q.Answer.Len() > MaxAnswer) {
			secrets = fmt.Errorf("a security question without an answer of 1 to %d bytes", MaxAnswer)
		}
	}
	if secrets == nil {
		secrets = l.Password.Use(func(b []byte) error {
			if !utf8.Valid(b) || hasControl(b) {
				return errors.New("a password with control characters")
			}
			return nil
		})
	}
	return l.check("login", service, addr,
		CheckText("web address", l.URL, MaxURL, false),
		CheckText("username", l.Username, MaxShortText, false),
		CheckText("note", l.Note, MaxLongText, false),
		secrets,
	)
}

func printableASCII(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

func isNormalCode(b []byte) bool {
	for _, c := range b {
		if c == '-' || ('a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

// hasControl reports control characters, in place: b is a secret in a
// locked buffer.
func hasControl(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if unicode.IsControl(r) {
			return true
		}
		b = b[n:]
	}
	return false
}

// WriteSecretMembers writes the login's secrets as members of the JSON
// object j has open, each from inside Use and only when there is one, as
// the index writes them: for a bundle that carries the login.
func (l *Login) WriteSecretMembers(j *secret.JSONWriter) {
	if !l.Password.IsEmpty() {
		j.Secret("password", l.Password)
	}
	if !l.TOTP.IsEmpty() {
		j.Secret("totp", l.TOTP)
	}
	if len(l.BackupCodes) > 0 {
		j.Array("backup_codes")
		for _, c := range l.BackupCodes {
			j.Object("")
			j.Secret("code", c.Code)
			if c.Used {
				j.Value("used", true)
			}
			j.End()
		}
		j.End()
	}
	if len(l.Questions) > 0 {
		j.Array("security_questions")
		for _, q := range l.Questions {
			j.Object("")
			j.Value("question", q.Question)
			j.Secret("answer", q.Answer)
			j.End()
		}
		j.End()
	}
}
