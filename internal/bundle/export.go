package bundle

import (
	"archive/zip"
	"crypto/sha512"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"

	"immivault/internal/contact"
	"immivault/internal/secret"
	"immivault/internal/vault"
)

// ExportOptions says what a bundle holds and whom it is for.
type ExportOptions struct {
	// SenderName is the name on the sender's card in the bundle.
	SenderName string
	// To are the family members to encrypt to. Nil means every contact in
	// the family list whose fingerprint the user compared (Verified): a
	// card nobody checked may not be the person's, and a bundle holds
	// every number in full. The sender is always added, unless the
	// recipients are all classic (age1...), which age cannot mix with the
	// sender's post-quantum key.
	To []contact.Card
	// Passphrase, if set, encrypts to this passphrase alone (age's scrypt
	// stanza), for a relative without immivault; To must then be empty.
	Passphrase *secret.Secret
	// WorkFactor is scrypt's log2(N) for Passphrase: 18 unless set.
	WorkFactor int
	// People and Cases (person names or IDs; receipt numbers) choose what
	// goes in. Both empty means everything. A person brings their record,
	// identifiers, cases, notices and events; a case brings its person's
	// record (not their identifiers), the case, and its notices and events.
	People, Cases []string
	// Logins (record IDs) are the logins that go in, each chosen on its
	// own: nothing else brings one, not even a whole person or
	// everything. Each must belong to a person the bundle carries.
	Logins []string
	// Armor writes the bundle as ASCII text, for pasting into mail.
	Armor bool
}

// Summary is what a bundle would hold and whom it would be for.
type Summary struct {
	People, Identifiers, Cases, Notices, Events int
	Bytes                                       int64 // of notice files
	To                                          []contact.Card
	IncludesSender                              bool // encrypted to the sender too
	Passphrase                                  bool
	// Unverified are the family members a bundle without To leaves out
	// because their fingerprint was not compared.
	Unverified []contact.Card
	// Trips counts the trips, which go with the people exported whole.
	Trips int
	// Logins counts the logins, each chosen on its own.
	Logins int
}

// Describe checks options as Export would and says what the bundle would
// hold, without writing anything. It does not look at the passphrase's
// value: a caller may ask before asking for one, with an empty Secret.
func Describe(v *vault.Vault, o ExportOptions) (Summary, error) {
	ix := v.Index()
	sel, err := selectRecords(ix, o.People, o.Cases)
	if err == nil {
		err = sel.selectLogins(ix, o.Logins)
	}
	if err != nil {
		return Summary{}, err
	}
	self, err := v.Card(o.SenderName)
	if err != nil {
		return Summary{}, err
	}
	_, to, withSelf, err := recipients(self, ix, o)
	if err != nil {
		return Summary{}, err
	}
	s := Summary{People: len(sel.people), Identifiers: len(sel.identifiers), Cases: len(sel.cases),
		Notices: len(sel.notices), Events: len(sel.events), Trips: len(sel.trips), Logins: len(sel.logins), To: to, IncludesSender: withSelf, Passphrase: o.Passphrase != nil}
	if o.To == nil && o.Passphrase == nil {
		for _, c := range ix.Contacts {
			if !c.Verified {
				s.Unverified = append(s.Unverified, c.Card())
			}
		}
	}
	for _, n := range sel.notices {
		s.Bytes += n.Size
	}
	return s, sel.checkSizes()
}

