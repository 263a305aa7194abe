package bundle

import (
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"immivault/internal/contact"
	"immivault/internal/ids"
	"immivault/internal/vault"
)

// Action is what importing a bundle does with one of its records. The
// rules are in docs/adr/0008-family-sharing.md.
type Action int

const (
	// Add: a record this vault does not have.
	Add Action = iota + 1
	// Update: a newer version of a record this vault has not changed since
	// the version the sender's descends from.
	Update
	// Conflict: both sides changed the record. This vault's version stays;
	// the sender's is added beside it as a separate record, marked
	// "(from NAME, DATE)".
	Conflict
	// Unchanged: this vault has this version already, or the same content.
	Unchanged
	// Older: this vault's version descends from the sender's.
	Older
	// Removed: this vault had this version and removed the record since.
	Removed
	// Duplicate: this vault has the same thing as another record: the same
	// notice file, or the same number, for the same person.
	Duplicate
)

// Changes reports whether the action changes the vault.
func (a Action) Changes() bool { return a == Add || a == Update || a == Conflict }

func (a Action) String() string {
	switch a {
	case Add:
		return "add"
	case Update:
		return "update"
	case Conflict:
		return "conflict"
	case Unchanged:
		return "unchanged"
	case Older:
		return "older"
	case Removed:
		return "removed"
	case Duplicate:
		return "duplicate"
	}
	return "unknown"
}

// An Item is one record of a bundle and what importing it would do.
type Item struct {
	Action Action
	Kind   string // "person", "identifier", "case", "notice", "event", "trip" or "login"
	ID     string // the record's ID in the bundle
	What   string // the record in words, numbers masked: "A-number A-•••-•••-678 (Ana Morales)"
	Note   string // what a person should know about it, or ""
	// Changes are, for an update or a conflict, the fields in which the
	// sender's version differs from this vault's, with both values.
	Changes []Change
	// Accept says to make this change; Preview sets it for every change.
	Accept bool
	file   string // the archive entry a notice's change needs, or ""
}

// A Plan is what importing a bundle would do, record by record, in the
// order people, cases, identifiers, notices, events, trips, logins.
type Plan struct {
	Items []Item
	// From is how conflict copies are marked: "from Luis, 2026-11-28".
	From   string
	bundle *Bundle
}

// Changes counts the items that would change the vault and are accepted.
func (p Plan) Changes() int {
	n := 0
	for _, it := range p.Items {
		if it.Action.Changes() && it.Accept {
			n++
		}
	}
	return n
}

// Result is what Apply did.
type Result struct {
	Added, Updated, Conflicts int
	Files                     int // notice files stored
	// Skipped are accepted changes Apply could not make, with a Note that
	// says why: a record they belong to was left out, or the vault changed
	// since the preview.
	Skipped []Item
}

// SenderError refuses a bundle whose signer is not in the family list.
type SenderError struct {
	Sender contact.Card
	// Claimed is the family contact with the sender's name or one of their
	// keys, whose other key differs; nil if none.
	Claimed *vault.Contact
}

func (e *SenderError) Error() string {
	if e.Claimed != nil {
		return fmt.Sprintf("this bundle is signed as %q with fingerprint %s, but your family list has %q with fingerprint %s: it may not be from them (if they made a new vault, compare fingerprints and update their card)",
			e.Sender.Name, e.Sender.Fingerprint(), e.Claimed.Name, e.Claimed.Card().Fingerprint())
	}
	return fmt.Sprintf("this bundle is signed by %q with fingerprint %s, who is not in your family list", e.Sender.Name, e.Sender.Fingerprint())
}

// Preview says what importing b into a vault with records ix would do.
// Every change is accepted; clear Accept on those to leave out.
func Preview(ix *vault.Index, b *Bundle) Plan {
	mg := newMerger(ix, b, nil)
	mg.run()
	return Plan{Items: mg.items, From: mg.from, bundle: b}
}

