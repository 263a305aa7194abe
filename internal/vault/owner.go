package vault

import (
	"fmt"
	"strings"
	"unicode"

	"immivault/internal/contact"
)

// The relations a person can have to the vault's owner are stored as
// fixed keys, in English, and translated only where they are shown. Any
// other text is stored and shown as it was typed.
const (
	RelationSelf    = "self"
	RelationSpouse  = "spouse"
	RelationChild   = "child"
	RelationParent  = "parent"
	RelationSibling = "sibling"
)

// Relations are the keys, in the order the app offers them.
var Relations = []string{RelationSelf, RelationSpouse, RelationChild, RelationParent, RelationSibling}

// relationWords are the words the app stored before relations were keys:
// the key translated into the language it spoke (internal/ui/translations,
// whose test keeps this list complete).
var relationWords = map[string]string{
	"yo":          RelationSelf,
	"cónyuge":     RelationSpouse,
	"hijo/a":      RelationChild,
	"padre/madre": RelationParent,
	"hermano/a":   RelationSibling,
}

// RelationKey is the key for a relation as typed or as an earlier release
// stored it: a key or one of the app's words for one, in any letter case
// and without surrounding spaces. Other text comes back trimmed.
func RelationKey(s string) string {
	s = strings.TrimSpace(s)
	folded := strings.ToLower(s)
	for _, k := range Relations {
		if folded == k {
			return k
		}
	}
	if k, ok := relationWords[folded]; ok {
		return k
	}
	return s
}

// migrate brings records stored by an earlier release up to date as they
// are read; the next save stores them so.
func (ix *Index) migrate() {
	for _, p := range ix.People {
		if p != nil {
			p.Relation = RelationKey(p.Relation)
		}
	}
}

// An OwnerError says why a vault has no one owner: nobody in it has the
// relation self, or several people have.
type OwnerError struct{ Selves int }

func (e *OwnerError) Error() string {
	if e.Selves == 0 {
		return "no one in this vault has the relation self: give it to your own record, or give the name on your card"
	}
	return fmt.Sprintf("%d people in this vault have the relation self: keep it on your own record alone, or give the name on your card", e.Selves)
}

// Owner is the person the vault belongs to: the one person whose relation
// is self. Otherwise the error is an *OwnerError.
func (ix *Index) Owner() (*Person, error) {
	var owner *Person
	n := 0
	for _, p := range ix.People {
		if p.Relation == RelationSelf {
			owner = p
			n++
		}
	}
	if n != 1 {
		return nil, &OwnerError{Selves: n}
	}
	return owner, nil
}

// OwnerCardName is the name on the owner's contact card: the one last
// given (SetCardName), else the owner's (Owner, whose error it returns).
func (ix *Index) OwnerCardName() (string, error) {
	if ix.CardName != "" {
		return ix.CardName, nil
	}
	p, err := ix.Owner()
	if err != nil {
		return "", err
	}
	return p.Name, nil
}

// SetCardName remembers the name on the owner's contact card, and reports
// whether it changed. The name is what a card may hold: 1 to
// contact.MaxNameLen bytes, without control characters.
func (ix *Index) SetCardName(name string) (bool, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > contact.MaxNameLen || strings.ContainsFunc(name, unicode.IsControl) {
		return false, fmt.Errorf("the name on a card is 1 to %d characters, without control characters", contact.MaxNameLen)
	}
	if name == ix.CardName {
		return false, nil
	}
	ix.CardName = name
	return true, nil
}
