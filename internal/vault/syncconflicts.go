package vault

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"immivault/internal/ids"
)

// A vault in a folder that Dropbox, OneDrive, Google Drive or Syncthing
// keeps in step between computers has no lock across them: two computers
// that save at once each write index.age, and the sync service keeps one
// and saves the other beside it under a name of its own:
//
//	index.sync-conflict-20261207-101010-ABCDEFG.age   (Syncthing)
//	index (Ana's conflicted copy 2026-12-07).age      (Dropbox)
//	index-ANA-LAPTOP.age                              (OneDrive)
//	index (1).age                                     (Google Drive)
//
// Every such file is a whole index, encrypted and authenticated like
// index.age. Before each save, and so at every open, the vault merges the
// ones it finds into its records, saves, and only then removes them: a
// crash at any point leaves them to be merged again, which changes nothing
// the second time. Blob names are random, so blobs never collide; each
// copy's notices keep their blobs. docs/sync.md says what a synced folder
// can and cannot guarantee.

// maxLineage bounds how many ancestors an index remembers.
const maxLineage = 16

// Ancestor names an index this one descends from: every save records the
// one it replaced. Two indexes that sync services made apart have a common
// ancestor, the last save both saw, which the merge finds among the kept
// generations as its base.
type Ancestor struct {
	Revision uint64    `json:"revision"`
	Saved    time.Time `json:"saved"`
}

// descend makes next's lineage: ix (the index next replaces), then ix's.
func (next *Index) descend(ix *Index) {
	next.Lineage = append([]Ancestor{{ix.Revision, ix.Saved}}, ix.Lineage...)
	if len(next.Lineage) > maxLineage {
		next.Lineage = next.Lineage[:maxLineage]
	}
}

func (ix *Index) self() Ancestor { return Ancestor{ix.Revision, ix.Saved} }

// conflictCopies lists the vault folder's conflict copies of index.age:
// regular files named index…​.age other than index.age itself. The vault's
// own files never match (generations end .1 to .5, temporary files start
// with a dot).
func conflictCopies(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if name != indexFile && strings.HasPrefix(name, "index") && strings.HasSuffix(name, ".age") && e.Type().IsRegular() {
			out = append(out, name)
		}
	}
	return out
}

// MergedCopy is what merging one conflict copy did, for telling the user.
type MergedCopy struct {
	File                      string
	Added, Updated, Conflicts int
	KeptHere                  int    // changed on both computers where both cannot be kept: this computer's stays
	Refused                   string // why the copy was not merged (and is left in place), or ""
}

func (m MergedCopy) String() string {
	if m.Refused != "" {
		return fmt.Sprintf("%s, a copy of the vault's records that a sync service made, was not merged: %s; it is left in the vault folder", m.File, m.Refused)
	}
	s := fmt.Sprintf("merged %s, a copy of the vault's records that a sync service made when two computers saved at once: %d added, %d updated",
		m.File, m.Added, m.Updated)
	if m.Conflicts > 0 {
		s += fmt.Sprintf(", %d changed on both computers (both versions kept, the other marked \"other computer\")", m.Conflicts)
	}
	if m.KeptHere > 0 {
		s += fmt.Sprintf(", %d changed on both computers that could not be kept twice (this computer's kept)", m.KeptHere)
	}
	return s
}

// mergeConflictCopies merges every conflict copy into next, under the
// write lock, and returns what it did and the files to remove once next is
// saved. A copy that does not open with the vault's key (planted, damaged,
// or written before a key change) or whose merge would not be a valid
// index is left in place, and said so.
func (v *Vault) mergeConflictCopies(next *Index) ([]MergedCopy, []string) {
	var report []MergedCopy
	var merged []string
	var history map[string][]time.Time // local versions of each record, read when first needed
	for _, name := range conflictCopies(v.dir) {
		other, _, err := v.readIndexFile(name)
		if err != nil {
			var d *DamagedError
			if errors.As(err, &d) {
				err = d.Err
			}
			report = append(report, MergedCopy{File: name, Refused: fmt.Sprintf("it does not open with this vault's key (%v)", err)})
			continue
		}
		if history == nil {
			history = v.localHistory()
		}
		trial := next.clone()
		m := mergeIndex(trial, other, v.base(other), history)
		m.File = name
		if err := trial.Check(); err != nil {
			report = append(report, MergedCopy{File: name, Refused: fmt.Sprintf("merged, the records would not be valid (%v)", err)})
			continue
		}
		*next = *trial
		report = append(report, m)
		merged = append(merged, name)
	}
	return report, merged
}

// localHistory is every version (Updated time) of every record in
// index.age and its kept generations: what this computer has seen.
func (v *Vault) localHistory() map[string][]time.Time {
	h := map[string][]time.Time{}
	add := func(ix *Index) {
		ix.eachRecord(func(r *Record) { h[r.ID] = append(h[r.ID], r.Updated) })
	}
	add(v.index)
	for g := 1; g <= v.generations(); g++ {
		if ix, _, err := v.readIndexFile(generationName(g)); err == nil {
			add(ix)
		}
	}
	return h
}