// Apply makes the accepted changes of p, a plan Preview made for b, in one
// save. The vault is refreshed first and the plan worked out again on the
// newest records: a change whose action differs now is skipped, and said so
// in Result.Skipped. Notice files are stored first, streamed from the
// bundle, and removed again if the save fails. Nothing is ever deleted.
//
// Apply refuses a sender who is not in the family list, unless they are
// this vault itself or b.Trust accepted them. A plan with no changes saves
// nothing: importing a bundle twice changes the vault once.
func Apply(v *vault.Vault, b *Bundle, p Plan) (Result, error) {
	if p.bundle != b {
		return Result{}, errors.New("this plan was made for another bundle")
	}
	if err := v.Refresh(); err != nil {
		return Result{}, err
	}
	if err := checkSender(v, b); err != nil {
		return Result{}, err
	}
	blobs := map[string]vault.BlobRef{}
	discard := func(keep map[string]bool) {
		for _, ref := range blobs {
			if !keep[ref.Name] {
				v.DiscardBlob(ref)
			}
		}
	}
	for _, it := range p.Items {
		if it.Accept && it.Action.Changes() && it.file != "" {
			ref, err := storeFile(v, b, it.file)
			if err != nil {
				discard(nil)
				return Result{}, err
			}
			blobs[it.file] = ref
		}
	}
	var res Result
	var used map[string]bool
	err := v.Update(func(ix *vault.Index) error {
		mg := newMerger(ix, b, &p)
		mg.blobs = blobs
		mg.run()
		res, used = mg.result, mg.usedBlobs
		if !mg.changed {
			return errNothingToSave
		}
		if err := ix.Check(); err != nil {
			return fmt.Errorf("importing would damage the index (%v); nothing was imported", err)
		}
		return nil
	})
	if errors.Is(err, errNothingToSave) {
		discard(nil)
		return res, nil
	}
	if err != nil {
		discard(nil)
		return Result{}, err
	}
	discard(used)
	return res, nil
}

var errNothingToSave = errors.New("nothing to save")

func checkSender(v *vault.Vault, b *Bundle) error {
	if b.trusted {
		return nil
	}
	if _, ok := b.KnownSender(v.Index()); ok || b.FromVault(v) {
		return nil
	}
	claimed, _ := b.ClaimedSender(v.Index())
	return &SenderError{Sender: b.sender, Claimed: claimed}
}

// storeFile streams a notice's file from the bundle into a new blob and
// checks it against the manifest once more.
func storeFile(v *vault.Vault, b *Bundle, path string) (vault.BlobRef, error) {
	var want fileJSON
	for _, f := range b.m.Files {
		if f.Path == path {
			want = f
		}
	}
	r, err := b.file(path)
	if err != nil {
		return vault.BlobRef{}, err
	}
	defer r.Close()
	ref, err := v.AddBlob(io.LimitReader(r, want.Size+1))
	if err != nil {
		return vault.BlobRef{}, err
	}
	if ref.Size != want.Size || ref.SHA256 != want.SHA256 {
		v.DiscardBlob(ref)
		return vault.BlobRef{}, fmt.Errorf("%w: %.80q changed while it was read", ErrDamaged, path)
	}
	return ref, nil
}

// merger works out, and with a plan applies, what a bundle does to ix.
type merger struct {
	ix       *vault.Index
	b        *Bundle
	plan     *Plan // nil: preview only
	from     string
	owners   map[string]string // every local record ID → its kind
	names    map[string]string // person ID → name, local and in the bundle
	receipts map[string]string // case ID → receipt number, local and in the bundle

	items     []Item
	changed   bool
	blobs     map[string]vault.BlobRef // archive path → stored blob
	usedBlobs map[string]bool
	result    Result
}

func newMerger(ix *vault.Index, b *Bundle, p *Plan) *merger {
	from := b.sender.Name
	if c, ok := b.KnownSender(ix); ok {
		from = c.Name
	}
	mg := &merger{ix: ix, b: b, plan: p, owners: map[string]string{}, names: map[string]string{}, receipts: map[string]string{},
		usedBlobs: map[string]bool{}, from: "from " + shorten(from, 60) + ", " + b.m.Created.UTC().Format(time.DateOnly)}
	for _, p := range b.m.People {
		mg.names[p.ID] = p.Name
	}
	for _, c := range b.m.Cases {
		mg.receipts[c.ID] = c.ReceiptNumber
	}
	for _, p := range ix.People {
		mg.owners[p.ID] = "person"
		mg.names[p.ID] = p.Name
	}
	for _, x := range ix.Identifiers {
		mg.owners[x.ID] = "identifier"
	}
	for _, x := range ix.Cases {
		mg.owners[x.ID] = "case"
		mg.receipts[x.ID] = x.ReceiptNumber
	}
	for _, x := range ix.Notices {
		mg.owners[x.ID] = "notice"
	}
	for _, x := range ix.Events {
		mg.owners[x.ID] = "event"
	}
	for _, x := range ix.Trips {
		mg.owners[x.ID] = "trip"
	}
	for _, x := range ix.Logins {
		mg.owners[x.ID] = "login"
	}
	for _, x := range ix.Contacts {
		mg.owners[x.ID] = "contact"
	}
	return mg
}

