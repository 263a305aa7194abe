package vault

import (
	"errors"
	"fmt"
	"strings"

	"immivault/internal/contact"
)

// Card is the contact card a contact record holds.
func (c *Contact) Card() contact.Card {
	return contact.Card{Name: c.Name, Recipient: c.Recipient, SigningKey: c.SigningKey}
}

// Contact finds a family contact by ID, name (case-insensitive) or
// fingerprint.
func (ix *Index) Contact(ref string) (*Contact, error) {
	var found *Contact
	for _, c := range ix.Contacts {
		if c.ID == ref || strings.EqualFold(c.Card().Fingerprint(), ref) {
			return c, nil
		}
		if strings.EqualFold(c.Name, ref) {
			found = c
		}
	}
	if found == nil {
		return nil, &NotFoundError{What: "contact", Name: ref}
	}
	return found, nil
}

// AddContact adds a family member's card under name (the card's own name
// when empty). A card whose keys are already known is refused: rename that
// contact instead.
func (ix *Index) AddContact(name string, card contact.Card) (*Contact, error) {
	if name = strings.TrimSpace(name); name == "" {
		name = card.Name
	}
	if err := ix.checkContactName(nil, name); err != nil {
		return nil, err
	}
	for _, c := range ix.Contacts {
		if c.Card().SameKeys(card) {
			return nil, fmt.Errorf("this card is already in the family list as %q", c.Name)
		}
	}
	c := &Contact{Record: newRecord(now()), Name: name, Recipient: card.Recipient, SigningKey: card.SigningKey}
	ix.Contacts = append(ix.Contacts, c)
	return c, nil
}

func (ix *Index) checkContactName(self *Contact, name string) error {
	if name == "" || len(name) > contact.MaxNameLen {
		return fmt.Errorf("a contact's name is 1 to %d characters", contact.MaxNameLen)
	}
	for _, c := range ix.Contacts {
		if c != self && strings.EqualFold(c.Name, name) {
			return fmt.Errorf("%q is already in the family list", name)
		}
	}
	return nil
}

// RenameContact changes the name a contact is known by.
func (ix *Index) RenameContact(ref, name string) error {
	c, err := ix.Contact(ref)
	if err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	if err := ix.checkContactName(c, name); err != nil {
		return err
	}
	c.Name = name
	c.touch(now())
	return nil
}

// VerifyContact records that the owner compared the contact's fingerprint.
func (ix *Index) VerifyContact(ref string) error {
	c, err := ix.Contact(ref)
	if err != nil {
		return err
	}
	c.Verified = true
	c.touch(now())
	return nil
}

// RemoveContact takes a contact off the family list.
func (ix *Index) RemoveContact(ref string) error {
	c, err := ix.Contact(ref)
	if err != nil {
		return err
	}
	for i, x := range ix.Contacts {
		if x == c {
			ix.Contacts = append(ix.Contacts[:i], ix.Contacts[i+1:]...)
			return nil
		}
	}
	return errors.New("contact vanished")
}

// Card is the owner's own contact card, under name, for family members
// to add.
func (v *Vault) Card(name string) (contact.Card, error) {
	pub, err := v.SigningPublicKey()
	if err != nil {
		return contact.Card{}, err
	}
	return contact.Card{Name: name, Recipient: v.Recipient(), SigningKey: pub}, nil
}
