package bundle

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"immivault/internal/secret"
	"immivault/internal/vault"
)

// Logins travel in a bundle only one by one: ExportOptions.Logins names
// each, and nothing else (a whole person, "everything") brings one. A
// login is a way into someone's account, and most bundles are about
// cases; the person making the bundle has to mean it. In manifest.json
// they are "logins", absent when there are none (so that a bundle without
// them is the same bytes as before they could travel), written as the
// index writes them: secrets from inside Secret.Use straight into the
// stream. Releases before them ignore the member and import the rest.

type loginJSON struct {
	vault.Login
	history
}

// UnmarshalJSON reads a login as the index does, its secrets straight
// into Secrets, then its history.
func (l *loginJSON) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &l.Login); err != nil {
		return err
	}
	return json.Unmarshal(b, &l.history)
}

// loginPlain is what of a login is written as plain members: all but its
// secrets, which vault.Login keeps out of encoding/json.
type loginPlain struct {
	vault.Login
	history
}

func writeLogin(j *secret.JSONWriter, l *loginJSON) {
	j.Object("")
	j.Members(loginPlain(*l))
	l.WriteSecretMembers(j)
	j.End()
}

// selectLogins adds the logins with the record IDs ids to s; each must
// belong to a person the bundle carries.
func (s *selection) selectLogins(ix *vault.Index, ids []string) error {
	carried := map[string]bool{}
	for _, p := range s.people {
		carried[p.ID] = true
	}
	for _, l := range ix.Logins {
		if !slices.Contains(ids, l.ID) {
			continue
		}
		if !carried[l.PersonID] {
			return fmt.Errorf("the %s login belongs to someone the bundle does not carry: choose them too", l.Title())
		}
		s.logins = append(s.logins, l)
	}
	for _, id := range ids {
		if !slices.ContainsFunc(s.logins, func(l *vault.Login) bool { return l.ID == id }) {
			return &vault.NotFoundError{What: "login", Name: id}
		}
	}
	return nil
}

// login merges a login as the other records are merged. A login for a
// service the person already has one for, under another record, is a
// duplicate when it holds the same, else a conflict whose copy's note
// says where it came from.
func (mg *merger) login(in *loginJSON) {
	local := findLogin(mg.ix.Logins, in.ID)
	act, copyID := mg.decide("login", in.Record, in.History, loginRecord(local), func() bool { return sameLogin(local, &in.Login) })
	other := local
	if act == Add {
		for _, x := range mg.ix.LoginsOf(in.PersonID) {
			if x.Service == in.Service && strings.EqualFold(x.Name, in.Name) {
				if sameLogin(x, &in.Login) {
					act = Duplicate
				} else {
					act, copyID = mg.conflict(in.Record)
					other = x
				}
				break
			}
		}
	}
	what := in.Title()
	if in.Username != "" {
		what += " " + in.Username
	}
	it := Item{Action: act, Kind: "login", ID: in.ID, What: what + " (" + mg.names[in.PersonID] + ")"}
	if other != nil && (act == Update || act == Conflict) {
		it.Changes = loginChanges(other, &in.Login)
	}
	if !mg.step(it, in.Record, mg.missingPerson(in.PersonID), copyID) {
		return
	}
	l := in.Login
	switch act {
	case Add:
		mg.ix.Logins = append(mg.ix.Logins, &l)
	case Update:
		l.Created = local.Created
		*local = l
	case Conflict:
		l.ID = copyID
		l.Note = mg.mark(l.Note, vault.MaxLongText)
		mg.ix.Logins = append(mg.ix.Logins, &l)
	}
	mg.done(act, in.Record, in.History, copyID)
}

func findLogin(logins []*vault.Login, id string) *vault.Login {
	for _, l := range logins {
		if l.ID == id {
			return l
		}
	}
	return nil
}

func loginRecord(l *vault.Login) *vault.Record {
	if l == nil {
		return nil
	}
	return &l.Record
}

// sameLogin reports whether two versions of a login hold the same, their
// IDs and times aside, comparing secrets in constant time.
func sameLogin(a, b *vault.Login) bool {
	if a.PersonID != b.PersonID || a.Service != b.Service || a.Name != b.Name || a.URL != b.URL ||
		a.Username != b.Username || a.Note != b.Note || !a.Password.Equal(b.Password) || !a.TOTP.Equal(b.TOTP) ||
		len(a.BackupCodes) != len(b.BackupCodes) || len(a.Questions) != len(b.Questions) {
		return false
	}
	for i, c := range a.BackupCodes {
		if c.Used != b.BackupCodes[i].Used || !c.Code.Equal(b.BackupCodes[i].Code) {
			return false
		}
	}
	for i, q := range a.Questions {
		if q.Question != b.Questions[i].Question || !q.Answer.Equal(b.Questions[i].Answer) {
			return false
		}
	}
	return true
}

// loginChanges are the fields in which two versions of a login differ.
// Secrets are never shown: a changed one says only "changed"; backup
// codes are counted, as "unused/all".
func loginChanges(local, in *vault.Login) []Change {
	var cs changes
	cs.add("url", local.URL, in.URL)
	cs.add("username", local.Username, in.Username)
	cs.add("note", local.Note, in.Note)
	secretChange := func(field string, same bool) {
		if !same {
			cs = append(cs, Change{Field: field, Current: "•••", New: "changed"})
		}
	}
	secretChange("password", local.Password.Equal(in.Password))
	secretChange("totp", local.TOTP.Equal(in.TOTP))
	if len(local.BackupCodes) != len(in.BackupCodes) || local.UnusedBackupCodes() != in.UnusedBackupCodes() {
		// "unused/all", which the app says in words.
		count := func(l *vault.Login) string {
			return fmt.Sprintf("%d/%d", l.UnusedBackupCodes(), len(l.BackupCodes))
		}
		cs.add("backup_codes", count(local), count(in))
	} else {
		same := true
		for i, c := range local.BackupCodes {
			same = same && c.Code.Equal(in.BackupCodes[i].Code)
		}
		secretChange("backup_codes", same)
	}
	questions := func(l *vault.Login) string {
		var qs []string
		for _, q := range l.Questions {
			qs = append(qs, q.Question)
		}
		return strings.Join(qs, "; ")
	}
	cs.add("security_questions", questions(local), questions(in))
	if len(local.Questions) == len(in.Questions) {
		same := true
		for i, q := range local.Questions {
			same = same && q.Answer.Equal(in.Questions[i].Answer)
		}
		secretChange("security_answers", same)
	}
	return cs
}