func (mg *merger) run() {
	for _, p := range mg.b.m.People {
		mg.person(p)
	}
	for _, c := range mg.b.m.Cases {
		mg.kase(c)
	}
	for _, id := range mg.b.m.Identifiers {
		mg.identifier(id)
	}
	for _, n := range mg.b.m.Notices {
		mg.notice(n)
	}
	for _, e := range mg.b.m.Events {
		mg.event(e)
	}
	for _, t := range mg.b.m.Trips {
		mg.trip(t)
	}
	for _, l := range mg.b.m.Logins {
		mg.login(l)
	}
}

// decide is the merge rule for one record that the bundle has at version
// in, descending from the versions hist. local is this vault's version,
// nil if it has none; same compares the two contents.
func (mg *merger) decide(kind string, in vault.Record, hist []time.Time, local *vault.Record, same func() bool) (Action, string) {
	shared := mg.ix.SharedVersions(in.ID)
	if owner, ok := mg.owners[in.ID]; ok && owner != kind {
		return Duplicate, ""
	}
	switch {
	case local == nil && containsTime(shared, in.Updated):
		return Removed, ""
	case local == nil:
		return Add, ""
	case local.Updated.Equal(in.Updated):
		return Unchanged, ""
	case containsTime(hist, local.Updated):
		return Update, ""
	case containsTime(shared, in.Updated):
		return Older, ""
	case same():
		return Unchanged, ""
	}
	return mg.conflict(in)
}

// conflict names the copy that keeps the sender's version of a record: its
// ID comes from the record's and the version's, so that importing the same
// bundle again finds the copy made the first time (or that it was removed).
func (mg *merger) conflict(in vault.Record) (Action, string) {
	sum := sha256.Sum256([]byte("immivault conflict copy\x00" + in.ID + "\x00" + in.Updated.UTC().Format(time.RFC3339Nano)))
	id := base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding).EncodeToString(sum[:10])
	if _, ok := mg.owners[id]; ok || len(mg.ix.SharedVersions(id)) > 0 {
		return Unchanged, id // kept the first time; not a version of this record
	}
	return Conflict, id
}

func containsTime(ts []time.Time, t time.Time) bool { return slices.ContainsFunc(ts, t.Equal) }

// step records an item, and when applying says whether to make its
// change: it is accepted in the plan with the same action, and the records
// it belongs to exist (missing names the one that does not, or is "").
// Versions the vault has already are noted as shared whatever the plan,
// except a conflict's (copyID set), which the copy keeps.
func (mg *merger) step(it Item, in vault.Record, missing, copyID string) bool {
	if mg.plan == nil {
		it.Accept = it.Action.Changes()
		mg.items = append(mg.items, it)
		return false
	}
	if it.Action == Unchanged && copyID == "" && mg.ix.AddSharedVersions(in.ID, in.Updated) {
		mg.changed = true
	}
	if !it.Action.Changes() {
		return false
	}
	planned := slices.IndexFunc(mg.plan.Items, func(p Item) bool { return p.Kind == it.Kind && p.ID == it.ID })
	switch {
	case planned < 0 || !mg.plan.Items[planned].Accept:
		return false
	case mg.plan.Items[planned].Action != it.Action:
		it.Note = fmt.Sprintf("the vault changed since the preview (now: %s); import again to see", it.Action)
	case missing != "":
		it.Note = missing + " was not imported"
	case it.file != "" && mg.blobs[it.file].Name == "":
		it.Note = "its file was not stored"
	default:
		return true
	}
	mg.result.Skipped = append(mg.result.Skipped, it)
	return false
}