// base is the common ancestor of the vault's index and other, read from the
// kept generations, or nil when it is not among them (then the merge keeps
// both versions of whatever it cannot tell apart).
func (v *Vault) base(other *Index) *Index {
	theirs := append([]Ancestor{other.self()}, other.Lineage...)
	ours := append([]Ancestor{v.index.self()}, v.index.Lineage...)
	for _, a := range theirs {
		if !slices.ContainsFunc(ours, func(b Ancestor) bool { return sameAncestor(a, b) }) {
			continue
		}
		if sameAncestor(a, v.index.self()) {
			return v.index
		}
		for g := 1; g <= v.generations(); g++ {
			if ix, _, err := v.readIndexFile(generationName(g)); err == nil && sameAncestor(a, ix.self()) {
				return ix
			}
		}
		return nil
	}
	return nil
}

func sameAncestor(a, b Ancestor) bool { return a.Revision == b.Revision && a.Saved.Equal(b.Saved) }

// eachRecord calls f with every record of ix.
func (ix *Index) eachRecord(f func(*Record)) {
	for _, x := range ix.People {
		f(&x.Record)
	}
	for _, x := range ix.Identifiers {
		f(&x.Record)
	}
	for _, x := range ix.Cases {
		f(&x.Record)
	}
	for _, x := range ix.Notices {
		f(&x.Record)
	}
	for _, x := range ix.Events {
		f(&x.Record)
	}
	for _, x := range ix.Contacts {
		f(&x.Record)
	}
	for _, x := range ix.Logins {
		f(&x.Record)
	}
	for _, x := range ix.Trips {
		f(&x.Record)
	}
}

// merge is one conflict copy's merge into dst.
type merge struct {
	base    *Index // nil when unknown
	history map[string][]time.Time
	report  MergedCopy
}

// mergeIndex merges other into dst, record by record, with base as the
// common ancestor (nil if unknown) and history the versions this computer
// has seen of each record:
//
//   - a record only other has is added, unless this computer had that very
//     version and removed it since;
//   - a record both have in the same version stays;
//   - changed only in other (ours is the base's version) → other's;
//   - changed only here (theirs is the base's, or a version we had) → ours;
//   - changed on both → both kept: ours as it is, theirs beside it as a new
//     record marked "other computer", whose ID comes from the record's and
//     the version's so that merging the same copy again finds it. Where two
//     versions cannot stand side by side (a trip would overlap itself, a
//     contact would be listed twice), ours stays and the count says so.
//
// Nothing is ever deleted. Records added whose person or case this
// computer removed bring them back.
func mergeIndex(dst, other, base *Index, history map[string][]time.Time) MergedCopy {
	m := &merge{base: base, history: history}
	mergeKind(m, &dst.People, other.People, baseOf(base, func(ix *Index) []*Person { return ix.People }),
		func(x *Person) *Record { return &x.Record },
		func(x *Person, mark string) bool { x.Name = marked(x.Name, mark, MaxShortText); return true })
	mergeKind(m, &dst.Cases, other.Cases, baseOf(base, func(ix *Index) []*Case { return ix.Cases }),
		func(x *Case) *Record { return &x.Record },
		func(x *Case, mark string) bool { x.Status = marked(x.Status, mark, MaxLongText); return true })
	mergeKind(m, &dst.Identifiers, other.Identifiers, baseOf(base, func(ix *Index) []*Identifier { return ix.Identifiers }),
		func(x *Identifier) *Record { return &x.Record },
		func(x *Identifier, mark string) bool {
			// Another kind, so that the person's number of this kind stays
			// the one lookups by kind find.
			label := x.Kind.Title()
			if x.Label != "" {
				label = x.Label
			} else if x.Country != "" {
				label += " " + x.Country
			}
			x.Kind, x.Country, x.Label = ids.Other, "", marked(label, mark, MaxLabel)
			return true
		})
	mergeKind(m, &dst.Notices, other.Notices, baseOf(base, func(ix *Index) []*Notice { return ix.Notices }),
		func(x *Notice) *Record { return &x.Record },
		func(x *Notice, mark string) bool {
			ext := filepath.Ext(x.FileName)
			x.FileName = marked(strings.TrimSuffix(x.FileName, ext), mark, MaxFileName-len(ext)) + ext
			return true
		})
	mergeKind(m, &dst.Events, other.Events, baseOf(base, func(ix *Index) []*Event { return ix.Events }),
		func(x *Event) *Record { return &x.Record },
		func(x *Event, mark string) bool { x.Note = marked(x.Note, mark, MaxLongText); return true })
	mergeKind(m, &dst.Contacts, other.Contacts, baseOf(base, func(ix *Index) []*Contact { return ix.Contacts }),
		func(x *Contact) *Record { return &x.Record },
		func(*Contact, string) bool { return false })
	mergeKind(m, &dst.Logins, other.Logins, baseOf(base, func(ix *Index) []*Login { return ix.Logins }),
		func(x *Login) *Record { return &x.Record },
		func(x *Login, mark string) bool {
			x.Name = marked(x.Service.Title(), mark, MaxShortText)
			x.Service = ServiceOther
			return true
		})
	mergeKind(m, &dst.Trips, other.Trips, baseOf(base, func(ix *Index) []*Trip { return ix.Trips }),
		func(x *Trip) *Record { return &x.Record },
		func(*Trip, string) bool { return false })
	dst.restoreParents(other, &m.report)
	for id, versions := range other.Synced {
		dst.AddSharedVersions(id, versions...)
	}
	dst.mergeHandled(other.Handled)
	return m.report
}