// Export writes a bundle to w, streaming: notices go from the vault's
// blobs into the archive a chunk at a time, and memory use does not grow
// with their size. Each notice is checked against the SHA-256 the vault
// recorded as it goes; a mismatch aborts the export, and w then holds
// part of a bundle, which the caller discards.
//
// Before writing, Export records in the vault that these versions of the
// records were shared (Index.Synced), the merge base of later imports.
func Export(w io.Writer, v *vault.Vault, o ExportOptions) error {
	if o.Passphrase != nil && o.Passphrase.IsEmpty() {
		return errors.New("the bundle's passphrase is empty")
	}
	if err := v.Refresh(); err != nil {
		return err
	}
	ix := v.Index()
	sel, err := selectRecords(ix, o.People, o.Cases)
	if err == nil {
		err = sel.selectLogins(ix, o.Logins)
	}
	if err != nil {
		return err
	}
	if err := sel.checkSizes(); err != nil {
		return err
	}
	self, err := v.Card(o.SenderName)
	if err != nil {
		return err
	}
	if _, err := contact.Parse(self.Marshal()); err != nil {
		return fmt.Errorf("the name on your card: %w", err)
	}
	recips, to, _, err := recipients(self, ix, o)
	if err != nil {
		return err
	}
	created := now().UTC().Truncate(time.Millisecond)
	m := buildManifest(ix, sel, self, to, o.Passphrase != nil, created)
	if err := m.check(); err != nil {
		return fmt.Errorf("this vault holds a record a bundle cannot carry: %v", err)
	}
	if err := recordShared(v, m); err != nil {
		return err
	}

	// The signature needs the manifest's digest before the manifest is
	// written: hash it once, sign, then write it, hashing again to be sure
	// the two passes wrote the same bytes.
	digest, size, err := manifestDigest(m)
	if err != nil {
		return err
	}
	if size > MaxManifestSize {
		return fmt.Errorf("there are too many records for one bundle (manifest.json would be over %d MiB): export fewer people", MaxManifestSize>>20)
	}
	sig, err := v.SignDigest(digest, signatureContext)
	if err != nil {
		return err
	}

	out := w
	var armored io.WriteCloser
	if o.Armor {
		armored = armor.NewWriter(w)
		out = armored
	}
	enc, err := age.Encrypt(out, recips...)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(enc)
	header := func(name string) *zip.FileHeader {
		return &zip.FileHeader{Name: name, Method: zip.Store, Modified: created.Truncate(time.Second)}
	}
	for _, e := range []struct {
		name string
		data []byte
	}{{readmeName, []byte(readme)}} {
		f, err := zw.CreateHeader(header(e.name))
		if err != nil {
			return err
		}
		if _, err := f.Write(e.data); err != nil {
			return err
		}
	}
	f, err := zw.CreateHeader(header(manifestName))
	if err != nil {
		return err
	}
	h := sha512.New()
	if err := writeManifest(io.MultiWriter(f, h), m); err != nil {
		return err
	}
	if !slices.Equal(h.Sum(nil), digest) {
		return errors.New("manifest.json changed while it was written")
	}
	if f, err = zw.CreateHeader(header(signatureName)); err != nil {
		return err
	}
	if _, err := f.Write(sig); err != nil {
		return err
	}
	for i, n := range sel.notices {
		hdr := header(m.Notices[i].File)
		hdr.UncompressedSize64 = uint64(n.Size)
		f, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if err := copyNotice(f, v, n); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if armored != nil {
		return armored.Close()
	}
	return nil
}

// manifestDigest is the SHA-512 of manifest.json and its size.
func manifestDigest(m *manifest) ([]byte, int64, error) {
	h := sha512.New()
	cw := &countingWriter{w: h}
	if err := writeManifest(cw, m); err != nil {
		return nil, 0, err
	}
	return h.Sum(nil), cw.n, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// copyNotice streams a notice from its blob into w. The blob's reader
// checks its size and SHA-256 against the index, and fails at the end if
// they differ.
func copyNotice(w io.Writer, v *vault.Vault, n *vault.Notice) error {
	r, err := v.OpenBlob(n)
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = pipeline(w, r)
	return err
}

// pipeline copies src to dst, reading (and so decrypting and checking) on
// one goroutine while dst encrypts and writes on the caller's: on two cores
// a notice is exported at about the speed of encrypting it alone.
func pipeline(dst io.Writer, src io.Reader) (int64, error) {
	const chunk, depth = 256 << 10, 3
	free := make(chan []byte, depth)
	for range depth {
		free <- make([]byte, chunk)
	}
	type filled struct {
		b   []byte
		err error
	}
	full := make(chan filled, depth)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(full)
		for {
			var b []byte
			select {
			case b = <-free:
			case <-stop:
				return
			}
			n, err := io.ReadFull(src, b)
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			full <- filled{b[:n], err}
			if err != nil {
				return
			}
		}
	}()
	var total int64
	for f := range full {
		if len(f.b) > 0 {
			if _, err := dst.Write(f.b); err != nil {
				return total, err
			}
			total += int64(len(f.b))
		}
		if f.err == io.EOF {
			return total, nil
		}
		if f.err != nil {
			return total, f.err
		}
		free <- f.b[:cap(f.b)]
	}
	return total, nil
}

// selection is the records a bundle carries, in the vault's order.
type selection struct {
	people      []*vault.Person
	identifiers []*vault.Identifier
	cases       []*vault.Case
	notices     []*vault.Notice
	events      []*vault.Event
	trips       []*vault.Trip // of the people exported whole
	logins      []*vault.Login
}

func selectRecords(ix *vault.Index, people, receipts []string) (*selection, error) {
	all := len(people) == 0 && len(receipts) == 0
	whole := map[string]bool{}  // people with everything of theirs
	person := map[string]bool{} // people whose record alone goes in
	caseIDs := map[string]bool{}
	for _, ref := range people {
		p, err := ix.Person(ref)
		if err != nil {
			return nil, err
		}
		whole[p.ID], person[p.ID] = true, true
	}
	for _, ref := range receipts {
		c, err := ix.CaseByReceipt(ref)
		if err != nil {
			return nil, err
		}
		caseIDs[c.ID], person[c.PersonID] = true, true
	}
	s := &selection{}
	for _, p := range ix.People {
		if all || person[p.ID] {
			s.people = append(s.people, p)
		}
	}
	for _, id := range ix.Identifiers {
		if all || whole[id.PersonID] {
			s.identifiers = append(s.identifiers, id)
		}
	}
	for _, c := range ix.Cases {
		if all || whole[c.PersonID] || caseIDs[c.ID] {
			s.cases = append(s.cases, c)
		}
	}
	for _, n := range ix.Notices {
		if all || whole[n.PersonID] || n.CaseID != "" && caseIDs[n.CaseID] {
			s.notices = append(s.notices, n)
		}
	}
	for _, e := range ix.Events {
		if all || whole[e.PersonID] || e.CaseID != "" && caseIDs[e.CaseID] {
			s.events = append(s.events, e)
		}
	}
	for _, t := range ix.Trips {
		if all || whole[t.PersonID] {
			s.trips = append(s.trips, t)
		}
	}
	return s, nil
}

func (s *selection) checkSizes() error {
	var total int64
	for _, n := range s.notices {
		if n.Size > MaxFileSize {
			return fmt.Errorf("notice %s (%s) is larger than %d MiB, which is more than a bundle carries: leave its person or case out", n.ID, n.FileName, MaxFileSize>>20)
		}
		total += n.Size
	}
	if total > MaxTotalSize {
		return fmt.Errorf("these notices add up to more than %d GiB, more than one bundle carries: export fewer people or cases at a time", MaxTotalSize>>30)
	}
	if len(s.notices)+1 > MaxEntries-2 {
		return fmt.Errorf("more than %d notices do not fit in one bundle: export fewer people or cases at a time", MaxEntries-3)
	}
	return nil
}

// recipients resolves whom a bundle is encrypted to: the age recipients,
// the cards the manifest names, and whether the sender is among them.
func recipients(self contact.Card, ix *vault.Index, o ExportOptions) ([]age.Recipient, []contact.Card, bool, error) {
	if o.Passphrase != nil {
		if len(o.To) > 0 {
			return nil, nil, false, errors.New("a bundle protected by a passphrase cannot also be encrypted to family members (age forbids mixing them): export twice")
		}
		wf := o.WorkFactor
		if wf == 0 {
			wf = 18
		}
		return []age.Recipient{vault.PassphraseRecipient(o.Passphrase, wf)}, nil, false, nil
	}
	cards := o.To
	if cards == nil {
		for _, c := range ix.Contacts {
			if c.Verified {
				cards = append(cards, c.Card())
			}
		}
	}
	var classic, pq []contact.Card
	seen := map[string]bool{self.Recipient: true}
	for _, c := range cards {
		if seen[c.Recipient] {
			continue
		}
		seen[c.Recipient] = true
		if c.Classic() {
			classic = append(classic, c)
		} else {
			pq = append(pq, c)
		}
	}
	to, withSelf := append([]contact.Card{self}, pq...), true
	if len(classic) > 0 {
		if len(pq) > 0 || o.To == nil {
			var names []string
			for _, c := range classic {
				names = append(names, fmt.Sprintf("%q", c.Name))
			}
			return nil, nil, false, fmt.Errorf("%s %s a classic age key (age1...), which age cannot mix with post-quantum keys in one bundle: export to them in a bundle of their own, and to the others without them",
				strings.Join(names, ", "), plural(len(classic), "has", "have"))
		}
		to, withSelf = classic, false
	}
	if len(to) > MaxRecipients {
		return nil, nil, false, fmt.Errorf("a bundle can be encrypted to at most %d people (age's limit), and this one would have %d: export in several bundles", MaxRecipients, len(to))
	}
	recips := make([]age.Recipient, len(to))
	for i, c := range to {
		r, err := c.AgeRecipient()
		if err != nil {
			return nil, nil, false, fmt.Errorf("%q's card: %v", c.Name, err)
		}
		recips[i] = r
	}
	return recips, to, withSelf, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// buildManifest describes the selection. Identifier values stay in their
// Secrets (shared, immutable) until writeManifest writes them.
func buildManifest(ix *vault.Index, s *selection, self contact.Card, to []contact.Card, passphrase bool, created time.Time) *manifest {
	m := &manifest{Format: Format, Created: created, Passphrase: passphrase,
		Sender: senderJSON{Card: string(self.Marshal()), Fingerprint: self.Fingerprint()}}
	for _, c := range to {
		m.To = append(m.To, Addressee{Name: c.Name, Fingerprint: c.Fingerprint()})
	}
	// A history as readers accept it (history.check): the shared versions
	// but the record's own, in order, without a version dated beyond the
	// clock skew (a clock that was fast once), which a reader would refuse.
	latest := now().Add(MaxClockSkew)
	hist := func(r vault.Record) history {
		var h []time.Time
		for _, t := range ix.SharedVersions(r.ID) {
			if !t.IsZero() && !t.Equal(r.Updated) && !t.After(latest) && !slices.ContainsFunc(h, t.Equal) {
				h = append(h, t.UTC())
			}
		}
		slices.SortFunc(h, time.Time.Compare)
		if len(h) > vault.MaxSharedVersions {
			h = h[len(h)-vault.MaxSharedVersions:]
		}
		return history{h}
	}
	m.Files = append(m.Files, fileJSON{Path: readmeName, Size: int64(len(readme)), SHA256: readmeSHA256})
	names := map[string]string{}
	for _, p := range s.people {
		m.People = append(m.People, &personJSON{*p, hist(p.Record)})
		names[p.ID] = p.Name
	}
	for _, id := range s.identifiers {
		m.Identifiers = append(m.Identifiers, &identifierJSON{*id, hist(id.Record)})
	}
	receipts := map[string]string{}
	for _, c := range s.cases {
		m.Cases = append(m.Cases, &caseJSON{*c, hist(c.Record)})
		receipts[c.ID] = c.ReceiptNumber
	}
	taken := uniqueNames{}
	for _, n := range s.notices {
		dir := noticesDir + cleanComponent(names[n.PersonID], "person", maxComponent) + "/"
		file := taken.take(dir, noticeStem(n, receipts[n.CaseID]), noticeExt(n.FileName))
		m.Files = append(m.Files, fileJSON{Path: file, Size: n.Size, SHA256: n.SHA256})
		m.Notices = append(m.Notices, &noticeJSON{Record: n.Record, history: hist(n.Record),
			PersonID: n.PersonID, CaseID: n.CaseID, FileName: n.FileName, Type: n.Type,
			Size: n.Size, SHA256: n.SHA256, Fields: n.Fields, File: file})
	}
	for _, e := range s.events {
		m.Events = append(m.Events, &eventJSON{*e, hist(e.Record)})
	}
	for _, t := range s.trips {
		m.Trips = append(m.Trips, &tripJSON{*t, hist(t.Record)})
	}
	for _, l := range s.logins {
		m.Logins = append(m.Logins, &loginJSON{*l, hist(l.Record)})
	}
	m.clean()
	return m
}

// noticeStem names a notice's file in the archive the way a person would:
// "I-797C EAC2512345678 2025-01-10", from what was read off the notice;
// else the name it was added under.
func noticeStem(n *vault.Notice, receipt string) string {
	form := n.Fields["form"]
	if form == "" {
		form = n.Type
	}
	if receipt == "" {
		receipt = n.Fields["receipt_number"]
	}
	var parts []string
	for _, p := range []string{form, receipt, n.Fields["notice_date"]} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	stem := strings.Join(parts, " ")
	if form == "" {
		stem = n.FileName[:len(n.FileName)-len(noticeExt(n.FileName))]
	}
	return cleanComponent(stem, "notice", maxComponent)
}

// recordShared notes in the vault that the versions of the records in m
// were shared: any version a vault has held is an ancestor of what it
// holds now, so this is true whatever happens to the bundle.
func recordShared(v *vault.Vault, m *manifest) error {
	vs := m.versions()
	if !slices.ContainsFunc(vs, func(x version) bool {
		return !slices.ContainsFunc(v.Index().SharedVersions(x.ID), x.Updated.Equal)
	}) {
		return nil
	}
	return v.Update(func(ix *vault.Index) error {
		for _, x := range vs {
			ix.AddSharedVersions(x.ID, x.Updated)
		}
		return nil
	})
}