// done notes a change made: the versions now shared, and the count.
func (mg *merger) done(a Action, in vault.Record, hist []time.Time, copyID string) {
	mg.changed = true
	switch a {
	case Add, Update:
		mg.ix.AddSharedVersions(in.ID, in.Updated)
		if adopt := adoptable(mg.ix.SharedVersions(in.ID), hist); len(adopt) > 0 {
			mg.ix.AddSharedVersions(in.ID, adopt...)
		}
		if a == Add {
			mg.result.Added++
			mg.owners[in.ID] = "added"
		} else {
			mg.result.Updated++
		}
	case Conflict:
		mg.ix.AddSharedVersions(copyID, in.Updated)
		mg.owners[copyID] = "copy"
		mg.result.Conflicts++
	}
}

// adoptable is what this vault takes from a sender's history hist of a
// record whose shared versions are now shared: the versions it does not
// have, newest in the sender's list first, as many as fit while the record
// has fewer than half of MaxSharedVersions. Shared versions are bounded,
// and Index.AddSharedVersions drops the oldest by time to make room: a
// history (which only the sender vouches for) must never push out a
// version this vault sent, received or removed, which is what tells a
// replayed old bundle (Removed, Older) from a new one. A history not
// adopted can only turn a later update into a conflict, which loses
// nothing.
func adoptable(shared, hist []time.Time) []time.Time {
	room := vault.MaxSharedVersions/2 - len(shared)
	var out []time.Time
	for i := len(hist) - 1; i >= 0 && len(out) < room; i-- {
		if !containsTime(shared, hist[i]) && !containsTime(out, hist[i]) {
			out = append(out, hist[i])
		}
	}
	return out
}

// mark appends "(from NAME, DATE)" to s, within max bytes.
func (mg *merger) mark(s string, max int) string {
	suffix := " (" + mg.from + ")"
	if s == "" {
		return shorten(suffix[1:], max)
	}
	return shorten(s, max-len(suffix)) + suffix
}

// shorten cuts s to at most max bytes, at a character boundary.
func shorten(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}

func (mg *merger) missingPerson(id string) string {
	if find(mg.ix.People, id) != nil {
		return ""
	}
	return "the person it belongs to (" + mg.names[id] + ")"
}

func (mg *merger) missingParents(personID, caseID string) string {
	if m := mg.missingPerson(personID); m != "" {
		return m
	}
	if caseID != "" && find(mg.ix.Cases, caseID) == nil {
		return "the case it belongs to"
	}
	return ""
}

func (mg *merger) person(in *personJSON) {
	local := find(mg.ix.People, in.ID)
	act, copyID := mg.decide("person", in.Record, in.History, recordOf(local), func() bool { return sameContent(local, in.Person) })
	it := Item{Action: act, Kind: "person", ID: in.ID, What: in.Name}
	if local != nil && (act == Update || act == Conflict) {
		it.Changes = personChanges(local, &in.Person)
	}
	if act == Add && slices.ContainsFunc(mg.ix.People, func(p *vault.Person) bool { return strings.EqualFold(p.Name, in.Name) }) {
		it.Note = "another person with this name is already in the vault; both are kept"
	}
	if !mg.step(it, in.Record, "", copyID) {
		return
	}
	put(&mg.ix.People, local, in.Person, act, copyID, func(p *vault.Person) { p.Name = mg.mark(p.Name, vault.MaxShortText) })
	mg.done(act, in.Record, in.History, copyID)
}

func (mg *merger) kase(in *caseJSON) {
	local := find(mg.ix.Cases, in.ID)
	act, copyID := mg.decide("case", in.Record, in.History, recordOf(local), func() bool { return sameContent(local, in.Case) })
	it := Item{Action: act, Kind: "case", ID: in.ID, What: strings.TrimSpace(in.ReceiptNumber + " " + in.Form + " (" + mg.names[in.PersonID] + ")")}
	if local != nil && (act == Update || act == Conflict) {
		it.Changes = mg.caseChanges(local, &in.Case)
	}
	if act == Add && slices.ContainsFunc(mg.ix.Cases, func(c *vault.Case) bool { return c.ReceiptNumber == in.ReceiptNumber }) {
		it.Note = "the vault has another case with this receipt number; both are kept"
	}
	if !mg.step(it, in.Record, mg.missingPerson(in.PersonID), copyID) {
		return
	}
	put(&mg.ix.Cases, local, in.Case, act, copyID, func(c *vault.Case) { c.Status = mg.mark(c.Status, vault.MaxLongText) })
	mg.done(act, in.Record, in.History, copyID)
}