func baseOf[T any](base *Index, list func(*Index) []*T) []*T {
	if base == nil {
		return nil
	}
	return list(base)
}

func mergeKind[T any](m *merge, dst *[]*T, other, base []*T, rec func(*T) *Record, mark func(*T, string) bool) {
	find := func(list []*T, id string) *T {
		for _, x := range list {
			if rec(x).ID == id {
				return x
			}
		}
		return nil
	}
	seen := func(id string, t time.Time) bool { return slices.ContainsFunc(m.history[id], t.Equal) }
	for _, theirs := range other {
		r := rec(theirs)
		ours := find(*dst, r.ID)
		var inBase *Record
		if b := find(base, r.ID); b != nil {
			inBase = rec(b)
		}
		switch {
		case ours == nil && (seen(r.ID, r.Updated) || inBase != nil && inBase.Updated.Equal(r.Updated)):
			// Removed here, unchanged there: it stays removed.
		case ours == nil:
			c := *theirs
			*dst = append(*dst, &c)
			m.report.Added++
		case rec(ours).Updated.Equal(r.Updated):
		case seen(r.ID, r.Updated) || inBase != nil && inBase.Updated.Equal(r.Updated):
			// Changed here only: ours is newer.
		case inBase != nil && inBase.Updated.Equal(rec(ours).Updated):
			c := *theirs
			rec(&c).Created = rec(ours).Created
			*ours = c
			m.report.Updated++
		default:
			c := *theirs
			id := conflictID(r)
			if find(*dst, id) != nil {
				continue // kept the first time this copy was merged
			}
			if !mark(&c, "other computer, "+r.Updated.Local().Format(time.DateOnly)) {
				m.report.KeptHere++
				continue
			}
			rec(&c).ID = id
			*dst = append(*dst, &c)
			m.report.Conflicts++
		}
	}
}

// conflictID is the ID of the record that keeps another computer's version
// of a record: from the record's ID and the version, so that merging the
// same copy twice makes one.
func conflictID(r *Record) string {
	sum := sha256.Sum256([]byte("immivault sync conflict\x00" + r.ID + "\x00" + r.Updated.UTC().Format(time.RFC3339Nano)))
	return idEncoding.EncodeToString(sum[:10])
}

// marked appends " (mark)" to s within max bytes.
func marked(s, mark string, max int) string {
	suffix := " (" + mark + ")"
	if s == "" {
		suffix = mark
	}
	for len(s)+len(suffix) > max && s != "" {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s + suffix
}

// restoreParents brings back from other the people and cases that records
// kept or added need and this computer removed: nothing is deleted by a
// merge.
func (ix *Index) restoreParents(other *Index, report *MergedCopy) {
	hasPerson := func(id string) bool {
		return slices.ContainsFunc(ix.People, func(p *Person) bool { return p.ID == id })
	}
	hasCase := func(id string) bool { return slices.ContainsFunc(ix.Cases, func(c *Case) bool { return c.ID == id }) }
	needCase := func(id string) {
		if id == "" || hasCase(id) {
			return
		}
		if i := slices.IndexFunc(other.Cases, func(c *Case) bool { return c.ID == id }); i >= 0 {
			c := *other.Cases[i]
			ix.Cases = append(ix.Cases, &c)
			report.Added++
		}
	}
	for _, x := range ix.Notices {
		needCase(x.CaseID)
	}
	for _, x := range ix.Events {
		needCase(x.CaseID)
	}
	var people []string
	for _, x := range ix.Identifiers {
		people = append(people, x.PersonID)
	}
	for _, x := range ix.Cases {
		people = append(people, x.PersonID)
	}
	for _, x := range ix.Notices {
		people = append(people, x.PersonID)
	}
	for _, x := range ix.Events {
		people = append(people, x.PersonID)
	}
	for _, x := range ix.Logins {
		people = append(people, x.PersonID)
	}
	for _, x := range ix.Trips {
		people = append(people, x.PersonID)
	}
	for _, id := range people {
		if hasPerson(id) {
			continue
		}
		if i := slices.IndexFunc(other.People, func(p *Person) bool { return p.ID == id }); i >= 0 {
			p := *other.People[i]
			ix.People = append(ix.People, &p)
			report.Added++
		}
	}
}
