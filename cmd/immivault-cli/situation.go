package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"immivault/internal/vault"
)

// The flags of person set that tell what the deadline rules need to know
// of a person beyond their residence (vault.Situation).
func addSituationFlags(fs *flag.FlagSet) {
	fs.Bool("i751-waiver", false, "the I-751 is filed asking to waive the joint filing (divorce, abuse, hardship, the spouse's death), which may be filed at any time (--i751-waiver=false: not)")
	fs.String("principal", "", "the family member whose petition this person's residence comes through, `NAME`, for an investor's spouse or child (--principal= clears it)")
	fs.String("moved", "", "the day of the last move to a new US address, `YYYY-MM-DD`: USCIS must be told within 10 days (--moved= clears it)")
	fs.String("job-ended", "", "the last day of the job an H-1B, L-1, E, O or TN status rests on, `YYYY-MM-DD` (--job-ended= clears it)")
	fs.Bool("seeks-asylum", false, "means to apply for asylum, which is due within a year of arriving (--seeks-asylum=false: not)")
}

// situationChange is what the situation flags say: the changes to make,
// and the principal by name, found once the vault is open.
type situationChange struct {
	changes   []func(*vault.Situation)
	principal *string
}

func (s situationChange) given() bool { return len(s.changes) > 0 || s.principal != nil }

// situationFlags reads the situation flags, and checks the dates before
// the passphrase is asked for; the flags not given leave what is stored.
func situationFlags(fs *flag.FlagSet) (situationChange, error) {
	var s situationChange
	var err error
	fs.Visit(func(f *flag.Flag) {
		value := strings.TrimSpace(f.Value.String())
		switch f.Name {
		case "moved", "job-ended":
			if _, perr := time.Parse(time.DateOnly, value); value != "" && perr != nil && err == nil {
				err = fmt.Errorf("the %s date must be a date as YYYY-MM-DD, e.g. 2025-03-14", f.Name)
			}
			if f.Name == "moved" {
				s.changes = append(s.changes, func(st *vault.Situation) { st.Moved = value })
			} else {
				s.changes = append(s.changes, func(st *vault.Situation) { st.JobEnded = value })
			}
		case "i751-waiver":
			s.changes = append(s.changes, func(st *vault.Situation) { st.I751Waiver = value == "true" })
		case "seeks-asylum":
			s.changes = append(s.changes, func(st *vault.Situation) { st.SeeksAsylum = value == "true" })
		case "principal":
			s.principal = &value
		}
	})
	return s, err
}

// apply makes the changes to the person's situation, inside an update.
func (s situationChange) apply(ix *vault.Index, p *vault.Person) error {
	st := p.Situation
	for _, change := range s.changes {
		change(&st)
	}
	if s.principal != nil {
		st.PrincipalID = ""
		if *s.principal != "" {
			q, err := ix.Person(*s.principal)
			if err != nil {
				return err
			}
			if q.ID == p.ID {
				return errors.New("a person cannot be their own principal: name the family member whose petition the residence comes through")
			}
			st.PrincipalID = q.ID
		}
	}
	return ix.SetSituation(p.ID, st)
}

// situationText is "I-751 with a waiver, principal Ivo, moved 2026-03-02",
// or "" when nothing is known.
func situationText(ix *vault.Index, s vault.Situation) string {
	var parts []string
	if s.I751Waiver {
		parts = append(parts, "I-751 with a waiver")
	}
	if s.PrincipalID != "" {
		name := s.PrincipalID
		for _, q := range ix.People {
			if q.ID == s.PrincipalID {
				name = displayable(q.Name)
			}
		}
		parts = append(parts, "principal "+name)
	}
	if s.Moved != "" {
		parts = append(parts, "moved "+s.Moved)
	}
	if s.JobEnded != "" {
		parts = append(parts, "job ended "+s.JobEnded)
	}
	if s.SeeksAsylum {
		parts = append(parts, "seeks asylum")
	}
	return strings.Join(parts, ", ")
}