func (mg *merger) identifier(in *identifierJSON) {
	local := find(mg.ix.Identifiers, in.ID)
	same := func(x *vault.Identifier) bool {
		return x.PersonID == in.PersonID && x.Kind == in.Kind && x.Label == in.Label && x.Country == in.Country &&
			x.Validity == in.Validity && x.DocumentFacts == in.DocumentFacts
	}
	act, copyID := mg.decide("identifier", in.Record, in.History, recordOf(local), func() bool {
		return same(local) && local.Value.Equal(in.Value)
	})
	other := local // what the sender's version is compared with
	if act == Add {
		// The same person with a number of this kind under another record:
		// the same number is a duplicate; another number, a conflict.
		for _, x := range mg.ix.IdentifiersOf(in.PersonID) {
			if x.Kind == in.Kind && strings.EqualFold(x.Label, in.Label) && x.Country == in.Country {
				if x.Value.Equal(in.Value) {
					act = Duplicate
				} else {
					act, copyID = mg.conflict(in.Record)
					other = x
				}
				break
			}
		}
	}
	it := Item{Action: act, Kind: "identifier", ID: in.ID, What: in.describe() + " (" + mg.names[in.PersonID] + ")"}
	if other != nil && (act == Update || act == Conflict) {
		it.Changes = mg.identifierChanges(other, in)
	}
	if !mg.step(it, in.Record, mg.missingPerson(in.PersonID), copyID) {
		return
	}
	put(&mg.ix.Identifiers, local, in.Identifier, act, copyID, func(x *vault.Identifier) {
		// A copy of another kind, so that the person's own number of this
		// kind stays the one that lookups by kind find.
		label := in.Kind.Title()
		if in.Kind == ids.Passport {
			label += " " + in.Country
		} else if in.Kind == ids.Other {
			label = in.Label
		}
		x.Kind, x.Country, x.Label = ids.Other, "", mg.mark(label, vault.MaxLabel)
	})
	mg.done(act, in.Record, in.History, copyID)
}

// describe names an identifier with its value masked.
func (id *identifierJSON) describe() string {
	what := id.Kind.Title()
	switch id.Kind {
	case ids.Passport:
		what += " (" + id.Country + ")"
	case ids.Other:
		what = id.Label
	}
	masked := ""
	id.Value.Use(func(v []byte) error {
		masked = ids.Mask(id.Kind, v)
		return nil
	})
	return what + " " + masked
}

func (mg *merger) notice(in *noticeJSON) {
	local := find(mg.ix.Notices, in.ID)
	act, copyID := mg.decide("notice", in.Record, in.History, recordOf(local), func() bool {
		return local.PersonID == in.PersonID && local.CaseID == in.CaseID && local.FileName == in.FileName &&
			local.Type == in.Type && local.SHA256 == in.SHA256 && equalFields(local.Fields, in.Fields)
	})
	if act == Add && slices.ContainsFunc(mg.ix.Notices, func(n *vault.Notice) bool { return n.PersonID == in.PersonID && n.SHA256 == in.SHA256 }) {
		act = Duplicate
	}
	it := Item{Action: act, Kind: "notice", ID: in.ID, What: in.FileName + " (" + mg.names[in.PersonID] + ")"}
	if local != nil && (act == Update || act == Conflict) {
		it.Changes = mg.noticeChanges(local, in)
	}
	if act == Add || act == Conflict || act == Update && local.SHA256 != in.SHA256 {
		it.file = in.File
	}
	if !mg.step(it, in.Record, mg.missingParents(in.PersonID, in.CaseID), copyID) {
		return
	}
	n := in.notice()
	if it.file != "" {
		n.Blob = mg.blobs[it.file].Name
		mg.usedBlobs[n.Blob] = true
		mg.result.Files++
	}
	if act == Update && it.file == "" {
		n.Blob = local.Blob
	}
	put(&mg.ix.Notices, local, n, act, copyID, func(n *vault.Notice) {
		ext := noticeExt(n.FileName)
		n.FileName = mg.mark(n.FileName[:len(n.FileName)-len(ext)], vault.MaxFileName-len(ext)) + ext
	})
	mg.done(act, in.Record, in.History, copyID)
}

func equalFields(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func (mg *merger) event(in *eventJSON) {
	local := find(mg.ix.Events, in.ID)
	act, copyID := mg.decide("event", in.Record, in.History, recordOf(local), func() bool { return sameContent(local, in.Event) })
	it := Item{Action: act, Kind: "event", ID: in.ID, What: strings.TrimSpace(in.Kind + " " + in.Date + " " + in.Time + " (" + mg.names[in.PersonID] + ")")}
	if local != nil && (act == Update || act == Conflict) {
		it.Changes = mg.eventChanges(local, &in.Event)
	}
	if !mg.step(it, in.Record, mg.missingParents(in.PersonID, in.CaseID), copyID) {
		return
	}
	put(&mg.ix.Events, local, in.Event, act, copyID, func(e *vault.Event) { e.Note = mg.mark(e.Note, vault.MaxLongText) })
	mg.done(act, in.Record, in.History, copyID)
}

// trip merges a trip as an event, but a trip that would overlap another
// of the person's is not added beside it (a conflict's copy always
// would): a person is on one trip at a time, and the days abroad would
// count twice. This vault's trip stays; the preview says why.
func (mg *merger) trip(in *tripJSON) {
	local := find(mg.ix.Trips, in.ID)
	act, copyID := mg.decide("trip", in.Record, in.History, recordOf(local), func() bool { return sameContent(local, in.Trip) })
	it := Item{Action: act, Kind: "trip", ID: in.ID, What: in.Dates() + " (" + mg.names[in.PersonID] + ")"}
	if local != nil && (act == Update || act == Conflict) {
		it.Changes = tripChanges(local, &in.Trip)
	}
	if act.Changes() {
		for _, o := range mg.ix.TripsOf(in.PersonID) {
			if o != local && o.Overlaps(&in.Trip) {
				it.Action, it.Note = Duplicate, "overlaps the trip of "+o.Dates()+" in this vault, which is kept"
				break
			}
		}
	}
	if !mg.step(it, in.Record, mg.missingPerson(in.PersonID), copyID) {
		return
	}
	put(&mg.ix.Trips, local, in.Trip, act, copyID, func(t *vault.Trip) { t.Purpose = mg.mark(t.Purpose, vault.MaxLongText) })
	mg.done(act, in.Record, in.History, copyID)
}

// record is a kind of record the merge reaches generically.
type record interface {
	vault.Person | vault.Case | vault.Identifier | vault.Notice | vault.Event | vault.Trip
}

// recordOf is a record's Record (its ID and times), or nil for none.
func recordOf[T record](r *T) *vault.Record {
	if r == nil {
		return nil
	}
	switch x := any(r).(type) {
	case *vault.Person:
		return &x.Record
	case *vault.Case:
		return &x.Record
	case *vault.Identifier:
		return &x.Record
	case *vault.Notice:
		return &x.Record
	case *vault.Event:
		return &x.Record
	case *vault.Trip:
		return &x.Record
	}
	panic("recordOf: not a record") // the constraint lists every kind
}

// find is the record of records with the ID id, or nil.
func find[T record](records []*T, id string) *T {
	for _, r := range records {
		if recordOf(r).ID == id {
			return r
		}
	}
	return nil
}

// sameContent reports whether two versions of a record hold the same,
// their IDs and times aside.
func sameContent[T vault.Person | vault.Case | vault.Event | vault.Trip](local *T, in T) bool {
	l := *local
	*recordOf(&l), *recordOf(&in) = vault.Record{}, vault.Record{}
	return l == in
}

// put makes an accepted change to the records of one kind, with the
// sender's version in: added (Add), in place of local and with its
// creation time (Update), or beside it as the copy copyID, which mark
// marks (Conflict).
func put[T record](records *[]*T, local *T, in T, act Action, copyID string, mark func(*T)) {
	switch act {
	case Add:
		*records = append(*records, &in)
	case Update:
		recordOf(&in).Created = recordOf(local).Created
		*local = in
	case Conflict:
		recordOf(&in).ID = copyID
		mark(&in)
		*records = append(*records, &in)
	}
}
